// The import report's media section: files in the export, the files the chat names but the zip
// lacks (linked to their messages), and the placeholders of an export made without media.
import assert from "node:assert/strict";
import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { importChat } from "../worker/import_chat.ts";

async function zipOf(text: string, files: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipWriter(new BlobWriter("application/zip"));
  await zip.add("WhatsApp Chat with Bob.txt", new TextReader(text));
  for (const f of files) await zip.add(f, new Uint8ArrayReader(new Uint8Array([1, 2, 3])));
  return new Uint8Array(await (await zip.close()).arrayBuffer());
}

Deno.test("report: media in the export, files named but missing, omitted placeholders", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const text = [
      "01/01/2024, 09:00 - Ann: IMG-20240101-WA0001.jpg (file attached)",
      "01/01/2024, 09:01 - Bob: IMG-20240101-WA0002.jpg (file attached)",
      "01/01/2024, 09:02 - Bob: Q1 Report #2.pdf (file attached)",
      "01/01/2024, 09:03 - Ann: <Media omitted>",
      "01/01/2024, 09:04 - Ann: hi",
    ].join("\n") + "\n";
    const res = await t.app.request("/api/imports?filename=chat.zip", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/zip" },
      body: await zipOf(text, ["IMG-20240101-WA0001.jpg"]),
    });
    assert.equal(res.status, 202);
    const { id } = await res.json();
    const done = await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
    assert.equal(done.status, "done");

    const report = await (await t.app.request(`/api/imports/${id}/report`, {
      headers: ann.headers,
    })).json();
    assert.deepEqual(report.media, {
      files: 1,
      referenced: 3,
      missing: 2,
      missingSamples: [
        { ref: 2, name: "IMG-20240101-WA0002.jpg" },
        { ref: 3, name: "Q1 Report #2.pdf" },
      ],
      omitted: 1,
    });
    const page = await (await t.app.request(`/imports/${id}/report`, { headers: ann.headers }))
      .text();
    assert.match(page, /1 file in the export\. 1 message says its media was left out/);
    assert.match(page, /2 messages name a file\s+the export does not hold/);
    assert.ok(page.includes(`<a href="/c/${id}/m/3#m3" dir="auto">Q1 Report #2.pdf</a>`));
  } finally {
    await t.close();
  }
});
