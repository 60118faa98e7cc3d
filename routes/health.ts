import { Hono } from "hono";
import { latestMigration } from "../lib/db/migrate.ts";
import type { Sql } from "../lib/db/client.ts";
import type { Queue } from "../lib/queue/types.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import type { Logger } from "../lib/log.ts";

/** What readiness checks: shared by the web app and the worker's health server. */
export interface ReadinessDeps {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  /** Where a failed check's error goes (its text can hold internal addresses). */
  logger: Logger;
}

/** A check's answer: "ok", or "failed" (the error itself is logged, never answered). */
async function check(logger: Logger, name: string, fn: () => Promise<unknown>) {
  try {
    await fn();
    return [name, "ok"] as const;
  } catch (err) {
    logger.warn("not ready", {
      check: name,
      error: err instanceof Error ? err.message : String(err),
    });
    return [name, "failed"] as const;
  }
}

/**
 * `/health`: liveness (the process answers). `/ready`: the database answers with every
 * migration applied, the queue and the blob store answer; 503 naming what failed otherwise
 * (`/ready` is reachable from outside: why it failed is in the log, not the answer).
 */
export function healthRoutes(deps: ReadinessDeps) {
  const expected = latestMigration();
  return new Hono()
    .get("/health", (c) => c.json({ status: "ok" }, 200, { "Cache-Control": "no-store" }))
    .get("/ready", async (c) => {
      const results = Object.fromEntries(
        await Promise.all([
          check(deps.logger, "database", async () => {
            const [row] = await deps.db`select coalesce(max(migration_id), 0) as n from migrations`;
            if (Number(row.n) < expected) {
              throw new Error(`migrations ${row.n}/${expected} applied`);
            }
          }),
          check(deps.logger, "queue", () => deps.queue.ping()),
          check(deps.logger, "blobs", () => deps.blobs.ping()),
        ]),
      );
      const ok = Object.values(results).every((v) => v === "ok");
      return c.json({ status: ok ? "ok" : "unavailable", checks: results }, ok ? 200 : 503, {
        "Cache-Control": "no-store",
      });
    });
}
