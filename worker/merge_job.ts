/**
 * The worker's side of a big merge (lib/merge/queue.ts): the web app recorded the request on
 * the source's import and queued that import's id; the import job would skip it (it is done),
 * so the consumer asks here first.
 *
 * @module
 */
import type { Sql } from "../lib/db/client.ts";
import type { EdgeInvalidator } from "../lib/edge/invalidate.ts";
import { AppError } from "../lib/errors.ts";
import type { Logger } from "../lib/log.ts";
import { abandonMerge, pendingMerge } from "../lib/merge/queue.ts";
import { mergeAndClean } from "../lib/merge/run.ts";
import type { BlobStore } from "../lib/storage/types.ts";

/**
 * Runs the merge pending on `importId`, if any. Returns false when there is none (an ordinary
 * import job, or a redelivery after the merge committed: the source is gone by then, so a
 * merge never runs twice). A crash mid-merge rolls its transaction back and the redelivered
 * job merges again from scratch. A merge that fails for a reason retrying cannot fix (either
 * conversation deleted meanwhile: 404/400) is abandoned (`merge_into` cleared, the reason in
 * the import's `error`), so the page polling it can say so; other errors are thrown for the
 * queue to retry.
 */
export async function runMergeJob(
  deps: { db: Sql; blobs: BlobStore; logger: Logger; edge?: EdgeInvalidator },
  importId: string,
): Promise<boolean> {
  const pending = await pendingMerge(deps.db, importId);
  if (!pending) return false;
  try {
    const r = await mergeAndClean(deps, pending);
    deps.logger.info("queued merge done", { ...pending, messageCount: r.messageCount });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    deps.logger.warn("queued merge abandoned", { ...pending, error: err.message });
    await abandonMerge(deps.db, importId, err.message);
  }
  return true;
}
