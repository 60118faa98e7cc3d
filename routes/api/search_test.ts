import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { seedChat } from "../_test_chat.ts";

Deno.test("search API: results with conversation, permalink and highlighted snippet; filters", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const club = await seedChat(t, ann.userId, {
      title: "Book <club>",
      messages: [
        { date: "2024-02-01T09:00:00", author: "Ann", text: "Read *Dune* by Friday" },
        { date: "2024-02-02T09:00:00", author: "Bob", text: "dune is long <3" },
      ],
    });
    const other = await seedChat(t, ann.userId, {
      title: "Family",
      messages: [{ date: "2024-01-15T09:00:00", author: "Mum", text: "Dune sounds nice" }],
    });
    const secret = await seedChat(t, eve.userId, {
      title: "Eve",
      messages: [{ date: "2024-03-01T09:00:00", author: "Eve", text: "dune dune dune" }],
    });
    const get = async (query: string, headers = ann.headers, status = 200) => {
      const res = await t.app.request(`/api/search?${query}`, { headers });
      const body = await res.json();
      assert.equal(res.status, status, JSON.stringify(body));
      return body;
    };

    const all = await get("q=DUNE");
    assert.deepEqual(all, {
      query: "DUNE",
      more: false,
      next: null,
      indexing: 0,
      results: [
        {
          conversation: { id: club, title: "Book <club>" },
          seq: 2,
          ref: 2,
          date: "2024-02-02T09:00:00",
          at: "2024-02-02T09:00:00Z",
          shownAt: "2024-02-02T09:00:00",
          author: "Bob",
          kind: "text",
          url: `/c/${club}/m/2#m2`,
          snippet: { text: "dune is long <3", highlights: [[0, 4]] },
        },
        {
          conversation: { id: club, title: "Book <club>" },
          seq: 1,
          ref: 1,
          date: "2024-02-01T09:00:00",
          at: "2024-02-01T09:00:00Z",
          shownAt: "2024-02-01T09:00:00",
          author: "Ann",
          kind: "text",
          url: `/c/${club}/m/1#m1`,
          snippet: { text: "Read *Dune* by Friday", highlights: [[6, 10]] },
        },
        {
          conversation: { id: other, title: "Family" },
          seq: 1,
          ref: 1,
          date: "2024-01-15T09:00:00",
          at: "2024-01-15T09:00:00Z",
          shownAt: "2024-01-15T09:00:00",
          author: "Mum",
          kind: "text",
          url: `/c/${other}/m/1#m1`,
          snippet: { text: "Dune sounds nice", highlights: [[0, 4]] },
        },
      ],
    });
    const seqs = (body: { results: { conversation: { title: string }; seq: number }[] }) =>
      body.results.map((r) => `${r.conversation.title}#${r.seq}`);
    assert.deepEqual(seqs(await get(`q=dune&conversation=${other}`)), ["Family#1"]);
    assert.deepEqual(seqs(await get("q=dune&author=bob")), ["Book <club>#2"]);
    assert.deepEqual(seqs(await get("q=dune&from=2024-01-16&to=2024-02-01")), ["Book <club>#1"]);
    assert.deepEqual(seqs(await get("q=dune&from=&to=&author=&conversation=")), seqs(all));
    const one = await get("q=dune&limit=1");
    assert.deepEqual([one.results.length, one.more], [1, true]);

    // Never another user's messages; another user's conversation is a 404.
    assert.deepEqual(seqs(await get("q=dune", eve.headers)), ["Eve#1"]);
    assert.equal(
      (await get(`q=dune&conversation=${secret}`, ann.headers, 404)).error.code,
      "not_found",
    );
    assert.equal(
      (await get(`q=dune&conversation=${club}`, eve.headers, 404)).error.code,
      "not_found",
    );

    for (
      const [query, message] of [
        ["", /^q: /],
        ["q=%20%20", /^q: must not be empty/],
        [`q=${"x".repeat(201)}`, /^q: must be at most 200/],
        ["q=a&limit=101", /^limit: /],
        ["q=a&from=2024-02-30", /^from: must be a date/],
        ["q=a&from=2024-03-01&to=2024-02-01", /^from: must not be after to/],
        ["q=a&conversation=nope", /^conversation: /],
        ["q=a&before=nope", /^before: must be the `next` of a previous answer/],
        [`q=a&before=${btoa("2024-02-30T00:00:00|x|1")}`, /^before: /],
        // Well shaped but impossible: a 400, not a database error.
        [`q=a&before=${btoa(`2024-01-01T99:99:99|${crypto.randomUUID()}|1`)}`, /^before: /],
        [`q=a&before=${btoa(`2024-01-01T10:00:00|${"-".repeat(36)}|1`)}`, /^before: /],
      ] as const
    ) {
      assert.match((await get(query, ann.headers, 400)).error.message, message, query);
    }
    // Older results by cursor: the page after the first ends where the whole list does.
    const first = await get("q=dune&limit=2");
    assert.deepEqual([first.more, typeof first.next], [true, "string"]);
    const second = await get(`q=dune&limit=2&before=${first.next}`);
    assert.deepEqual([second.more, second.next], [false, null]);
    const whole = await get("q=dune");
    assert.deepEqual(
      [...first.results, ...second.results].map((r: { url: string }) => r.url),
      whole.results.map((r: { url: string }) => r.url),
    );
    assert.equal(whole.next, null);
    // The page links to them without JavaScript, and back to the newest.
    const html = await (await t.app.request("/search?q=dune&limit=2", { headers: ann.headers }))
      .text();
    assert.ok(
      html.includes(`href="/search?q=dune&amp;limit=2&amp;before=${first.next}">Older results`),
    );
    const older = await (await t.app.request(`/search?q=dune&limit=2&before=${first.next}`, {
      headers: ann.headers,
    })).text();
    assert.match(older, /href="\/search\?q=dune&amp;limit=2">Newest results/);
    assert.doesNotMatch(older, /Older results/);
    const anon = await t.app.request("/api/search?q=dune");
    assert.equal(anon.status, 401);
  } finally {
    await t.close();
  }
});

