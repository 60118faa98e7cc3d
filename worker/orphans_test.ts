import assert from "node:assert/strict";
import { getImportById } from "../lib/db/imports.ts";
import { silentLogger } from "../lib/log.ts";
import { importBoth, postMerge } from "../lib/merge/fixtures_test_util.ts";
import { createMemoryQueue } from "../lib/queue/memory.ts";
import type { Queue } from "../lib/queue/types.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { createWorker, OUR_FAULT_FINAL } from "./create_worker.ts";
import { enqueueOrphanedJobs, ORPHAN_MAX_ATTEMPTS } from "./orphans.ts";

const CHAT = (who: string) =>
  `01/02/2024, 10:00 - Ann: hello ${who}\n01/02/2024, 10:01 - ${who}: hi Ann\n`;

/** Runs the real worker on `queue` until it is empty, then stops it. */
async function drain(t: TestApp, queue: Queue) {
  const stop = new AbortController();
  const worker = createWorker({ db: t.db.sql, queue, blobs: t.blobs, logger: silentLogger })
    .run(stop.signal);
  for (let i = 0; i < 400; i++) {
    const s = await queue.stats();
    if (s.length === 0 && s.pending === 0) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  stop.abort();
  await worker;
}

Deno.test("enqueueOrphanedJobs: a restart of the embedded reader resumes what its memory queue lost", async () => {
  // Threshold lowered: the fixtures' 5 + 9 messages make a merge that waits for the worker.
  const t = await createTestApp({ env: { MERGE_IN_WORKER_ABOVE: "10" } });
  const fresh = createMemoryQueue();
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const merge = await postMerge(t, u.headers, textOnly, withMedia);
    assert.equal(merge.status, 202);
    await merge.body?.cancel();
    const upload = async (who: string) => {
      const res = await t.app.request(`/api/imports?filename=WhatsApp%20Chat%20with%20${who}.txt`, {
        method: "POST",
        headers: { ...u.headers, "content-type": "text/plain" },
        body: CHAT(who),
      });
      assert.equal(res.status, 202);
      return (await res.json()).id as string;
    };
    const queued = await upload("Cy");
    const reading = await upload("Dee");
    // The reader stopped while it was reading this one (its transaction rolled back).
    await t.db.sql`update imports set status = 'processing', progress = 0.4, attempts = 1
      where id = ${reading}`;
    // And one that had failed for good stays as it is.
    const failed = await upload("Eve");
    await t.db.sql`update imports set status = 'failed', error = 'not a chat' where id = ${failed}`;

    // The restart: the old process's memory queue and its three jobs are gone.
    const ids = await enqueueOrphanedJobs(t.db.sql, fresh, silentLogger);
    assert.deepEqual(ids, [withMedia, queued, reading], "oldest first; done and failed ones left");
    assert.equal((await fresh.stats()).length, 3);

    await drain(t, fresh);
    for (const id of [queued, reading]) {
      const row = await getImportById(t.db.sql, id);
      assert.equal(row!.status, "done", `${id}: ${row!.error}`);
      assert.equal(row!.conversationId, id);
    }
    assert.equal((await getImportById(t.db.sql, failed))!.status, "failed");
    const state = await (await t.app.request(
      `/api/conversations/${textOnly}/merge/${withMedia}`,
      { headers: u.headers },
    )).json();
    assert.deepEqual(state, { status: "done", conversationId: textOnly });

    // Nothing is left for the next start.
    assert.deepEqual(await enqueueOrphanedJobs(t.db.sql, fresh, silentLogger), []);
  } finally {
    await fresh.close();
    await t.close();
  }
});

Deno.test("enqueueOrphanedJobs: an upload that was in hand at each of several stops is failed, not queued again", async () => {
  const t = await createTestApp();
  const fresh = createMemoryQueue();
  try {
    const u = await signUp(t.app);
    const upload = async (who: string) => {
      const res = await t.app.request(`/api/imports?filename=WhatsApp%20Chat%20with%20${who}.txt`, {
        method: "POST",
        headers: { ...u.headers, "content-type": "text/plain" },
        body: CHAT(who),
      });
      assert.equal(res.status, 202);
      return (await res.json()).id as string;
    };
    // A chat imported long ago, being re-read when the process stopped.
    const reparse = await upload("Fay");
    await drain(t, t.queue);
    assert.equal((await getImportById(t.db.sql, reparse))!.status, "done");
    await t.db.sql`update imports set status = 'processing', attempts = 7 where id = ${reparse}`;
    // Being read when the process died, three deliveries in: say it ran it out of memory. Queued
    // again, it would stop every start of the reader after it.
    const poison = await upload("Cy");
    await t.db.sql`update imports set status = 'processing', attempts = ${ORPHAN_MAX_ATTEMPTS}
      where id = ${poison}`;
    // Fewer deliveries: queued again. Waiting (never in hand), or the re-import (its attempts add
    // up over its re-parses): queued again whatever the count.
    const once = await upload("Dee");
    await t.db.sql`update imports set status = 'processing', attempts = 1 where id = ${once}`;
    const waiting = await upload("Eve");
    await t.db.sql`update imports set status = 'queued', attempts = 5 where id = ${waiting}`;

    const ids = await enqueueOrphanedJobs(t.db.sql, fresh, silentLogger);
    assert.deepEqual(new Set(ids), new Set([once, waiting, reparse]));
    const row = (await getImportById(t.db.sql, poison))!;
    assert.equal(row.status, "failed");
    assert.equal(row.error, OUR_FAULT_FINAL, "the owner reads why, and may delete it");
    const res = await t.app.request(`/imports/${poison}/delete`, {
      method: "POST",
      headers: { ...u.headers, origin: "http://localhost" },
    });
    assert.equal(res.status, 303);
    assert.equal(await getImportById(t.db.sql, poison), null);
  } finally {
    await fresh.close();
    await t.close();
  }
});
