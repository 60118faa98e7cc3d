import assert from "node:assert/strict";
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
        monologue("Ann", 3, 11, "2024-01-02T08:02:00", "2024-01-02T08:04:00"),
        monologue("Ann", 3, 20, "2024-01-10T12:10:00", "2024-01-10T12:12:00"),
        monologue("Cleo", 2, 16, "2024-01-03T19:00:00", "2024-01-03T19:01:00"),
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
