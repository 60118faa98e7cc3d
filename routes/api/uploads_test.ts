import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { silentLogger } from "../../lib/log.ts";
import { createS3BlobStore } from "../../lib/storage/s3.ts";
import { createWorker } from "../../worker/create_worker.ts";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { startS3rver } from "../../tests/helpers/s3.ts";

const MiB = 1024 * 1024;
const CHAT = "01/02/2024, 10:00 - Ann: hello\n01/02/2024, 10:01 - Bob: IMG-1.jpg (file attached)\n";

/** A zip of ~`mediaBytes` + a chat: big enough for two 16 MiB parts. */
async function exportZip(mediaBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const media = new Uint8Array(mediaBytes);
  for (let i = 0; i < media.length; i += 65536) {
    crypto.getRandomValues(media.subarray(i, Math.min(media.length, i + 65536)));
  }
  const zip = new ZipWriter(new Uint8ArrayWriter());
  await zip.add("WhatsApp Chat with Bob.txt", new Uint8ArrayReader(new TextEncoder().encode(CHAT)));
  await zip.add("IMG-1.jpg", new Uint8ArrayReader(media), { level: 0 });
  return new Uint8Array(await zip.close());
}

type Json = Record<string, unknown>;
const post = (t: TestApp, path: string, headers: Record<string, string>, body: unknown) =>
  t.app.request(path, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** PUTs each part to its presigned URL, as a browser would; returns the part list. */
async function putParts(
  file: Uint8Array,
  partSize: number,
  parts: { partNumber: number; url: string }[],
) {
  return await Promise.all(parts.map(async ({ partNumber, url }) => {
    const slice = file.slice((partNumber - 1) * partSize, partNumber * partSize);
    const res = await fetch(url, { method: "PUT", body: slice });
    const text = await res.text();
    assert.equal(res.status, 200, `part ${partNumber}: ${text}`);
    return { partNumber, etag: res.headers.get("etag")! };
  }));
}

Deno.test("direct uploads: unavailable without S3 (embedded), clients keep POST /api/imports", async () => {
  const t = await createTestApp();
  try {
    const { headers } = await signUp(t.app);
    const res = await post(t, "/api/uploads", headers, { filename: "chat.zip", size: 10 });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as { error: Json }).error.code, "direct_upload_unavailable");
  } finally {
    await t.close();
  }
});

