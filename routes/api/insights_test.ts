import assert from "node:assert/strict";
import { CHAT } from "../../lib/insights/fixture_test_util.ts";
import { INSIGHTS_FORMAT } from "../../lib/insights/refresh.ts";
import {
  FAMILY,
  FLAG,
  get,
  HEART,
  heat,
  media,
  monologue,
  setup,
  terms,
  THUMB,
} from "./_insights_fixture.ts";

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
        monologue("Bob", 5, 23, "2024-01-10T12:40:00", "2024-01-11T07:03:00"),
        monologue("Ann", 3, 5, "2024-01-01T09:10:00", "2024-01-01T09:31:00"),
        monologue("Ann", 3, 11, "2024-01-02T08:02:00", "2024-01-02T08:04:00"),
        monologue("Ann", 3, 20, "2024-01-10T12:10:00", "2024-01-10T12:12:00"),
        monologue("Bob", 2, 3, "2024-01-01T09:05:00", "2024-01-01T09:06:00"),
        monologue("Bob", 2, 14, "2024-01-02T08:20:00", "2024-01-02T08:21:00"),
        monologue("Cleo", 2, 16, "2024-01-03T19:00:00", "2024-01-03T19:01:00"),
        monologue("Bob", 2, 30, "2024-02-01T20:05:00", "2024-02-01T20:06:00"),
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
    assert.equal(state.format, INSIGHTS_FORMAT);
  } finally {
    await s.t.close();
  }
});
