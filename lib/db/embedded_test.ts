// startEmbeddedPostgres when its data directory is already in use (a second `deno task start` on
// the same DATA_DIR): an Error saying which directory and why, not a rejection with `undefined`
// ("error: Uncaught (in promise) undefined" was all a user saw).
import assert from "node:assert/strict";
import { startEmbeddedPostgres } from "./embedded.ts";

Deno.test("embedded PostgreSQL: a second server on the same directory fails saying why", async () => {
  const dir = await Deno.makeTempDir({ prefix: "wcr-pg-twice-" });
  // As root the server runs as the `postgres` user, who must reach dir/pg.
  if (Deno.uid() === 0) await Deno.chmod(dir, 0o777);
  const first = await startEmbeddedPostgres(`${dir}/pg`);
  try {
    const second = await startEmbeddedPostgres(`${dir}/pg`).then(
      (s) => s,
      (err: unknown) => err,
    );
    assert.ok(second instanceof Error, `expected an Error, got ${String(second)}`);
    assert.match(second.message, /embedded PostgreSQL in .*\/pg did not start: /);
    assert.match(second.message, /postmaster\.pid/);
  } finally {
    await first.stop();
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
});
