import type { MediaRow } from "../lib/db/media.ts";
import { measureWhileStreaming } from "../lib/image_dimensions.ts";
import { contentTypeFor } from "../lib/media_types.ts";
import type { ExportArchive } from "../lib/parse/zip.ts";
import type { BlobStore } from "../lib/storage/types.ts";

/** Blob key of a conversation's media file. */
export function mediaKey(conversationId: string, name: string): string {
  return `conversations/${conversationId}/media/${encodeURIComponent(name)}`;
}

/**
 * Writes the archive's media files to the blob store, `concurrency` at a time, until done or
 * `signal` aborts (files in flight finish; no new one starts). A picture's width and height are
 * read from its first bytes on the way (null when they do not tell).
 */
export async function uploadMedia(
  archive: ExportArchive,
  conversationId: string,
  blobs: BlobStore,
  options: { concurrency: number; signal: AbortSignal },
): Promise<MediaRow[]> {
  const rows: MediaRow[] = [];
  let next = 0;
  const lane = async () => {
    while (next < archive.media.length && !options.signal.aborted) {
      const { name, size } = archive.media[next++];
      const blobKey = mediaKey(conversationId, name);
      const contentType = contentTypeFor(name);
      const measured = measureWhileStreaming(archive.mediaStream(name), contentType);
      await blobs.put(blobKey, measured.body, { contentType, size });
      const { width = null, height = null } = measured.dimensions() ?? {};
      rows.push({ conversationId, name, blobKey, size, contentType, width, height });
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency, archive.media.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return rows;
}
