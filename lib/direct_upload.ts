/**
 * Direct uploads: with S3 configured, the browser sends a big export straight to the bucket as a
 * multipart upload to presigned part URLs; the app only starts, lists, completes or aborts it,
 * then records the import and enqueues its job — gigabytes never pass through the web process.
 *
 * Decisions (the brief left these open):
 * - State lives next to the upload, in the bucket: `imports/<importId>/upload.json` (owner,
 *   S3 upload id, file name, declared size, part size). No table, any web replica can answer,
 *   and deleting a conversation's `imports/<id>/` prefix removes it. It is deleted once the
 *   upload is completed or aborted; abandoned ones are left to the bucket's lifecycle rules
 *   (AbortIncompleteMultipartUpload, and an expiry for `imports/*\/upload.json`).
 * - Part size: 16 MiB, more when needed to stay within S3's 10,000 parts (2 GB → 128 parts).
 * - SHA-256: computing it here would mean reading the object back through the web process, so
 *   the import is recorded with the S3 ETag (`s3-etag:<etag>`, an MD5 of the parts' MD5s) and
 *   the worker, which reads the whole file anyway, replaces it with the real SHA-256 when the
 *   import is done.
 * - Completing is idempotent: until the manifest is deleted (last step), a retry completes what
 *   is missing (record, enqueue); afterwards it answers the same import id.
 *
 * @module
 */
import type { Sql } from "./db/client.ts";
import { createImport, getImport } from "./db/imports.ts";
import { AppError, notFound } from "./errors.ts";
import type { Queue } from "./queue/types.ts";
import { s3ErrorCode, type S3Multipart, type UploadedPart } from "./storage/s3.ts";
import type { BlobStore } from "./storage/types.ts";
import { originalKey } from "./upload.ts";

/** S3's limits: parts of 5 MiB at least (except the last), at most 10,000 parts. */
const MIN_PART = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;
/** Our default part size: 128 parts for 2 GB, few enough to presign in one answer. */
export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;

/** What direct uploads need. */
export interface DirectUploadDeps {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  multipart: S3Multipart;
  maxBytes: number;
  /** Lifetime of presigned part URLs (default 1 h; a resuming client asks for fresh ones). */
  urlTtlSeconds?: number;
  /** Part size (default {@link DEFAULT_PART_SIZE}; at least 5 MiB). */
  partSize?: number;
}

/** A presigned part URL. */
export interface PartUrl {
  partNumber: number;
  url: string;
}

/** The answer to starting (or resuming) a direct upload. */
export interface DirectUploadStart {
  uploadId: string;
  importId: string;
  partSize: number;
  /** Parts still to send, with their URLs (all of them on start). */
  parts: PartUrl[];
}

/** A direct upload in progress, for resuming. */
export interface DirectUploadStatus extends DirectUploadStart {
  filename: string;
  size: number;
  /** Parts S3 already has. */
  uploaded: UploadedPart[];
}

/** The state of a direct upload, kept in the bucket beside it. */
interface Manifest {
  v: 1;
  userId: string;
  uploadId: string;
  filename: string;
  size: number;
  partSize: number;
  createdAt: string;
  /** The exporting phone's IANA zone, given at the start (absent: UTC). */
  timeZone?: string;
}

/** The blob key of an upload's manifest. */
export const manifestKey = (importId: string) => `imports/${importId}/upload.json`;

/**
 * The multipart driver of a blob store when it has one (the S3 store), else null: direct
 * uploads are then unavailable and clients stream through `POST /api/imports`.
 */
export function multipartOf(blobs: BlobStore): S3Multipart | null {
  const m = (blobs as { multipart?: S3Multipart }).multipart;
  return m && typeof m.create === "function" ? m : null;
}

/**
 * The part size for a file: `base`, doubled until the file fits in 10,000 parts.
 *
 * @example
 * ```ts
 * partSizeFor(2 * 1024 ** 3); // 16 MiB: 128 parts
 * ```
 */
