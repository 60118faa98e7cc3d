/**
 * The in-process queue of the embedded single-process mode, with the Redis-stream queue's
 * semantics: ack after the handler resolves, redelivery of a failed job after `retryDelayMs`,
 * dead letter after `maxAttempts` deliveries. Jobs live in memory: a restart loses them.
 *
 * @module
 */
import { createLogger, type Logger } from "../log.ts";
import {
  type ConsumeOptions,
  type Delivery,
  type ImportJob,
  parseImportJob,
  type Queue,
  type QueueStats,
} from "./types.ts";

/** Options of {@link createMemoryQueue}. */
export interface MemoryQueueOptions {
  /** Deliveries before a job goes to the dead letters (default 3). */
  maxAttempts?: number;
  /** Delay before a failed job is delivered again (default 1 s). */
  retryDelayMs?: number;
  /** For failures of `onDeadLetter` (default: warnings to stderr). */
  logger?: Logger;
}

interface Entry {
  id: string;
  job: ImportJob;
  deliveries: number;
}

/** A dead-lettered job, as kept by the memory queue. */
export interface MemoryDeadLetter {
  /** The job's queue id. */
  id: string;
  job: ImportJob;
  /** Deliveries made. */
  attempts: number;
  /** Why it was given up, e.g. "handler failed on attempt 3 of 3: …". */
  reason: string;
}

/** The memory queue, plus a look at its dead letters. */
export interface MemoryQueue extends Queue {
  /** A copy of the dead letters, oldest first. */
  deadLetters(): MemoryDeadLetter[];
}

/**
 * Creates an in-process queue. Several `consume` loops may share it; each job goes to one.
 *
 * @example
 * ```ts
 * const queue = createMemoryQueue({ maxAttempts: 3 });
 * await queue.enqueue({ importId: "42" });
 * const ac = new AbortController();
 * await queue.consume(async ({ job }) => { await importChat(job.importId); }, { signal: ac.signal });
 * ```
 */
export function createMemoryQueue(options: MemoryQueueOptions = {}): MemoryQueue {
  const maxAttempts = options.maxAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1_000;
  const logger = options.logger ?? createLogger("warn", { component: "queue" });
  const ready: Entry[] = [];
  const inFlight = new Set<Entry>();
  const delayed = new Map<Entry, ReturnType<typeof setTimeout>>();
  const dead: MemoryDeadLetter[] = [];
  const waiters = new Set<(entry: Entry | null) => void>();
  let seq = 0;
  let closed = false;

  function offer(entry: Entry, front = false): void {
    const [waiter] = waiters;
    if (waiter) {
      waiters.delete(waiter);
      waiter(entry);
    } else if (front) ready.unshift(entry);
    else ready.push(entry);
  }

  function take(signal: AbortSignal): Promise<Entry | null> {
    if (signal.aborted || closed) return Promise.resolve(null);
    const entry = ready.shift();
    if (entry) return Promise.resolve(entry);
    return new Promise((resolve) => {
      const done = (e: Entry | null) => {
        signal.removeEventListener("abort", onAbort);
        resolve(e);
      };
      const onAbort = () => {
        waiters.delete(done);
        done(null);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      waiters.add(done);
    });
  }

  async function deadLetter(entry: Entry, reason: string, consume: ConsumeOptions) {
    dead.push({ id: entry.id, job: entry.job, attempts: entry.deliveries, reason });
    const delivery = { id: entry.id, job: entry.job, attempt: entry.deliveries };
    try {
      await consume.onDeadLetter?.(delivery, reason);
    } catch (err) {
      logger.warn("onDeadLetter failed", { id: entry.id, error: err });
    }
  }

  async function deliver(
    entry: Entry,
    handler: (d: Delivery) => Promise<void>,
    consume: ConsumeOptions,
  ): Promise<void> {
    entry.deliveries++;
    const attempt = entry.deliveries;
    if (attempt > maxAttempts) {
      const reason = `delivered ${attempt - 1} times without success (maxAttempts ${maxAttempts})`;
      return await deadLetter(entry, reason, consume);
    }
    inFlight.add(entry);
    try {
      await handler({ id: entry.id, job: entry.job, attempt });
      inFlight.delete(entry);
    } catch (err) {
      inFlight.delete(entry);
      if (consume.signal.aborted) return offer(entry, true); // released, not failed
      if (attempt >= maxAttempts) {
        const message = err instanceof Error ? err.message : String(err);
        const reason = `handler failed on attempt ${attempt} of ${maxAttempts}: ${message}`;
        return await deadLetter(entry, reason, consume);
      }
      delayed.set(
        entry,
        setTimeout(() => {
          delayed.delete(entry);
          offer(entry);
        }, retryDelayMs),
      );
    }
  }

  return {
    enqueue(job) {
      if (closed) return Promise.reject(new Error("the queue is closed"));
      try {
        const entry = { id: `${Date.now()}-${seq++}`, job: parseImportJob(job), deliveries: 0 };
        offer(entry);
        return Promise.resolve(entry.id);
      } catch (err) {
        return Promise.reject(err);
      }
    },
    async consume(handler, consumeOptions) {
      while (true) {
        const entry = await take(consumeOptions.signal);
        if (!entry) return;
        await deliver(entry, handler, consumeOptions);
      }
    },
    stats(): Promise<QueueStats> {
      const pending = inFlight.size + delayed.size;
      return Promise.resolve({ length: ready.length + pending, pending, deadLetters: dead.length });
    },
    ping() {
      return closed ? Promise.reject(new Error("the queue is closed")) : Promise.resolve();
    },
    deadLetters: () => [...dead],
    close() {
      closed = true;
      for (const timer of delayed.values()) clearTimeout(timer);
      delayed.clear();
      for (const waiter of waiters) waiter(null);
      waiters.clear();
      return Promise.resolve();
    },
  };
}
