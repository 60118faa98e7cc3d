import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { seedChat } from "../../routes/_test_chat.ts";
import { searchMessages } from "./search.ts";

const marked = (h: { snippet: { text: string; highlights: [number, number][] } }) =>
  h.snippet.highlights.map(([a, b]) => h.snippet.text.slice(a, b));

Deno.test("searchMessages: accent- and case-insensitive, language-neutral, highlighted exactly", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, {
      messages: [
        { date: "2024-01-01T10:00:00", text: "Meet at the Café Crème?" },
        { date: "2024-01-01T10:01:00", author: "Bob", text: "CAFE is closed, naïve me" },
        { date: "2024-01-01T10:02:00", text: "I <3 cafe <b>bold</b> & co" },
        { date: "2024-01-01T10:03:00", text: "שלום עולם and مرحبا" },
        { date: "2024-01-01T10:04:00", text: "fake \u0001cafe\u0002 marks \u0002 here\u0001" },
        { date: "2024-01-01T10:05:00", text: "nothing to see" },
      ],
    });
    const search = (query: string, more: Partial<Parameters<typeof searchMessages>[2]> = {}) =>
      searchMessages(t.db.sql, u.userId, { query, limit: 20, ...more });

    const { hits, more } = await search("cafe");
    assert.equal(more, false);
    assert.deepEqual(hits.map((h) => h.seq), [5, 3, 2, 1]);
    assert.deepEqual(hits.map(marked), [["cafe"], ["cafe"], ["CAFE"], ["Café"]]);
    // The text is the message as written (markup characters kept, never dropped)…
    assert.equal(hits[1].snippet.text, "I <3 cafe <b>bold</b> & co");
    // …except the sentinel characters, which no message can use to fake a highlight.
    assert.deepEqual(hits[0].snippet, { text: "fake cafe marks  here", highlights: [[5, 9]] });
    assert.deepEqual(
      { ...hits[3], snippet: undefined },
      {
        conversationId: id,
        title: "Chat",
        seq: 1,
        ref: 1,
        date: "2024-01-01T10:00:00",
        at: "2024-01-01T10:00:00Z",
        author: "Ann",
        kind: "text",
        snippet: undefined,
      },
    );
    assert.deepEqual((await search("CRÈME")).hits.map(marked), [["Crème"]]);
    assert.deepEqual((await search("naive")).hits.map((h) => h.seq), [2]);
    assert.deepEqual((await search("שלום")).hits.map(marked), [["שלום"]]);
    assert.deepEqual((await search("مرحبا")).hits.map((h) => h.seq), [4]);
    // Web-search syntax: phrases, exclusion, or.
    assert.deepEqual((await search('"at the café"')).hits.map((h) => h.seq), [1]);
    assert.deepEqual((await search("cafe -closed")).hits.map((h) => h.seq), [5, 3, 1]);
    assert.deepEqual((await search("closed or nothing")).hits.map((h) => h.seq), [6, 2]);
    // Nothing searchable, or no match: no results, no error.
    assert.deepEqual((await search("!!! ...")).hits, []);
    assert.deepEqual((await search("zebra")).hits, []);
  } finally {
    await t.close();
  }
});

Deno.test("searchMessages: filters, newest first across chats, limit, only the user's messages", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const a = await seedChat(t, ann.userId, {
      title: "A",
      messages: [
        { date: "2024-01-01T10:00:00", text: "pizza tonight" },
        { date: "2024-01-03T10:00:00", author: "Bob", text: "pizza again" },
        { date: "2024-01-05T23:59:59", author: "bob", text: "more pizza" },
      ],
    });
    const b = await seedChat(t, ann.userId, {
      title: "B",
      messages: [{ date: "2024-01-04T10:00:00", author: "Cy", text: "pizza party" }],
    });
    await seedChat(t, eve.userId, {
      messages: [{ date: "2024-01-09T10:00:00", text: "pizza for eve" }],
    });
    // Every plan: GIN candidates sorted (few matches), the merged date walk (denseAt: 1), and
    // the GIN plan again when the user has too many chats for the walk (maxBranches: 1).
    for (const [denseAt, maxBranches] of [[undefined, undefined], [1, undefined], [1, 1]]) {
      const search = (more: Partial<Parameters<typeof searchMessages>[2]> = {}) =>
        searchMessages(t.db.sql, ann.userId, {
          query: "pizza",
          limit: 20,
          denseAt,
          maxBranches,
          ...more,
        });
      const seqs = async (more = {}) => (await search(more)).hits.map((h) => `${h.title}${h.seq}`);

      assert.deepEqual(await seqs(), ["A3", "B1", "A2", "A1"], `denseAt ${denseAt}`);
      assert.deepEqual(await seqs({ conversationId: b }), ["B1"]);
      assert.deepEqual(await seqs({ conversationId: a, author: "BOB" }), ["A3", "A2"]);
      assert.deepEqual(await seqs({ from: "2024-01-03", to: "2024-01-04" }), ["B1", "A2"]);
      assert.deepEqual(await seqs({ from: "2024-01-05" }), ["A3"]);
      assert.deepEqual(await seqs({ to: "2024-01-01" }), ["A1"]);
      const limited = await search({ limit: 2 });
      assert.deepEqual([limited.hits.length, limited.more], [2, true]);
      assert.deepEqual((await search({ limit: 4 })).more, false);
      // Eve's conversation is invisible to Ann even by id, and Ann's to Eve.
      const eveChat =
        (await t.db.sql`select id from conversations where user_id = ${eve.userId}`)[0].id;
      assert.deepEqual(await seqs({ conversationId: eveChat }), []);
      const eves = await searchMessages(t.db.sql, eve.userId, {
        query: "pizza",
        limit: 20,
        denseAt,
      });
      assert.deepEqual(eves.hits.map((h) => h.snippet.text), ["pizza for eve"]);
      const nobody = await searchMessages(t.db.sql, crypto.randomUUID(), {
        query: "pizza",
        limit: 20,
        denseAt,
      });
      assert.deepEqual([nobody.hits, nobody.more], [[], false]);
    }
  } finally {
    await t.close();
  }
});

