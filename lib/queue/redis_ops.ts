/**
 * The Redis stream commands the queue uses, over `@upstash/redis`, with their raw replies
 * turned into small typed values. Internal to `redis_stream.ts`.
 *
 * @module
 */
import type { Redis } from "@upstash/redis";
import type { QueueStats } from "./types.ts";

/** One stream entry: its id and its fields. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

/** What the stream commands need. */
export interface StreamOpsOptions {
  /** Ordinary commands (auto-pipelining is fine). */
  redis: Redis;
  /** Blocking reads only: a client with auto-pipelining off, so nothing queues behind them. */
  blocking: Redis;
  stream: string;
  group: string;
  maxLen: number;
}

function toEntry(raw: unknown): StreamEntry {
  const [id, flat] = raw as [string, string[] | null];
  const fields: Record<string, string> = {};
  for (let i = 0; flat && i + 1 < flat.length; i += 2) {
    fields[String(flat[i])] = String(flat[i + 1]);
  }
  return { id: String(id), fields };
}

/** The queue's stream commands; see the module doc. */
export function createStreamOps(o: StreamOpsOptions) {
  const { redis, blocking, stream, group, maxLen } = o;
  const dead = `${stream}:dead`;
  const trim = { type: "MAXLEN", comparison: "~", threshold: maxLen } as const;
  let groupReady: Promise<void> | null = null;

  return {
    /** XGROUP CREATE … MKSTREAM from id 0 (jobs enqueued before any worker count), once. */
    ensureGroup(): Promise<void> {
      groupReady ??= redis.xgroup(stream, {
        type: "CREATE",
        group,
        id: "0",
        options: { MKSTREAM: true },
      }).then(() => {}, (err) => {
        if (/BUSYGROUP/.test(String(err?.message))) return;
        groupReady = null;
        throw err;
      });
      return groupReady;
    },

    /** After a NOGROUP error (the stream was deleted): create the group again next time. */
    forgetGroup(): void {
      groupReady = null;
    },

    /** XADD with MAXLEN ~; returns the entry id. */
    async add(jobJson: string): Promise<string> {
      return String(await redis.xadd(stream, "*", { job: jobJson }, { trim }));
    },

    /** XREADGROUP … COUNT 1 BLOCK ms … `>`: the next new entry, or null after `blockMs`. */
    async readNew(consumer: string, blockMs: number): Promise<StreamEntry | null> {
      const reply = await blocking.xreadgroup(group, consumer, stream, ">", {
        count: 1,
        blockMS: Math.max(1, blockMs),
      }) as [string, unknown[]][] | null;
      const raw = reply?.[0]?.[1]?.[0];
      return raw ? toEntry(raw) : null;
    },

    /**
     * XAUTOCLAIM one entry idle longer than `minIdleMs` (scanning from `cursor`), with its
     * delivery count from XPENDING (the claim counted as a delivery).
     */
    async claimIdle(consumer: string, minIdleMs: number, cursor: string) {
      const [next, claimed] = await redis.xautoclaim(stream, group, consumer, minIdleMs, cursor, {
        count: 1,
      }) as [string, unknown[]];
      const raw = claimed?.[0];
      if (!raw) return { cursor: String(next), entry: null, attempt: 0 };
      const entry = toEntry(raw);
      const pending = await redis.xpending(stream, group, entry.id, entry.id, 1) as unknown[][];
      const attempt = Number(pending?.[0]?.[3] ?? 1);
      return { cursor: String(next), entry, attempt };
    },

    /** XCLAIM … JUSTID: resets the entry's idle time without counting a delivery. */
    async touch(id: string, consumer: string): Promise<void> {
      await redis.xclaim(stream, group, consumer, 0, id, { justId: true });
    },

    /** XACK + XDEL in one transaction: the job is done and leaves the stream. */
    async ack(id: string): Promise<void> {
      await redis.multi().xack(stream, group, id).xdel(stream, id).exec();
    },

    /** XADD to `<stream>:dead` with the reason, XACK and XDEL, in one transaction. */
    async moveToDead(
      entry: StreamEntry,
      info: { reason: string; attempts: number; consumer: string },
    ): Promise<void> {
      await redis.multi()
        .xadd(dead, "*", {
          ...entry.fields,
          id: entry.id,
          reason: info.reason,
          attempts: String(info.attempts),
          consumer: info.consumer,
          failedAt: new Date().toISOString(),
        }, { trim })
        .xack(stream, group, entry.id)
        .xdel(stream, entry.id)
        .exec();
    },

    /** XLEN, the XPENDING summary count (0 before the group exists), XLEN of the dead stream. */
    async stats(): Promise<QueueStats> {
      const [length, pending, deadLetters] = await Promise.all([
        redis.xlen(stream),
        redis.exec(["XPENDING", stream, group]).then(
          (summary) => Number((summary as unknown[])[0]),
          (err) => {
            if (/NOGROUP/.test(String(err?.message))) return 0;
            throw err;
          },
        ),
        redis.xlen(dead),
      ]);
      return { length: Number(length), pending, deadLetters: Number(deadLetters) };
    },

    /** Deletes the consumer from the group when nothing is pending for it (keeps XINFO tidy). */
    async removeConsumerIfIdle(consumer: string): Promise<void> {
      const mine = await redis.xpending(stream, group, "-", "+", 1, { consumer }) as unknown[];
      if (mine.length > 0) return;
      await redis.xgroup(stream, { type: "DELCONSUMER", group, consumer });
    },

    /** PING, expecting PONG. */
    async ping(): Promise<void> {
      const pong = await redis.ping();
      if (pong !== "PONG") throw new Error(`expected PONG from Redis, got ${String(pong)}`);
    },
  };
}
