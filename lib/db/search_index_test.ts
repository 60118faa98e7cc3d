import assert from "node:assert/strict";
import postgres from "postgres";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { numbered, page, seedChat } from "../../routes/_test_chat.ts";
import { silentLogger } from "../log.ts";
import { importChat } from "../../worker/import_chat.ts";
import { sweepSearchIndex } from "../../worker/search_sweep.ts";
import { createImport, getImportById } from "./imports.ts";
import { searchMessages } from "./search.ts";
import {
  countUnindexed,
  listUnindexed,
  rebuildSearchIndex,
  SEARCH_LOCK_CLASS,
  TSV_VERSION,
} from "./search_index.ts";

const rowsOf = async (t: TestApp, id: string) =>
  (await t.db.sql<{ n: number }[]>`
    select count(*)::int as n from message_search where conversation_id = ${id}`)[0].n;
const stateOf = async (t: TestApp, id: string) =>
  (await t.db.sql<{ rows: number }[]>`
    select rows from message_search_state where conversation_id = ${id}`)[0]?.rows ?? null;
const find = (t: TestApp, userId: string, query: string) =>
  searchMessages(t.db.sql, userId, { query, limit: 50 });

/** Runs the worker's sweep until nothing is left to index (10 s at most), then stops it. */
async function sweepUntilDone(t: TestApp): Promise<void> {
  const stop = new AbortController();
  const sweeping = sweepSearchIndex(t.db.sql, { logger: silentLogger, signal: stop.signal });
  const until = Date.now() + 10_000;
  while ((await listUnindexed(t.db.sql)).length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
  }
  stop.abort();
  await sweeping;
}

Deno.test("rebuildSearchIndex: idempotent, in a caller's transaction too, hits carry seq and ref", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, { messages: numbered(30) }); // seedChat indexes it
    assert.deepEqual([await rowsOf(t, id), await stateOf(t, id)], [30, 30]);
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(await rebuildSearchIndex(t.db.sql, id), { indexed: true, rows: 30 });
      assert.deepEqual([await rowsOf(t, id), await stateOf(t, id)], [30, 30]);
    }
    assert.deepEqual((await find(t, u.userId, "7")).hits.map((h) => h.ref), [7]);
    // Already indexed: the sweep's call skips it; an unknown conversation is nothing to do.
    assert.deepEqual(await rebuildSearchIndex(t.db.sql, id, { onlyIfPending: true }), {
      indexed: false,
      rows: 0,
    });
    assert.deepEqual(await rebuildSearchIndex(t.db.sql, crypto.randomUUID()), {
      indexed: false,
      rows: 0,
    });

    // A merge rewrites messages (seq renumbered, refs kept, one text changed) and rebuilds in
    // its own transaction: no stale text is found, and hits say both numbers.
    await t.db.sql.begin(async (tx) => {
      await tx`update messages set seq = seq + 100 where conversation_id = ${id}`;
      await tx`update messages set text = 'renamed' where conversation_id = ${id} and ref = 7`;
      await rebuildSearchIndex(tx as never, id);
    });
    assert.deepEqual((await find(t, u.userId, "7")).hits, []);
    const [hit] = (await find(t, u.userId, "renamed")).hits;
    assert.deepEqual([hit.seq, hit.ref, hit.date], [107, 7, "2024-01-01T09:06:00"]);
    assert.equal(await rowsOf(t, id), 30);
  } finally {
    await t.close();
  }
});

