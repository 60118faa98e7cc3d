/**
 * The REST bridge's environment: `REDIS_URL`, `REDIS_REST_TOKEN`, `REDIS_REST_PORT`,
 * `REDIS_REST_HOSTNAME`. The only reader of `Deno.env` in the bridge.
 *
 * @module
 */
import { z } from "zod";
import { parseRedisUrl } from "./redis_url.ts";

const empty = (v: unknown) => (v === "" ? undefined : v);

/** The bridge's environment variables. */
export const bridgeEnvSchema = z.object({
  REDIS_URL: z.preprocess(
    empty,
    z.string().default("redis://127.0.0.1:6379").superRefine((url, ctx) => {
      try {
        parseRedisUrl(url);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  ),
  REDIS_REST_TOKEN: z.preprocess(
    empty,
    z.string({ error: "is required (the bearer token clients must send)" })
      .min(16, "must be at least 16 characters"),
  ),
  REDIS_REST_PORT: z.preprocess(
    empty,
    z.coerce.number().int().min(0).max(65535).default(8079),
  ),
  REDIS_REST_HOSTNAME: z.preprocess(empty, z.string().default("0.0.0.0")),
});

/** The validated bridge configuration. */
export interface BridgeConfig {
  redisUrl: string;
  token: string;
  port: number;
  hostname: string;
}

/**
 * Validates the environment (`Deno.env.toObject()` by default). Throws an Error whose message
 * names every bad variable.
 *
 * @example
 * ```ts
 * const config = loadBridgeConfig({ REDIS_REST_TOKEN: "0123456789abcdef" });
 * config.port; // 8079
 * ```
 */
export function loadBridgeConfig(
  env: Record<string, string | undefined> = Deno.env.toObject(),
): BridgeConfig {
  const parsed = bridgeEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0] ?? "env")}: ${i.message}`);
    throw new Error(`Invalid environment for the Redis REST bridge:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    redisUrl: e.REDIS_URL,
    token: e.REDIS_REST_TOKEN,
    port: e.REDIS_REST_PORT,
    hostname: e.REDIS_REST_HOSTNAME,
  };
}
