import assert from "node:assert/strict";
import { blobStoreContract } from "./contract_test_util.ts";
import { createFsBlobStore } from "./fs.ts";

blobStoreContract("fs", async () => {
  const dir = await Deno.makeTempDir({ prefix: "blobs-" });
  return {
    store: createFsBlobStore(`${dir}/blobs`),
    dispose: () => Deno.remove(dir, { recursive: true }),
  };
});

Deno.test("fs store: blobs are plain files, the reserved folder is off limits", async () => {
  const dir = await Deno.makeTempDir({ prefix: "blobs-" });
  try {
    const store = createFsBlobStore(dir);
    await store.put("imports/1/chat.txt", new TextEncoder().encode("hi"), {
      contentType: "text/plain",
    });
    assert.equal(await Deno.readTextFile(`${dir}/imports/1/chat.txt`), "hi");
    await assert.rejects(store.put(".blobstore/meta/x", new Uint8Array(1)), TypeError);
    await assert.rejects(store.deletePrefix("."), TypeError);
    await store.deletePrefix(".blob");
    assert.equal(await store.size("imports/1/chat.txt"), 2);
    // No temp file is left behind, after success or failure.
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array(10));
        c.error(new Error("client went away"));
      },
    });
    await assert.rejects(store.put("imports/1/broken.bin", body), /client went away/);
    assert.equal(await store.size("imports/1/broken.bin"), null);
    assert.deepEqual([...Deno.readDirSync(`${dir}/.blobstore/tmp`)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
