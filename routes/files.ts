/**
 * Media files by capability URL: `GET /files/:conversationId/:sig/:name` (lib/media_url.ts).
 * No session is read: the signature is the credential, so the answer is the same for everyone
 * and an edge cache may keep it for a year (`public, max-age=31536000, immutable`; the URL
 * changes with the file's epoch). A bad signature, an unknown file and a deleted conversation
 * all get the same 404. Mounted before the session middleware, like the shared pages.
 *
 * @module
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { getConversationMedia, type MediaRow } from "../lib/db/media.ts";
import { notFound } from "../lib/errors.ts";
import { attachmentDisplayName } from "../lib/format/attachment_name.ts";
import { verifyMediaSig } from "../lib/media_url.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { IMMUTABLE, PRIVATE } from "./_middleware/cache.ts";
import { mediaHeaders } from "./_middleware/security_headers.ts";
import { byteRange } from "./_middleware/byte_range.ts";
import { isUuid } from "../lib/uuid.ts";

/**
 * Streams a media file with its safe headers (real type or octet-stream, nosniff, a sandbox
 * CSP, `Content-Disposition` inline or attachment; `?download=1` forces attachment), the given
 * Cache-Control and ETag, and answers a byte range with 206 (players seek so). Throws a 404
 * when the blob is missing. Shared by the capability route and the shared pages' media.
 */
export async function mediaResponse(
  c: Context,
  blobs: BlobStore,
  media: Pick<MediaRow, "blobKey" | "contentType" | "name">,
  cacheControl: string,
  extra: { etag?: string } = {},
): Promise<Response> {
  // Saved under the name the reader shows (without iOS's `00000002-` numbering).
  const headers: Record<string, string> = {
    ...mediaHeaders(media.contentType, attachmentDisplayName(media.name)),
    "Cache-Control": cacheControl,
    // Players seek by asking for byte ranges (routes/_middleware/byte_range.ts).
    "Accept-Ranges": "bytes",
  };
  if (extra.etag) headers.ETag = extra.etag;
  // `?download=1` (the gallery's Download link): saved, never shown inline.
  if (c.req.query("download") === "1") {
    headers["Content-Disposition"] = headers["Content-Disposition"].replace(
      /^inline/,
      "attachment",
    );
  }
  const range = c.req.header("range");
  if (range) {
    const size = await blobs.size(media.blobKey);
    if (size === null) throw notFound("media");
    const answer = byteRange({ range, ifRange: c.req.header("if-range") }, size, extra.etag);
    if (answer.kind === "unsatisfiable") {
      // An error about one Range, not the file: cached like other errors (docs/caching.md),
      // never under the file's public (immutable) policy nor with its ETag.
      return c.body(null, 416, {
        "Accept-Ranges": "bytes",
        "Content-Range": `bytes */${size}`,
        "Cache-Control": PRIVATE,
      });
    }
    if (answer.kind === "partial") {
      // Streamed, never held whole: many slow players cost sockets, not memory.
      const part = await blobs.get(media.blobKey, answer);
      if (!part) throw notFound("media");
      const last = answer.start + part.size - 1;
      return c.body(part.body, 206, {
        ...headers,
        "Content-Range": `bytes ${answer.start}-${last}/${size}`,
        "Content-Length": String(part.size),
      });
    }
  }
  const blob = await blobs.get(media.blobKey);
  if (!blob) throw notFound("media");
  return c.body(blob.body, 200, { ...headers, "Content-Length": String(blob.size) });
}

/** The capability route of media files (no session, no cookie read or set). */
export function filesRoutes(deps: Pick<AppDeps, "db" | "blobs" | "tokens">) {
  return new Hono<AppEnv>().get("/files/:conversationId/:sig/:name", async (c) => {
    const { conversationId, sig, name } = c.req.param();
    const media = isUuid(conversationId)
      ? await getConversationMedia(deps.db, conversationId.toLowerCase(), name)
      : null;
    // One 404 for every miss: a wrong sig must not tell whether the file exists.
    if (!verifyMediaSig(deps.tokens, media, sig)) throw notFound("media");
    return await mediaResponse(c, deps.blobs, media!, IMMUTABLE);
  });
}
