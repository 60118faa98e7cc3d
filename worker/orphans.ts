import type { Sql } from "../lib/db/client.ts";
import type { Logger } from "../lib/log.ts";
import type { Queue } from "../lib/queue/types.ts";
import { OUR_FAULT_FINAL } from "./create_worker.ts";

/**
 * Deliveries after which a first import left `processing` by a stopped process is failed instead
 * of queued again: the deliveries of the queue (`maxAttempts`, 3 by default) count the same.
 */
export const ORPHAN_MAX_ATTEMPTS = 3;

/**
 * The embedded mode's in-process queue keeps its jobs in memory: when the reader stops (Ctrl-C,
 * SIGTERM, a crash) with imports still queued or being read, or a big merge waiting for the
 * worker, their jobs are gone while their rows still say `queued`/`processing` (or a pending
 * `merge_into`). Nothing would ever pick them up again, and the user could neither delete such an
 * import (409 while it runs) nor upload the same file again (409 `duplicate_upload`). So, when
 * the in-process queue starts, every such row is put on it again, oldest first: the import job
 * is idempotent (a half-done attempt rolled back with the process) and a merge job finds its
 * merge still pending. Only for the in-process queue: a Redis stream keeps its jobs across
 * restarts and redelivers them itself. Returns the ids enqueued.
 *
 * A first import (no conversation yet) that was being read when the process died
 * {@link ORPHAN_MAX_ATTEMPTS} times (its `attempts` count every delivery) is failed as the queue's
 * dead letter would fail it: an upload that kills the process (out of memory) would otherwise
 * kill every start after it, for good. A re-import is queued again whatever its count (its
 * `attempts` add up over its re-parses), as is every `queued` row (not in hand when it stopped).
 */
export async function enqueueOrphanedJobs(
  db: Sql,
  queue: Queue,
  logger: Logger,
): Promise<string[]> {
  const failed = await db<{ id: string }[]>`
    update imports set status = 'failed', error = ${OUR_FAULT_FINAL}, updated_at = now()
    where status = 'processing' and conversation_id is null
      and attempts >= ${ORPHAN_MAX_ATTEMPTS}
    returning id`;
  if (failed.length > 0) {
    logger.error("imports a stopped process was reading failed after several attempts", {
      importIds: failed.map((r) => r.id),
    });
  }
  const rows = await db<{ id: string }[]>`
    select id from imports
    where status in ('queued', 'processing')
      or (conversation_id = id and merge_into is not null and merge_into <> id)
    order by created_at, id`;
  const ids = rows.map((r) => r.id);
  for (const id of ids) await queue.enqueue({ importId: id });
  if (ids.length > 0) {
    logger.info("queued again the imports and merges a previous run left unfinished", {
      jobs: ids.length,
    });
  }
  return ids;
}
