import { openExport, sniffZip } from "../parse/zip.ts";
import { type BlobStore, randomAccess } from "../storage/mod.ts";

/** An import's stored original, opened for reading its chat text (possibly more than once). */
export interface StoredChat {
  /** A new stream of the chat text's bytes on each call (a zip's chat entry, or the file). */
  chatStream(): Promise<ReadableStream<Uint8Array>>;
  close(): Promise<void>;
}

/**
 * Opens the chat text of an uploaded original in the blob store, as the worker reads it: a zip
 * export through random access (never loaded whole), a `.txt` as a plain stream. Returns null
 * when the blob is gone (the conversation was deleted). Throws `ParseError` for a broken zip.
 *
 * @example
 * ```ts
 * const chat = await openStoredChat(blobs, "imports/1/original");
 * if (chat) for await (const chunk of await chat.chatStream()) console.log(chunk.length);
 * ```
 */
export async function openStoredChat(
  blobs: BlobStore,
  key: string,
  /** The upload's name: which chat a zip holding several is (zip.ts `fileName`). */
  fileName?: string,
): Promise<StoredChat | null> {
  const size = await blobs.size(key);
  if (size === null) return null;
  const head = await blobs.getRange(key, 0, Math.min(4, size));
  if (sniffZip(head)) {
    const archive = await openExport(await randomAccess(blobs, key), { fileName });
    return {
      chatStream: () => Promise.resolve(archive.chatStream()),
      close: () => archive.close(),
    };
  }
  return {
    async chatStream() {
      const blob = await blobs.get(key);
      if (!blob) throw new Error(`uploaded file ${key} is missing from the blob store`);
      return blob.body;
    },
    close: () => Promise.resolve(),
  };
}
