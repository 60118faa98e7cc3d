// Byte ranges of media answers: a player seeks a voice note or a video by asking for a range,
// which must come back as 206 with its Content-Range (capability URLs and shared pages alike).
import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { MAX_RANGE_BYTES } from "./_middleware/byte_range.ts";
import { seedChat } from "./_test_chat.ts";

const VOICE = "00000002-AUDIO-2024-01-01-09-00-00.opus";
const BYTES = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

async function seed(t: TestApp, userId: string) {
  return await seedChat(t, userId, {
    messages: [{ date: "2024-01-01T09:00:00", author: "Ann", text: "", attachment: VOICE }],
    media: [{ name: VOICE, contentType: "audio/ogg", bytes: BYTES }],
  });
}

async function fileUrl(t: TestApp, id: string, headers: HeadersInit): Promise<string> {
  const res = await t.app.request(`/api/conversations/${id}/messages`, { headers });
  return (await res.json()).messages[0].mediaUrl;
}

/** Checks the range answers of one media URL. */
async function checkRanges(t: TestApp, url: string) {
  const full = await t.app.request(url);
  assert.equal(full.status, 200);
  assert.equal(full.headers.get("accept-ranges"), "bytes");
  assert.equal((await full.arrayBuffer()).byteLength, 1000);

  const part = await t.app.request(url, { headers: { range: "bytes=100-199" } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get("content-range"), "bytes 100-199/1000");
  assert.equal(part.headers.get("content-length"), "100");
  assert.equal(part.headers.get("content-type"), "audio/ogg");
  assert.equal(part.headers.get("x-content-type-options"), "nosniff");
  assert.deepEqual(new Uint8Array(await part.arrayBuffer()), BYTES.slice(100, 200));

  const rest = await t.app.request(url, { headers: { range: "bytes=990-" } });
  assert.equal(rest.status, 206);
  assert.equal(rest.headers.get("content-range"), "bytes 990-999/1000");
  assert.deepEqual(new Uint8Array(await rest.arrayBuffer()), BYTES.slice(990));

  const suffix = await t.app.request(url, { headers: { range: "bytes=-5" } });
  assert.equal(suffix.headers.get("content-range"), "bytes 995-999/1000");
  await suffix.body?.cancel();

  const past = await t.app.request(url, { headers: { range: "bytes=5000-" } });
  assert.equal(past.status, 416);
  assert.equal(past.headers.get("content-range"), "bytes */1000");
  // An error: never stored by a shared cache, nor kept as the file (docs/caching.md).
  assert.equal(past.headers.get("cache-control"), "private, no-cache");
  assert.equal(past.headers.get("etag"), null);
  await past.body?.cancel();

  // Malformed or several ranges: the whole file (allowed, and what a player copes with).
  for (const range of ["bytes=x-y", "bytes=0-1,5-6", "items=0-1"]) {
    const res = await t.app.request(url, { headers: { range } });
    assert.equal(res.status, 200, range);
    assert.equal((await res.arrayBuffer()).byteLength, 1000);
  }
}

Deno.test("media ranges: capability URLs answer byte ranges with 206", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seed(t, u.userId);
    const url = await fileUrl(t, id, u.headers);
    await checkRanges(t, url);
    // An If-Range naming a version we do not have: the whole file.
    const other = await t.app.request(url, {
      headers: { range: "bytes=0-9", "if-range": '"old"' },
    });
    assert.equal(other.status, 200);
    await other.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("media ranges: a shared page's media answers byte ranges, named without iOS numbering", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seed(t, u.userId);
    const created = await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { ...u.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    });
    assert.equal(created.status, 201);
    const path = new URL((await created.json()).url).pathname;
    const url = `${path}/media/${encodeURIComponent(VOICE)}`;
    await checkRanges(t, url);
    const res = await t.app.request(url, { headers: { range: "bytes=0-9" } });
    const etag = res.headers.get("etag")!;
    assert.ok(etag);
    assert.match(
      res.headers.get("content-disposition")!,
      /^inline; filename\*=UTF-8''AUDIO-2024-01-01-09-00-00\.opus/,
    );
    await res.body?.cancel();
    const same = await t.app.request(url, { headers: { range: "bytes=0-9", "if-range": etag } });
    assert.equal(same.status, 206);
    await same.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("media ranges: an open range of a long file is answered in parts", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const big = new Uint8Array(MAX_RANGE_BYTES + 10);
    const id = await seedChat(t, u.userId, {
      messages: [{ date: "2024-01-01T09:00:00", author: "Ann", text: "", attachment: "v.mp4" }],
      media: [{ name: "v.mp4", contentType: "video/mp4", bytes: big }],
    });
    const url = await fileUrl(t, id, u.headers);
    const res = await t.app.request(url, { headers: { range: "bytes=5-" } });
    assert.equal(res.status, 206);
    assert.equal(
      res.headers.get("content-range"),
      `bytes 5-${5 + MAX_RANGE_BYTES - 1}/${big.length}`,
    );
    assert.equal((await res.arrayBuffer()).byteLength, MAX_RANGE_BYTES);
  } finally {
    await t.close();
  }
});
