import assert from "node:assert/strict";
import { createS3BlobStore } from "../../lib/storage/s3.ts";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { startS3rver } from "../../tests/helpers/s3.ts";
import {
  cancelDirect,
  DirectUploadUnavailable,
  fetchSendPart,
  PartError,
  type ResumeStore,
  type SendPart,
  uploadDirect,
} from "./s3_multipart.ts";

const MiB = 1024 * 1024;

function memoryStore(): ResumeStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

function randomFile(size: number, name = "WhatsApp Chat with Bob.zip"): File {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) {
    crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  }
  return new File([bytes], name, { lastModified: 1_700_000_000_000 });
}

Deno.test("uploadDirect against the app and s3rver: parallel parts, a retried part, progress", async () => {
  const s3 = await startS3rver();
  const t = await createTestApp({ blobs: createS3BlobStore(s3.config) });
  try {
    const { headers } = await signUp(t.app);
    const file = randomFile(33 * MiB); // 3 parts of 16 MiB
    const tries = new Map<number, number>();
    const flaky: SendPart = (url, body, onProgress, signal) => {
      const n = Number(new URL(url).searchParams.get("partNumber"));
      tries.set(n, (tries.get(n) ?? 0) + 1);
      if (n === 2 && tries.get(n) === 1) return Promise.reject(new PartError(0, "network error"));
      return fetchSendPart(url, body, onProgress, signal);
    };
    const progress: number[] = [];
    const store = memoryStore();
    const id = await uploadDirect(file, {
      api: (path, init) => Promise.resolve(t.app.request(path, init)),
      headers,
      store,
      sendPart: flaky,
      onProgress: (loaded, total) => {
        assert.equal(total, file.size);
        progress.push(loaded);
      },
    });
    assert.deepEqual([...tries].sort(), [[1, 1], [2, 2], [3, 1]]);
    assert.equal(progress.at(-1), file.size);
    assert.ok(
      progress.every((p, i) => i === 0 || p >= progress[i - 1]),
      "progress never goes back",
    );
    assert.equal(store.map.size, 0, "nothing left to resume");
    const status = await (await t.app.request(`/api/imports/${id}`, { headers })).json();
    assert.equal(status.size, file.size);
    assert.equal(status.status, "queued");
    const stored = await t.blobs.get(`imports/${id}/original`);
    const bytes = new Uint8Array(await new Response(stored!.body).arrayBuffer());
    assert.deepEqual(bytes, new Uint8Array(await file.arrayBuffer()));
  } finally {
    await t.close();
    await s3.close();
  }
});

Deno.test("uploadDirect without S3 throws DirectUploadUnavailable (use POST /api/imports)", async () => {
  const t = await createTestApp();
  try {
    const { headers } = await signUp(t.app);
    await assert.rejects(
      uploadDirect(randomFile(10), {
        api: (path, init) => Promise.resolve(t.app.request(path, init)),
        headers,
        store: null,
      }),
      DirectUploadUnavailable,
    );
  } finally {
    await t.close();
  }
});

/**
 * Resuming needs ListParts, which s3rver lacks: this runs against a small fake of the API
 * (the answers lib/direct_upload.ts gives) and fake part URLs.
 */
Deno.test("uploadDirect resumes: only missing parts are sent, expired URLs are refreshed", async () => {
  const file = randomFile(3 * 5 * MiB, "chat.zip");
  const partSize = 5 * MiB;
  const importId = crypto.randomUUID();
  const calls: string[] = [];
  let urlVersion = 0;
  const api = (path: string, init: RequestInit = {}) => {
    calls.push(`${init.method ?? "GET"} ${path}`);
    if (path === `/api/uploads/${importId}` && (init.method ?? "GET") === "GET") {
      urlVersion++;
      return Promise.resolve(Response.json({
        uploadId: "u1",
        importId,
        partSize,
        filename: file.name,
        size: file.size,
        uploaded: [{ partNumber: 1, etag: '"e1"', size: partSize }],
        parts: [2, 3].map((n) => ({ partNumber: n, url: `https://s3.test/p${n}?v=${urlVersion}` })),
      }));
    }
    if (path === `/api/uploads/${importId}/complete`) {
      const { parts } = JSON.parse(String(init.body));
      assert.deepEqual(parts, [
        { partNumber: 1, etag: '"e1"' },
        { partNumber: 2, etag: '"e2"' },
        { partNumber: 3, etag: '"e3"' },
      ]);
      return Promise.resolve(Response.json({ id: importId }, { status: 202 }));
    }
    throw new Error(`unexpected ${path}`);
  };
  const sentUrls: string[] = [];
  const sendPart: SendPart = (url, body, onProgress) => {
    sentUrls.push(url);
    if (url.endsWith("p3?v=1")) return Promise.reject(new PartError(403, "expired"));
    onProgress(body.size);
    return Promise.resolve(`"e${url.match(/p(\d)/)![1]}"`);
  };
  const store = memoryStore();
  store.setItem(
    `wcr-upload:${file.name}:${file.size}:${file.lastModified}`,
    JSON.stringify({ importId }),
  );
  const progress: number[] = [];
  const id = await uploadDirect(file, {
    api,
    store,
    sendPart,
    onProgress: (l) => progress.push(l),
  });
  assert.equal(id, importId);
  assert.equal(progress[0], partSize, "the part S3 had counts from the start");
  assert.equal(progress.at(-1), file.size);
  assert.deepEqual(sentUrls.sort(), [
    "https://s3.test/p2?v=1",
    "https://s3.test/p3?v=1",
    "https://s3.test/p3?v=2",
  ]);
  assert.equal(calls.filter((c) => c === `GET /api/uploads/${importId}`).length, 2);
  assert.equal(store.map.size, 0);

  // cancelDirect forgets the upload and asks the app to abort it.
  store.setItem(
    `wcr-upload:${file.name}:${file.size}:${file.lastModified}`,
    JSON.stringify({ importId }),
  );
  const deleted: string[] = [];
  await cancelDirect(file, {
    store,
    api: (path, init) => {
      deleted.push(`${init?.method} ${path}`);
      return Promise.resolve(new Response(null, { status: 204 }));
    },
  });
  assert.deepEqual(deleted, [`DELETE /api/uploads/${importId}`]);
  assert.equal(store.map.size, 0);
});

Deno.test("uploadDirect: a bucket the browser cannot reach at all (CSP, CORS) means fall back", async () => {
  const file = randomFile(1000, "chat.txt");
  const importId = crypto.randomUUID();
  const calls: string[] = [];
  const api = (path: string, init: RequestInit = {}) => {
    calls.push(`${init.method ?? "GET"} ${path}`);
    if (path === "/api/uploads") {
      return Promise.resolve(Response.json({
        uploadId: "u",
        importId,
        partSize: 5 * MiB,
        parts: [{ partNumber: 1, url: "https://bucket.test/p1" }],
      }, { status: 201 }));
    }
    return Promise.resolve(new Response(null, { status: 204 }));
  };
  const blocked: SendPart = () => Promise.reject(new PartError(0, "network error"));
  const store = memoryStore();
  await assert.rejects(
    uploadDirect(file, { api, store, sendPart: blocked }),
    DirectUploadUnavailable,
  );
  assert.deepEqual(calls, ["POST /api/uploads", `DELETE /api/uploads/${importId}`]);
  assert.equal(store.map.size, 0);
});
