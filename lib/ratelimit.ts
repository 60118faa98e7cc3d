/**
 * Fixed-window rate limits: in Redis (INCR + PEXPIRE NX through the Upstash REST client, so
 * every web process shares the counts) or in memory (the embedded mode, and the fallback while
 * Redis fails). A window starts at a key's first hit and lasts `windowSeconds`; within it at
 * most `max` hits pass. A burst at a window's edge can pass up to 2×max in a short time: fine
 * for slowing password guessing and upload floods, which is all these limits are for.
 *
 * @module
 */
import { Redis } from "@upstash/redis";
import { createHash } from "node:crypto";
import type { Logger } from "./log.ts";

/** At most `max` hits per `windowSeconds`. */
export interface RateRule {
  max: number;
  windowSeconds: number;
}

/** The outcome of one hit. */
export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Seconds until the window ends (for `Retry-After`). */
  retryAfterSeconds: number;
}

/** Counts hits per (bucket, key). */
export interface RateLimiter {
  /** Counts a hit of `key` in `bucket` (e.g. "signin", a client address) against `rule`. */
  hit(bucket: string, key: string, rule: RateRule): Promise<RateDecision>;
  /** Takes one hit back (a request that turned out not to count); never below zero. */
  forgive(bucket: string, key: string): Promise<void>;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Parses `"<max>/<window>"` (window with unit s, m, h or d; a bare number is seconds) into a
 * rule, or `"off"` into null (no limit).
 *
 * @example
 * ```ts
 * parseRateRule("10/15m"); // { max: 10, windowSeconds: 900 }
 * ```
 */
export function parseRateRule(text: string): RateRule | null {
  const value = text.trim().toLowerCase();
  if (value === "off") return null;
  const match = /^(\d+)\s*\/\s*(\d+)\s*([smhd]?)$/.exec(value);
  if (!match || +match[1] < 1 || +match[2] < 1) {
    throw new RangeError(
      `Invalid rate limit: expected "<max>/<window>" like "10/15m" or "off", got '${text}'`,
    );
  }
  return { max: +match[1], windowSeconds: +match[2] * UNITS[match[3] || "s"] };
}

/** Keys are hashed: Redis never holds an email address or a client address in clear. */
const keyOf = (bucket: string, key: string) =>
  `ratelimit:${bucket}:${createHash("sha256").update(key).digest("base64url").slice(0, 24)}`;

/** An in-process limiter (one process's counts); expired windows are pruned as it grows. */
export function createMemoryRateLimiter(
  options: { now?: () => number; maxKeys?: number } = {},
): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const windows = new Map<string, { count: number; resetAt: number }>();
  const prune = (t: number) => {
    for (const [k, w] of windows) if (w.resetAt <= t) windows.delete(k);
    // Still full (a flood of distinct keys): forget the oldest windows, never grow unbounded.
    for (const k of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(k);
    }
  };
  return {
    hit(bucket, key, rule) {
      const t = now();
      const k = keyOf(bucket, key);
      let w = windows.get(k);
      if (!w || w.resetAt <= t) {
        if (windows.size >= maxKeys) prune(t);
        w = { count: 0, resetAt: t + rule.windowSeconds * 1000 };
        windows.delete(k);
        windows.set(k, w);
      }
      w.count++;
      return Promise.resolve({
        allowed: w.count <= rule.max,
        remaining: Math.max(0, rule.max - w.count),
        retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - t) / 1000)),
      });
    },
    forgive(bucket, key) {
      const w = windows.get(keyOf(bucket, key));
      if (w && w.count > 0) w.count--;
      return Promise.resolve();
    },
  };
}

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** REST URL (Upstash, or the bridge in `infra/redis_rest`) and its bearer token. */
  url: string;
  token: string;
  /** Prepended to every key (default none), e.g. to share a Redis between deployments. */
  prefix?: string;
  /** Per-request timeout in ms (default 1500): a slow Redis must not hold up a sign-in. */
  timeoutMs?: number;
  logger?: Logger;
}

/**
 * A limiter shared by every process through Redis. While Redis fails, hits are counted in
 * memory instead (per process: weaker, but never unlimited) and a warning is logged.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const timeout = options.timeoutMs ?? 1500;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    enableAutoPipelining: false,
    retry: { retries: 1, backoff: () => 50 },
    signal: () => AbortSignal.timeout(timeout),
  });
  const fallback = createMemoryRateLimiter();
  let warnedAt = 0;
  return {
    async hit(bucket, key, rule) {
      const k = (options.prefix ?? "") + keyOf(bucket, key);
      const windowMs = rule.windowSeconds * 1000;
      try {
        const [count, , ttl] = await redis.pipeline()
          .incr(k)
          .pexpire(k, windowMs, "NX")
          .pttl(k)
          .exec<[number, number, number]>();
        const ms = ttl > 0 ? ttl : windowMs;
        return {
          allowed: count <= rule.max,
          remaining: Math.max(0, rule.max - count),
          retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)),
        };
      } catch (err) {
        if (Date.now() - warnedAt > 60_000) {
          warnedAt = Date.now();
          options.logger?.warn("rate limiter: Redis failed, counting in memory", {
            error: err instanceof Error ? err.message : String(err),
          });
        }
        return await fallback.hit(bucket, key, rule);
      }
    },
    async forgive(bucket, key) {
      const k = (options.prefix ?? "") + keyOf(bucket, key);
      try {
        // Only while the window lives (a key without TTL would never expire), never below zero.
        await redis.eval(
          "if redis.call('pttl', KEYS[1]) > 0 and tonumber(redis.call('get', KEYS[1]) or '0') > 0 " +
            "then return redis.call('decr', KEYS[1]) end return 0",
          [k],
          [],
        );
      } catch {
        await fallback.forgive(bucket, key); // best effort, like the fallback's counts
      }
    },
  };
}

/**
 * The limiter a process should use: Redis when configured (shared by every web process),
 * else in memory (the embedded mode: one process).
 */
export function createRateLimiter(
  redis: { url: string; token: string } | null,
  logger?: Logger,
): RateLimiter {
  return redis ? createRedisRateLimiter({ ...redis, logger }) : createMemoryRateLimiter();
}
