/// <reference lib="dom" />
// The media gallery in a browser: a .zip export with photos by two people and a document,
// imported through the API; filter by person with the GET form, open a photo in the lightbox,
// and "Show in chat" lands on the highlighted message.
import assert from "node:assert/strict";
import { exportZip } from "../helpers/chat_zip.ts";
import {
  importChat,
  landscapePng,
  openHydrated,
  readerTest,
  screenshot,
  waitHydrated,
} from "../helpers/browser.ts";

const FILES = {
  ann: "IMG-20240101-WA0001.jpg",
  bob: "IMG-20240102-WA0002.jpg",
  doc: "notes.pdf",
};

/**
 * An Android export: 200 text messages over two days, with Ann's photo (message 21), Bob's
 * photo (message 121) and Ann's PDF (message 181), zipped with the files.
 */
async function galleryZip(): Promise<Uint8Array<ArrayBuffer>> {
  const lines: string[] = [];
  for (let i = 1; i <= 200; i++) {
    const day = i <= 100 ? "01" : "02";
    const time = `${String(8 + Math.floor((i % 100) / 60)).padStart(2, "0")}:${
      String(i % 60).padStart(2, "0")
    }`;
    const who = i % 2 ? "Ann" : "Bob";
    const body = i === 21
      ? `${FILES.ann} (file attached)`
      : i === 121
      ? `${FILES.bob} (file attached)`
      : i === 181
      ? `${FILES.doc} (file attached)`
      : `Message ${i} from ${who}`;
    lines.push(`${day}/01/2024, ${time} - ${i === 121 ? "Bob" : who}: ${body}`);
  }
  return exportZip("WhatsApp Chat with Bob.txt", lines, [
    [FILES.ann, await landscapePng(120, 80)],
    [FILES.bob, await landscapePng(80, 120)],
    [FILES.doc, "%PDF-1.4\n%%EOF\n"],
  ]);
}

readerTest("browser: the media gallery", async (reader, t) => {
  const id = await importChat(reader, await galleryZip());
  const context = await reader.context({ viewport: { width: 1000, height: 760 } });
  const page = await context.newPage();
  const tiles = "ul.gallery > li.tile";

  await t.step("the chat's gallery shows its photos and files, newest first", async () => {
    await openHydrated(page, `/c/${id}`);
    await page.click(`a[href="/c/${id}/media"]`);
    await page.waitForURL(new RegExp(`/c/${id}/media$`));
    await waitHydrated(page);
    const types = await page.$$eval(tiles, (els) => els.map((e) => e.className));
    assert.deepEqual(types, ["tile type-document", "tile type-image", "tile type-image"]);
    // The photos load (the original files, scaled by CSS into square tiles).
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>("ul.gallery img")]
        .every((img) => img.complete && img.naturalWidth > 0)
    );
    const box = await page.locator(`${tiles}.type-image .thumb`).first().boundingBox();
    assert.ok(box && Math.abs(box.width - box.height) < 2, `not square: ${JSON.stringify(box)}`);
    await screenshot(page, "gallery");
  });

  await t.step("filtering by person keeps only their media", async () => {
    await page.selectOption("form.gallery-filter select[name=author]", "Bob");
    await page.click("form.gallery-filter button[type=submit]");
    await page.waitForURL(/author=Bob/);
    await waitHydrated(page);
    const refs = await page.$$eval(tiles, (els) => els.map((e) => e.getAttribute("data-ref")));
    assert.deepEqual(refs, ["121"]);
    assert.equal(
      await page.locator("form.gallery-filter select[name=author]").inputValue(),
      "Bob",
    );
    assert.match(await page.locator(`${tiles} .who`).textContent() ?? "", /Bob/);
  });

  await t.step("a photo opens in the lightbox", async () => {
    await page.click(`${tiles} a.thumb`);
    const dialog = page.locator("dialog[open]");
    await dialog.waitFor();
    assert.match(await dialog.locator("img").getAttribute("src") ?? "", /WA0002\.jpg$/);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" }).catch(() => {});
    assert.equal(await page.locator("dialog[open]").count(), 0);
  });

  await t.step("Download saves the file", async () => {
    const href = await page.getAttribute(`${tiles} a.download`, "href");
    assert.ok(href?.endsWith(`/${FILES.bob}?download=1`), href ?? "");
    const res = await page.request.get(href!);
    assert.equal(res.status(), 200);
    assert.equal(
      res.headers()["content-disposition"],
      `attachment; filename*=UTF-8''${FILES.bob}`,
    );
  });

  await t.step("Show in chat lands on the highlighted message", async () => {
    await page.click(`${tiles} a.show-in-chat`);
    await page.waitForURL(new RegExp(`/c/${id}/m/121#m121$`));
    await waitHydrated(page);
    const current = page.locator("ol.messages > li.current");
    assert.equal(await current.getAttribute("id"), "m121");
    assert.equal(await current.getAttribute("aria-current"), "true");
    assert.ok(await current.locator("img").count() > 0, "the message shows the photo");
    await current.waitFor({ state: "visible" });
    const inView = await current.evaluate((li) => {
      const r = li.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
    assert.ok(inView, "the highlighted message is in view");
  });

  await t.step("the library's gallery lists every chat's media", async () => {
    await openHydrated(page, "/");
    await page.click('a[href="/media"]');
    await page.waitForURL(/\/media$/);
    await waitHydrated(page);
    assert.equal(await page.locator(tiles).count(), 3);
    assert.equal(await page.locator(`${tiles} .conv`).first().textContent(), "in Bob");
  });
  assert.deepEqual(reader.errors, [], "no console errors");
});