export function partSizeFor(size: number, base = DEFAULT_PART_SIZE): number {
  let partSize = Math.max(MIN_PART, base);
  while (Math.ceil(size / partSize) > MAX_PARTS) partSize *= 2;
  return partSize;
}

/** The number of parts of a file of `size` bytes. */
export const partCount = (size: number, partSize: number) =>
  Math.max(1, Math.ceil(size / partSize));

/** A file name as given by the client, reduced to its last path segment. */
function cleanFilename(raw: string): string {
  // deno-lint-ignore no-control-regex
  const name = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f]/g, "").trim();
  if (!name) throw new AppError(400, "invalid_request", "filename: a file name is required");
  return name.slice(0, 255);
}

async function readManifest(blobs: BlobStore, importId: string): Promise<Manifest | null> {
  const blob = await blobs.get(manifestKey(importId));
  if (!blob) return null;
  return JSON.parse(await new Response(blob.body).text()) as Manifest;
}

/** The manifest of this user's upload, or a 404 (another user's is indistinguishable). */
async function ownManifest(deps: DirectUploadDeps, userId: string, importId: string) {
  const manifest = await readManifest(deps.blobs, importId);
  if (!manifest || manifest.userId !== userId) return null;
  return manifest;
}

async function presign(
  deps: DirectUploadDeps,
  importId: string,
  uploadId: string,
  partNumbers: number[],
): Promise<PartUrl[]> {
  const ttl = deps.urlTtlSeconds ?? 3600;
  const key = originalKey(importId);
  return await Promise.all(partNumbers.map(async (partNumber) => ({
    partNumber,
    url: await deps.multipart.presignPart(key, uploadId, partNumber, ttl),
  })));
}

/**
 * Starts a direct upload of `size` bytes: creates the multipart upload at the import's
 * original key, records its manifest, and presigns every part.
 */
export async function startDirectUpload(
  deps: DirectUploadDeps,
  input: { userId: string; filename: string; size: number; timeZone?: string },
): Promise<DirectUploadStart> {
  const filename = cleanFilename(input.filename);
  if (input.size > deps.maxBytes) {
    throw new AppError(
      413,
      "too_large",
      `the upload is larger than the limit of ${deps.maxBytes} bytes`,
    );
  }
  if (input.size <= 0) throw new AppError(400, "empty_upload", "the uploaded file is empty");
  const importId = crypto.randomUUID();
  const partSize = partSizeFor(input.size, deps.partSize);
  const uploadId = await deps.multipart.create(originalKey(importId), {
    contentType: "application/octet-stream",
  });
  const manifest: Manifest = {
    v: 1,
    userId: input.userId,
    uploadId,
    filename,
    size: input.size,
    partSize,
    createdAt: new Date().toISOString(),
    timeZone: input.timeZone,
  };
  await deps.blobs.put(manifestKey(importId), new TextEncoder().encode(JSON.stringify(manifest)), {
    contentType: "application/json",
  });
  const numbers = Array.from({ length: partCount(input.size, partSize) }, (_, i) => i + 1);
  return { uploadId, importId, partSize, parts: await presign(deps, importId, uploadId, numbers) };
}

/**
 * A direct upload in progress: the parts S3 has, and fresh URLs for the others (to resume, or
 * when URLs expired). Null when there is no such upload of this user.
 */
export async function directUploadStatus(
  deps: DirectUploadDeps,
  userId: string,
  importId: string,
): Promise<DirectUploadStatus | null> {
  const manifest = await ownManifest(deps, userId, importId);
  if (!manifest) return null;
  const uploaded = await deps.multipart.listParts(originalKey(importId), manifest.uploadId);
  const have = new Set(uploaded.map((p) => p.partNumber));
  const missing = Array.from(
    { length: partCount(manifest.size, manifest.partSize) },
    (_, i) => i + 1,
  )
    .filter((n) => !have.has(n));
  return {
    uploadId: manifest.uploadId,
    importId,
    partSize: manifest.partSize,
    filename: manifest.filename,
    size: manifest.size,
    uploaded,
    parts: await presign(deps, importId, manifest.uploadId, missing),
  };
}

