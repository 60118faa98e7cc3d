import assert from "node:assert/strict";
import { silentLogger } from "../lib/log.ts";
import { createTestApp } from "../tests/helpers/app.ts";
import { userWithChat } from "../tests/security/_fixtures.ts";
import { runRetentionSweeps, sweepExpired } from "./retention.ts";

Deno.test("sweepExpired deletes expired conversations completely and leaves the rest", async () => {
  const t = await createTestApp();
  try {
    const expired = await userWithChat(t, 6);
    const future = await userWithChat(t, 4);
    const forever = await userWithChat(t, 3);
    const sql = t.db.sql;
    await sql`update conversations set retention_days = 1, delete_after = now() - interval '1 minute'
      where id = ${expired.conversationId}`;
    await sql`update conversations set retention_days = 1, delete_after = now() + interval '1 day'
      where id = ${future.conversationId}`;
    const [original] = await sql<{ blobKey: string }[]>`
      select blob_key from imports where id = ${expired.conversationId}`;

    const deps = { db: sql, blobs: t.blobs, logger: silentLogger };
    const reports = await sweepExpired(deps);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].conversationId, expired.conversationId);
    assert.equal(reports[0].messages, 6);
    assert.equal(reports[0].originals, 1);
    assert.equal(reports[0].mediaBlobs, 3);

    const left = await sql<{ id: string }[]>`select id from conversations order by id`;
    assert.deepEqual(
      left.map((r) => r.id),
      [future.conversationId, forever.conversationId].sort(),
    );
    assert.equal(await t.blobs.size(original.blobKey), null);
    const [{ n }] = await sql<{ n: number }[]>`
      select count(*)::int as n from messages where conversation_id = ${expired.conversationId}`;
    assert.equal(n, 0);
    // Nothing more is due.
    assert.deepEqual(await sweepExpired(deps), []);

    // The periodic loop sweeps at start and stops when aborted.
    await sql`update conversations set delete_after = now() - interval '1 second'
      where id = ${future.conversationId}`;
    const stop = new AbortController();
    const loop = runRetentionSweeps(deps, { signal: stop.signal, intervalMs: 50 });
    for (let i = 0; i < 100; i++) {
      const [row] = await sql`select 1 from conversations where id = ${future.conversationId}`;
      if (!row) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    await loop;
    const rest = await sql<{ id: string }[]>`select id from conversations`;
    assert.deepEqual(rest.map((r) => r.id), [forever.conversationId]);
  } finally {
    await t.close();
  }
});
