import { createTokenSigner } from "../../lib/auth/tokens.ts";
import { type Config, loadConfig } from "../../lib/config.ts";
import type { EdgeInvalidator } from "../../lib/edge/invalidate.ts";
import { createMetrics } from "../../lib/metrics.ts";
import { silentLogger } from "../../lib/log.ts";
import { createMemoryRateLimiter, type RateLimiter } from "../../lib/ratelimit.ts";
import { createMemoryQueue } from "../../lib/queue/memory.ts";
import type { Queue } from "../../lib/queue/types.ts";
import { createFsBlobStore } from "../../lib/storage/fs.ts";
import type { BlobStore } from "../../lib/storage/types.ts";
import { createApp } from "../../routes/app.ts";
import { createTestDb, type TestDb } from "./db.ts";

/** A test secret for session tokens. */
export const TEST_SECRET = "test-secret-that-is-long-enough-for-hs256-0123456789";

/** An app wired to a fresh database, a temp-dir blob store and (by default) a memory queue. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb;
  queue: Queue;
  blobs: BlobStore;
  config: Config;
  close(): Promise<void>;
}

/**
 * Builds a TestApp; pass `queue`/`blobs`/`env`/`limiter`/`secrets` to use real services instead. Rate
 * limits are off unless `env` sets RATE_LIMIT_* (tests sign up many users from one "address").
 */
export async function createTestApp(
  options: {
    queue?: Queue;
    blobs?: BlobStore;
    env?: Record<string, string>;
    db?: "real" | "embedded" | "auto";
    limiter?: RateLimiter;
    /** Signing secrets, newest first (default `[TEST_SECRET]`). */
    secrets?: string[];
    /** The CDN purger (default: none). */
    edge?: EdgeInvalidator;
  } = {},
): Promise<TestApp> {
  const db = await createTestDb(options.db ?? "auto");
  const dir = await Deno.makeTempDir({ prefix: "wcr-blobs-" });
  const config = loadConfig({
    DATA_DIR: dir,
    RATE_LIMIT_SIGNIN: "off",
    RATE_LIMIT_SIGNUP: "off",
    RATE_LIMIT_UPLOAD: "off",
    RATE_LIMIT_HEAVY: "off",
    ...options.env,
  });
  const queue = options.queue ?? createMemoryQueue();
  const blobs = options.blobs ?? createFsBlobStore(`${dir}/blobs`);
  const app = createApp({
    db: db.sql,
    queue,
    blobs,
    config,
    tokens: createTokenSigner(options.secrets ?? [TEST_SECRET]),
    logger: silentLogger,
    metrics: createMetrics(() => queue.stats()),
    limiter: options.limiter ?? createMemoryRateLimiter(),
    edge: options.edge,
  });
  return {
    app,
    db,
    queue,
    blobs,
    config,
    async close() {
      await queue.close();
      blobs.close?.();
      await db.drop();
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}

/** Signs up a fresh user through the API and returns its bearer headers. */
export async function signUp(app: TestApp["app"], email = `u${crypto.randomUUID()}@example.com`) {
  const res = await app.request("/api/auth/signup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "correct horse battery" }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const { token, userId } = await res.json();
  return { token, userId, email, headers: { authorization: `Bearer ${token}` } };
}
