import assert from "node:assert/strict";
import { createImport } from "../lib/db/imports.ts";
import { silentLogger } from "../lib/log.ts";
import { createFsBlobStore } from "../lib/storage/fs.ts";
import { createTestDb } from "../tests/helpers/db.ts";
import { exportZip } from "../tests/helpers/chat_zip.ts";
import { landscapePng } from "../tests/helpers/browser.ts";
import { jpegHeader } from "../tests/helpers/image_headers.ts";
import { tinyPdf } from "../tests/helpers/media_kinds.ts";
import { importChat } from "./import_chat.ts";

const FILES: [string, Uint8Array][] = [
  ["IMG-20240102-WA0001.jpg", await landscapePng(90, 160)], // a PNG named .jpg, as some are
  ["IMG-20240102-WA0002.jpg", jpegHeader(4032, 3024, { orientation: 6 })], // an upright phone
  ["IMG-20240102-WA0003.jpg", new TextEncoder().encode("not a picture at all")],
  ["DOC-20240102-WA0004.pdf", tinyPdf()],
];

Deno.test("import: each picture's width and height as drawn are stored; others get nulls", async () => {
  const db = await createTestDb();
  const dir = await Deno.makeTempDir({ prefix: "wcr-media-" });
  try {
    const blobs = createFsBlobStore(dir);
    const [user] = await db.sql`
      insert into users (email, password_hash) values (${`m${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const lines = FILES.map(([name], i) => `02/01/2024, 10:0${i} - Ann: ${name} (file attached)`);
    const zip = await exportZip("WhatsApp Chat with Bob.txt", lines, FILES);
    const id = crypto.randomUUID(), blobKey = `imports/${id}/original`;
    await blobs.put(blobKey, zip);
    await createImport(db.sql, {
      id,
      userId: user.id,
      filename: "WhatsApp Chat with Bob.zip",
      size: zip.byteLength,
      sha256: "0".repeat(64),
      blobKey,
    });
    const outcome = await importChat({ db: db.sql, blobs, logger: silentLogger }, id);
    assert.equal(outcome.status, "done", "a damaged picture never fails the import");
    const media = await db.sql<{ name: string; width: number | null; height: number | null }[]>`
      select name, width, height from media where conversation_id = ${id} order by name`;
    assert.deepEqual(media.map((m) => [m.name, m.width, m.height]), [
      ["DOC-20240102-WA0004.pdf", null, null],
      ["IMG-20240102-WA0001.jpg", 90, 160],
      ["IMG-20240102-WA0002.jpg", 3024, 4032],
      ["IMG-20240102-WA0003.jpg", null, null],
    ]);
    // The files went to the blob store whole, as before.
    for (const [name, bytes] of FILES) {
      const stored = await blobs.size(`conversations/${id}/media/${encodeURIComponent(name)}`);
      assert.equal(stored, bytes.byteLength, name);
    }
  } finally {
    await db.drop();
    await Deno.remove(dir, { recursive: true });
  }
});