Deno.test("searchMessages: pages by cursor, ties on the same minute included, in every plan", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // Three chats whose messages share minutes: the cursor must order ties the same way.
    const minutes = ["2024-02-01T10:00:00", "2024-02-01T10:00:00", "2024-02-02T09:00:00"];
    const ids: string[] = [];
    for (const title of ["A", "B", "C"]) {
      ids.push(
        await seedChat(t, u.userId, {
          title,
          messages: minutes.flatMap((date, i) => [
            { date, text: `soup ${title}${i}a` },
            { date, text: `soup ${title}${i}b` },
          ]),
        }),
      );
    }
    for (const [denseAt, maxBranches] of [[undefined, undefined], [1, undefined], [1, 1]]) {
      const search = (limit: number, before?: Parameters<typeof searchMessages>[2]["before"]) =>
        searchMessages(t.db.sql, u.userId, { query: "soup", limit, before, denseAt, maxBranches });
      const all = (await search(100)).hits.map((h) => `${h.conversationId}/${h.ref}`);
      assert.equal(all.length, 18);
      for (const size of [1, 4, 7]) {
        const paged: string[] = [];
        let before: Parameters<typeof searchMessages>[2]["before"];
        for (let page = 0; page < 20; page++) {
          const found = await search(size, before);
          paged.push(...found.hits.map((h) => `${h.conversationId}/${h.ref}`));
          assert.equal(found.next !== null, found.more);
          if (!found.next) break;
          before = found.next;
        }
        assert.deepEqual(paged, all, `pages of ${size}, denseAt ${denseAt} ${maxBranches}`);
      }
    }
  } finally {
    await t.close();
  }
});

Deno.test("searchMessages: days in the reader's zone are instants, each chat read in its own zone", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // Tokyo 2024-01-02 08:00 is 2024-01-01 23:00 UTC; New York 2024-01-01 20:00 is 01-02 01:00 UTC.
    const tokyo = await seedChat(t, u.userId, {
      title: "Tokyo",
      messages: [{ date: "2024-01-02T08:00:00", text: "ramen later" }],
    });
    const york = await seedChat(t, u.userId, {
      title: "York",
      messages: [{ date: "2024-01-01T20:00:00", text: "ramen now" }],
    });
    await t.db.sql`update conversations set time_zone = 'Asia/Tokyo' where id = ${tokyo}`;
    await t.db.sql`update conversations set time_zone = 'America/New_York' where id = ${york}`;
    for (const denseAt of [undefined, 1]) {
      const titles = async (more: Partial<Parameters<typeof searchMessages>[2]>) =>
        (await searchMessages(t.db.sql, u.userId, { query: "ramen", limit: 20, denseAt, ...more }))
          .hits.map((h) => h.title);
      const day = (d: string) => ({ from: d, to: d });
      assert.deepEqual(await titles({ ...day("2024-01-01"), zone: "UTC" }), ["Tokyo"]);
      assert.deepEqual(await titles({ ...day("2024-01-02"), zone: "UTC" }), ["York"]);
      // Tokyo's reader: both are on 2024-01-02 (08:00 and 10:00 in Tokyo). Hits are ordered by
      // instant, not by each chat's wall clock: York's 20:00 (10:00 in Tokyo) comes first.
      assert.deepEqual(await titles({ ...day("2024-01-02"), zone: "Asia/Tokyo" }), [
        "York",
        "Tokyo",
      ]);
      // Without a zone the days are each chat's wall clock.
      assert.deepEqual(await titles(day("2024-01-01")), ["York"]);
      assert.deepEqual(await titles(day("2024-01-02")), ["Tokyo"]);
    }
  } finally {
    await t.close();
  }
});

Deno.test("searchMessages: long messages give fragments around the matches", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    await seedChat(t, u.userId, {
      messages: [{
        date: "2024-01-01T10:00:00",
        text: `${filler(80)} needle ${filler(80)} needle ${filler(10)}`,
      }],
    });
    const [hit] = (await searchMessages(t.db.sql, u.userId, { query: "needle", limit: 5 })).hits;
    assert.ok(hit.snippet.text.length < 600, hit.snippet.text);
    assert.ok(hit.snippet.text.includes(" … "));
    assert.deepEqual(marked(hit), ["needle", "needle"]);
  } finally {
    await t.close();
  }
});
