// Break-in attempts through uploaded archives, run through the real worker: entry names that
// climb out of their folder, zip bombs (declared size, entry count, inflation beyond the
// declared size) and an oversize upload. The import must fail with a reason, and leave no
// conversation and no media behind.
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { silentLogger } from "../../lib/log.ts";
import { createWorker } from "../../worker/create_worker.ts";
import { createTestApp, signUp, type TestApp } from "../helpers/app.ts";
import { upload } from "./_fixtures.ts";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface RawEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the data (method 8) instead of storing it. */
  deflate?: boolean;
  /** Lie about the uncompressed size (in both headers). */
  declaredSize?: number;
}

/** A zip written byte by byte, so names and sizes can be anything an attacker likes. */
function rawZip(entries: RawEntry[]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const body = e.deflate ? new Uint8Array(deflateRawSync(e.data)) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, e.deflate ? 8 : 0, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, body);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint16(10, e.deflate ? 8 : 0, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, body.length, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const cdSize = central.reduce((n, p) => n + p.length, 0);
  // Over 65,534 entries the count lives in the zip64 end record (the classic one says 0xffff).
  const zip64: Uint8Array[] = [];
  if (entries.length >= 0xffff) {
    const record = new DataView(new ArrayBuffer(56));
    record.setUint32(0, 0x06064b50, true);
    record.setBigUint64(4, 44n, true);
    record.setUint16(12, 45, true);
    record.setUint16(14, 45, true);
    record.setBigUint64(24, BigInt(entries.length), true);
    record.setBigUint64(32, BigInt(entries.length), true);
    record.setBigUint64(40, BigInt(cdSize), true);
    record.setBigUint64(48, BigInt(offset), true);
    const locator = new DataView(new ArrayBuffer(20));
    locator.setUint32(0, 0x07064b50, true);
    locator.setBigUint64(8, BigInt(offset + cdSize), true);
    locator.setUint32(16, 1, true);
    zip64.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer));
  }
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Math.min(entries.length, 0xffff), true);
  end.setUint16(10, Math.min(entries.length, 0xffff), true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, ...zip64, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) out.set(p, (at += p.length) - p.length);
  return out;
}

const CHAT = new TextEncoder().encode(
  "[02/01/2024, 10:00:00] Ann: hello\r\n[02/01/2024, 10:01:00] Bob: hi\r\n",
);

/** Uploads the archive, lets the worker take the job, and returns the import's final state. */
async function importThroughWorker(t: TestApp, zip: Uint8Array<ArrayBuffer>) {
  const { headers } = await signUp(t.app);
  const id = await upload(t, headers, zip, "WhatsApp Chat - Bob.zip");
  const stop = new AbortController();
  const worker = createWorker({
    db: t.db.sql,
    queue: t.queue,
    blobs: t.blobs,
    logger: silentLogger,
  })
    .run(stop.signal);
  try {
    for (let i = 0; i < 600; i++) {
      const status = await (await t.app.request(`/api/imports/${id}`, { headers })).json();
      if (status.status === "done" || status.status === "failed") {
        const [conv] = await t.db
          .sql`select count(*)::int as n from conversations where id = ${id}`;
        const [media] = await t.db
          .sql`select count(*)::int as n from media where conversation_id = ${id}`;
        return { status, conversations: conv.n, media: media.n, id };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the worker never finished the import");
  } finally {
    stop.abort();
    await worker;
  }
}

async function blobFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) out.push(...await blobFiles(`${dir}/${e.name}`));
      else out.push(`${dir}/${e.name}`);
    }
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
  return out;
}

Deno.test("zip: a well-formed raw archive imports (the builder below is sound)", async () => {
  const t = await createTestApp();
  try {
    const zip = rawZip([{ name: "_chat.txt", data: CHAT, deflate: true }, {
      name: "a.txt",
      data: CHAT,
    }]);
    const result = await importThroughWorker(t, zip);
    assert.equal(result.status.status, "done", JSON.stringify(result.status));
    assert.equal(result.conversations, 1);
  } finally {
    await t.close();
  }
});

