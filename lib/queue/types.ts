import { z } from "zod";

/** A job on the import stream: one uploaded export to parse into a conversation. */
export interface ImportJob {
  /** The `imports` row to process. */
  importId: string;
  /** Request id of the upload, carried into the worker's log lines. */
  requestId?: string;
}

/** Validates a job on enqueue and when it is read back from the stream. */
export const importJobSchema: z.ZodType<ImportJob> = z.object({
  importId: z.string().min(1, "expected a non-empty string"),
  requestId: z.string().optional(),
});

/** The job, validated (unknown keys dropped); throws naming the bad field. */
export function parseImportJob(job: unknown): ImportJob {
  const parsed = importJobSchema.safeParse(job);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((i) => `${i.path.join(".") || "job"}: ${i.message}`);
  throw new TypeError(`invalid import job ${JSON.stringify(job)}: ${why.join("; ")}`);
}

/** A delivered job: `attempt` counts deliveries (1 on the first). */
export interface Delivery {
  /** Queue id of the job (the stream entry id). */
  id: string;
  job: ImportJob;
  /** 1 on the first delivery, then 2, 3… */
  attempt: number;
}

/** Options of `Queue.consume`. */
export interface ConsumeOptions {
  /** Aborting it stops the loop once the job in hand finished (or was released). */
  signal: AbortSignal;
  /** Called when a job is moved to the dead-letter stream after too many failed deliveries. */
  onDeadLetter?: (delivery: Delivery, reason: string) => Promise<void> | void;
}

/**
 * Queue counters. `length`: jobs not yet acknowledged (waiting + pending; acknowledged jobs are
 * deleted from the stream). `pending`: delivered and not acknowledged (in a handler, or failed
 * and waiting for redelivery). `deadLetters`: jobs in the dead-letter stream.
 */
export interface QueueStats {
  length: number;
  pending: number;
  deadLetters: number;
}

/**
 * The import queue. The Redis-stream implementation acks only after the handler resolved;
 * a handler that throws leaves the job pending for redelivery; after `maxAttempts` deliveries
 * the job goes to a dead-letter stream and `onDeadLetter` is called. Delivery is at least once:
 * handlers must be idempotent.
 */
export interface Queue {
  enqueue(job: ImportJob): Promise<string>;
  /**
   * Runs until `signal` aborts; resolves after the job in hand finished or was released. A
   * handler that rejects after `signal` aborted releases its job (redelivered later, no dead
   * letter on that account).
   */
  consume(
    handler: (d: Delivery) => Promise<void>,
    options: ConsumeOptions,
  ): Promise<void>;
  /** Queue length and pending (delivered, unacknowledged) count, for /ready and metrics. */
  stats(): Promise<QueueStats>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
