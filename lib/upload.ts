import { createHash } from "node:crypto";
import { createImport, findSameUpload, type SameUpload } from "./db/imports.ts";
import type { Sql } from "./db/client.ts";
import { AppError } from "./errors.ts";
import type { Queue } from "./queue/types.ts";
import type { BlobStore } from "./storage/types.ts";

/** What receiving an upload needs. */
export interface UploadDeps {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  maxBytes: number;
}

/** Blob key of an import's original upload. */
export const originalKey = (importId: string) => `imports/${importId}/original`;

/** What a refused repeat of an earlier upload says: where that upload is, in words and links. */
export function duplicateMessage(same: SameUpload): string {
  return same.conversationId
    ? `this file is already in your library, byte for byte: it is the conversation “${
      same.title ?? "untitled"
    }” (/c/${same.conversationId}); nothing was added`
    : `this file is already being imported (/imports/${same.importId}); nothing was added`;
}

/** The 409 of an upload whose bytes the user imported before, linking to that import. */
export function duplicateUpload(same: SameUpload): AppError {
  return new AppError(409, "duplicate_upload", duplicateMessage(same), {
    importId: same.importId,
    importUrl: `/imports/${same.importId}`,
    conversationId: same.conversationId,
    conversationUrl: same.conversationId ? `/c/${same.conversationId}` : null,
    title: same.title,
  });
}

const tooLarge = (max: number) =>
  new AppError(413, "too_large", `the upload is larger than the limit of ${max} bytes`);

/**
 * Streams an upload into the blob store (hashing it on the way, never buffering it whole),
 * then records the import and enqueues its job. A file the user already imported (the same
 * SHA-256, see `findSameUpload`) is refused with a 409 `duplicate_upload` naming that import
 * and its conversation, and its blob deleted: no second conversation, no merge offer. An upload
 * over `maxBytes` is refused with 413: at once when its declared size says so, else as soon as
 * the count passes the limit (the partial blob is deleted). Returns the new import's id.
 */
export async function receiveUpload(
  deps: UploadDeps,
  upload: {
    userId: string;
    filename: string;
    body: ReadableStream<Uint8Array>;
    declaredSize?: number;
    requestId?: string;
    /** The exporting phone's IANA zone (validated by the caller; default UTC). */
    timeZone?: string;
  },
): Promise<string> {
  const { maxBytes } = deps;
  if (upload.declaredSize !== undefined && upload.declaredSize > maxBytes) {
    await upload.body.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  const id = crypto.randomUUID();
  const key = originalKey(id);
  const hash = createHash("sha256");
  let size = 0;
  const counted = upload.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) throw tooLarge(maxBytes);
        hash.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    await deps.blobs.put(key, counted, { contentType: "application/octet-stream" });
  } catch (err) {
    await deps.blobs.delete(key).catch(() => {});
    if (size > maxBytes) throw tooLarge(maxBytes);
    throw err;
  }
  if (size === 0) {
    await deps.blobs.delete(key).catch(() => {});
    throw new AppError(400, "empty_upload", "the uploaded file is empty");
  }
  const sha256 = hash.digest("hex");
  const same = await deps.db.begin(async (tx) => {
    const found = await findSameUpload(tx as unknown as Sql, upload.userId, sha256);
    if (found) return found;
    await createImport(tx as unknown as Sql, {
      id,
      userId: upload.userId,
      filename: upload.filename,
      size,
      sha256,
      blobKey: key,
      timeZone: upload.timeZone,
    });
    return null;
  });
  if (same) {
    await deps.blobs.delete(key).catch(() => {});
    throw duplicateUpload(same);
  }
  await deps.queue.enqueue({ importId: id, requestId: upload.requestId });
  return id;
}
