/**
 * The import queue on a Redis stream, through the Upstash REST protocol (`@upstash/redis`,
 * against Upstash or our REST bridge in front of a self-hosted Redis).
 *
 * - `enqueue`: XADD with `MAXLEN ~ maxLen`, one field `job` holding the job as JSON.
 * - `consume`: one consumer group (created idempotently), a unique consumer name per loop,
 *   XREADGROUP … BLOCK on a separate client without auto-pipelining. XACK (+ XDEL, so the
 *   stream only holds unacknowledged jobs) only after the handler resolved; a handler that
 *   throws leaves the entry pending. While a handler runs, its entry's idle time is reset
 *   (XCLAIM … JUSTID) so long jobs are not taken over.
 * - Reclaim: between jobs, XAUTOCLAIM takes entries idle longer than `claimIdleMs` (failed
 *   jobs, or jobs of a crashed worker), with the delivery count from XPENDING. After
 *   `maxAttempts` deliveries the entry moves to `<stream>:dead` with the reason, atomically
 *   with its ack, and `onDeadLetter` is called.
 *
 * @module
 */
import { Redis } from "@upstash/redis";
import { createLogger, type Logger } from "../log.ts";
import { createStreamOps, type StreamEntry } from "./redis_ops.ts";
import type { ConsumeOptions, Delivery, ImportJob, Queue, QueueStats } from "./types.ts";
import { importJobSchema, parseImportJob } from "./types.ts";
import { sleep } from "../sleep.ts";

/** Options of {@link createRedisQueue}. */
export interface RedisQueueOptions {
  /** REST URL (Upstash, or the bridge in `infra/redis_rest`). */
  url: string;
  /** Its bearer token. */
  token: string;
  /** Stream key; dead letters go to `<stream>:dead`. */
  stream: string;
  /** Consumer group (default "workers"). */
  group?: string;
  /** Consumer name prefix, unique per process by default (host, pid, random suffix). */
  consumer?: string;
  /** Deliveries before a job goes to `<stream>:dead` (default 3). */
  maxAttempts?: number;
  /** A pending entry idle this long is reclaimed: the retry delay of failed jobs (default 60 s). */
  claimIdleMs?: number;
  /** Approximate cap of the stream and of the dead-letter stream (default 100 000). */
  maxLen?: number;
  /** How long one XREADGROUP waits for new entries, also the longest shutdown wait (default 1 s). */
  blockMs?: number;
  /** For transient Redis failures and `onDeadLetter` errors (default: warnings to stderr). */
  logger?: Logger;
}

const message = (err: unknown) => err instanceof Error ? err.message : String(err);

