import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { chatZip, runImport, upload } from "../tests/security/_fixtures.ts";
import { page } from "./_test_chat.ts";

// A right-to-left chat: its name and its people keep their own direction inside an isolate
// (`<bdi>`), while the headings and cells holding them keep the English interface's direction
// and alignment. `dir="auto"` on the block itself right-aligned the whole heading.
const TITLE = "سارة";
const NAMES = ["سارة", "עמית", "Ann"];

/** A block (heading, cell, term, message header) taking its direction from its text. */
const AUTO_BLOCK = /<(h[1-6]|th|td|dd|dt|header|p|li|div)\b[^>]*\bdir="auto"[^>]*>([^<]*)/g;

Deno.test("right-to-left chat titles and names are isolated, not blocks of their own direction", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const lines = Array.from({ length: 12 }, (_, i) => {
      const who = NAMES[i % 3];
      return `[02/01/2024, 10:${String(i + 10)}:00] ${who}: ${
        i % 3 === 2 ? "hello there" : "مرحبا"
      }`;
    });
    const id = await upload(t, user.headers, await chatZip(lines), `WhatsApp Chat - ${TITLE}.zip`);
    // The import's page while it waits, headed by the file's name.
    assert.match(await page(t, `/imports/${id}`, user.headers), /<h1><bdi>WhatsApp Chat - سارة/);
    await runImport(t, id);
    const created = await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { ...user.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    });
    const share = new URL((await created.json()).url).pathname;
    const pages = {
      library: "/",
      conversation: `/c/${id}`,
      media: `/c/${id}/media`,
      merge: `/c/${id}/merge`,
      insights: `/c/${id}/insights`,
      report: `/imports/${id}/report`,
      share,
    };
    for (const [name, path] of Object.entries(pages)) {
      const html = await page(t, path, name === "share" ? {} : user.headers);
      const blocks = [...html.matchAll(AUTO_BLOCK)]
        .filter((m) => NAMES.some((n) => m[2].includes(n)) || m[2].includes(TITLE));
      assert.deepEqual(blocks.map((m) => m[0]), [], `${name}: a name in a dir=auto block`);
      assert.ok(html.includes(`<bdi>${TITLE}`), `${name}: the title isolated`);
    }
    const conversation = await page(t, `/c/${id}`, user.headers);
    assert.match(conversation, /<h1><bdi>سارة<\/bdi><\/h1>/);
    // In a group, other people's runs start with their name, isolated as well.
    assert.match(conversation, /<header class="author"><bdi>עמית<\/bdi><\/header>/);
    assert.match(
      await page(t, "/", user.headers),
      /<h3><a href="[^"]+"><bdi>سارة<\/bdi><\/a><\/h3>/,
    );
    // A message's own text still takes its direction from its words.
    assert.match(conversation, /<p class="text" dir="auto">مرحبا<\/p>/);
  } finally {
    await t.close();
  }
});
