import { z } from "zod";
import { parseRateRule, type RateRule } from "./ratelimit.ts";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const empty = (v: unknown) => (v === "" ? undefined : v);
const rateRule = z.string().refine((v) => {
  try {
    parseRateRule(v);
    return true;
  } catch {
    return false;
  }
}, 'must be "<max>/<window>" like "10/15m", or "off"');

/** Every environment variable the web and worker processes read; nothing else reads Deno.env. */
export const envSchema = z.object({
  PORT: z.preprocess(
    empty,
    z.coerce.number().int().min(1).max(65535).default(8000),
  ),
  HOST: z.preprocess(empty, z.string().default("0.0.0.0")),
  WORKER_PORT: z.preprocess(
    empty,
    z.coerce.number().int().min(1).max(65535).default(9000),
  ),
  DATA_DIR: z.preprocess(empty, z.string().default("./data")),
  DATABASE_URL: z.preprocess(
    empty,
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
  ),
  UPSTASH_REDIS_REST_URL: z.preprocess(empty, z.url().optional()),
  UPSTASH_REDIS_REST_TOKEN: z.preprocess(empty, z.string().min(1).optional()),
  QUEUE_STREAM: z.preprocess(empty, z.string().default("imports")),
  S3_ENDPOINT: z.preprocess(empty, z.url().optional()),
  S3_BUCKET: z.preprocess(empty, z.string().min(3).optional()),
  S3_REGION: z.preprocess(empty, z.string().default("us-east-1")),
  S3_ACCESS_KEY_ID: z.preprocess(empty, z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(empty, z.string().optional()),
  S3_FORCE_PATH_STYLE: z.preprocess(empty, bool.default(false)),
  /** The S3 endpoint as browsers reach it, for presigned upload URLs (default: S3_ENDPOINT). */
  S3_PUBLIC_ENDPOINT: z.preprocess(empty, z.url().optional()),
  /** Comma-separated signing secrets, newest first; older ones still verify (rotation). */
  JWT_SECRET: z.preprocess(
    empty,
    z.string().min(32, "must be at least 32 characters").optional(),
  ),
  SESSION_TTL_HOURS: z.preprocess(
    empty,
    z.coerce.number().positive().default(24 * 14),
  ),
  MAX_UPLOAD_BYTES: z.preprocess(
    empty,
    z.coerce.number().int().positive().default(2 * 1024 ** 3),
  ),
  /** Run the import worker inside the web process (the embedded default). */
  WORKER_IN_PROCESS: z.preprocess(empty, bool.optional()),
  /** Import jobs one worker process runs at once (each a queue consumer). */
  WORKER_CONCURRENCY: z.preprocess(empty, z.coerce.number().int().min(1).max(64).default(2)),
  /** Imports of one user processed at once across all workers (fairness); 0 = no cap. */
  USER_IMPORT_CONCURRENCY: z.preprocess(empty, z.coerce.number().int().min(0).max(64).default(1)),
  /** Merges of more messages (source + target) than this run in the worker (lib/merge/queue.ts). */
  MERGE_IN_WORKER_ABOVE: z.preprocess(empty, z.coerce.number().int().min(0).optional()),
  /** Rate limits, `<max>/<window>` (`10/15m`, `5/1h`) or `off`: sign-in per client and per email. */
  RATE_LIMIT_SIGNIN: z.preprocess(empty, rateRule.default("10/15m")),
  /** Sign-ups per client address. */
  RATE_LIMIT_SIGNUP: z.preprocess(empty, rateRule.default("5/1h")),
  /** Uploads per user. */
  RATE_LIMIT_UPLOAD: z.preprocess(empty, rateRule.default("30/1h")),
  /**
   * Requests per user that cost the web process seconds of CPU on a big chat: the date-order
   * preview (parses the stored original), exports (a PDF is built whole) and in-request merges.
   */
  RATE_LIMIT_HEAVY: z.preprocess(empty, rateRule.default("60/1h")),
  /** Proxies in front that append to X-Forwarded-For (CloudFront + ingress: 2); 0 = socket peer. */
  TRUST_PROXY_HOPS: z.preprocess(empty, z.coerce.number().int().min(0).max(10).default(0)),
  /** Changes with each deployment (e.g. the image tag): part of every ETag. Default: per process. */
  BUILD_ID: z.preprocess(empty, z.string().max(128).optional()),
  /** The CloudFront distribution in front: purged when media or shares go (lib/edge). */
  CLOUDFRONT_DISTRIBUTION_ID: z.preprocess(
    empty,
    z.string().regex(/^[A-Z0-9]{1,64}$/, "must be a CloudFront distribution id").optional(),
  ),
  LOG_LEVEL: z.preprocess(
    empty,
    z.enum(["debug", "info", "warn", "error"]).default("info"),
  ),
}).superRefine((env, ctx) => {
  if (!!env.UPSTASH_REDIS_REST_URL !== !!env.UPSTASH_REDIS_REST_TOKEN) {
    const missing = env.UPSTASH_REDIS_REST_URL
      ? "UPSTASH_REDIS_REST_TOKEN"
      : "UPSTASH_REDIS_REST_URL";
    ctx.addIssue({
      code: "custom",
      path: [missing],
      message: "is required when the other UPSTASH_REDIS_REST_* variable is set",
    });
  }
  if (env.DATABASE_URL && !env.JWT_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["JWT_SECRET"],
      message: "is required when DATABASE_URL is set (only the embedded mode generates one)",
    });
  }
  if (env.S3_ENDPOINT || env.S3_BUCKET) {
    for (
      const key of [
        "S3_BUCKET",
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
      ] as const
    ) {
      if (!env[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is required when S3 is configured",
        });
      }
    }
  }
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  workerPort: number;
  dataDir: string;
  databaseUrl: string | null;
  redis: { url: string; token: string; stream: string } | null;
  s3: {
    endpoint?: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
    /** Endpoint put in presigned URLs (browsers), when it differs from `endpoint`. */
    publicEndpoint?: string;
  } | null;
  jwtSecrets: string[] | null;
  sessionTtlSeconds: number;
  maxUploadBytes: number;
  workerInProcess: boolean;
  workerConcurrency: number;
  userImportConcurrency: number;
  /** Merge size (messages) above which a merge is queued for the worker (default 50,000). */
  mergeInWorkerAbove?: number;
  /** Per-action limits; null means unlimited. */
  rateLimits: {
    signin: RateRule | null;
    signup: RateRule | null;
    upload: RateRule | null;
    heavy: RateRule | null;
  };
  trustProxyHops: number;
  buildId: string;
  /**
   * The CDN to purge when media or shares go (lib/edge); null: none. The invalidations are
   * signed with the app's S3 keys when set (one IAM user: infra/terraform/s3.tf grants it
   * `cloudfront:CreateInvalidation` on the distribution), else the SDK's provider chain.
   */
  cloudFront: {
    distributionId: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  } | null;
  logLevel: "debug" | "info" | "warn" | "error";
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * The config of an entry point (main.ts, worker/main.ts, the migration CLI), which `check` may
 * refuse with a ConfigError of its own. A bad environment is printed, naming each variable, and
 * the process exits with code 2 (not an uncaught error with a stack trace).
 */
