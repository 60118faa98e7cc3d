import assert from "node:assert/strict";
import postgres from "postgres";
import { createTestDb } from "../tests/helpers/db.ts";
import { claimImport } from "./slots.ts";

/** Runs `fn` in a transaction that stays open until the returned `release` is called. */
function holdTransaction(
  sql: postgres.Sql,
  fn: (tx: postgres.TransactionSql) => Promise<unknown>,
) {
  let release!: () => void;
  const released = new Promise<void>((r) => release = r);
  let result!: (value: unknown) => void;
  const claimed = new Promise((r) => result = r);
  const done = sql.begin(async (tx) => {
    result(await fn(tx));
    await released;
  });
  return { claimed, release, done };
}

Deno.test("claimImport: one holder per import, `cap` imports per user, freed at the end", async () => {
  const db = await createTestDb();
  const sql = postgres(db.url, { max: 6, onnotice: () => {} });
  try {
    const [ann, bob] = [crypto.randomUUID(), crypto.randomUUID()];
    const [i1, i2, i3] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const claim = (user: string, id: string, cap: number) =>
      sql.begin((tx) => claimImport(tx as never, user, id, cap));

    const first = holdTransaction(sql, (tx) => claimImport(tx as never, ann, i1, 1));
    assert.equal(await first.claimed, "claimed");
    assert.equal(await claim(ann, i1, 1), "in_progress");
    assert.equal(await claim(ann, i2, 1), "user_at_cap");
    assert.equal(await claim(bob, i3, 1), "claimed"); // another user is not held up
    assert.equal(await claim(ann, i2, 2), "claimed"); // a cap of 2 has a second slot
    assert.equal(await claim(ann, i2, 0), "claimed"); // 0: no cap
    first.release();
    await first.done;
    assert.equal(await claim(ann, i2, 1), "claimed");

    // A worker that dies mid-import (its connection drops) frees its slot with it.
    const doomed = holdTransaction(sql, async (tx) => {
      const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      return [await claimImport(tx as never, ann, i1, 1), pid];
    });
    const [claimed, pid] = await doomed.claimed as [string, number];
    assert.equal(claimed, "claimed");
    assert.equal(await claim(ann, i2, 1), "user_at_cap");
    await db.sql`select pg_terminate_backend(${pid})`;
    await assert.rejects(doomed.done);
    assert.equal(await claim(ann, i2, 1), "claimed");
  } finally {
    await sql.end({ timeout: 5 });
    await db.drop();
  }
});