Deno.test("search index: a conversation not indexed yet is reported by the API and the page; the sweep indexes it", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const a = await seedChat(t, u.userId, { title: "A", messages: numbered(3) });
    const b = await seedChat(t, u.userId, { title: "B", messages: numbered(2) });
    await seedChat(t, eve.userId, { messages: numbered(2) });
    // As right after an import's commit: messages there, index not built yet.
    await t.db.sql`delete from message_search_state where conversation_id = ${b}`;
    await t.db.sql`delete from message_search where conversation_id = ${b}`;
    assert.equal(await countUnindexed(t.db.sql, u.userId), 1);
    assert.equal(await countUnindexed(t.db.sql, u.userId, a), 0);
    assert.equal(await countUnindexed(t.db.sql, eve.userId), 0);
    assert.deepEqual(await listUnindexed(t.db.sql), [b]);

    const api = await (await t.app.request("/api/search?q=message", { headers: u.headers })).json();
    assert.equal(api.indexing, 1);
    assert.deepEqual(
      api.results.map((r: { conversation: { title: string } }) => r.conversation.title),
      [
        "A",
        "A",
        "A",
      ],
    );
    const inA = await t.app.request(`/api/search?q=message&conversation=${a}`, {
      headers: u.headers,
    });
    assert.equal((await inA.json()).indexing, 0);
    const html = await page(t, "/search?q=message", u.headers);
    assert.match(html, /Still indexing 1 conversation: its messages are not in these results yet/);
    assert.doesNotMatch(
      await page(t, `/search?q=message&conversation=${a}`, u.headers),
      /Still indexing/,
    );

    // The worker's sweep builds what is missing, then waits for the next round (aborted here).
    await sweepUntilDone(t);
    assert.deepEqual([await rowsOf(t, b), await stateOf(t, b)], [2, 2]);
    const after = await (await t.app.request("/api/search?q=message", { headers: u.headers }))
      .json();
    assert.deepEqual([after.indexing, after.results.length], [0, 5]);
    assert.doesNotMatch(await page(t, "/search?q=message", u.headers), /Still indexing/);
  } finally {
    await t.close();
  }
});

Deno.test("search index: words inside links, addresses and markup; older vectors rebuilt by the sweep, searchable meanwhile", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const texts = [
      "mail ann@example.com or see https://example.com/path?x=1",
      "<script>alert(1)</script> <b>bold?</b>",
      "watch youtube.com/watch?v=abc",
      "plain words only",
    ];
    const id = await seedChat(t, u.userId, {
      messages: texts.map((text, i) => ({ date: `2024-01-01T09:0${i}:00`, author: "Ann", text })),
    });
    const refs = async (q: string) => (await find(t, u.userId, q)).hits.map((h) => h.ref).sort();
    for (const q of ["example", "path", "ann", "example.com", "ann@example.com"]) {
      assert.deepEqual(await refs(q), [1], q);
    }
    for (const q of ["script", "alert", "bold"]) assert.deepEqual(await refs(q), [2], q);
    assert.deepEqual(await refs("youtube"), [3]);
    assert.deepEqual(await refs('"example com"'), [1], "a phrase of the link's words");
    // …and marked where they stand inside the link (ts_headline alone marks whole tokens only).
    const marks = async (q: string) => {
      const [hit] = (await find(t, u.userId, q)).hits;
      return hit.snippet.highlights.map(([a, b]) => hit.snippet.text.slice(a, b));
    };
    assert.deepEqual(await marks("example"), ["example", "example"]);
    assert.deepEqual(await marks("path"), ["path"]);
    assert.deepEqual(await marks("youtube"), ["youtube"]);
    assert.deepEqual(await marks("example.com"), ["example.com", "example.com"]);
    assert.deepEqual(await marks("ann@example.com"), ["ann@example.com"]);
    // A conversation indexed by the first definition (to_tsvector alone) is listed for the
    // sweep, found by what that definition indexed meanwhile, and rebuilt by the sweep.
    await t.db.sql`
      update message_search set tsv = to_tsvector('public.simple_unaccent', m.text)
      from messages m where m.conversation_id = message_search.conversation_id
        and m.ref = message_search.ref and m.conversation_id = ${id}`;
    await t.db.sql`update message_search_state set tsv_version = 1 where conversation_id = ${id}`;
    assert.deepEqual(await refs("example"), []);
    assert.deepEqual(await refs("example.com"), [1], "still searchable");
    assert.equal(await countUnindexed(t.db.sql, u.userId), 0, "not reported as indexing");
    assert.deepEqual(await listUnindexed(t.db.sql), [id]);
    await sweepUntilDone(t);
    assert.deepEqual(await refs("example"), [1]);
    const [{ v }] = await t.db.sql<{ v: number }[]>`
      select tsv_version as v from message_search_state where conversation_id = ${id}`;
    assert.equal(v, TSV_VERSION);
  } finally {
    await t.close();
  }
});