Deno.test("search API and page: chats in different zones come in the order their messages happened", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    // By wall clock Tokyo's 18:00 and 10:00 come first; by instant (UTC in the comments) they
    // interleave with London's.
    const chats: [string, string, [string, string][]][] = [
      ["Tokyo", "Asia/Tokyo", [["2024-01-10T10:00:00", "t10"], ["2024-01-10T18:00:00", "t18"]]],
      ["London", "Europe/London", [["2024-01-10T05:00:00", "l05"], [
        "2024-01-10T09:30:00",
        "l0930",
      ]]],
    ]; // t10 01:00Z, t18 09:00Z, l05 05:00Z, l0930 09:30Z
    for (const [title, zone, messages] of chats) {
      const id = await seedChat(t, ann.userId, {
        title,
        messages: messages.map(([date, word]) => ({ date, text: `kiwi ${word}` })),
      });
      await t.db.sql`update conversations set time_zone = ${zone} where id = ${id}`;
      await t.db
        .sql`update messages set at = date at time zone ${zone} where conversation_id = ${id}`;
    }
    const expected = ["kiwi l0930", "kiwi t18", "kiwi l05", "kiwi t10"];
    const get = async (query: string) => {
      const res = await t.app.request(`/api/search?${query}`, { headers: ann.headers });
      assert.equal(res.status, 200);
      return await res.json();
    };
    const texts = (body: { results: { snippet: { text: string } }[] }) =>
      body.results.map((r) => r.snippet.text.replace(/<\/?mark>/g, ""));
    const all = await get("q=kiwi");
    assert.deepEqual(texts(all), expected);
    assert.deepEqual(all.results.map((r: { at: string }) => r.at), [
      "2024-01-10T09:30:00Z",
      "2024-01-10T09:00:00Z",
      "2024-01-10T05:00:00Z",
      "2024-01-10T01:00:00Z",
    ]);
    // Page by page through the cursor.
    const paged: string[] = [];
    let before = "";
    for (let i = 0; i < 10; i++) {
      const body = await get(`q=kiwi&limit=1${before && `&before=${before}`}`);
      paged.push(...texts(body));
      if (!body.next) break;
      before = body.next;
    }
    assert.deepEqual(paged, expected);
    // A cursor handed out before the order was by instant: its wall clock in its chat's zone.
    const tokyo = (await t.db.sql`select id from conversations where title = 'Tokyo'`)[0].id;
    const old = Buffer.from(`2024-01-10T18:00:00|${tokyo}|2`).toString("base64url");
    assert.deepEqual(texts(await get(`q=kiwi&before=${old}`)), expected.slice(2));
    // The page lists them in the same order.
    const html = await (await t.app.request("/search?q=kiwi", { headers: ann.headers })).text();
    const shown = [...html.matchAll(/<p class="snippet" dir="auto">(.*?)<\/p>/g)]
      .map((m) => m[1].replace(/<\/?mark>/g, ""));
    assert.deepEqual(shown, expected);
  } finally {
    await t.close();
  }
});
