import type { Sql } from "../lib/db/client.ts";
import { listUnindexed, rebuildSearchIndex } from "../lib/db/search_index.ts";
import type { Logger } from "../lib/log.ts";
import { sleep } from "../lib/sleep.ts";

/** Conversations looked up per round. */
const BATCH = 100;

/** What the sweep needs. */
export interface SearchSweepOptions {
  logger: Logger;
  signal: AbortSignal;
  /** Pause between two sweeps (default 5 minutes). */
  intervalMs?: number;
}

/**
 * The fallback of the search index: at start and then every `intervalMs`, builds the index of
 * every conversation that has none (its import committed, but the worker died or the rebuild
 * failed before it was indexed), and rebuilds those built by an older TSV_VERSION. Never throws;
 * returns when `signal` aborts (a rebuild in progress finishes first). Racing an importer's own
 * rebuild is harmless: whichever comes second finds the conversation indexed and skips it.
 */
export async function sweepSearchIndex(db: Sql, options: SearchSweepOptions): Promise<void> {
  const { logger, signal } = options;
  while (!signal.aborted) {
    let full = false;
    try {
      const ids = await listUnindexed(db, BATCH);
      full = ids.length === BATCH;
      for (const id of ids) {
        if (signal.aborted) break;
        const t0 = Date.now();
        const { indexed, rows } = await rebuildSearchIndex(db, id, { onlyIfPending: true });
        if (indexed) {
          logger.info("search index built by the sweep", {
            conversationId: id,
            rows,
            ms: Date.now() - t0,
          });
        }
      }
    } catch (err) {
      full = false;
      if (signal.aborted) break;
      logger.warn("search index sweep failed; retried later", {
        error: err instanceof Error ? err.message : String(err),
      });
    }
    // A full batch (e.g. every conversation after a new TSV_VERSION): go on without pausing.
    if (!full) await sleep(options.intervalMs ?? 300_000, signal);
  }
}
