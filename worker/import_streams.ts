/**
 * What the import job wraps around the bytes it reads: progress reports, a counting and hashing
 * pass-through, a counting random access for zips, and a blob's SHA-256.
 *
 * @module
 */
import { createHash, type Hash } from "node:crypto";
import type { BlobStore, RandomAccess } from "../lib/storage/types.ts";

/** Reports the fraction of the upload read, at most about once a second, never above 0.95. */
export function progressReporter(total: number, report: (fraction: number) => void) {
  let read = 0, last = Date.now();
  return (bytes: number) => {
    read += bytes;
    if (Date.now() - last < 1000) return;
    last = Date.now();
    report(Math.min(0.95, read / Math.max(1, total)));
  };
}

/** Passes a stream through, counting its bytes and (optionally) hashing them. */
export function tap(
  stream: ReadableStream<Uint8Array>,
  onBytes: (n: number) => void,
  hash: Hash | null,
): ReadableStream<Uint8Array> {
  return stream.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        hash?.update(chunk);
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Counts the bytes the zip reader fetches (its progress through the archive). */
export function countingAccess(ra: RandomAccess, onBytes: (n: number) => void): RandomAccess {
  return {
    size: ra.size,
    read: async (offset, length) => {
      const bytes = await ra.read(offset, length);
      onBytes(bytes.byteLength);
      return bytes;
    },
  };
}

/** SHA-256 of a whole blob, streamed. */
export async function hashBlob(blobs: BlobStore, key: string): Promise<string> {
  const blob = await blobs.get(key);
  if (!blob) throw new Error(`uploaded file ${key} is missing from the blob store`);
  const hash = createHash("sha256");
  for await (const chunk of blob.body) hash.update(chunk);
  return hash.digest("hex");
}
