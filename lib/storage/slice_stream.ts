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