for (
  const name of [
    "../../../etc/cron.d/evil",
    "media/../../outside.jpg",
    "/etc/passwd",
    "..\\..\\windows\\evil.dll",
    "C:/evil.txt",
  ]
) {
  Deno.test(`zip: an entry named ${JSON.stringify(name)} fails the import; nothing is written`, async () => {
    const t = await createTestApp();
    try {
      const zip = rawZip([{ name: "_chat.txt", data: CHAT }, {
        name,
        data: new TextEncoder().encode("x"),
      }]);
      const result = await importThroughWorker(t, zip);
      assert.equal(result.status.status, "failed");
      assert.match(result.status.error, /unsafe path/);
      assert.equal(result.conversations, 0);
      assert.equal(result.media, 0);
      const files = await blobFiles(`${t.config.dataDir}`);
      assert.deepEqual(
        files.filter((f) => !f.includes(`/imports/${result.id}/`) && !f.endsWith("jwt-secret")),
        [],
      );
      // Nothing landed outside the blob store either.
      for (
        const outside of [`${t.config.dataDir}/../outside.jpg`, `${t.config.dataDir}/../evil.txt`]
      ) {
        await assert.rejects(Deno.stat(outside), Deno.errors.NotFound);
      }
    } finally {
      await t.close();
    }
  });
}

Deno.test("zip bomb: more uncompressed bytes declared than the limit → refused before reading", async () => {
  const t = await createTestApp();
  try {
    const declared = 0xfffffff0; // ~4 GiB each: 12 GiB in all, over the 8 GiB limit
    const zip = rawZip([
      { name: "_chat.txt", data: CHAT },
      ...[1, 2, 3].map((i) => ({
        name: `IMG-${i}.jpg`,
        data: new Uint8Array(1),
        declaredSize: declared,
      })),
    ]);
    assert.ok(zip.length < 1024);
    const result = await importThroughWorker(t, zip);
    assert.equal(result.status.status, "failed");
    assert.match(result.status.error, /uncompressed bytes/);
    assert.equal(result.conversations, 0);
  } finally {
    await t.close();
  }
});

Deno.test("zip bomb: an entry inflating beyond its declared size is cut off", async () => {
  const t = await createTestApp();
  try {
    // 20 MB of one repeated line, ~20 KB deflated, declared as 200 bytes.
    const line =
      "[02/01/2024, 10:00:00] Ann: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
    const big = new TextEncoder().encode(line.repeat(Math.ceil(20e6 / line.length)));
    const zip = rawZip([{ name: "_chat.txt", data: big, deflate: true, declaredSize: 200 }]);
    assert.ok(zip.length < 200_000, `${zip.length} bytes`);
    const result = await importThroughWorker(t, zip);
    assert.equal(result.status.status, "failed");
    assert.match(result.status.error, /beyond its declared size|inflates/);
    assert.equal(result.conversations, 0);
  } finally {
    await t.close();
  }
});

Deno.test("zip bomb: more entries than the limit (100,000) → refused", async () => {
  const t = await createTestApp();
  try {
    const entries: RawEntry[] = [{ name: "_chat.txt", data: CHAT }];
    const empty = new Uint8Array(0);
    for (let i = 0; i < 100_001; i++) entries.push({ name: `f${i}`, data: empty });
    const result = await importThroughWorker(t, rawZip(entries));
    assert.equal(result.status.status, "failed");
    assert.match(result.status.error, /more than 100000 entries/);
    assert.equal(result.conversations, 0);
  } finally {
    await t.close();
  }
});

Deno.test("oversize uploads: multipart to the API and to the page are refused; nothing is kept", async () => {
  const t = await createTestApp({ env: { MAX_UPLOAD_BYTES: "1000" } });
  try {
    const ann = await signUp(t.app);
    const form = () => {
      const f = new FormData();
      f.append("file", new File([new Uint8Array(200_000)], "big.zip", { type: "application/zip" }));
      return f;
    };
    const api = await t.app.request("/api/imports", {
      method: "POST",
      headers: ann.headers,
      body: form(),
    });
    assert.equal(api.status, 413);
    assert.equal((await api.json()).error.code, "too_large");
    const page = await t.app.request("/imports", {
      method: "POST",
      headers: { cookie: `session=${ann.token}`, origin: "http://localhost" },
      body: form(),
    });
    assert.equal(page.status, 413);
    // Within the multipart slack but over the limit once read: refused while streaming.
    const f = new FormData();
    f.append("file", new File([new Uint8Array(5000)], "big.txt", { type: "text/plain" }));
    const streamed = await t.app.request("/api/imports", {
      method: "POST",
      headers: ann.headers,
      body: f,
    });
    assert.equal(streamed.status, 413);
    const [n] = await t.db.sql`select count(*)::int as n from imports`;
    assert.equal(n.n, 0);
    assert.deepEqual(await blobFiles(`${t.config.dataDir}/blobs`), []);
  } finally {
    await t.close();
  }
});
