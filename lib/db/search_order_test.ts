import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { type ChatMessage, seedChat } from "../../routes/_test_chat.ts";
import { decodeCursor, encodeCursor, searchMessages, type SearchOptions } from "./search.ts";

// Every plan: GIN candidates sorted (few matches), the date walk merged by zone (denseAt: 1),
// and the GIN plan again when the user has too many chats for the walk (maxBranches: 1).
const PLANS = [[undefined, undefined], [1, undefined], [1, 1]] as const;

/** A chat in `zone`, its instants (`at`) read in it as an import would have. */
async function chatIn(
  t: TestApp,
  userId: string,
  title: string,
  zone: string,
  msgs: ChatMessage[],
) {
  const id = await seedChat(t, userId, { title, messages: msgs });
  await t.db.sql`update conversations set time_zone = ${zone} where id = ${id}`;
  await t.db.sql`update messages set at = date at time zone ${zone} where conversation_id = ${id}`;
  return id;
}

/** Every hit of `options`, page after page of `size`, as `title:text`. */
async function paged(
  t: TestApp,
  userId: string,
  size: number,
  options: Omit<SearchOptions, "limit">,
) {
  const seen: string[] = [];
  let before: SearchOptions["before"];
  for (let page = 0; page < 50; page++) {
    const found = await searchMessages(t.db.sql, userId, { ...options, limit: size, before });
    seen.push(...found.hits.map((h) => `${h.title}:${h.snippet.text}`));
    assert.equal(found.next !== null, found.more);
    if (!found.next) return seen;
    // The cursor goes through its text, as the API hands it out.
    before = decodeCursor(encodeCursor(found.next))!;
  }
  throw new Error("more than 50 pages");
}

Deno.test("searchMessages: chats in different zones are ordered by instant, paged across them", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // Tokyo is UTC+9, London UTC+0 in January. By wall clock Tokyo's 18:00 and 14:00 would come
    // first; by instant London's 09:30 is the newest, and Tokyo's 14:00 ties London's 05:00.
    const tokyo = await chatIn(t, u.userId, "Tokyo", "Asia/Tokyo", [
      { date: "2024-01-10T10:00:00", text: "tea t10" }, // 01:00Z
      { date: "2024-01-10T14:00:00", text: "tea t14" }, // 05:00Z
      { date: "2024-01-10T18:00:00", text: "tea t18a" }, // 09:00Z
      { date: "2024-01-10T18:00:00", text: "tea t18b" }, // 09:00Z, a later ref
    ]);
    const london = await chatIn(t, u.userId, "London", "Europe/London", [
      { date: "2024-01-10T05:00:00", text: "tea l05" }, // 05:00Z
      { date: "2024-01-10T09:30:00", text: "tea l0930" }, // 09:30Z
    ]);
    // A second chat in London's zone: one zone's chats are merged by wall clock.
    const leeds = await chatIn(t, u.userId, "Leeds", "Europe/London", [
      { date: "2024-01-10T05:00:00", text: "tea e05" }, // 05:00Z
      { date: "2024-01-10T08:00:00", text: "tea e08" }, // 08:00Z
    ]);
    // The three-way tie at 05:00Z goes by conversation id.
    const at5 = [[tokyo, "Tokyo:tea t14"], [london, "London:tea l05"], [leeds, "Leeds:tea e05"]]
      .sort(([a], [b]) => a < b ? -1 : 1).map(([, hit]) => hit);
    const expected = [
      "London:tea l0930",
      "Tokyo:tea t18b",
      "Tokyo:tea t18a",
      "Leeds:tea e08",
      ...at5,
      "Tokyo:tea t10",
    ];
    for (const [denseAt, maxBranches] of PLANS) {
      const plan = `denseAt ${denseAt}, maxBranches ${maxBranches}`;
      const options = { query: "tea", denseAt, maxBranches };
      const all = await searchMessages(t.db.sql, u.userId, { ...options, limit: 50 });
      assert.deepEqual(all.hits.map((h) => `${h.title}:${h.snippet.text}`), expected, plan);
      assert.deepEqual(all.hits.map((h) => h.at), [
        "2024-01-10T09:30:00Z",
        "2024-01-10T09:00:00Z",
        "2024-01-10T09:00:00Z",
        "2024-01-10T08:00:00Z",
        "2024-01-10T05:00:00Z",
        "2024-01-10T05:00:00Z",
        "2024-01-10T05:00:00Z",
        "2024-01-10T01:00:00Z",
      ]);
      for (const size of [1, 2, 3, 5]) {
        assert.deepEqual(await paged(t, u.userId, size, options), expected, `${size}, ${plan}`);
      }
      // The cursor carries the instant.
      const first = await searchMessages(t.db.sql, u.userId, { ...options, limit: 2 });
      assert.deepEqual(first.next, { at: "2024-01-10T09:00:00Z", conversationId: tokyo, ref: 4 });
      // The reader's days still filter (Tokyo's 10:00 is 01:00 in London: still the 10th).
      const day = { from: "2024-01-10", to: "2024-01-10" };
      assert.deepEqual(
        await paged(t, u.userId, 2, { ...options, ...day, zone: "Europe/London" }),
        expected,
      );
      // In New York (UTC-5) the 10th starts at 05:00Z: everything from the tie on.
      assert.deepEqual(
        await paged(t, u.userId, 2, { ...options, ...day, zone: "America/New_York" }),
        expected.slice(0, 7),
      );
      assert.deepEqual(
        await paged(t, u.userId, 1, { ...options, to: "2024-01-09", zone: "America/New_York" }),
        ["Tokyo:tea t10"],
      );
      // One conversation: its own order (wall clock and instant agree).
      assert.deepEqual(await paged(t, u.userId, 1, { ...options, conversationId: tokyo }), [
        "Tokyo:tea t18b",
        "Tokyo:tea t18a",
        "Tokyo:tea t14",
        "Tokyo:tea t10",
      ]);
    }
  } finally {
    await t.close();
  }
});

