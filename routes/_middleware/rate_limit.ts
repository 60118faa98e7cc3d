import type { Context } from "hono";
import { getConnInfo } from "hono/deno";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../lib/errors.ts";
import type { Config } from "../../lib/config.ts";
import type { RateLimiter, RateRule } from "../../lib/ratelimit.ts";
import type { AppEnv } from "./env.ts";
import { isJsonType } from "./validate.ts";

/**
 * The client's address: with `hops` trusted proxies in front (each appending the address it
 * saw to X-Forwarded-For), the entry `hops` from the right — entries further left are the
 * client's to forge. With 0 hops, the socket's peer address.
 */
export function clientAddress(c: Context, hops: number): string {
  if (hops > 0) {
    const chain = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim())
      .filter(Boolean);
    if (chain.length >= hops) return chain[chain.length - hops];
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // no socket (app.request in tests)
  }
}

/** The email of a sign-in attempt (JSON or form body), lower-cased, or null. */
export async function attemptedEmail(c: Context): Promise<string | null> {
  const type = c.req.header("content-type") ?? "";
  let email: unknown = null;
  try {
    // The same test as the route's: a type read as JSON there is read as JSON here.
    if (isJsonType(type)) email = (await c.req.json())?.email;
    else if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
      email = (await c.req.parseBody()).email;
    }
  } catch { /* malformed: the route's validation answers */ }
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
}

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  limiter: RateLimiter;
  /** The counter family, e.g. "signin". */
  bucket: string;
  /** null: unlimited (the middleware does nothing). */
  rule: RateRule | null;
  /** The keys to count this request under; it passes only when every key is within the rule. */
  keys(c: Context<AppEnv>): Promise<string[]> | string[];
  /** Only these methods are counted (default POST). */
  methods?: string[];
  /**
   * Responses with these statuses take their hit back (default none): a sign-up refused for a
   * too-short password did no work and probed nothing, so a typo must not lock a person out.
   */
  forgive?: number[];
}

/**
 * Counts requests per key and refuses those over the limit with 429, a `Retry-After` header
 * and the usual error body (JSON under /api, the error page elsewhere) — before the route
 * does any work (a password hash, an upload).
 */
export function rateLimit(options: RateLimitOptions) {
  const { limiter, bucket, rule } = options;
  const methods = new Set(options.methods ?? ["POST"]);
  return createMiddleware<AppEnv>(async function rateLimit(c, next) {
    if (!rule || !methods.has(c.req.method)) return await next();
    const keys = await options.keys(c);
    const decisions = await Promise.all(keys.map((key) => limiter.hit(bucket, key, rule)));
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length > 0) {
      const wait = Math.max(...refused.map((d) => d.retryAfterSeconds));
      c.var.logger?.warn("rate limited", { bucket, retryAfter: wait });
      c.header("Retry-After", String(wait));
      throw new AppError(429, "rate_limited", `too many attempts: try again in ${wait} seconds`);
    }
    await next();
    if (options.forgive?.includes(c.res.status)) {
      await Promise.all(keys.map((key) => limiter.forgive(bucket, key)));
    }
  });
}

/**
 * The app's limits, per the config: `signin` per client address and per attempted email,
 * `signup` per client address, `upload` per user, `heavy` (requests that cost seconds of CPU
 * in the web process on a big chat, GET included) per user, and `confirmPassword` (deleting
 * the account) per user, counted with the sign-ins.
 */
export function appRateLimits(deps: { limiter: RateLimiter; config: Config }) {
  const { limiter, config } = deps;
  const { rateLimits: rules, trustProxyHops } = config;
  const address = (c: Context) => `ip:${clientAddress(c, trustProxyHops)}`;
  const perUser = (c: Context<AppEnv>) => (c.var.userId ? [`user:${c.var.userId}`] : []);
  return {
    signin: rateLimit({
      limiter,
      bucket: "signin",
      rule: rules.signin,
      keys: async (c) => {
        const email = await attemptedEmail(c);
        return email ? [address(c), `email:${email}`] : [address(c)];
      },
      forgive: [400],
    }),
    // 400 (malformed, password too short) is forgiven; 409 (email taken) counts: it probes.
    signup: rateLimit({
      limiter,
      bucket: "signup",
      rule: rules.signup,
      keys: (c) => [address(c)],
      forgive: [400],
    }),
    upload: rateLimit({ limiter, bucket: "upload", rule: rules.upload, keys: perUser }),
    heavy: rateLimit({
      limiter,
      bucket: "heavy",
      rule: rules.heavy,
      keys: perUser,
      methods: ["GET", "POST"],
    }),
    confirmPassword: rateLimit({
      limiter,
      bucket: "signin",
      rule: rules.signin,
      keys: perUser,
      methods: ["POST", "DELETE"],
    }),
  };
}
