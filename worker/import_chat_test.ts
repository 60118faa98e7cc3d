import assert from "node:assert/strict";
import { createImport, getImportById } from "../lib/db/imports.ts";
import { silentLogger } from "../lib/log.ts";
import { createMemoryQueue } from "../lib/queue/memory.ts";
import { createRedisQueue } from "../lib/queue/redis_stream.ts";
import { createFsBlobStore } from "../lib/storage/fs.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import { createTestDb, type TestDb } from "../tests/helpers/db.ts";
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { iosChatZip, PHOTO, PHOTO_NAME } from "../tests/helpers/chat_zip.ts";
import { redisTest, withRedisBridge } from "../tests/helpers/redis.ts";
import { createWorker } from "./create_worker.ts";
import { importChat } from "./import_chat.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";

const ANDROID = "01/02/2024, 10:00 - Ann: hello\n01/02/2024, 10:01 - Bob: hi\nsecond line\n" +
  "13/02/2024, 09:00 - Ann: later\n";

async function setup() {
  const db = await createTestDb();
  const dir = await Deno.makeTempDir({ prefix: "wcr-worker-" });
  const blobs = createFsBlobStore(dir);
  const [user] = await db.sql`
    insert into users (email, password_hash) values (${`w${crypto.randomUUID()}@x.io`}, 'x') returning id`;
  const upload = async (filename: string, bytes: Uint8Array | string) => {
    const id = crypto.randomUUID();
    const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    await blobs.put(`imports/${id}/original`, body);
    await createImport(db.sql, {
      id,
      userId: user.id,
      filename,
      size: body.byteLength,
      sha256: "0".repeat(64),
      blobKey: `imports/${id}/original`,
    });
    return id;
  };
  return {
    db,
    blobs,
    upload,
    async close() {
      await db.drop();
      await Deno.remove(dir, { recursive: true });
    },
  };
}

const count = async (db: TestDb, id: string) =>
  (await db.sql`select count(*)::int as n from messages where conversation_id = ${id}`)[0].n;

Deno.test("importChat: a .txt becomes a conversation; re-delivery never duplicates", async () => {
  const s = await setup();
  try {
    const id = await s.upload("WhatsApp Chat with Bob.txt", ANDROID);
    const deps = { db: s.db.sql, blobs: s.blobs as BlobStore, logger: silentLogger };
    await importChat(deps, id);
    const [conv] = await s.db.sql`select * from conversations where id = ${id}`;
    assert.equal(conv.title, "Bob");
    assert.equal(conv.messageCount, 3);
    assert.equal(conv.viewAs, "Ann");
    const msgs = await s.db.sql`
      select seq, author, text from messages where conversation_id = ${id} order by seq`;
    assert.deepEqual(msgs.map((m) => [m.seq, m.author, m.text]), [
      [1, "Ann", "hello"],
      [2, "Bob", "hi\nsecond line"],
      [3, "Ann", "later"],
    ]);
    const people = await s.db.sql`
      select name, message_count, first_seq from participants where conversation_id = ${id} order by name`;
    assert.deepEqual(people.map((p) => [p.name, p.messageCount, p.firstSeq]), [["Ann", 2, 1], [
      "Bob",
      1,
      2,
    ]]);

    // A second delivery of a finished job is a no-op; a crashed-then-retried one replaces whole.
    await importChat(deps, id);
    assert.equal(await count(s.db, id), 3);
    await s.db.sql`update imports set status = 'processing' where id = ${id}`;
    await importChat(deps, id);
    assert.equal(await count(s.db, id), 3);
    assert.equal((await getImportById(s.db.sql, id))!.status, "done");
  } finally {
    await s.close();
  }
});

Deno.test("importChat: a .zip's media go to the blob store, linked to their messages", async () => {
  const s = await setup();
  try {
    const id = await s.upload("WhatsApp Chat - Bob.zip", await iosChatZip(5));
    await importChat({ db: s.db.sql, blobs: s.blobs, logger: silentLogger }, id);
    const media = await s.db
      .sql`select name, blob_key, content_type from media where conversation_id = ${id}`;
    assert.deepEqual(media.map((m) => [m.name, m.contentType]), [[PHOTO_NAME, "image/jpeg"]]);
    assert.ok(await s.blobs.size(media[0].blobKey));
    const [m] = await s.db
      .sql`select kind from messages where conversation_id = ${id} and attachment = ${PHOTO_NAME}`;
    assert.equal(m.kind, "media");
  } finally {
    await s.close();
  }
});

