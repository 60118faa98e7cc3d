// End to end, as a user: sign up, upload a .zip with a photo, wait for the worker, read
// pages 1 and 2 of the conversation, fetch the photo, delete the conversation. Run on the
// real services (PostgreSQL, Redis stream through the REST bridge, S3 via s3rver) and on the
// embedded defaults (embedded PostgreSQL, in-process queue, files).
import assert from "node:assert/strict";
import { silentLogger } from "../lib/log.ts";
import { createRedisQueue } from "../lib/queue/redis_stream.ts";
import { createS3BlobStore } from "../lib/storage/s3.ts";
import { createWorker } from "../worker/create_worker.ts";
import { createTestApp, signUp, type TestApp } from "./helpers/app.ts";
import { iosChatZip, PHOTO, PHOTO_NAME } from "./helpers/chat_zip.ts";
import { redisTest, withRedisBridge } from "./helpers/redis.ts";
import { startS3rver } from "./helpers/s3.ts";

async function journey(t: TestApp) {
  const stop = new AbortController();
  const worker = createWorker({
    db: t.db.sql,
    queue: t.queue,
    blobs: t.blobs,
    logger: silentLogger,
  })
    .run(stop.signal);
  try {
    const { headers } = await signUp(t.app);
    const zip = await iosChatZip(150);
    const upload = await t.app.request("/api/imports?filename=WhatsApp%20Chat%20-%20Bob.zip", {
      method: "POST",
      headers: { ...headers, "content-type": "application/zip" },
      body: zip,
    });
    assert.equal(upload.status, 202);
    const { id } = await upload.json();

    let status;
    for (let i = 0; i < 300; i++) {
      status = await (await t.app.request(`/api/imports/${id}`, { headers })).json();
      if (status.status === "done" || status.status === "failed") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(status.status, "done", `import ended ${JSON.stringify(status)}`);
    assert.equal(status.progress, 1);
    const conversationId = status.conversationId;

    const list = await (await t.app.request("/api/conversations", { headers })).json();
    assert.equal(list.conversations.length, 1);
    assert.equal(list.conversations[0].title, "Bob");
    assert.equal(list.conversations[0].messageCount, 150);
    assert.deepEqual([...list.conversations[0].participants].sort(), ["Ann", "Bob"]);

    const page1 = await (await t.app.request(
      `/api/conversations/${conversationId}/messages?after=0&limit=100`,
      { headers },
    )).json();
    assert.equal(page1.messages.length, 100);
    assert.deepEqual(page1.messages.map((m: { seq: number }) => m.seq).slice(0, 3), [1, 2, 3]);
    assert.equal(page1.messages[0].kind, "system");
    assert.equal(page1.messages[0].author, null);
    const photo = page1.messages[1];
    assert.equal(photo.attachment, PHOTO_NAME);
    assert.equal(photo.kind, "media");
    assert.equal(photo.date, "2024-01-02T10:01:00");
    assert.deepEqual(page1.next, { after: 100 });

    const page2 = await (await t.app.request(
      `/api/conversations/${conversationId}/messages?after=${page1.next.after}&limit=100`,
      { headers },
    )).json();
    assert.equal(page2.messages.length, 50);
    assert.equal(page2.messages[0].seq, 101);
    assert.equal(page2.messages.at(-1).text, "message number 149");
    assert.equal(page2.next, null);

    const media = await t.app.request(photo.mediaUrl, { headers });
    assert.equal(media.status, 200);
    assert.equal(media.headers.get("content-type"), "image/jpeg");
    assert.deepEqual(new Uint8Array(await media.arrayBuffer()), PHOTO);

    const newest = await (await t.app.request(`/c/${conversationId}`, { headers })).text();
    assert.match(newest, /message number 149/);
    const html = await (await t.app.request(`/c/${conversationId}?after=0`, { headers })).text();
    assert.doesNotMatch(html, /message number 149/);
    assert.match(
      html,
      new RegExp(`<img[^>]+src="${photo.mediaUrl.replace(/[.?*+^$()|[\]\\]/g, "\\$&")}"`),
    );

    const del = await t.app.request(`/api/conversations/${conversationId}`, {
      method: "DELETE",
      headers,
    });
    assert.equal(del.status, 200); // with what it removed (routes/api/privacy.ts)
    assert.equal(
      (await t.app.request(`/api/conversations/${conversationId}`, { headers })).status,
      404,
    );
    assert.equal((await t.app.request(photo.mediaUrl, { headers })).status, 404);
    assert.equal(await t.blobs.size(`imports/${id}/original`), null);
    const rows = await t.db.sql`select
      (select count(*) from messages)::int as messages, (select count(*) from media)::int as media`;
    assert.deepEqual({ ...rows[0] }, { messages: 0, media: 0 });
  } finally {
    stop.abort();
    await worker;
  }
}

redisTest("e2e on real services: PostgreSQL, Redis stream, S3", async () => {
  const redis = await withRedisBridge();
  const s3 = await startS3rver();
  const queue = createRedisQueue({
    url: redis.url,
    token: redis.token,
    stream: redis.stream,
    blockMs: 200,
  });
  const t = await createTestApp({ db: "real", queue, blobs: createS3BlobStore(s3.config) });
  try {
    await journey(t);
  } finally {
    await t.close();
    await s3.close();
    await redis.close();
  }
});

Deno.test("e2e on the embedded defaults: embedded PostgreSQL, in-process queue, files", async () => {
  const t = await createTestApp({ db: "embedded" });
  try {
    await journey(t);
  } finally {
    await t.close();
  }
});
