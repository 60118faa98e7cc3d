/// <reference lib="dom" />
// Photos in the conversation take their own shape: a portrait photo's box is taller than wide,
// reserved before the picture loads (nothing moves when it does), whether the server rendered
// it or infinite scroll did (the island, from the messages API), and a JPEG turned by its EXIF
// orientation (a phone held upright) is shown upright in an upright box.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { exportZip } from "../helpers/chat_zip.ts";
import {
  importChat,
  landscapePng,
  openHydrated,
  readerTest,
  screenshot,
} from "../helpers/browser.ts";
import { withOrientation } from "../helpers/image_headers.ts";
import { canvasImage } from "../helpers/media_kinds.ts";

const FILES = {
  early: "IMG-20240101-WA0001.jpg", // a portrait PNG, on the oldest page
  turned: "IMG-20240101-WA0002.jpg", // stored 200 × 120, EXIF orientation 6: shown 120 × 200
  late: "IMG-20240102-WA0003.jpg", // a portrait PNG, on the newest page
};

async function chat(page: Page): Promise<Uint8Array<ArrayBuffer>> {
  const lines = [
    `01/01/2024, 09:00 - Ann: ${FILES.early} (file attached)`,
    `01/01/2024, 09:01 - Bob: ${FILES.turned} (file attached)`,
  ];
  for (let i = 0; i < 150; i++) {
    lines.push(
      `01/01/2024, ${10 + Math.floor(i / 60)}:${String(i % 60).padStart(2, "0")} - ${
        i % 2 ? "Bob" : "Ann"
      }: message ${i + 1}`,
    );
  }
  lines.push(
    `02/01/2024, 09:00 - Ann: ${FILES.late} (file attached)`,
    "02/01/2024, 09:01 - Bob: nice",
  );
  const turned = withOrientation(await canvasImage(page, "image/jpeg", 200, 120), 6);
  return exportZip("WhatsApp Chat with Bob.txt", lines, [
    [FILES.early, await landscapePng(90, 160)],
    [FILES.turned, turned],
    [FILES.late, await landscapePng(600, 900)],
  ]);
}

/** The photo's box (the link around it) and its picture's natural size once loaded. */
const boxOf = (page: Page, name: string) =>
  page.$eval(`.media.image[href$="/${name}"]`, (a) => {
    const box = a.getBoundingClientRect(), img = a.querySelector("img")!;
    return {
      width: box.width,
      height: box.height,
      natural: img.complete ? [img.naturalWidth, img.naturalHeight] : null,
    };
  });

/** Waits until the photo's picture is loaded and decoded. */
const loaded = (page: Page, name: string) =>
  page.waitForFunction((name) => {
    const img = document.querySelector<HTMLImageElement>(`.media.image[href$="/${name}"] img`);
    return img?.complete && img.naturalWidth > 0;
  }, name);

readerTest("browser: a portrait photo's box is portrait before it loads", async (reader, t) => {
  const context = await reader.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/");
  const id = await importChat(reader, await chat(page));

  // The pictures wait until the boxes were measured: the page lays them out before they load.
  let release!: () => void;
  const held = new Promise<void>((r) => release = r);
  await page.route(/\/files\//, async (route) => {
    await held;
    await route.continue();
  });

  await t.step(
    "rendered by the server: portrait before the picture arrives, kept after",
    async () => {
      await openHydrated(page, `/c/${id}`);
      const before = await boxOf(page, FILES.late);
      assert.equal(before.natural, null, "the picture is still held back");
      assert.ok(before.height > before.width, `a ${before.width} × ${before.height} box`);
      assert.ok(Math.abs(before.width / before.height - 600 / 900) < 0.02, "the picture's shape");
      release();
      await loaded(page, FILES.late);
      const after = await boxOf(page, FILES.late);
      // Within a pixel (the attributes are whole pixels; the loaded picture's ratio is exact).
      assert.ok(
        Math.abs(after.width - before.width) <= 1 && Math.abs(after.height - before.height) <= 1,
        `the box went from ${before.width} × ${before.height} to ${after.width} × ${after.height}`,
      );
    },
  );

  await t.step("rendered by infinite scroll, and turned by EXIF: portrait too", async () => {
    while (await page.getAttribute("ol.messages", "data-first-seq") !== "1") {
      const first = await page.getAttribute("ol.messages", "data-first-seq");
      await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
      await page.waitForFunction(
        (was) => document.querySelector<HTMLElement>("ol.messages")!.dataset.firstSeq !== was,
        first,
      );
    }
    for (const [name, ratio] of [[FILES.early, 90 / 160], [FILES.turned, 120 / 200]] as const) {
      const photo = page.locator(`.media.image[href$="/${name}"]`);
      await photo.scrollIntoViewIfNeeded();
      await loaded(page, name);
      const box = await boxOf(page, name);
      assert.ok(box.height > box.width, `${name}: a ${box.width} × ${box.height} box`);
      assert.ok(Math.abs(box.width / box.height - ratio) < 0.02, `${name}: its shape`);
      // The browser draws the picture as it is turned: the box is the picture's own shape.
      const [w, h] = box.natural!;
      assert.ok(Math.abs(w / h - ratio) < 0.02, `${name} is drawn ${w} × ${h}`);
    }
    await screenshot(page, "photo-shapes");
  });
  assert.deepEqual(reader.errors, []);
});
