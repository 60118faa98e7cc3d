import assert from "node:assert/strict";
import { createImport } from "../db/imports.ts";
import { silentLogger } from "../log.ts";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { importChat } from "../../worker/import_chat.ts";
import { CHAT as HAND_CHAT, seedChat } from "./fixture_test_util.ts";
import { refreshInsights } from "./refresh.ts";

const CHAT =
  "01/02/2024, 10:00 - Ann: hola amigo 😂\n01/02/2024, 10:05 - Bob: que tal amigo 😂😂\n" +
  "01/02/2024, 10:06 - Bob: IMG-20240201-WA0001.jpg (archivo adjunto)\n" +
  "13/02/2024, 09:00 - Ann: amigo?\n";

Deno.test("refreshInsights: an import computes insights in its transaction", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const id = crypto.randomUUID();
    await t.blobs.put(`imports/${id}/original`, new TextEncoder().encode(CHAT));
    await createImport(t.db.sql, {
      id,
      userId: user.userId,
      filename: "WhatsApp Chat with Bob.txt",
      size: CHAT.length,
      sha256: "0".repeat(64),
      blobKey: `imports/${id}/original`,
    });
    await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
    const [state] = await t.db.sql`select format from insights_state where conversation_id = ${id}`;
    assert.ok(state, "insights computed at import");
    // The attachment wording made the parser guess Spanish: "que" is a stop word.
    const [conv] = await t.db
      .sql`select summary->>'language' as language from conversations where id = ${id}`;
    assert.equal(conv.language, "es");

    const res = await t.app.request(`/api/conversations/${id}/insights`, { headers: user.headers });
    const body = await res.json();
    assert.equal(body.totals.messages, 4);
    assert.equal(body.totals.media.image, 1);
    assert.deepEqual(body.terms.emoji.all, [{ term: "😂", count: 3 }]);
    assert.deepEqual(body.terms.words.all, [
      { term: "amigo", count: 3 },
      { term: "hola", count: 1 },
      {
        term: "tal",
        count: 1,
      },
    ]);
    assert.deepEqual(body.calendar.longestSilence, {
      from: "2024-02-02",
      to: "2024-02-12",
      days: 11,
    });
  } finally {
    await t.close();
  }
});

Deno.test("refreshInsights: running it again replaces, never adds", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const id = await seedChat(t.db.sql, user.userId);
    const counts = async () =>
      await t.db.sql`
        select (select count(*)::int from insights_days where conversation_id = ${id}) as days,
          (select sum(messages)::int from insights_days where conversation_id = ${id}) as messages,
          (select count(*)::int from insights_terms where conversation_id = ${id}) as terms,
          (select count(*)::int from insights_runs where conversation_id = ${id}) as runs,
          (select count(*)::int from insights_replies where conversation_id = ${id}) as replies,
          (select count(*)::int from insights_starts where conversation_id = ${id}) as starts`;
    const before = await counts();
    await refreshInsights(t.db.sql, id);
    await t.db.sql.begin((tx) => refreshInsights(tx, id));
    assert.deepEqual(await counts(), before);
    assert.equal(before[0].messages, 30);
    assert.equal(before[0].runs, 8);
  } finally {
    await t.close();
  }
});

Deno.test("refreshInsights: a day that comes back (clock change) is merged, not duplicated", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const id = await seedChat(t.db.sql, user.userId, [
      ["2024-03-01 10:00", "Ann", "text", "apple 🍎"],
      ["2024-03-02 10:00", "Bob", "text", "apple banana"],
      ["2024-03-01 23:00", "Ann", "text", "apple pie 🍎"],
      ["2024-03-02 11:00", "Bob", "text", "banana"],
    ]);
    const get = async (query: string) =>
      await (await t.app.request(`/api/conversations/${id}/insights${query}`, {
        headers: user.headers,
      })).json();
    const day = await get("?from=2024-03-01&to=2024-03-01");
    assert.deepEqual(day.terms.words.all, [{ term: "apple", count: 2 }, { term: "pie", count: 1 }]);
    assert.deepEqual(day.terms.emoji.all, [{ term: "🍎", count: 2 }]);
    assert.equal(day.totals.messages, 2);
    const all = await get("");
    assert.deepEqual(all.terms.words.all.slice(0, 2), [{ term: "apple", count: 3 }, {
      term: "banana",
      count: 2,
    }]);
    const rows = await t.db.sql`
      select count(*)::int as n from insights_terms
      where conversation_id = ${id} and grain = 'd' and period = '2024-03-01' and term = 'apple'`;
    assert.equal(rows[0].n, 1);
  } finally {
    await t.close();
  }
});

Deno.test("refreshInsights: a chat of only system messages has empty insights", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const id = await seedChat(t.db.sql, user.userId, [
      ["2024-03-01 10:00", null, "system", "Messages and calls are end-to-end encrypted."],
    ]);
    const res = await t.app.request(`/api/conversations/${id}/insights`, { headers: user.headers });
    const body = await res.json();
    assert.equal(body.span, null);
    assert.deepEqual(body.participants, []);
    assert.deepEqual(body.terms.words, { all: [], byParticipant: {} });
    const page = await t.app.request(`/c/${id}/insights`, { headers: user.headers });
    assert.equal(page.status, 200);
  } finally {
    await t.close();
  }
});

Deno.test("refreshInsights: writing rows out during the scan gives the same rows", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    // The hand-computed chat, then a day and a month that come back (the merge path).
    const id = await seedChat(t.db.sql, user.userId, [
      ...HAND_CHAT,
      ["2024-01-02 09:00", "Ann", "text", "coffee again ☕ coffee"],
      ["2024-01-02 09:01", "Ann", "text", "party https://example.com/x"],
      ["2024-02-02 10:00", "Bob", "text", "party 🎉"],
    ]);
    const dump = async () => {
      const rows = await t.db.sql`
        select 'terms' as t, tm::text as r
          from insights_terms tm where conversation_id = ${id}
        union all select 'runs', ru::text
          from insights_runs ru where conversation_id = ${id}
        union all select 'days', d::text from insights_days d where conversation_id = ${id}
        union all select 'replies', r::text from insights_replies r where conversation_id = ${id}
        union all select 'starts', s::text from insights_starts s where conversation_id = ${id}
        order by 1, 2`;
      return rows.map((r) => `${r.t} ${r.r}`);
    };
    const whole = await dump();
    await refreshInsights(t.db.sql, id, { writeChars: 1, fetchRows: 3 });
    assert.deepEqual(await dump(), whole);
    assert.ok(whole.filter((r) => r.startsWith("runs")).length > 5);
  } finally {
    await t.close();
  }
});
