/**
 * Capability URLs of media files: `/files/<conversation id>/<sig>/<name>`, where `sig` is an
 * HMAC (128 bits, base64url) of the conversation id, the file name and the file's *epoch*
 * under the app's signing secret (the newest one signs; every configured one verifies, so a
 * secret rotation changes the URLs without breaking pages already open).
 *
 * The URL is the only credential, so it can be cached by a CDN (`public, immutable`) and sent
 * without a cookie; it is unguessable (no sig can be made without the secret) and scoped to one
 * conversation and one file (a sig of another file or conversation does not verify).
 *
 * The epoch is what changes when the bytes or headers behind a URL could change: the blob key
 * (a merge links the source conversation's blobs under other keys) and the content type (a
 * re-parse may classify a name differently). A re-import of the same upload writes the same bytes
 * at the same key, so its URLs may stay; a deleted or merged-away conversation has no media row,
 * so its URLs answer 404 at the origin at once (and `lib/edge` purges the CDN copies).
 *
 * @module
 */
import type { TokenSigner } from "./auth/tokens.ts";

/** What a capability URL is derived from: a media row's identity and epoch. */
export interface SignableMedia {
  conversationId: string;
  name: string;
  blobKey: string;
  contentType: string;
}

/** The signer's MAC functions (a {@link TokenSigner} has them). */
export type MediaSigner = Pick<TokenSigner, "mac" | "verifyMac">;

const PURPOSE = "media-file";

// JSON keeps the fields apart whatever characters a file name contains.
const signedData = (m: SignableMedia) =>
  JSON.stringify([m.conversationId, m.name, m.blobKey, m.contentType]);

/** The path prefix of every capability URL of a conversation (what the CDN purges). */
export const filesPrefix = (conversationId: string) => `/files/${conversationId}/`;

/**
 * The capability URL of a media file; `download`: served as an attachment (`?download=1`).
 *
 * @example
 * ```ts
 * const url = mediaFileUrl(deps.tokens, { conversationId, name, blobKey, contentType });
 * // "/files/5b0c…/q3Xw…/IMG-0001.jpg"
 * ```
 */
export function mediaFileUrl(
  signer: MediaSigner,
  media: SignableMedia,
  options: { download?: boolean } = {},
): string {
  const sig = signer.mac(PURPOSE, signedData(media));
  const path = `${filesPrefix(media.conversationId)}${sig}/${encodeURIComponent(media.name)}`;
  return options.download ? `${path}?download=1` : path;
}

/**
 * True when `sig` was made for this media row (with any configured secret); constant time.
 * With `media` null (no such file) a dummy MAC is still checked, so a miss takes as long as a
 * bad signature and timing does not tell which files exist.
 */
export function verifyMediaSig(
  signer: MediaSigner,
  media: SignableMedia | null,
  sig: string,
): boolean {
  const data = media ? signedData(media) : "[]";
  return signer.verifyMac(PURPOSE, data, sig) && media !== null;
}
