import assert from "node:assert/strict";
import { CHAT, seedChat } from "../../lib/insights/fixture_test_util.ts";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";

// Expectations computed by hand from CHAT (lib/insights/fixture_test_util.ts). Replies at gap 6 h:
// Ann 4, 2, 29, 10 min; Bob 5, 29, 16, 28, 5; Cleo 120 (her 735 and 2079 are over the gap).
// Starters at 6 h: Ann #2 (first), #29; Bob #10, #19, #24; Cleo #9, #16 (Cleo #28 follows 2 h).

const media = (set: Record<string, number> = {}) => ({
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
const heat = (cells: [number, number, number][]) => {
  const grid = Array.from({ length: 7 }, () => new Array(24).fill(0));
  for (const [d, h, n] of cells) grid[d][h] = n;
  return grid;
};
const terms = (...pairs: [string, number][]) => pairs.map(([term, count]) => ({ term, count }));
const FAMILY = "👨‍👩‍👧", FLAG = "🇪🇸", THUMB = "👍🏽", HEART = "❤️";

async function setup(): Promise<{ t: TestApp; id: string; headers: Record<string, string> }> {
  const t = await createTestApp();
  const user = await signUp(t.app);
  const id = await seedChat(t.db.sql, user.userId);
  return { t, id, headers: user.headers };
}

async function get(s: { t: TestApp; id: string; headers: Record<string, string> }, query = "") {
  const res = await s.t.app.request(`/api/conversations/${s.id}/insights${query}`, {
    headers: s.headers,
  });
  assert.equal(res.status, 200, await res.clone().text());
  return await res.json();
}

Deno.test("insights API: the hand-computed chat, exactly", async () => {
  const s = await setup();
  try {
    assert.equal(CHAT.length, 31);
    assert.deepEqual(await get(s), {
      conversationId: s.id,
      version: 1,
      filter: { from: null, to: null, authors: [], gap: 6 },
      span: { from: "2024-01-01", to: "2024-02-01" },
      totals: {
        messages: 30,
        words: 49,
        emoji: 16,
        links: 4,
        deleted: 1,
        media: media({
          image: 1,
          video: 1,
          audio: 1,
          voice: 1,
          sticker: 1,
          document: 1,
          contact: 1,
          location: 1,
          other: 1,
        }),
        starts: 7,
        replies: 10,
        activeDays: 6,
      },
      participants: [
        {
          name: "Bob",
          color: 4,
          messages: 14,
          messageShare: 0.4667,
          words: 21,
          wordShare: 0.4286,
          emoji: 6,
          links: 3,
          deleted: 0,
          media: media({ audio: 1, sticker: 1, other: 1 }),
          starts: 3,
          startShare: 0.4286,
          replies: 5,
          medianReplyMinutes: 16,
          longestMonologue: 5,
        },
        {
          name: "Ann",
          color: 8,
          messages: 12,
          messageShare: 0.4,
          words: 19,
          wordShare: 0.3878,
          emoji: 7,
          links: 0,
          deleted: 1,
          media: media({ image: 1, video: 1, voice: 1, document: 1, contact: 1 }),
          starts: 2,
          startShare: 0.2857,
          replies: 4,
          medianReplyMinutes: 7,
          longestMonologue: 3,
        },
        {
          name: "Cleo",
          color: 6,
          messages: 4,
          messageShare: 0.1333,
          words: 9,
          wordShare: 0.1837,
          emoji: 3,
          links: 1,
          deleted: 0,
          media: media({ location: 1 }),
          starts: 2,
          startShare: 0.2857,
          replies: 1,
          medianReplyMinutes: 120,
          longestMonologue: 2,
        },
      ],
      months: [
        { month: "2024-01", total: 27, byParticipant: { Bob: 12, Ann: 11, Cleo: 4 } },
        { month: "2024-02", total: 3, byParticipant: { Bob: 2, Ann: 1, Cleo: 0 } },
      ],
      heatmap: heat([[0, 9, 6], [0, 10, 1], [0, 22, 1], [1, 8, 6], [2, 12, 5], [2, 19, 3], [
        3,
        7,
        4,
      ], [
        3,
        9,
        1,
      ], [3, 20, 3]]),
      calendar: {
        days: [
          { day: "2024-01-01", messages: 8 },
          { day: "2024-01-02", messages: 6 },
          { day: "2024-01-03", messages: 3 },
          { day: "2024-01-10", messages: 5 },
          { day: "2024-01-11", messages: 5 },
          { day: "2024-02-01", messages: 3 },
        ],
        longestStreak: { from: "2024-01-01", to: "2024-01-03", days: 3 },
        longestSilence: { from: "2024-01-12", to: "2024-01-31", days: 20 },
      },
      monologues: [
        {
          author: "Bob",
          length: 5,
          startSeq: 23,
          startRef: 23,
          from: "2024-01-10T12:40:00",
          to: "2024-01-11T07:03:00",
        },
        {
          author: "Ann",
          length: 3,
          startSeq: 5,
          startRef: 5,
          from: "2024-01-01T09:10:00",
          to: "2024-01-01T09:31:00",
        },
        {
          author: "Ann",
          length: 3,
          startSeq: 11,
          startRef: 11,
          from: "2024-01-02T08:02:00",
          to: "2024-01-02T08:04:00",
        },
        {
          author: "Ann",
          length: 3,
          startSeq: 20,
          startRef: 20,
          from: "2024-01-10T12:10:00",
          to: "2024-01-10T12:12:00",
        },
        {
          author: "Bob",
          length: 2,
          startSeq: 3,
          startRef: 3,
          from: "2024-01-01T09:05:00",
          to: "2024-01-01T09:06:00",
        },
        {
          author: "Bob",
          length: 2,
          startSeq: 14,
          startRef: 14,
          from: "2024-01-02T08:20:00",
          to: "2024-01-02T08:21:00",
        },
        {
          author: "Cleo",
          length: 2,
          startSeq: 16,
          startRef: 16,
          from: "2024-01-03T19:00:00",
          to: "2024-01-03T19:01:00",
        },
        {
          author: "Bob",
          length: 2,
          startSeq: 30,
          startRef: 30,
          from: "2024-02-01T20:05:00",
          to: "2024-02-01T20:06:00",
        },
      ],
      terms: {
        // Ties are ordered by code point: ❤️ (U+2764) < 🇪🇸 < 🎉 < 👍🏽 < 👨‍👩‍👧 < 😂.
        emoji: {
          all: terms(["😂", 4], ["🎉", 3], [THUMB, 3], [HEART, 2], [FLAG, 2], [FAMILY, 2]),
          byParticipant: {
            Bob: terms(["🎉", 2], [FAMILY, 2], [FLAG, 1], ["😂", 1]),
            Ann: terms(["😂", 3], [HEART, 2], [FLAG, 1], ["🎉", 1]),
            Cleo: terms([THUMB, 3]),
          },
        },
        // English and Spanish stop words ("the", "was", "and", "there", "yes", "que") left out.
        words: {
          all: terms(
            ["coffee", 6],
            ["party", 5],
            ["great", 3],
            ["morning", 3],
            ["bob", 2],
            ["happy", 2],
            ["hello", 2],
            ["movie", 2],
            ["new", 2],
            ["year", 2],
          ),
          byParticipant: {
            Bob: terms(
              ["morning", 2],
              ["ann", 1],
              ["anyone", 1],
              ["bonito", 1],
              ["coffee", 1],
              ["good", 1],
              ["great", 1],
              ["happy", 1],
              ["hello", 1],
              ["listen", 1],
            ),
            Ann: terms(
              ["party", 3],
              ["bob", 2],
              ["great", 2],
              ["already", 1],
              ["cleo", 1],
              ["coffee", 1],
              ["february", 1],
              ["happy", 1],
              ["hello", 1],
              ["later", 1],
            ),
            Cleo: terms(["coffee", 4], ["late", 1], ["party", 1]),
          },
        },
        domains: {
          all: terms(["example.com", 3], ["news.site.org", 1]),
          byParticipant: {
            Bob: terms(["example.com", 2], ["news.site.org", 1]),
            Ann: [],
            Cleo: terms(["example.com", 1]),
          },
        },
      },
    });
  } finally {
    await s.t.close();
  }
});

Deno.test("insights API: a date range and two people, applied to every part, exactly", async () => {
  const s = await setup();
  try {
    const body = await get(s, "?from=2024-01-02&to=2024-01-10&author=Cleo&author=Ann");
    assert.deepEqual(body, {
      conversationId: s.id,
      version: 1,
      filter: { from: "2024-01-02", to: "2024-01-10", authors: ["Ann", "Cleo"], gap: 6 },
      span: { from: "2024-01-02", to: "2024-01-10" },
      totals: {
        messages: 9,
        words: 11,
        emoji: 5,
        links: 0,
        deleted: 1,
        media: media({ video: 1, document: 1, contact: 1, location: 1 }),
        starts: 1,
        replies: 3,
        activeDays: 3,
      },
      participants: [
        {
          name: "Ann",
          color: 8,
          messages: 7,
          messageShare: 0.7778,
          words: 8,
          wordShare: 0.7273,
          emoji: 3,
          links: 0,
          deleted: 1,
          media: media({ video: 1, document: 1, contact: 1 }),
          starts: 0,
          startShare: 0,
          replies: 3,
          medianReplyMinutes: 10,
          longestMonologue: 3,
        },
        {
          name: "Cleo",
          color: 6,
          messages: 2,
          messageShare: 0.2222,
          words: 3,
          wordShare: 0.2727,
          emoji: 2,
          links: 0,
          deleted: 0,
          media: media({ location: 1 }),
          starts: 1,
          startShare: 1,
          replies: 0,
          medianReplyMinutes: null,
          longestMonologue: 2,
        },
      ],
      months: [{ month: "2024-01", total: 9, byParticipant: { Ann: 7, Cleo: 2 } }],
      heatmap: heat([[1, 8, 3], [2, 12, 3], [2, 19, 3]]),
      calendar: {
        days: [
          { day: "2024-01-02", messages: 3 },
          { day: "2024-01-03", messages: 3 },
          { day: "2024-01-10", messages: 3 },
        ],
        longestStreak: { from: "2024-01-02", to: "2024-01-03", days: 2 },
        longestSilence: { from: "2024-01-04", to: "2024-01-09", days: 6 },
      },
      monologues: [
        {
          author: "Ann",
          length: 3,
          startSeq: 11,
          startRef: 11,
          from: "2024-01-02T08:02:00",
          to: "2024-01-02T08:04:00",
        },
        {
          author: "Ann",
          length: 3,
          startSeq: 20,
          startRef: 20,
          from: "2024-01-10T12:10:00",
          to: "2024-01-10T12:12:00",
        },
        {
          author: "Cleo",
          length: 2,
          startSeq: 16,
          startRef: 16,
          from: "2024-01-03T19:00:00",
          to: "2024-01-03T19:01:00",
        },
      ],
      terms: {
        emoji: {
          all: terms([HEART, 2], [THUMB, 2], [FLAG, 1]),
          byParticipant: { Ann: terms([HEART, 2], [FLAG, 1]), Cleo: terms([THUMB, 2]) },
        },
        words: {
          all: terms(
            ["coffee", 4],
            ["bob", 1],
            ["cleo", 1],
            ["later", 1],
            ["morning", 1],
            ["movie", 1],
            ["night", 1],
            ["party", 1],
          ),
          byParticipant: {
            Ann: terms(
              ["bob", 1],
              ["cleo", 1],
              ["coffee", 1],
              ["later", 1],
              ["morning", 1],
              ["movie", 1],
              ["night", 1],
              ["party", 1],
            ),
            Cleo: terms(["coffee", 3]),
          },
        },
        domains: { all: [], byParticipant: { Ann: [], Cleo: [] } },
      },
    });
  } finally {
    await s.t.close();
  }
});

Deno.test("insights API: whole months and cut months combine; the session gap", async () => {
  const s = await setup();
  try {
    // January whole (month rows): February's 😂 and 👨‍👩‍👧 are out.
    const january = await get(s, "?from=2024-01-01&to=2024-01-31");
    assert.deepEqual(
      january.terms.emoji.all,
      terms(["🎉", 3], [THUMB, 3], ["😂", 3], [HEART, 2], [FLAG, 2], [FAMILY, 1]),
    );
    assert.equal(january.totals.messages, 27);
    assert.deepEqual(
      january.participants.map((p: { medianReplyMinutes: number }) => p.medianReplyMinutes),
      [
        22, // Bob: 5, 16, 28, 29
        7,
        120,
      ],
    );

    // Jan 3–31 from day rows, February from its month row.
    const mixed = await get(s, "?from=2024-01-03&to=2024-02-29");
    assert.deepEqual(
      mixed.terms.emoji.all,
      terms(["🎉", 2], [THUMB, 2], [FLAG, 1], [FAMILY, 1], ["😂", 1]),
    );
    assert.deepEqual(mixed.terms.words.all.slice(0, 2), terms(["coffee", 5], ["movie", 2]));
    const replies = Object.fromEntries(
      mixed.participants.map((
        p: { name: string; medianReplyMinutes: number },
      ) => [p.name, p.medianReplyMinutes]),
    );
    assert.deepEqual(replies, { Bob: 16.5, Ann: 19.5, Cleo: 120 });
    assert.deepEqual(mixed.calendar.longestSilence, {
      from: "2024-01-12",
      to: "2024-01-31",
      days: 20,
    });

    // A day gap: replies up to a day count, fewer messages start a conversation.
    const day = await get(s, "?gap=24");
    const by = (name: string) => day.participants.find((p: { name: string }) => p.name === name);
    assert.deepEqual([by("Ann").starts, by("Bob").starts, by("Cleo").starts], [2, 1, 1]);
    assert.equal(by("Bob").medianReplyMinutes, 22); // 5, 5, 16, 28, 29, 585
    assert.equal(by("Cleo").medianReplyMinutes, 427.5); // 120, 735
    const hour = await get(s, "?gap=1");
    assert.equal(hour.participants.find((p: { name: string }) => p.name === "Cleo").starts, 3);

    // Nobody matches: empty, not an error.
    const none = await get(s, "?author=Nobody");
    assert.equal(none.span, null);
    assert.deepEqual(none.participants, []);
    assert.equal(none.totals.messages, 0);
  } finally {
    await s.t.close();
  }
});

Deno.test("insights API: strong ETag per version and filter, 304 on If-None-Match", async () => {
  const s = await setup();
  try {
    const url = `/api/conversations/${s.id}/insights?author=Ann`;
    const first = await s.t.app.request(url, { headers: s.headers });
    assert.equal(first.status, 200);
    const etag = first.headers.get("etag")!;
    assert.match(etag, new RegExp(`^"ins-${s.id}-1-[0-9a-f]{16}"$`));
    assert.equal(first.headers.get("cache-control"), "private, no-cache");

    const again = await s.t.app.request(url, {
      headers: { ...s.headers, "if-none-match": `"x", ${etag}` },
    });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get("etag"), etag);
    assert.equal(await again.text(), "");

    // The same filter written differently has the same ETag; another filter does not.
    const same = await s.t.app.request(`${url}&author=Ann&gap=6&from=`, { headers: s.headers });
    assert.equal(same.headers.get("etag"), etag);
    const other = await s.t.app.request(`${url}&gap=7`, { headers: s.headers });
    assert.notEqual(other.headers.get("etag"), etag);

    // A new version of the conversation: a full answer again.
    await s.t.db.sql`update conversations set version = version + 1 where id = ${s.id}`;
    const bumped = await s.t.app.request(url, { headers: { ...s.headers, "if-none-match": etag } });
    assert.equal(bumped.status, 200);
    assert.notEqual(bumped.headers.get("etag"), etag);
  } finally {
    await s.t.close();
  }
});

Deno.test("insights API: bad filters are 400, another user's chat 404, no session 401", async () => {
  const s = await setup();
  try {
    for (
      const [query, message] of [
        ["?from=2024-13-01", /^from: /],
        ["?from=2024-02-01&to=2024-01-01", /^from: must not be after to/],
        ["?gap=0", /^gap: /],
        ["?gap=1.5", /^gap: /],
      ] as const
    ) {
      const res = await s.t.app.request(`/api/conversations/${s.id}/insights${query}`, {
        headers: s.headers,
      });
      assert.equal(res.status, 400, query);
      assert.match((await res.json()).error.message, message);
    }
    const eve = await signUp(s.t.app);
    const peek = await s.t.app.request(`/api/conversations/${s.id}/insights`, {
      headers: eve.headers,
    });
    assert.equal(peek.status, 404);
    assert.equal((await peek.json()).error.code, "not_found");
    const anon = await s.t.app.request(`/api/conversations/${s.id}/insights`);
    assert.equal(anon.status, 401);
  } finally {
    await s.t.close();
  }
});

Deno.test("insights API: a chat without insights (imported earlier) is computed on first view", async () => {
  const s = await setup();
  try {
    for (const table of ["days", "starts", "replies", "runs", "terms", "state"]) {
      await s.t.db.sql`delete from ${
        s.t.db.sql(`insights_${table}`)
      } where conversation_id = ${s.id}`;
    }
    const body = await get(s);
    assert.equal(body.totals.messages, 30);
    assert.equal(body.terms.emoji.all[0].term, "😂");
    const [state] = await s.t.db
      .sql`select format from insights_state where conversation_id = ${s.id}`;
    assert.equal(state.format, 1);
  } finally {
    await s.t.close();
  }
});