Deno.test("importChat: a zip re-made on a Mac (NFD file names) still links its media", async () => {
  const s = await setup();
  try {
    const name = "Café Menü.pdf"; // NFC in the chat text, NFD in the zip
    const zip = new ZipWriter(new BlobWriter("application/zip"));
    await zip.add(
      "WhatsApp Chat with Café.txt",
      new TextReader(
        `01/02/2024, 10:00 - Ann: ${name} (file attached)\n01/02/2024, 10:01 - Bob: ok\n`,
      ),
    );
    await zip.add(name.normalize("NFD"), new Uint8ArrayReader(PHOTO));
    const bytes = new Uint8Array(await (await zip.close()).arrayBuffer());
    const id = await s.upload("WhatsApp Chat with Café.zip", bytes);
    await importChat({ db: s.db.sql, blobs: s.blobs, logger: silentLogger }, id);
    const media = await s.db.sql`select name, blob_key from media where conversation_id = ${id}`;
    assert.deepEqual(media.map((m) => m.name), [name]);
    assert.equal(await s.blobs.size(media[0].blobKey), PHOTO.byteLength);
    const [m] = await s.db
      .sql`select kind from messages where conversation_id = ${id} and attachment = ${name}`;
    assert.equal(m.kind, "media");
  } finally {
    await s.close();
  }
});

Deno.test("worker: an upload that is not a chat fails at once with the parser's reason", async () => {
  const s = await setup();
  const queue = createMemoryQueue({ retryDelayMs: 10 });
  const stop = new AbortController();
  const run = createWorker({ db: s.db.sql, queue, blobs: s.blobs, logger: silentLogger }).run(
    stop.signal,
  );
  try {
    const id = await s.upload(
      "photo.txt",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    );
    await queue.enqueue({ importId: id });
    const row = await waitFor(s.db, id, "failed");
    assert.equal(row.attempts, 1);
    assert.match(row.error!, /binary|not a (WhatsApp )?chat|text/i);
    assert.equal((await s.db.sql`select count(*)::int as n from conversations`)[0].n, 0);
    // Named .zip but no zip (damaged, cut short): said so, not only "binary data".
    const zip = await s.upload("WhatsApp Chat with Bob.zip", new Uint8Array([0x1f, 0x8b, 0, 1, 2]));
    await queue.enqueue({ importId: zip });
    assert.match((await waitFor(s.db, zip, "failed")).error!, /^this \.zip file is not a zip/);
  } finally {
    stop.abort();
    await run;
    await queue.close();
    await s.close();
  }
});

redisTest(
  "worker on the Redis stream: 3 failed deliveries → dead letter, import failed",
  async () => {
    const s = await setup();
    const redis = await withRedisBridge();
    const queue = createRedisQueue({
      url: redis.url,
      token: redis.token,
      stream: redis.stream,
      claimIdleMs: 100,
      blockMs: 100,
    });
    const stop = new AbortController();
    const run = createWorker({ db: s.db.sql, queue, blobs: s.blobs, logger: silentLogger }).run(
      stop.signal,
    );
    try {
      const id = await s.upload("WhatsApp Chat with Bob.txt", ANDROID);
      await s.blobs.delete(`imports/${id}/original`); // every attempt now fails the same way
      await queue.enqueue({ importId: id });
      const row = await waitFor(s.db, id, "failed", 20_000);
      assert.equal(row.attempts, 3);
      assert.ok(row.error);
      assert.equal((await queue.stats()).deadLetters, 1);
    } finally {
      stop.abort();
      await run;
      await queue.close();
      await redis.close();
      await s.close();
    }
  },
);

async function waitFor(db: TestDb, id: string, status: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const row = await getImportById(db.sql, id);
    if (row?.status === status) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `import ${id} did not reach ${status}: ${JSON.stringify(await getImportById(db.sql, id))}`,
  );
}