/**
 * Completes a direct upload: CompleteMultipartUpload with the client's part list, checks the
 * object's size against the declared one, records the import (see the module doc for its
 * SHA-256) and enqueues its job. Calling it again after success answers the same id.
 */
export async function completeDirectUpload(
  deps: DirectUploadDeps,
  input: {
    userId: string;
    importId: string;
    parts: { partNumber: number; etag: string }[];
    requestId?: string;
  },
): Promise<string> {
  const { userId, importId } = input;
  const manifest = await ownManifest(deps, userId, importId);
  if (!manifest) {
    if (await getImport(deps.db, userId, importId)) return importId; // completed already
    throw notFound("upload");
  }
  const expected = partCount(manifest.size, manifest.partSize);
  const parts = [...input.parts].sort((a, b) => a.partNumber - b.partNumber);
  const numbersOk = parts.length === expected && parts.every((p, i) => p.partNumber === i + 1);
  if (!numbersOk) {
    throw new AppError(
      400,
      "invalid_parts",
      `parts: expected part numbers 1 to ${expected}, each once, got ${parts.length} part(s)`,
    );
  }
  const key = originalKey(importId);
  let etag: string | null = null;
  try {
    ({ etag } = await deps.multipart.complete(key, manifest.uploadId, parts));
  } catch (err) {
    const { code, status } = s3ErrorCode(err);
    // NoSuchUpload with the manifest still there: an earlier attempt completed it and then
    // failed (or is finishing): carry on from the object, below.
    if (code !== "NoSuchUpload") {
      const refused = status === 400 || code === "InvalidPart" || code === "InvalidPartOrder" ||
        code === "EntityTooSmall";
      if (refused) {
        throw new AppError(400, "invalid_parts", `S3 refused the parts: ${code ?? "error"}`);
      }
      throw err;
    }
  }
  const size = await deps.blobs.size(key);
  if (size === null && etag === null) throw notFound("upload");
  if (size !== manifest.size) {
    await deps.blobs.delete(key).catch(() => {});
    await deps.blobs.delete(manifestKey(importId)).catch(() => {});
    throw new AppError(
      400,
      "size_mismatch",
      `the uploaded file has ${size ?? 0} bytes, expected ${manifest.size} as declared`,
    );
  }
  if (!(await getImport(deps.db, userId, importId))) {
    try {
      await createImport(deps.db, {
        id: importId,
        userId,
        filename: manifest.filename,
        size,
        sha256: etag ? `s3-etag:${etag.replaceAll('"', "")}` : "s3-multipart",
        blobKey: key,
        timeZone: manifest.timeZone,
      });
    } catch (err) {
      if ((err as { code?: string })?.code !== "23505") throw err; // a concurrent complete won
    }
  }
  // Until the manifest is gone, every completion enqueues (at least once; the worker skips an
  // import that is done and defers one in progress), so a failure here is fixed by a retry.
  await deps.queue.enqueue({ importId, requestId: input.requestId });
  await deps.blobs.delete(manifestKey(importId)).catch(() => {});
  return importId;
}

/**
 * Aborts a direct upload: its manifest goes first (it can no longer be completed), then S3 is
 * asked to drop the parts; a store that cannot abort (s3rver) leaves them to the bucket's
 * lifecycle rule. False when there is no such upload of this user; a 409 once it was completed.
 */
export async function abortDirectUpload(
  deps: DirectUploadDeps,
  userId: string,
  importId: string,
  onAbortError?: (err: unknown) => void,
): Promise<boolean> {
  const manifest = await ownManifest(deps, userId, importId);
  if (!manifest) {
    if (await getImport(deps.db, userId, importId)) {
      throw new AppError(
        409,
        "already_completed",
        "the upload was completed: delete the import instead",
      );
    }
    return false;
  }
  await deps.blobs.delete(manifestKey(importId));
  try {
    await deps.multipart.abort(originalKey(importId), manifest.uploadId);
  } catch (err) {
    if (s3ErrorCode(err).code !== "NoSuchUpload") onAbortError?.(err);
  }
  return true;
}
