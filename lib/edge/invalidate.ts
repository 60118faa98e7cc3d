/**
 * Purging copies at the edge (CDN). Answers the CDN may keep — capability URLs of media
 * (`/files/<conversation id>/…`, a year) and shared pages (`/s/<token>…`, a minute) — go from
 * the origin at once when their conversation or share does; an `EdgeInvalidator` asks the CDN
 * to drop its copies too. Without a CDN configured it does nothing.
 *
 * @module
 */
import type { Logger } from "../log.ts";
import { type CloudFrontOptions, createCloudFrontInvalidator } from "./cloudfront.ts";

/** Asks the CDN to forget cached answers. Never throws: a failure is logged, not fatal. */
export interface EdgeInvalidator {
  /** Paths or path patterns ending in `*` (`/files/<id>/*`, `/s/<token>*`). */
  invalidate(paths: string[]): Promise<void>;
}

/** The invalidator of a deployment without a CDN: does nothing. */
export const noEdgeInvalidator: EdgeInvalidator = {
  invalidate: () => Promise.resolve(),
};

/** What a conversation's media leave at the edge: every capability URL under its prefix. */
export const conversationEdgePaths = (conversationId: string) => [`/files/${conversationId}/*`];

/**
 * What a share leaves at the edge: its page and its media (`/s/<token>…`). `tokenId` is the
 * token's first 22 characters (the share id, routes/api/shares.ts), the same under every
 * signing secret, so links signed before a rotation are purged too.
 */
export const shareEdgePaths = (tokenId: string) => [`/s/${tokenId}*`];

/**
 * The invalidator for a configuration: CloudFront when `cloudFront` is set, else the no-op.
 *
 * @example
 * ```ts
 * const edge = createEdgeInvalidator({ cloudFront: config.cloudFront, logger });
 * await edge.invalidate(conversationEdgePaths(id));
 * ```
 */
export function createEdgeInvalidator(options: {
  cloudFront: Omit<CloudFrontOptions, "logger"> | null;
  logger: Logger;
}): EdgeInvalidator {
  if (!options.cloudFront) return noEdgeInvalidator;
  return createCloudFrontInvalidator({ ...options.cloudFront, logger: options.logger });
}
