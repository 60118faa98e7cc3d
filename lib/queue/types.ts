/** A job on the import stream: one uploaded export to parse into a conversation. */
export interface ImportJob {
  importId: string;
  /** Request id of the upload, carried into the worker's log lines. */
  requestId?: string;
}

/** A delivered job: `attempt` counts deliveries (1 on the first). */
export interface Delivery {
  id: string;
  job: ImportJob;
  attempt: number;
}

export interface ConsumeOptions {
  signal: AbortSignal;
  /** Called when a job is moved to the dead-letter stream after too many failed deliveries. */
  onDeadLetter?: (delivery: Delivery, reason: string) => Promise<void> | void;
}

/**
 * The import queue. The Redis-stream implementation acks only after the handler resolved;
 * a handler that throws leaves the job pending for redelivery; after `maxAttempts` deliveries
 * the job goes to a dead-letter stream and `onDeadLetter` is called.
 */
export interface Queue {
  enqueue(job: ImportJob): Promise<string>;
  /** Runs until `signal` aborts; resolves after the job in hand finished or was released. */
  consume(
    handler: (d: Delivery) => Promise<void>,
    options: ConsumeOptions,
  ): Promise<void>;
  /** Queue length and pending (delivered, unacknowledged) count, for /ready and metrics. */
  stats(): Promise<{ length: number; pending: number; deadLetters: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
