/**
 * The CloudFront {@link EdgeInvalidator}: one `CreateInvalidation` per call, with the paths
 * given (CloudFront allows `*` at the end of a path). Credentials come from the AWS SDK's
 * default chain (the task role, or AWS_* variables read by the SDK itself).
 *
 * @module
 */
import { CloudFrontClient, CreateInvalidationCommand } from "@aws-sdk/client-cloudfront";
import type { Logger } from "../log.ts";
import type { EdgeInvalidator } from "./invalidate.ts";

/** Options of {@link createCloudFrontInvalidator}. */
export interface CloudFrontOptions {
  distributionId: string;
  logger: Logger;
  /** Another endpoint than AWS's (tests: a local server that records the requests). */
  endpoint?: string;
  region?: string;
  /** Static credentials (the app's IAM user, lib/config.ts); default: the SDK's provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Creates an invalidator of one distribution. A failed request is logged with its paths and
 * swallowed: the origin already answers 404, and CloudFront's copies expire on their own.
 *
 * @example
 * ```ts
 * const edge = createCloudFrontInvalidator({ distributionId: "E2ABC", logger });
 * await edge.invalidate(["/files/5b0c…/*"]);
 * ```
 */
/**
 * Wildcard paths one invalidation may carry: CloudFront refuses a request that would bring more
 * than 15 into progress at once, so some room is left for other purges running meanwhile.
 */
export const MAX_WILDCARDS = 10;

/**
 * `paths` as one invalidation can carry them: with more than {@link MAX_WILDCARDS} wildcards
 * (an account with many conversations), each path is widened to its first segment
 * (`/files/<id>/*` → `/files/*`): more is purged, but nothing that had to be is missed.
 *
 * @example
 * ```ts
 * boundedPaths(["/files/a/*", "/s/x*"]); // unchanged
 * boundedPaths(ids.map((id) => `/files/${id}/*`)); // ["/files/*"] when there are more than 10
 * ```
 */
export function boundedPaths(paths: string[]): string[] {
  if (paths.filter((p) => p.includes("*")).length <= MAX_WILDCARDS) return paths;
  return [
    ...new Set(paths.map((p) => {
      const [, first, ...rest] = p.split("/");
      return rest.length > 0 ? `/${first}/*` : p;
    })),
  ];
}

export function createCloudFrontInvalidator(options: CloudFrontOptions): EdgeInvalidator {
  const client = new CloudFrontClient({
    // CloudFront is global; its API lives in us-east-1.
    region: options.region ?? "us-east-1",
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: 3,
  });
  return {
    async invalidate(requested) {
      if (requested.length === 0) return;
      const paths = boundedPaths(requested);
      try {
        await client.send(
          new CreateInvalidationCommand({
            DistributionId: options.distributionId,
            InvalidationBatch: {
              // Unique per request: CloudFront treats a repeated reference as the same batch.
              CallerReference: `wcr-${Date.now()}-${crypto.randomUUID()}`,
              Paths: { Quantity: paths.length, Items: paths },
            },
          }),
        );
      } catch (err) {
        options.logger.error("CloudFront invalidation failed", {
          paths,
          error: (err as Error).message,
        });
      }
    },
  };
}
