/**
 * A merge with its clean-up, as the web request (small merges) and the worker (big ones,
 * worker/merge_job.ts) run it.
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import { conversationEdgePaths, type EdgeInvalidator } from "../edge/invalidate.ts";
import type { Logger } from "../log.ts";
import type { BlobStore } from "../storage/types.ts";
import { mergeConversations, type MergeResult } from "./merge.ts";

/**
 * Merges and then deletes the blobs of files the target already had (after the commit: a
 * failure there leaves a stray file, never a missing one).
 *
 * @example
 * ```ts
 * const r = await mergeAndClean({ db, blobs, logger }, { userId, into, from });
 * ```
 */
export async function mergeAndClean(
  deps: { db: Sql; blobs: BlobStore; logger: Logger; edge?: EdgeInvalidator },
  options: { userId: string; into: string; from: string },
): Promise<MergeResult> {
  const result = await mergeConversations(deps.db, options);
  // `from` is gone: its capability URLs answer 404 here, and the CDN is told to forget them.
  await deps.edge?.invalidate(conversationEdgePaths(options.from));
  for (const key of result.orphanBlobKeys) {
    await deps.blobs.delete(key).catch((err) =>
      deps.logger.warn("merged blob not deleted", { key, error: (err as Error).message })
    );
  }
  deps.logger.info("conversations merged", { ...options, added: result.added });
  return result;
}
