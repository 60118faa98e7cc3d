import assert from "node:assert/strict";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { landscapePng } from "../tests/helpers/browser.ts";
import { exportZip } from "../tests/helpers/chat_zip.ts";
import { importChat } from "../worker/import_chat.ts";

const TALL = "IMG-20240301-WA0001.jpg", WIDE = "IMG-20240301-WA0002.jpg";
const OLD = "IMG-20240301-WA0003.jpg";

/** The `width` and `height` attributes of the photo linked to `name` in a page. */
function photoBox(html: string, name: string): [number, number] {
  const img = html.match(
    new RegExp(`<a class="media image" href="[^"]*/${name}"[^>]*><img [^>]*>`),
  )?.[0];
  assert.ok(img, `no photo ${name} on the page`);
  const [, w, h] = img.match(/ width="(\d+)" height="(\d+)"/)!;
  return [Number(w), Number(h)];
}

Deno.test("photos: the chat, the messages API and a shared page give each photo its own shape", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const zip = await exportZip(
      "WhatsApp Chat with Bob.txt",
      [
        `01/03/2024, 10:00 - Ann: ${TALL} (file attached)`,
        `01/03/2024, 10:01 - Bob: ${WIDE} (file attached)`,
        `01/03/2024, 10:02 - Bob: ${OLD} (file attached)`,
        "01/03/2024, 10:03 - Ann: thanks",
      ],
      [[TALL, await landscapePng(90, 160)], [WIDE, await landscapePng(160, 90)], [
        OLD,
        await landscapePng(90, 160),
      ]],
    );
    const res = await t.app.request("/api/imports?filename=WhatsApp%20Chat%20with%20Bob.zip", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/zip" },
      body: zip,
    });
    const { id } = await res.json();
    const outcome = await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
    assert.equal(outcome.status, "done");
    // As a photo imported before sizes were recorded is stored.
    await t.db.sql`update media set width = null, height = null
      where conversation_id = ${id} and name = ${OLD}`;

    const chat = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.deepEqual(photoBox(chat, TALL), [225, 400], "portrait: taller than wide");
    assert.deepEqual(photoBox(chat, WIDE), [320, 180]);
    assert.deepEqual(photoBox(chat, OLD), [320, 240], "unknown size: the 4:3 box of before");
    assert.ok(!/ style=/.test(chat), "no inline style (the CSP forbids them)");

    // What infinite scroll renders in the browser comes from the API's `file`.
    const api = await (await t.app.request(`/api/conversations/${id}/messages`, {
      headers: ann.headers,
    })).json();
    const files = Object.fromEntries(
      api.messages.filter((m: { file: unknown }) => m.file).map((
        m: { attachment: string; file: { width: number | null; height: number | null } },
      ) => [m.attachment, [m.file.width, m.file.height]]),
    );
    assert.deepEqual(files, { [TALL]: [90, 160], [WIDE]: [160, 90], [OLD]: [null, null] });

    const created = await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    });
    assert.equal(created.status, 201);
    const shared = await (await t.app.request(new URL((await created.json()).url).pathname))
      .text();
    assert.deepEqual(photoBox(shared, TALL), [225, 400]);
    assert.deepEqual(photoBox(shared, WIDE), [320, 180]);
    assert.deepEqual(photoBox(shared, OLD), [320, 240]);
  } finally {
    await t.close();
  }
});
