/**
 * Shared by the insights API tests (`routes/api/insights*_test.ts`): a signed-up user with the
 * hand-computed chat of lib/insights/fixture_test_util.ts, a GET of its insights, and builders
 * of the expected values.
 *
 * Expectations computed by hand from CHAT. Replies at gap 6 h: Ann 4, 2, 29, 10 min; Bob 5, 29,
 * 16, 28, 5; Cleo 120 (her 735 and 2079 are over the gap). Starters at 6 h: Ann #2 (first), #29;
 * Bob #10, #19, #24; Cleo #9, #16 (Cleo #28 follows 2 h).
 *
 * @module
 */
import assert from "node:assert/strict";
import { seedChat } from "../../lib/insights/fixture_test_util.ts";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";

/** Media counts: zero but for the types given. */
export const media = (set: Record<string, number> = {}) => ({
  image: 0,
  video: 0,
  audio: 0,
  voice: 0,
  sticker: 0,
  document: 0,
  contact: 0,
  location: 0,
  other: 0,
  ...set,
});
/** A weekday × hour grid with the given [weekday (0 = Monday), hour, count] cells. */
export const heat = (cells: [number, number, number][]) => {
  const grid = Array.from({ length: 7 }, () => new Array(24).fill(0));
  for (const [d, h, n] of cells) grid[d][h] = n;
  return grid;
};
/** A ranked list of terms from `[term, count]` pairs. */
export const terms = (...pairs: [string, number][]) =>
  pairs.map(([term, count]) => ({ term, count }));
/** A monologue: `length` messages by `author` from message `seq` (its ref too), `from`–`to`. */
export const monologue = (
  author: string,
  length: number,
  seq: number,
  from: string,
  to: string,
) => ({
  author,
  length,
  startSeq: seq,
  startRef: seq,
  from,
  to,
});
export const FAMILY = "👨‍👩‍👧", FLAG = "🇪🇸", THUMB = "👍🏽", HEART = "❤️";

/** A test app, a signed-up user's session headers and the id of their seeded chat. */
export interface Seeded {
  t: TestApp;
  id: string;
  headers: Record<string, string>;
}

/** A test app with the hand-computed chat of a new user (close `t` when done). */
export async function setup(): Promise<Seeded> {
  const t = await createTestApp();
  const user = await signUp(t.app);
  const id = await seedChat(t.db.sql, user.userId);
  return { t, id, headers: user.headers };
}

/** The insights of the seeded chat as JSON, asserting a 200. */
export async function get(s: Seeded, query = "") {
  const res = await s.t.app.request(`/api/conversations/${s.id}/insights${query}`, {
    headers: s.headers,
  });
  assert.equal(res.status, 200, await res.clone().text());
  return await res.json();
}