Deno.test("importChat: a title drops the upload's .txt/.zip; an iOS zip's own name is used", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const deps = { db: t.db.sql, blobs: t.blobs, logger: silentLogger };
    const upload = async (name: string, body: Uint8Array<ArrayBuffer> | string) => {
      const res = await t.app.request(`/api/imports?filename=${encodeURIComponent(name)}`, {
        method: "POST",
        headers: { ...ann.headers, "content-type": "application/octet-stream" },
        body,
      });
      assert.equal(res.status, 202);
      const { id } = await res.json();
      assert.equal((await importChat(deps, id)).status, "done");
      return id as string;
    };
    const ios = await upload("ios_media.zip", await iosChatZip(3));
    const conv = await (await t.app.request(`/api/conversations/${ios}`, { headers: ann.headers }))
      .json();
    assert.equal(conv.title, "ios_media");
    const page = await (await t.app.request(`/c/${ios}`, { headers: ann.headers })).text();
    assert.match(page, /<title>ios_media[ <]/);
    assert.match(page, /<h1><bdi>ios_media<\/bdi><\/h1>/);
    const txt = await t.app.request(`/api/conversations/${ios}/export?format=txt`, {
      headers: ann.headers,
    });
    assert.match(txt.headers.get("content-disposition")!, /^attachment; filename="ios_media\.txt"/);
    await txt.body?.cancel();

    const upper = await upload("Family.TXT", ANDROID);
    assert.equal(
      (await t.db.sql`select title from conversations where id = ${upper}`)[0].title,
      "Family",
    );

    // iOS: `_chat.txt` (no name) inside a zip named as WhatsApp names it → the chat's name, not
    // the folder it was zipped in.
    const zip = new ZipWriter(new BlobWriter("application/zip"));
    await zip.add("Backup/_chat.txt", new TextReader("[02/01/2024, 10:00:00] Ann: hi\r\n"));
    const bytes = new Uint8Array(await (await zip.close()).arrayBuffer());
    const named = await upload("WhatsApp Chat - Ann.zip", bytes);
    assert.equal(
      (await t.db.sql`select title from conversations where id = ${named}`)[0].title,
      "Ann",
    );
  } finally {
    await t.close();
  }
});

Deno.test("importChat: a bare _chat.txt is titled by its participants; a rename outlives re-imports", async () => {
  const s = await setup();
  try {
    const deps = { db: s.db.sql, blobs: s.blobs, logger: silentLogger };
    const id = await s.upload(
      "_chat.txt",
      "[02/01/2024, 10:00:00] Cy: hi\r\n[02/01/2024, 10:01:00] Ann: hello\r\n" +
        "[02/01/2024, 10:02:00] Cy: again\r\n[02/01/2024, 10:03:00] Bob: yo\r\n",
    );
    assert.equal((await importChat(deps, id)).status, "done");
    const title = async () =>
      (await s.db.sql`select title from conversations where id = ${id}`)[0].title;
    assert.equal(await title(), "Cy, Ann & Bob", "in the order they first wrote");

    // Re-imported as a parser upgrade does: the title is computed again, the same.
    const again = async () => {
      await s.db.sql`update imports set status = 'queued' where id = ${id}`;
      assert.equal((await importChat(deps, id)).status, "done");
    };
    await again();
    assert.equal(await title(), "Cy, Ann & Bob");
    // Renamed by its owner: a re-import keeps the owner's name.
    await s.db.sql`update conversations set title = 'Trip' where id = ${id}`;
    await again();
    assert.equal(await title(), "Trip");
  } finally {
    await s.close();
  }
});

Deno.test("importChat: a re-import keeps the owner's view-as choice while that person is there", async () => {
  const s = await setup();
  try {
    const deps = { db: s.db.sql, blobs: s.blobs, logger: silentLogger };
    const id = await s.upload("WhatsApp Chat with Bob.txt", ANDROID);
    assert.equal((await importChat(deps, id)).status, "done");
    const viewAs = async () =>
      (await s.db.sql`select view_as from conversations where id = ${id}`)[0].viewAs;
    assert.equal(await viewAs(), "Ann", "the guess: not the chat's namesake");
    const reimport = async (bytes?: string) => {
      if (bytes) await s.blobs.put(`imports/${id}/original`, new TextEncoder().encode(bytes));
      await s.db.sql`update imports set status = 'queued' where id = ${id}`;
      assert.equal((await importChat(deps, id)).status, "done");
    };
    for (const choice of ["Bob", null]) {
      await s.db.sql`update conversations set view_as = ${choice} where id = ${id}`;
      await reimport(); // as a parser upgrade does
      assert.equal(await viewAs(), choice);
    }
    // The chosen person is gone from the new parse: the guess again.
    await s.db.sql`update conversations set view_as = 'Bob' where id = ${id}`;
    await reimport(ANDROID.replaceAll("Bob", "Cy"));
    assert.equal(await viewAs(), "Ann");
    // Nobody left at all (system lines only): nobody to be.
    await reimport("01/02/2024, 10:00 - Messages and calls are end-to-end encrypted.\n");
    assert.equal(await viewAs(), null);
  } finally {
    await s.close();
  }
});
