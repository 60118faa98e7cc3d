import type { Sql } from "../lib/db/client.ts";
import type { Logger } from "../lib/log.ts";
import type { Queue } from "../lib/queue/types.ts";

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
 */
export async function enqueueOrphanedJobs(
  db: Sql,
  queue: Queue,
  logger: Logger,
): Promise<string[]> {
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
