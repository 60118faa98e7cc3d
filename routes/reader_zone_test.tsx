import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { page, seedChat } from "./_test_chat.ts";

/**
 * A New York chat (DST starts 2024-03-10) read in Tokyo (+09:00, 13–14 hours ahead):
 *  ref 1  2024-03-09 08:00 EST = 13:00Z = Tokyo 9 Mar 22:00
 *  ref 2  2024-03-09 12:00 EST = 17:00Z = Tokyo 10 Mar 02:00
 *  ref 3  2024-03-10 09:00 EDT = 13:00Z = Tokyo 10 Mar 22:00
 *  ref 4  2024-03-10 20:00 EDT = 11 Mar 00:00Z = Tokyo 11 Mar 09:00
 */
async function newYorkChat(t: TestApp, userId: string) {
  const id = await seedChat(t, userId, {
    title: "NY",
    messages: [
      { date: "2024-03-09T08:00:00", text: "ny morning" },
      { date: "2024-03-09T12:00:00", text: "ny noon" },
      { date: "2024-03-10T09:00:00", text: "ny next" },
      { date: "2024-03-10T20:00:00", text: "ny evening" },
    ],
  });
  // As an import with time zone America/New_York leaves it.
  await t.db.sql`update conversations set time_zone = 'America/New_York' where id = ${id}`;
  await t.db.sql`update messages set at = date at time zone 'America/New_York'
    where conversation_id = ${id}`;
  return id;
}

const readIn = (t: TestApp, userId: string, zone: string | null) =>
  t.db.sql`update users set reading_zone = ${zone} where id = ${userId}`;

Deno.test("jump-to-date: the day starts at midnight where the reader is", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await newYorkChat(t, u.userId);
    const jump = async () =>
      (await t.app.request(`/c/${id}?date=2024-03-10`, { headers: u.headers }))
        .headers.get("location");
    // The chat's own zone: 10 March starts at New York's midnight (ref 3).
    assert.equal(await jump(), `/c/${id}/m/3?day=2024-03-10#m3`);
    // Read in Tokyo, 10 March starts at 9 March 15:00Z: New York's noon of the 9th (ref 2).
    await readIn(t, u.userId, "Asia/Tokyo");
    assert.equal(await jump(), `/c/${id}/m/2?day=2024-03-10#m2`);
    // Which is on the 10th where the reader is: no "No messages on …" notice.
    const landed = await (await t.app.request(`/c/${id}/m/2?day=2024-03-10`, {
      headers: u.headers,
    })).text();
    assert.doesNotMatch(landed, /jump-notice/);
    // The island's API call names the zone it reads in.
    const api = async (tz: string) =>
      await (await t.app.request(
        `/api/conversations/${id}/messages?date=2024-03-11&tz=${encodeURIComponent(tz)}`,
        { headers: u.headers },
      )).json();
    assert.equal((await api("Asia/Tokyo")).target, 4);
    assert.equal((await api("America/New_York")).target, null, "nothing on 11 March in NY");
  } finally {
    await t.close();
  }
});

Deno.test("search: hits and date filters in the reader's zone", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await newYorkChat(t, u.userId);
    const search = async (query: string) =>
      await (await t.app.request(`/api/search?${query}`, { headers: u.headers })).json();
    const texts = (r: { results: { snippet: { text: string } }[] }) =>
      r.results.map((h) => h.snippet.text).sort();

    // Without a reading zone: the chat's own days and wall clocks.
    assert.deepEqual(texts(await search("q=ny&from=2024-03-10&to=2024-03-10")), [
      "ny evening",
      "ny next",
    ]);
    await readIn(t, u.userId, "Asia/Tokyo");
    // Tokyo's 10 March: New York's noon of the 9th and morning of the 10th.
    assert.deepEqual(texts(await search("q=ny&from=2024-03-10&to=2024-03-10")), [
      "ny next",
      "ny noon",
    ]);
    const [noon] = (await search("q=noon")).results;
    assert.equal(noon.date, "2024-03-09T12:00:00");
    assert.equal(noon.at, "2024-03-09T17:00:00Z");
    assert.equal(noon.shownAt, "2024-03-10T02:00:00+09:00");

    const html = await page(t, `/search?q=noon&conversation=${id}`, u.headers);
    assert.match(
      html,
      /<time datetime="2024-03-10T02:00:00\+09:00" title="2024-03-09 12:00 as exported">Mar 10, 2024, 02:00<\/time>/,
    );
  } finally {
    await t.close();
  }
});

Deno.test("library cards: dates in the reader's zone, the export's on hover", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    await newYorkChat(t, u.userId);
    const before = await page(t, "/", u.headers);
    assert.match(before, /<time datetime="2024-03-10T20:00:00">Mar 10, 2024<\/time>/);
    await readIn(t, u.userId, "Asia/Tokyo");
    const html = await page(t, "/", u.headers);
    // First date (stats) and the last message, both computed for Tokyo.
    assert.match(
      html,
      /<time datetime="2024-03-09T22:00:00\+09:00" title="2024-03-09 08:00 as exported">Mar 9, 2024<\/time>/,
    );
    assert.match(
      html,
      /<time class="muted" datetime="2024-03-11T09:00:00\+09:00" title="2024-03-10 20:00 as exported">Mar 11, 2024<\/time>/,
    );
  } finally {
    await t.close();
  }
});
