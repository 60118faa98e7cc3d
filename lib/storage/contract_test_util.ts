/**
 * The behaviour every BlobStore must have, as one suite run against each implementation
 * (`fs_test.ts`, `s3_test.ts`).
 *
 * @module
 */
import assert from "node:assert/strict";
import { randomAccess } from "./mod.ts";
import { BlobNotFoundError, type BlobStore } from "./types.ts";

/** A store under test and how to dispose of it (temp dirs, servers). */
export interface StoreFixture {
  store: BlobStore;
  dispose(): Promise<void>;
}

const MB = 1024 * 1024;

/** Deterministic bytes, different at every offset within a 251-byte cycle. */
function pattern(size: number, seed = 7): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed) % 251;
  return out;
}

/** Streams `bytes` in `chunk`-sized pieces, like a request body. */
function streamOf(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunk));
      offset += chunk;
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function getBytes(store: BlobStore, key: string): Promise<Uint8Array | null> {
  const blob = await store.get(key);
  return blob ? await readAll(blob.body) : null;
}

/**
 * Registers one `Deno.test` named `name` with a step per behaviour; `makeStore` is called once.
 *
 * @example
 * ```ts
 * blobStoreContract("fs", async () => {
 *   const dir = await Deno.makeTempDir();
 *   return { store: createFsBlobStore(dir), dispose: () => Deno.remove(dir, { recursive: true }) };
 * });
 * ```
 */
