import { BlobNotFoundError, type BlobStore } from "./types.ts";

/**
 * A stream of the bytes [skip, skip + length) of `source`: the rest of the source is cancelled as
 * soon as the slice is complete (closing a file, freeing a socket), and cancelling the slice
 * cancels the source. Used by the stores to stream a byte range of a blob.
 *
 * @example
 * ```ts
 * const middle = sliceStream((await Deno.open("f")).readable, 10, 5); // bytes 10..14
 * ```
 */
export function sliceStream(
  source: ReadableStream<Uint8Array>,
  skip: number,
  length: number,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let toSkip = skip, left = length;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (left > 0) {
        const { value, done } = await reader.read();
        if (done) break;
        let chunk = value;
        if (toSkip > 0) {
          const dropped = Math.min(toSkip, chunk.byteLength);
          toSkip -= dropped;
          chunk = chunk.subarray(dropped);
          if (chunk.byteLength === 0) continue;
        }
        if (chunk.byteLength > left) chunk = chunk.subarray(0, left);
        left -= chunk.byteLength;
        controller.enqueue(chunk);
        if (left > 0) return;
      }
      await reader.cancel().catch(() => {});
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * The bytes [start, end) of a blob, read whole, through the store's streaming `get` with a range
 * (clamped to the blob's size): what `BlobStore.getRange` is in both stores, so the range's
 * handling (clamping, S3's 416 and a server ignoring Range) is written once, in `get`. Throws
 * {@link BlobNotFoundError} when the blob does not exist.
 */
export async function readRange(
  store: Pick<BlobStore, "get">,
  key: string,
  start: number,
  end: number,
): Promise<Uint8Array> {
  const part = await store.get(key, { start, end });
  if (!part) throw new BlobNotFoundError(key);
  return new Uint8Array(await new Response(part.body).arrayBuffer());
}