Deno.test("searchMessages: a DST fold is read as its later instant, pages neither repeat nor skip", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // London's clocks went back at 02:00 BST on 2024-10-27: 01:00–01:59 happened twice, and
    // PostgreSQL (so the order) reads such a wall clock as its second, GMT, instant.
    await chatIn(t, u.userId, "London", "Europe/London", [
      { date: "2024-10-27T00:50:00", text: "owl l0050" }, // 23:50Z the day before
      { date: "2024-10-27T01:10:00", text: "owl l0110" }, // read 01:10Z
      { date: "2024-10-27T01:40:00", text: "owl l0140" }, // read 01:40Z
      { date: "2024-10-27T02:10:00", text: "owl l0210" }, // 02:10Z
    ]);
    await chatIn(t, u.userId, "Utc", "UTC", [
      { date: "2024-10-27T00:30:00", text: "owl u0030" }, // on London's clock: 01:30 (BST)
      { date: "2024-10-27T01:20:00", text: "owl u0120" },
      { date: "2024-10-27T02:00:00", text: "owl u0200" },
    ]);
    const expected = [
      "London:owl l0210",
      "Utc:owl u0200",
      "London:owl l0140",
      "Utc:owl u0120",
      "London:owl l0110",
      // After this cursor London's walk starts at 01:30, whose 01:10 is newer: left out.
      "Utc:owl u0030",
      "London:owl l0050",
    ];
    for (const [denseAt, maxBranches] of PLANS) {
      for (const size of [1, 2, 3, 10]) {
        const options = { query: "owl", denseAt, maxBranches };
        assert.deepEqual(await paged(t, u.userId, size, options), expected, `${size} ${denseAt}`);
      }
    }
  } finally {
    await t.close();
  }
});

Deno.test("searchMessages: a cursor from before the instant order reads its wall clock in its chat's zone", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const tokyo = await chatIn(t, u.userId, "Tokyo", "Asia/Tokyo", [
      { date: "2024-01-10T10:00:00", text: "fig t10" }, // 01:00Z
      { date: "2024-01-10T18:00:00", text: "fig t18" }, // 09:00Z
    ]);
    await chatIn(t, u.userId, "London", "Europe/London", [
      { date: "2024-01-10T05:00:00", text: "fig l05" }, // 05:00Z
    ]);
    const old = Buffer.from(`2024-01-10T18:00:00|${tokyo}|2`).toString("base64url");
    const before = decodeCursor(old);
    assert.deepEqual(before, { wall: "2024-01-10T18:00:00", conversationId: tokyo, ref: 2 });
    assert.equal(encodeCursor(before!), old);
    for (const [denseAt, maxBranches] of PLANS) {
      const found = await searchMessages(t.db.sql, u.userId, {
        query: "fig",
        limit: 5,
        before: before!,
        denseAt,
        maxBranches,
      });
      assert.deepEqual(found.hits.map((h) => h.snippet.text), ["fig l05", "fig t10"]);
    }
  } finally {
    await t.close();
  }
});