function defaultConsumer(): string {
  let host = "worker";
  try {
    host = Deno.hostname();
  } catch { /* no --allow-sys: the pid and the random part keep the name unique */ }
  return `${host}-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Creates the Redis-stream queue. Nothing is sent until the first call.
 *
 * @example
 * ```ts
 * const queue = createRedisQueue({ url: "http://127.0.0.1:8079", token, stream: "imports" });
 * await queue.enqueue({ importId: "42" });
 * await queue.consume(async ({ job }) => await importChat(job.importId), { signal });
 * ```
 */
export function createRedisQueue(options: RedisQueueOptions): Queue {
  const {
    stream,
    group = "workers",
    maxAttempts = 3,
    claimIdleMs = 60_000,
    maxLen = 100_000,
    blockMs = 1_000,
  } = options;
  const consumerPrefix = options.consumer ?? defaultConsumer();
  const logger = options.logger ?? createLogger("warn", { component: "queue", stream });
  const closing = new AbortController();
  const common = {
    url: options.url,
    token: options.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    signal: () => closing.signal,
  };
  const ops = createStreamOps({
    redis: new Redis(common),
    blocking: new Redis({ ...common, enableAutoPipelining: false, retry: { retries: 0 } }),
    stream,
    group,
    maxLen,
  });
  let loops = 0;

  async function deadLetter(
    entry: StreamEntry,
    delivery: Delivery,
    reason: string,
    consumer: string,
    consume: ConsumeOptions,
  ) {
    await ops.moveToDead(entry, { reason, attempts: delivery.attempt, consumer });
    try {
      await consume.onDeadLetter?.(delivery, reason);
    } catch (err) {
      logger.warn("onDeadLetter failed", { id: entry.id, error: message(err) });
    }
  }

  /** Handles one delivered entry: run the handler, then ack, leave pending or dead-letter. */
  async function process(
    entry: StreamEntry,
    attempt: number,
    consumer: string,
    handler: (d: Delivery) => Promise<void>,
    consume: ConsumeOptions,
  ): Promise<void> {
    const parsed = importJobSchema.safeParse(parseJson(entry.fields.job));
    const job: ImportJob = parsed.success ? parsed.data : { importId: "" };
    const delivery: Delivery = { id: entry.id, job, attempt };
    if (!parsed.success) {
      const reason = `malformed job ${JSON.stringify(entry.fields.job ?? null)}: expected ` +
        `{"importId": string, "requestId"?: string}`;
      return await deadLetter(entry, delivery, reason, consumer, consume);
    }
    if (attempt > maxAttempts) {
      const reason = `delivered ${attempt - 1} times without an ack (maxAttempts ${maxAttempts})`;
      return await deadLetter(entry, delivery, reason, consumer, consume);
    }
    const stopHeartbeat = heartbeat(entry.id, consumer);
    let failure: unknown = null;
    try {
      await handler(delivery);
    } catch (err) {
      failure = err ?? new Error("handler rejected");
    } finally {
      await stopHeartbeat();
    }
    if (failure === null) return await ops.ack(entry.id);
    logger.debug("job failed", { id: entry.id, attempt, error: message(failure) });
    if (consume.signal.aborted) return; // released: another consumer reclaims it
    if (attempt >= maxAttempts) {
      const reason = `handler failed on attempt ${attempt} of ${maxAttempts}: ${message(failure)}`;
      return await deadLetter(entry, delivery, reason, consumer, consume);
    }
    // Left pending; restarting its idle clock makes the retry come claimIdleMs from now.
    await ops.touch(entry.id, consumer).catch(() => {});
  }

  /**
   * Keeps the entry's idle time low while its handler runs, so no one reclaims it. The returned
   * stop function waits for a touch still in flight.
   */
  function heartbeat(id: string, consumer: string): () => Promise<void> {
    let inFlight: Promise<void> | null = null;
    const timer = setInterval(() => {
      inFlight ??= ops.touch(id, consumer).catch((err) => {
        if (!closing.signal.aborted) logger.warn("heartbeat failed", { id, error: message(err) });
      }).finally(() => inFlight = null);
    }, Math.max(10, Math.floor(claimIdleMs / 3)));
    return async () => {
      clearInterval(timer);
      await inFlight;
    };
  }

  async function consume(handler: (d: Delivery) => Promise<void>, consumeOptions: ConsumeOptions) {
    const { signal } = consumeOptions;
    const consumer = `${consumerPrefix}-${++loops}`;
    const reclaimEveryMs = Math.min(Math.max(10, Math.floor(claimIdleMs / 2)), 30_000);
    let cursor = "0-0";
    let nextReclaim = 0;
    let failures = 0;
    while (!signal.aborted && !closing.signal.aborted) {
      try {
        await ops.ensureGroup();
        if (Date.now() >= nextReclaim) {
          const claimed = await ops.claimIdle(consumer, claimIdleMs, cursor);
          cursor = claimed.cursor;
          if (claimed.entry) {
            await process(claimed.entry, claimed.attempt, consumer, handler, consumeOptions);
            failures = 0;
            continue; // drain stale entries before reading new ones
          }
          nextReclaim = Date.now() + reclaimEveryMs;
        }
        const entry = await ops.readNew(consumer, blockMs);
        if (entry) await process(entry, 1, consumer, handler, consumeOptions);
        failures = 0;
      } catch (err) {
        if (signal.aborted || closing.signal.aborted) break;
        if (/NOGROUP/.test(message(err))) ops.forgetGroup();
        failures++;
        const waitMs = Math.min(500 * 2 ** (failures - 1), 15_000);
        logger.warn("queue loop failed; retrying", { error: message(err), retryInMs: waitMs });
        await sleep(waitMs, signal);
      }
    }
    if (!closing.signal.aborted) await ops.removeConsumerIfIdle(consumer).catch(() => {});
  }

  return {
    async enqueue(job) {
      return await ops.add(JSON.stringify(parseImportJob(job)));
    },
    consume,
    stats: (): Promise<QueueStats> => ops.stats(),
    async ping() {
      await ops.ping();
    },
    close() {
      closing.abort(new Error("the queue is closed"));
      return Promise.resolve();
    },
  };
}

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
