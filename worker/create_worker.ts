import type { Sql } from "../lib/db/client.ts";
import { failImport } from "../lib/db/imports.ts";
import type { Logger } from "../lib/log.ts";
import { ParseError } from "../lib/parse/types.ts";
import type { Queue } from "../lib/queue/types.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import { importChat } from "./import_chat.ts";

/** What a worker needs; clients are created by the entry point and passed in. */
export interface WorkerDeps {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  logger: Logger;
  /** Called after each job with its outcome, for metrics. */
  onJob?: (outcome: "done" | "failed" | "retry", ms: number, messages: number) => void;
}

/** The import consumer: takes jobs off the queue and imports them. */
export function createWorker(deps: WorkerDeps) {
  const { db, queue, logger } = deps;
  return {
    /** Consumes until `signal` aborts, then returns once the job in hand is finished. */
    run(signal: AbortSignal): Promise<void> {
      return queue.consume(async ({ job, attempt }) => {
        const log = logger.child({ importId: job.importId, requestId: job.requestId, attempt });
        const started = Date.now();
        try {
          const messages = await importChat({ ...deps, logger: log }, job.importId);
          deps.onJob?.("done", Date.now() - started, messages);
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
          await failImport(db, job.importId, message, false);
          deps.onJob?.("retry", Date.now() - started, 0);
          throw err;
        }
      }, {
        signal,
        onDeadLetter: async ({ job }, reason) => {
          logger.error("import moved to dead letter", { importId: job.importId, reason });
          await failImport(db, job.importId, reason, true);
        },
      });
    },
  };
}