Deno.test("search index: deleting a conversation deletes its search rows", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, { messages: numbered(5) });
    const keep = await seedChat(t, u.userId, { messages: numbered(4) });
    await t.db.sql`delete from conversations where id = ${id}`;
    assert.deepEqual([await rowsOf(t, id), await stateOf(t, id)], [0, null]);
    assert.deepEqual([await rowsOf(t, keep), await stateOf(t, keep)], [4, 4]);
  } finally {
    await t.close();
  }
});

Deno.test("importChat: indexed after the commit; a re-import never leaves stale search rows", async () => {
  const t = await createTestApp();
  // A second connection holds the rebuild's lock, to look at the moment between the import's
  // commit and its index build.
  const locker = postgres(t.db.url, { max: 1, onnotice: () => {} });
  try {
    const u = await signUp(t.app);
    const id = crypto.randomUUID();
    const key = `imports/${id}/original`;
    const put = async (text: string) => {
      const body = new TextEncoder().encode(text);
      await t.blobs.put(key, body);
      return body.byteLength;
    };
    const size = await put(
      "01/02/2024, 10:00 - Ann: pineapple pizza\n01/02/2024, 10:01 - Bob: no\n",
    );
    await createImport(t.db.sql, {
      id,
      userId: u.userId,
      filename: "WhatsApp Chat with Bob.txt",
      size,
      sha256: "0".repeat(64),
      blobKey: key,
    });
    const deps = { db: t.db.sql, blobs: t.blobs, logger: silentLogger };
    assert.equal((await importChat(deps, id)).status, "done");
    assert.deepEqual([await rowsOf(t, id), await stateOf(t, id)], [2, 2]);
    assert.deepEqual((await find(t, u.userId, "pineapple")).hits.map((h) => h.ref), [1]);

    // Re-import of a different export (a re-parse): stale rows go in the import's transaction.
    await put(
      "03/02/2024, 09:00 - Ann: mango\n03/02/2024, 09:01 - Bob: mango too\n" +
        "03/02/2024, 09:02 - Ann: kiwi\n",
    );
    await t.db.sql`update imports set status = 'processing' where id = ${id}`;
    await locker`select pg_advisory_lock(${SEARCH_LOCK_CLASS}::int, hashtext(${id}))`;
    const importing = importChat(deps, id);
    const until = Date.now() + 10_000;
    while ((await getImportById(t.db.sql, id))!.status !== "done" && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 20));
    }
    // Committed, not indexed yet: no old hit, no new hit, and search says why.
    assert.deepEqual([await rowsOf(t, id), await stateOf(t, id)], [0, null]);
    const between = await find(t, u.userId, "pineapple or mango");
    assert.deepEqual([between.hits.length, between.indexing], [0, 1]);

    await locker`select pg_advisory_unlock(${SEARCH_LOCK_CLASS}::int, hashtext(${id}))`;
    assert.equal((await importing).status, "done");
    assert.deepEqual([await rowsOf(t, id), await stateOf(t, id)], [3, 3]);
    assert.deepEqual((await find(t, u.userId, "pineapple")).hits, []);
    const mango = await find(t, u.userId, "mango");
    assert.deepEqual([mango.hits.map((h) => h.snippet.text), mango.indexing], [
      ["mango too", "mango"],
      0,
    ]);
  } finally {
    await locker.end();
    await t.close();
  }
});