Deno.test("direct uploads to s3rver: presigned parts, complete, import, checks", async (ctx) => {
  const s3 = await startS3rver();
  const t = await createTestApp({ blobs: createS3BlobStore(s3.config) });
  try {
    const ann = await signUp(t.app);
    const eve = await signUp(t.app);
    const zip = await exportZip(20 * MiB);

    await ctx.step("start → PUT parts → complete → the worker imports it", async () => {
      const start = await post(t, "/api/uploads", ann.headers, {
        filename: "WhatsApp Chat with Bob.zip",
        size: zip.byteLength,
        timeZone: "Europe/Berlin",
      });
      assert.equal(start.status, 201);
      const { uploadId, importId, partSize, parts } = await start.json();
      assert.ok(uploadId);
      assert.equal(partSize, 16 * MiB);
      assert.deepEqual(parts.map((p: { partNumber: number }) => p.partNumber), [1, 2]);

      const done = await putParts(zip, partSize, parts);
      // Another user can neither complete nor look at it.
      const peek = await post(t, `/api/uploads/${importId}/complete`, eve.headers, { parts: done });
      assert.equal(peek.status, 404);
      // A part list that does not cover the file is refused before S3 is asked.
      const short = await post(t, `/api/uploads/${importId}/complete`, ann.headers, {
        parts: done.slice(0, 1),
      });
      assert.equal(short.status, 400);
      assert.equal((await short.json()).error.code, "invalid_parts");

      const complete = await post(t, `/api/uploads/${importId}/complete`, ann.headers, {
        parts: done,
      });
      assert.equal(complete.status, 202);
      assert.deepEqual(await complete.json(), { id: importId });
      // Completing again (a client retry) answers the same import.
      const again = await post(t, `/api/uploads/${importId}/complete`, ann.headers, {
        parts: done,
      });
      assert.equal(again.status, 202);

      const queued =
        await (await t.app.request(`/api/imports/${importId}`, { headers: ann.headers })).json();
      assert.equal(queued.status, "queued");
      assert.equal(queued.size, zip.byteLength);
      assert.match(queued.sha256, /^s3-etag:/);
      // The phone's zone given at the start is recorded with the import (lib/time).
      const [row] = await t.db.sql`select time_zone from imports where id = ${importId}`;
      assert.equal(row.timeZone, "Europe/Berlin");
      assert.equal((await t.queue.stats()).length, 1);
      assert.equal(await t.blobs.size(`imports/${importId}/upload.json`), null);

      const stop = new AbortController();
      const worker = createWorker({
        db: t.db.sql,
        queue: t.queue,
        blobs: t.blobs,
        logger: silentLogger,
      })
        .run(stop.signal);
      try {
        let status: Json = {};
        for (let i = 0; i < 400 && status.status !== "done" && status.status !== "failed"; i++) {
          await new Promise((r) => setTimeout(r, 50));
          status = await (await t.app.request(`/api/imports/${importId}`, { headers: ann.headers }))
            .json();
        }
        assert.equal(status.status, "done", JSON.stringify(status));
        assert.equal(status.sha256, createHash("sha256").update(zip).digest("hex"));
        const [media] = await t.db
          .sql`select size::int from media where conversation_id = ${importId}`;
        assert.equal(media.size, 20 * MiB);
      } finally {
        stop.abort();
        await worker;
      }
    });

    await ctx.step("a file shorter than declared is refused and removed", async () => {
      const start =
        await (await post(t, "/api/uploads", ann.headers, { filename: "c.zip", size: 1000 }))
          .json();
      const done = await putParts(zip.slice(0, 999), start.partSize, start.parts);
      const res = await post(t, `/api/uploads/${start.importId}/complete`, ann.headers, {
        parts: done,
      });
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.code, "size_mismatch");
      assert.equal(await t.blobs.size(`imports/${start.importId}/original`), null);
    });

    await ctx.step("limits: too large (413), empty (400), bad input (400)", async () => {
      const big = await post(t, "/api/uploads", ann.headers, {
        filename: "c.zip",
        size: 3 * 1024 ** 3,
      });
      assert.equal(big.status, 413);
      const empty = await post(t, "/api/uploads", ann.headers, { filename: "c.zip", size: 0 });
      assert.equal(empty.status, 400);
      const bad = await post(t, "/api/uploads", ann.headers, { filename: "", size: 10 });
      assert.equal(bad.status, 400);
    });

    await ctx.step(
      "s3rver lacks ListParts and AbortMultipartUpload: 501 and a best-effort abort",
      async () => {
        const start =
          await (await post(t, "/api/uploads", ann.headers, { filename: "c.zip", size: 100 }))
            .json();
        const list = await t.app.request(`/api/uploads/${start.importId}`, {
          headers: ann.headers,
        });
        assert.equal(list.status, 501);
        assert.equal((await list.json()).error.code, "not_supported_by_storage");
        assert.equal(
          (await t.app.request(`/api/uploads/${start.importId}`, { headers: eve.headers })).status,
          404,
        );
        const del = await t.app.request(`/api/uploads/${start.importId}`, {
          method: "DELETE",
          headers: ann.headers,
        });
        assert.equal(del.status, 204);
        const done = await putParts(zip.slice(0, 100), start.partSize, start.parts);
        const late = await post(t, `/api/uploads/${start.importId}/complete`, ann.headers, {
          parts: done,
        });
        assert.equal(late.status, 404);
      },
    );
  } finally {
    await t.close();
    await s3.close();
  }
});