export function blobStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  Deno.test(`BlobStore contract: ${name}`, async (t) => {
    const { store, dispose } = await makeStore();
    try {
      await t.step("ping", () => store.ping());

      // 5 MiB + a bit: crosses a multipart part boundary when the store uses 5 MiB parts.
      const big = pattern(5 * MB + 12345);
      await t.step("5 MB streamed body round-trips byte-exact", async () => {
        await store.put("big/body.bin", streamOf(big), { size: big.length });
        assert.equal(await store.size("big/body.bin"), big.length);
        const blob = await store.get("big/body.bin");
        assert.ok(blob);
        assert.equal(blob.size, big.length);
        assert.deepEqual(await readAll(blob.body), big);
      });

      await t.step("body of unknown size", async () => {
        const bytes = pattern(300_000, 3);
        await store.put("unknown/size.bin", streamOf(bytes, 7000));
        assert.deepEqual(await getBytes(store, "unknown/size.bin"), bytes);
      });

      await t.step("byte array body, overwrite", async () => {
        await store.put("small.txt", new TextEncoder().encode("first"));
        await store.put("small.txt", new TextEncoder().encode("second"));
        assert.deepEqual(await getBytes(store, "small.txt"), new TextEncoder().encode("second"));
      });

      await t.step("a body shorter than its declared size is refused", async () => {
        await assert.rejects(store.put("short.bin", streamOf(pattern(1000)), { size: 2000 }));
        assert.equal(await store.size("short.bin"), null);
      });

      await t.step("getRange at start, middle, end and past the end", async () => {
        const key = "big/body.bin";
        assert.deepEqual(await store.getRange(key, 0, 100), big.subarray(0, 100));
        assert.deepEqual(
          await store.getRange(key, 3 * MB - 5, 3 * MB + 5),
          big.subarray(3 * MB - 5, 3 * MB + 5),
        );
        assert.deepEqual(
          await store.getRange(key, big.length - 22, big.length),
          big.subarray(big.length - 22),
        );
        assert.deepEqual(
          await store.getRange(key, big.length - 10, big.length + 50),
          big.subarray(big.length - 10),
        );
        assert.equal((await store.getRange(key, big.length + 1, big.length + 9)).length, 0);
        assert.equal((await store.getRange(key, 10, 10)).length, 0);
        await assert.rejects(store.getRange("missing/x.bin", 0, 10), BlobNotFoundError);
      });

      await t.step("get streams a range: start, middle, end, past the end", async () => {
        const key = "big/body.bin";
        const range = async (start: number, end: number) => {
          const got = await store.get(key, { start, end });
          assert.ok(got);
          const bytes = new Uint8Array(await new Response(got.body).arrayBuffer());
          assert.equal(got.size, bytes.length, "size is the range's length");
          return bytes;
        };
        assert.deepEqual(await range(0, 100), big.subarray(0, 100));
        assert.deepEqual(await range(3 * MB - 5, 3 * MB + 5), big.subarray(3 * MB - 5, 3 * MB + 5));
        assert.deepEqual(await range(big.length - 10, big.length + 50), big.subarray(-10));
        assert.deepEqual(await range(MB, 3 * MB), big.subarray(MB, 3 * MB), "several chunks");
        assert.equal((await range(big.length + 1, big.length + 9)).length, 0);
        assert.equal((await range(10, 10)).length, 0);
        // Read a little and cancel: the rest is never read (the file or socket is freed).
        const head = await store.get(key, { start: 0, end: big.length });
        const reader = head!.body.getReader();
        assert.ok((await reader.read()).value!.length > 0);
        await reader.cancel();
        assert.equal(await store.get("missing/x.bin", { start: 0, end: 10 }), null);
      });

      await t.step("randomAccess adapts getRange and size", async () => {
        const file = await randomAccess(store, "big/body.bin");
        assert.equal(file.size, big.length);
        assert.deepEqual(await file.read(1000, 24), big.subarray(1000, 1024));
        await assert.rejects(randomAccess(store, "missing/x.bin"), BlobNotFoundError);
      });

      await t.step("a missing key: size and get are null", async () => {
        assert.equal(await store.size("missing/nothing.bin"), null);
        assert.equal(await store.get("missing/nothing.bin"), null);
        assert.equal(await store.size("big"), null); // a "folder" is not a blob
      });

      await t.step("content type round-trips", async () => {
        const type = "text/plain; charset=utf-8";
        await store.put("typed/chat.txt", streamOf(pattern(10)), { contentType: type });
        const blob = await store.get("typed/chat.txt");
        assert.equal(blob?.contentType, type);
        await blob?.body.cancel();
      });

      await t.step("unicode key names with spaces and parentheses", async () => {
        const keys = ["media/IMG 2021 (1).jpg", "media/Ünïcødé 💬 chat.txt", "media/a..b.txt"];
        for (const [i, key] of keys.entries()) {
          await store.put(key, pattern(100, i), { contentType: "image/jpeg" });
        }
        for (const [i, key] of keys.entries()) {
          assert.deepEqual(await getBytes(store, key), pattern(100, i), key);
        }
      });

      await t.step("invalid keys are refused", async () => {
        for (const key of ["../x", "a/../../x", "/etc/passwd", "a\\b", "a\0b", "", "a//b", "./a"]) {
          await assert.rejects(store.put(key, new Uint8Array(1)), TypeError, JSON.stringify(key));
          await assert.rejects(store.get(key), TypeError);
        }
        await assert.rejects(store.deletePrefix(""), TypeError);
      });

      await t.step("delete", async () => {
        await store.delete("small.txt");
        assert.equal(await store.get("small.txt"), null);
        await store.delete("small.txt"); // deleting again is fine
      });

      await t.step("deletePrefix removes only that prefix", async () => {
        const keys = ["imp/1/a.txt", "imp/1/sub/b.txt", "imp/10/c.txt", "imp/2/d.txt"];
        for (const key of keys) await store.put(key, new Uint8Array([1, 2, 3]));
        await store.deletePrefix("imp/1/");
        assert.deepEqual(
          await Promise.all(keys.map((k) => store.size(k))),
          [null, null, 3, 3],
        );
        await store.deletePrefix("imp/"); // mid-segment prefixes work as in S3 too
        assert.deepEqual(await Promise.all(keys.map((k) => store.size(k))), [
          null,
          null,
          null,
          null,
        ]);
        assert.equal(await store.size("big/body.bin"), big.length);
      });
    } finally {
      store.close();
      await dispose();
    }
  });
}
