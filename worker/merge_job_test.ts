import assert from "node:assert/strict";
import { importBoth, postMerge, postMergeForm } from "../lib/merge/fixtures_test_util.ts";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { createWorker } from "./create_worker.ts";

/** Runs the real worker on the app's (memory) queue until it is empty, then stops it. */
async function drain(t: TestApp) {
  const stop = new AbortController();
  const jobs: string[] = [];
  const worker = createWorker({
    db: t.db.sql,
    queue: t.queue,
    blobs: t.blobs,
    logger: silentLogger,
    onJob: (outcome) => jobs.push(outcome),
  }).run(stop.signal);
  for (let i = 0; i < 200; i++) {
    const s = await t.queue.stats();
    if (s.length === 0 && s.pending === 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  stop.abort();
  await worker;
  return jobs;
}

const count = async (t: TestApp, id: string) =>
  (await t.db.sql<{ n: number }[]>`
    select count(*)::int as n from messages where conversation_id = ${id}`)[0].n;

Deno.test("merge: a big one is queued (202), the worker merges it once", async () => {
  // Threshold lowered: the fixtures' 5 + 9 messages count as a big merge.
  const t = await createTestApp({ env: { MERGE_IN_WORKER_ABOVE: "10" } });
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const res = await postMerge(t, u.headers, textOnly, withMedia);
    assert.equal(res.status, 202);
    const poll = `/api/conversations/${textOnly}/merge/${withMedia}`;
    assert.equal(res.headers.get("location"), poll);
    assert.deepEqual(await res.json(), { status: "queued", conversationId: textOnly, poll });
    // Nothing merged yet; the state says so; a double submit queues nothing more.
    assert.equal(await count(t, withMedia), 9);
    const again = await postMerge(t, u.headers, textOnly, withMedia);
    assert.equal(again.status, 202);
    await again.body?.cancel();
    assert.equal((await t.queue.stats()).length, 1);
    const state = async (url = poll, headers = u.headers) =>
      await (await t.app.request(url, { headers })).json();
    assert.equal((await state()).status, "queued");

    assert.deepEqual(await drain(t), ["done"]);
    assert.deepEqual(await state(), { status: "done", conversationId: textOnly });
    assert.equal(await count(t, textOnly), 9);
    assert.equal(await count(t, withMedia), 0);
    const [conv] = await t.db.sql`select message_count from conversations where id = ${textOnly}`;
    assert.equal(conv.messageCount, 9);

    // A redelivery (the worker died after the commit, before the ack) merges nothing twice:
    // the job falls through to the import job, which skips a done import.
    await t.queue.enqueue({ importId: withMedia });
    await t.queue.enqueue({ importId: withMedia });
    await drain(t);
    assert.equal(await count(t, textOnly), 9);
    const [imp] = await t.db.sql`select status, error from imports where id = ${withMedia}`;
    assert.deepEqual([imp.status, imp.error], ["done", null]);
    assert.equal((await t.queue.stats()).deadLetters, 0);

    // Another user cannot see the merge's state.
    const other = await signUp(t.app);
    const hidden = await t.app.request(poll, { headers: other.headers });
    assert.equal(hidden.status, 404);
    await hidden.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("merge page: a big merge shows 'Merging…', then leads to the fused chat", async () => {
  const t = await createTestApp({ env: { MERGE_IN_WORKER_ABOVE: "10" } });
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const res = await postMergeForm(t, u.headers, withMedia, textOnly);
    assert.equal(res.status, 303);
    const progress = `/c/${textOnly}/merging/${withMedia}`;
    assert.equal(res.headers.get("location"), progress);
    const page = await t.app.request(progress, { headers: u.headers });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Merging…/);
    assert.match(html, /<meta http-equiv="refresh" content="2"/);

    await drain(t);
    const after = await t.app.request(progress, { headers: u.headers });
    assert.equal(after.status, 303);
    assert.equal(after.headers.get("location"), `/c/${textOnly}#end`);
  } finally {
    await t.close();
  }
});

Deno.test("merge: a queued merge whose target was deleted meanwhile is abandoned", async () => {
  const t = await createTestApp({ env: { MERGE_IN_WORKER_ABOVE: "10" } });
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const res = await postMerge(t, u.headers, textOnly, withMedia);
    assert.equal(res.status, 202);
    await res.body?.cancel();
    // Deleting the target sets the request's merge_into to null (foreign key): nothing to do.
    await t.db.sql`delete from conversations where id = ${textOnly}`;
    assert.deepEqual(await drain(t), []);
    assert.equal(await count(t, withMedia), 9, "the source is untouched");
  } finally {
    await t.close();
  }
});

Deno.test("merge: small merges stay synchronous (200) under the default threshold", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const res = await postMerge(t, u.headers, textOnly, withMedia);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).messageCount, 9);
    assert.equal((await t.queue.stats()).length, 0);
  } finally {
    await t.close();
  }
});
