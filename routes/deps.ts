import type { TokenSigner } from "../lib/auth/tokens.ts";
import type { Config } from "../lib/config.ts";
import type { Sql } from "../lib/db/client.ts";
import type { EdgeInvalidator } from "../lib/edge/invalidate.ts";
import type { Logger } from "../lib/log.ts";
import type { Metrics } from "../lib/metrics.ts";
import type { RateLimiter } from "../lib/ratelimit.ts";
import type { Queue } from "../lib/queue/types.ts";
import type { BlobStore } from "../lib/storage/types.ts";

/** Everything the web app needs, created once by the entry point and passed in. */
export interface AppDeps {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  config: Config;
  tokens: TokenSigner;
  logger: Logger;
  /** Counts sign-ins, sign-ups and uploads (Redis, or memory in the embedded mode). */
  limiter: RateLimiter;
  metrics?: Metrics;
  /** Purges CDN copies of deleted media and revoked shares (default: none, lib/edge). */
  edge?: EdgeInvalidator;
}
