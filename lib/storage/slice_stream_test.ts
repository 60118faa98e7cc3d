import assert from "node:assert/strict";
import { sliceStream } from "./slice_stream.ts";

/** A stream of `n` bytes (0, 1, 2, …) in chunks of `size`, counting the chunks pulled. */
function source(n: number, size: number) {
  const bytes = Uint8Array.from({ length: n }, (_, i) => i % 256);
  let pulled = 0, cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const at = pulled++ * size;
      if (at >= n) controller.close();
      else controller.enqueue(bytes.slice(at, at + size));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { bytes, stream, pulled: () => pulled, cancelled: () => cancelled };
}

const read = async (s: ReadableStream<Uint8Array>) =>
  new Uint8Array(await new Response(s).arrayBuffer());

Deno.test("sliceStream: the bytes [skip, skip + length) across chunk bounds", async () => {
  for (const [skip, length] of [[0, 10], [3, 10], [7, 1], [0, 0], [95, 50], [120, 5]]) {
    const src = source(100, 7);
    const got = await read(sliceStream(src.stream, skip, length));
    assert.deepEqual(got, src.bytes.subarray(skip, skip + length), `${skip}+${length}`);
  }
});

Deno.test("sliceStream: stops reading once the slice is complete, and cancels the source", async () => {
  const src = source(1000, 10);
  assert.equal((await read(sliceStream(src.stream, 15, 20))).length, 20);
  assert.ok(src.pulled() <= 5, `pulled ${src.pulled()} chunks for bytes 15..34`);
  assert.ok(src.cancelled(), "the rest (a file, a socket) is released");
});
