import assert from "node:assert/strict";
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { PHOTO } from "../tests/helpers/chat_zip.ts";
import { importChat } from "../worker/import_chat.ts";

const PHOTO_FILE = "00000002-PHOTO-2024-03-01-10-00-00.jpg";
const DOC_FILE = "00000003-Report 2024.pdf";
const MISSING_FILE = "00000004-Minutes.pdf";

/** An iOS export whose files carry WhatsApp's numbering; the last one is not in the zip. */
async function numberedZip(): Promise<Uint8Array<ArrayBuffer>> {
  const lines = [
    `\u200e[01/03/2024, 10:00:00] Ann: \u200e<attached: ${PHOTO_FILE}>`,
    `\u200e[01/03/2024, 10:01:00] Bob: \u200e<attached: ${DOC_FILE}>`,
    `\u200e[01/03/2024, 10:02:00] Bob: \u200e<attached: ${MISSING_FILE}>`,
    "[01/03/2024, 10:03:00] Ann: thanks",
  ];
  const zip = new ZipWriter(new BlobWriter("application/zip"));
  await zip.add("_chat.txt", new TextReader(lines.join("\r\n") + "\r\n"));
  await zip.add(PHOTO_FILE, new Uint8ArrayReader(PHOTO));
  await zip.add(DOC_FILE, new TextReader("%PDF-1.4 not really"));
  return new Uint8Array(await (await zip.close()).arrayBuffer());
}

/** The text a reader sees: the markup without its tags (attribute values aside). */
const visibleText = (html: string) => html.replace(/<[^>]*>/g, " ");

Deno.test("attachments: iOS's 00000002- numbering is never shown nor used as a download name", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const res = await t.app.request("/api/imports?filename=WhatsApp%20Chat%20-%20Bob.zip", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/zip" },
      body: await numberedZip(),
    });
    const { id } = await res.json();
    const outcome = await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
    assert.equal(outcome.status, "done");
    const get = (path: string) => t.app.request(path, { headers: ann.headers });

    // Stored exactly as in the zip.
    const stored = await t.db
      .sql`select name from media where conversation_id = ${id} order by name`;
    assert.deepEqual(stored.map((r) => r.name), [PHOTO_FILE, DOC_FILE]);

    // The chat: the photo has no visible name, the document and the missing file theirs
    // without the number; downloads are named the same way.
    const page = await (await get(`/c/${id}`)).text();
    assert.doesNotMatch(visibleText(page), /0000000\d-/);
    assert.match(page, /<span class="doc-name" dir="auto">Report 2024\.pdf<\/span>/);
    assert.match(page, /download="Report 2024\.pdf"/);
    assert.match(page, /<span dir="auto">Minutes\.pdf<\/span> — not included/);
    assert.match(page, /alt="Photo from [^"]+"/);
    assert.doesNotMatch(page, /download="0000000/);

    // The gallery: the same, and its Download links.
    const gallery = await (await get(`/c/${id}/media`)).text();
    assert.doesNotMatch(visibleText(gallery), /0000000\d-/);
    assert.match(gallery, /<span class="name" dir="auto">Report 2024\.pdf<\/span>/);
    assert.match(gallery, /download="PHOTO-2024-03-01-10-00-00\.jpg"/);
    assert.doesNotMatch(gallery, /download="0000000/);

    // JSON: the exact name stays (it names the file in the zip), the shown one beside it.
    const { messages } = await (await get(`/api/conversations/${id}/messages`)).json();
    assert.deepEqual(
      messages.map((m: { attachment: string | null; attachmentName: string | null }) => [
        m.attachment,
        m.attachmentName,
      ]),
      [
        [PHOTO_FILE, "PHOTO-2024-03-01-10-00-00.jpg"],
        [DOC_FILE, "Report 2024.pdf"],
        [MISSING_FILE, "Minutes.pdf"],
        [null, null],
      ],
    );
    const media = await (await get(`/api/conversations/${id}/media`)).json();
    const byName = new Map(
      media.items.map((i: { name: string; displayName: string }) => [i.name, i.displayName]),
    );
    assert.equal(byName.get(DOC_FILE), "Report 2024.pdf");
    assert.equal(byName.get(PHOTO_FILE), "PHOTO-2024-03-01-10-00-00.jpg");

    // The file itself is saved under the shown name.
    const doc = media.items.find((i: { name: string }) => i.name === DOC_FILE);
    const file = await t.app.request(doc.downloadUrl);
    assert.equal(file.status, 200);
    assert.equal(
      file.headers.get("content-disposition"),
      `attachment; filename*=UTF-8''${encodeURIComponent("Report 2024.pdf")}`,
    );
    await file.body?.cancel();
  } finally {
    await t.close();
  }
});