export function loadConfigOrExit(check?: (config: Config) => void): Config {
  try {
    const config = loadConfig();
    check?.(config);
    return config;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    Deno.exit(2);
  }
}

/** Validates an environment (a plain record, `Deno.env.toObject()` by default) into a Config. */
export function loadConfig(
  env: Record<string, string | undefined> = Deno.env.toObject(),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0] ?? "env")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    workerPort: e.WORKER_PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    redis: e.UPSTASH_REDIS_REST_URL && e.UPSTASH_REDIS_REST_TOKEN
      ? {
        url: e.UPSTASH_REDIS_REST_URL,
        token: e.UPSTASH_REDIS_REST_TOKEN,
        stream: e.QUEUE_STREAM,
      }
      : null,
    s3: e.S3_BUCKET
      ? {
        endpoint: e.S3_ENDPOINT,
        bucket: e.S3_BUCKET,
        region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID!,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
        publicEndpoint: e.S3_PUBLIC_ENDPOINT,
      }
      : null,
    jwtSecrets: e.JWT_SECRET ? e.JWT_SECRET.split(",").map((s) => s.trim()).filter(Boolean) : null,
    sessionTtlSeconds: Math.round(e.SESSION_TTL_HOURS * 3600),
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    workerInProcess: e.WORKER_IN_PROCESS ?? !e.UPSTASH_REDIS_REST_URL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    userImportConcurrency: e.USER_IMPORT_CONCURRENCY,
    mergeInWorkerAbove: e.MERGE_IN_WORKER_ABOVE,
    rateLimits: {
      signin: parseRateRule(e.RATE_LIMIT_SIGNIN),
      signup: parseRateRule(e.RATE_LIMIT_SIGNUP),
      upload: parseRateRule(e.RATE_LIMIT_UPLOAD),
      heavy: parseRateRule(e.RATE_LIMIT_HEAVY),
    },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    buildId: e.BUILD_ID ?? crypto.randomUUID(),
    cloudFront: e.CLOUDFRONT_DISTRIBUTION_ID
      ? {
        distributionId: e.CLOUDFRONT_DISTRIBUTION_ID,
        ...(e.S3_BUCKET && {
          credentials: {
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          },
        }),
      }
      : null,
    logLevel: e.LOG_LEVEL,
  };
}
