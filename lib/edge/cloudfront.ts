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
export function createCloudFrontInvalidator(options: CloudFrontOptions): EdgeInvalidator {
  const client = new CloudFrontClient({
    // CloudFront is global; its API lives in us-east-1.
    region: options.region ?? "us-east-1",
    endpoint: options.endpoint,
    credentials: options.credentials,
    maxAttempts: 3,
  });
  return {
    async invalidate(paths) {
      if (paths.length === 0) return;
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
