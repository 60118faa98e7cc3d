import type { Sql } from "../lib/db/client.ts";
import { deleteConversationCompletely, type DeleteReport } from "../lib/db/delete_conversation.ts";
import { listExpired } from "../lib/db/retention.ts";
import type { EdgeInvalidator } from "../lib/edge/invalidate.ts";
import type { Logger } from "../lib/log.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import { sleep } from "../lib/sleep.ts";

/** What the retention sweep needs. */
export interface RetentionDeps {
  db: Sql;
  blobs: BlobStore;
  logger: Logger;
  /** Purges CDN copies of the deleted conversations' media (lib/edge). */
  edge?: EdgeInvalidator;
}

const BATCH = 100;

/**
 * Deletes every conversation whose retention ran out (`delete_after` passed), completely —
 * the same path as the user's own delete. Returns what each deletion removed. Safe to run in
 * several workers at once: a conversation deleted by another is skipped (null report).
 */
export async function sweepExpired(
  deps: RetentionDeps,
  signal?: AbortSignal,
): Promise<(DeleteReport & { conversationId: string })[]> {
  const done: (DeleteReport & { conversationId: string })[] = [];
  while (!signal?.aborted) {
    const batch = await listExpired(deps.db, BATCH);
    for (const { id, userId } of batch) {
      if (signal?.aborted) break;
      const report = await deleteConversationCompletely(deps.db, deps.blobs, userId, id, {
        edge: deps.edge,
      });
      if (!report) continue;
      deps.logger.info("conversation deleted by its retention", { conversationId: id, ...report });
      done.push({ conversationId: id, ...report });
    }
    if (batch.length < BATCH) break;
  }
  return done;
}

/**
 * Runs `sweepExpired` at start and then every `intervalMs` (default 10 minutes) until `signal`
 * aborts; a deletion in progress finishes first. Never throws (failures are logged and retried
 * at the next round).
 */
export async function runRetentionSweeps(
  deps: RetentionDeps,
  options: { signal: AbortSignal; intervalMs?: number },
): Promise<void> {
  const { signal } = options;
  while (!signal.aborted) {
    try {
      await sweepExpired(deps, signal);
    } catch (err) {
      deps.logger.warn("retention sweep failed; retried later", {
        error: (err as Error).message,
      });
    }
    await sleep(options.intervalMs ?? 10 * 60_000, signal);
  }
}
