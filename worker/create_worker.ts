import type { EdgeInvalidator } from "../lib/edge/invalidate.ts";
import type { Sql } from "../lib/db/client.ts";
import { failImport } from "../lib/db/imports.ts";
import type { Logger } from "../lib/log.ts";
import { ParseError } from "../lib/parse/types.ts";
import type { Delivery, Queue } from "../lib/queue/types.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import { importChat, type ImportDeps, type ImportOutcome } from "./import_chat.ts";
import { sweepSearchIndex } from "./search_sweep.ts";
import { runMergeJob } from "./merge_job.ts";
import { runRetentionSweeps } from "./retention.ts";
import { sleep } from "../lib/sleep.ts";

/**
 * What the owner reads when an import fails for a reason of ours (a database, storage or queue
 * error): its detail (hosts, bucket names, SQL) goes to the log only, never to the import page.
 * A parser's reason (ParseError: not a chat export) is the user's to read and is shown as is.
 */
export const OUR_FAULT_RETRYING =
  "The import hit a problem on our side; it will be tried again in a moment.";
/** See {@link OUR_FAULT_RETRYING}: the attempts are spent. */
export const OUR_FAULT_FINAL = "The import failed on our side after several attempts. " +
  "Your upload was received: delete this import and upload the file again later.";

/** What a worker needs; clients are created by the entry point and passed in. */
export interface WorkerDeps {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  logger: Logger;
  /** Purges CDN copies of merged-away and expired conversations' media (lib/edge). */
  edge?: EdgeInvalidator;
  /** Jobs this process works on at once: one queue consumer each (default 1). */
  concurrency?: number;
  /** Imports of one user processed at once across all workers (default 1; 0: no cap). */
  userCap?: number;
  /** A deferred job (user at the cap) is put back at the end of the queue after ~this (1 s). */
  deferDelayMs?: number;
  /** Media files written at once per import (default 4). */
  mediaConcurrency?: number;
  /** Called after each job with its outcome, for metrics. */
  onJob?: (outcome: "done" | "failed" | "retry", ms: number, messages: number) => void;
  /** Replaces the import (tests). */
  runImport?: (deps: ImportDeps, importId: string) => Promise<ImportOutcome>;
}

/**
 * The import consumer: `concurrency` loops take jobs off the (shared) queue and import them.
 *
 * Fairness: a job whose user already has `userCap` imports processing (on any worker) is
 * deferred, not failed: after `deferDelayMs` (±25%) it is enqueued again at the end of the
 * queue and the delivery acknowledged, so other users' jobs behind it go first and no delivery
 * attempt is spent. This cannot livelock: a deferral means some transaction holds the user's
 * slot and is making progress (slots are advisory locks, freed at its end or when its
 * connection dies), and the delay bounds how fast a loop can spin on jobs it must defer.
 */
export function createWorker(deps: WorkerDeps) {
  const { db, queue, logger } = deps;
  const runImport = deps.runImport ?? importChat;
  const deferDelayMs = deps.deferDelayMs ?? 1000;
  const importDeps = (log: Logger): ImportDeps => ({
    db: deps.db,
    blobs: deps.blobs,
    logger: log,
    userCap: deps.userCap ?? 1,
    mediaConcurrency: deps.mediaConcurrency,
  });

  async function handle({ job, attempt }: Delivery, signal: AbortSignal): Promise<void> {
    const log = logger.child({ importId: job.importId, requestId: job.requestId, attempt });
    const started = Date.now();
    // A big merge queued by the web app rides on the import queue (worker/merge_job.ts).
    if (await runMergeJob({ db, blobs: deps.blobs, logger: log, edge: deps.edge }, job.importId)) {
      deps.onJob?.("done", Date.now() - started, 0);
      return;
    }
    let outcome: ImportOutcome;
    try {
      outcome = await runImport(importDeps(log), job.importId);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof ParseError) {
        // Not a chat: retrying cannot help. Fail at once with the parser's reason (job acked).
        log.warn("import failed: not a chat export", { error: message });
        await failImport(db, job.importId, message, true);
        deps.onJob?.("failed", Date.now() - started, 0);
        return;
      }
      log.error("import attempt failed", { error: message });
      await failImport(db, job.importId, OUR_FAULT_RETRYING, false);
      deps.onJob?.("retry", Date.now() - started, 0);
      throw err;
    }
    if (outcome.status === "done") {
      deps.onJob?.("done", Date.now() - started, outcome.messages);
    } else if (outcome.status === "duplicate") {
      deps.onJob?.("failed", Date.now() - started, 0);
    } else if (outcome.status === "deferred") {
      log.debug("import deferred", { reason: outcome.reason });
      await sleep(deferDelayMs * (0.75 + Math.random() / 2), signal);
      // Shutting down: rejecting releases the job to another consumer (no attempt counted).
      if (signal.aborted) throw new Error("worker stopping; deferred job released");
      await queue.enqueue(job);
    }
  }

  return {
    /** Consumes until `signal` aborts, then returns once the jobs in hand are finished. */
    async run(signal: AbortSignal): Promise<void> {
      const loops = Math.max(1, deps.concurrency ?? 1);
      // Search indexes whose build after an import never ran (a worker died): at start, then
      // every few minutes.
      const sweep = sweepSearchIndex(db, { logger, signal });
      // Conversations whose retention ran out: deleted at start, then every 10 minutes.
      const retention = runRetentionSweeps({ db, blobs: deps.blobs, logger, edge: deps.edge }, {
        signal,
      });
      await Promise.all(
        Array.from({ length: loops }, () =>
          queue.consume((delivery) => handle(delivery, signal), {
            signal,
            onDeadLetter: async ({ job }, reason) => {
              logger.error("import moved to dead letter", { importId: job.importId, reason });
              await failImport(db, job.importId, OUR_FAULT_FINAL, true);
            },
          })),
      );
      await Promise.all([sweep, retention]);
    },
  };
}
