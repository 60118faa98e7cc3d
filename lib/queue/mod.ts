/**
 * The import queue: a Redis stream (through the Upstash REST protocol) when `config.redis` is
 * set, else the in-process queue of the embedded single-process mode.
 *
 * @module
 */
import type { Config } from "../config.ts";
import { createMemoryQueue, type MemoryQueueOptions } from "./memory.ts";
import { createRedisQueue, type RedisQueueOptions } from "./redis_stream.ts";
import type { Queue } from "./types.ts";

export { createMemoryQueue, type MemoryDeadLetter, type MemoryQueue } from "./memory.ts";
export type { MemoryQueueOptions } from "./memory.ts";
export { createRedisQueue, type RedisQueueOptions } from "./redis_stream.ts";
export * from "./types.ts";

/** Tuning for {@link createQueue}; each implementation reads the options that apply to it. */
export type QueueOptions =
  & Omit<RedisQueueOptions, "url" | "token" | "stream">
  & MemoryQueueOptions;

/**
 * The Redis-stream queue when `config.redis` is set, else an in-process queue.
 *
 * @example
 * ```ts
 * const queue = createQueue(loadConfig(), { logger });
 * await queue.ping();
 * ```
 */
export function createQueue(config: Config, options: QueueOptions = {}): Queue {
  if (config.redis) return createRedisQueue({ ...options, ...config.redis });
  return createMemoryQueue(options);
}
