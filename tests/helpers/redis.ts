/**
 * Redis for tests: the real Redis at 127.0.0.1:6379 (or `TEST_REDIS_URL`) behind the REST
 * bridge, served on a random port. Policy: when Redis is unreachable, Redis-backed tests are
 * skipped with the reason printed, except with `CI=true`, where they fail (nothing is skipped
 * in CI). Register such tests with {@link redisTest} so the rule is the same everywhere.
 *
 * @module
 */
import { createBridge } from "../../infra/redis_rest/bridge.ts";
import { parseRedisUrl } from "../../infra/redis_rest/redis_url.ts";
import { RespConnection } from "../../infra/redis_rest/resp.ts";

/** The Redis the tests use. */
export const TEST_REDIS_URL = Deno.env.get("TEST_REDIS_URL") ?? "redis://127.0.0.1:6379";
const IN_CI = Deno.env.get("CI") === "true";

let probe: Promise<string | null> | undefined;

/**
 * Why Redis is unusable (connect + PING within 5 s), or null when it answers. A refused
 * connection fails at once; the wait only bounds a hang (1 s skipped Redis on a loaded machine).
 */
function unavailableReason(): Promise<string | null> {
  probe ??= (async () => {
    let conn: RespConnection | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const endpoint = parseRedisUrl(TEST_REDIS_URL);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 5 s")), 5000);
      });
      const connecting = RespConnection.connect(endpoint);
      conn = await Promise.race([connecting, timeout]);
      const [pong] = await Promise.race([conn.send([["PING"]]), timeout]);
      return pong === "PONG" ? null : `PING answered ${String(pong)}`;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      clearTimeout(timer);
      await conn?.close();
    }
  })();
  return probe;
}

/** True when Redis at `TEST_REDIS_URL` answers PING within 5 s (checked once). */
export async function redisAvailable(): Promise<boolean> {
  return (await unavailableReason()) === null;
}

const skipReason = await unavailableReason();
if (skipReason !== null && !IN_CI) {
  console.warn(
    `Redis-backed tests are SKIPPED: Redis at ${
      new URL(TEST_REDIS_URL).host
    } is unreachable (${skipReason}). Start redis-server or set TEST_REDIS_URL.`,
  );
}

/**
 * `Deno.test` for a test that needs Redis: ignored (skipped) when Redis is unreachable, but
 * registered and failing with the reason when `CI=true`.
 *
 * @example
 * ```ts
 * redisTest("enqueue then consume", async () => {
 *   const redis = await withRedisBridge();
 *   try { ... } finally { await redis.close(); }
 * });
 * ```
 */
export function redisTest(
  name: string,
  fn: (t: Deno.TestContext) => void | Promise<void>,
  options: Omit<Deno.TestDefinition, "name" | "fn" | "ignore"> = {},
): void {
  Deno.test({
    ...options,
    name,
    ignore: skipReason !== null && !IN_CI,
    async fn(t) {
      if (skipReason !== null) {
        throw new Error(
          `Redis at ${new URL(TEST_REDIS_URL).host} is unreachable (${skipReason}), ` +
            "and CI=true forbids skipping Redis-backed tests",
        );
      }
      await fn(t);
    },
  });
}

/** A bridge in front of the test Redis, with a unique stream name to use. */
export interface RedisBridgeHandle {
  /** The bridge's base URL, for `new Redis({ url, token })` or `Config.redis`. */
  url: string;
  token: string;
  /** A unique stream name; `close()` deletes it and `<stream>:dead`. */
  stream: string;
  /** Runs one raw command through the bridge (no base64), returning `result` or throwing. */
  command(...args: (string | number)[]): Promise<unknown>;
  /** Deletes the stream keys, stops the server and closes the Redis connections. */
  close(): Promise<void>;
}

/**
 * Starts the REST bridge on 127.0.0.1, port 0, against `TEST_REDIS_URL`.
 *
 * @example
 * ```ts
 * const redis = await withRedisBridge();
 * const queue = createRedisQueue({ url: redis.url, token: redis.token, stream: redis.stream });
 * ```
 */
export async function withRedisBridge(): Promise<RedisBridgeHandle> {
  const reason = await unavailableReason();
  if (reason !== null) {
    throw new Error(`Redis at ${new URL(TEST_REDIS_URL).host} is unreachable: ${reason}`);
  }
  const token = crypto.randomUUID();
  const stream = `test:${crypto.randomUUID()}`;
  const bridge = createBridge({ redisUrl: TEST_REDIS_URL, token });
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, bridge.fetch);
  const url = `http://127.0.0.1:${server.addr.port}`;
  const command = async (...args: (string | number)[]) => {
    const res = await bridge.fetch(
      new Request(`${url}/`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      }),
    );
    const body = await res.json();
    if (!res.ok) throw new Error(`${args[0]} failed: ${body.error}`);
    return body.result;
  };
  return {
    url,
    token,
    stream,
    command,
    async close() {
      try {
        await command("DEL", stream, `${stream}:dead`);
      } finally {
        await server.shutdown();
        await bridge.close();
      }
    },
  };
}
