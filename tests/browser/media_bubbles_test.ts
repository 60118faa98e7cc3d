/// <reference lib="dom" />
// Media in the conversation's bubbles, at phone and desktop widths: a photo's bubble is as wide
// as the photo (not the bubble's widest, with an empty band beside a landscape or portrait
// picture), a voice note's player is wide enough for its time and seek bar, and the lightbox
// keeps the photo inside its frame.
import assert from "node:assert/strict";
import { exportZip } from "../helpers/chat_zip.ts";
import {
  importChat,
  landscapePng,
  openHydrated,
  readerTest,
  screenshot,
} from "../helpers/browser.ts";
// Two seconds of a tone as WAV, served by its .opus name as WhatsApp's voice notes are.
import { toneWav } from "../helpers/media_kinds.ts";

const FILES = {
  wide: "IMG-20240101-WA0001.jpg",
  tall: "IMG-20240101-WA0002.jpg",
  voice: "PTT-20240101-WA0003.opus",
};

async function mediaZip(): Promise<Uint8Array<ArrayBuffer>> {
  const lines = [
    "01/01/2024, 09:00 - Ann: Good morning",
    `01/01/2024, 09:01 - Bob: ${FILES.wide} (file attached)`,
    `01/01/2024, 09:02 - Ann: ${FILES.tall} (file attached)`,
    `01/01/2024, 09:03 - Bob: ${FILES.voice} (file attached)`,
    `01/01/2024, 09:04 - Ann: ${FILES.voice} (file attached)`,
    "01/01/2024, 09:05 - Bob: See you",
  ];
  return exportZip("WhatsApp Chat with Bob.txt", lines, [
    [FILES.wide, await landscapePng(800, 600)],
    [FILES.tall, await landscapePng(600, 900)],
    [FILES.voice, toneWav()],
  ]);
}

readerTest("browser: media in the bubbles", async (reader, t) => {
  const id = await importChat(reader, await mediaZip());
  for (const viewport of [{ width: 375, height: 760 }, { width: 1280, height: 900 }]) {
    await t.step(`photos and voice notes at ${viewport.width} px`, async () => {
      const context = await reader.context({ viewport });
      const page = await context.newPage();
      await openHydrated(page, `/c/${id}`);
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>(".media.image img")]
          .every((img) => img.complete && img.naturalWidth > 0)
      );
      const photos = await page.$$eval(
        ".msg article:has(.media.image)",
        (articles) =>
          articles.map((article) => {
            const style = getComputedStyle(article);
            const inner = article.clientWidth - parseFloat(style.paddingLeft) -
              parseFloat(style.paddingRight);
            return { inner, photo: article.querySelector(".media.image")!.clientWidth };
          }),
      );
      assert.equal(photos.length, 2);
      for (const { inner, photo } of photos) {
        assert.ok(photo > 150, `the photo is ${photo} px wide`);
        assert.ok(inner - photo <= 2, `a ${photo} px photo in a bubble ${inner} px wide inside`);
      }
      const players = await page.$$eval(
        ".msg article audio",
        (els) => els.map((el) => el.getBoundingClientRect().width),
      );
      assert.equal(players.length, 2);
      for (const width of players) {
        assert.ok(width >= 200, `a voice note's player is ${width} px wide`);
      }
      // The portrait photo (600 × 900) is shown whole in its box (its own shape, from the size
      // recorded at import), not cropped to a band of its middle.
      const tall = await page.$eval(
        `.media.image[href*="${FILES.tall}"] img`,
        (img: HTMLImageElement) => {
          const box = img.getBoundingClientRect(), fit = getComputedStyle(img).objectFit;
          const scale = fit === "cover"
            ? Math.max(box.width / img.naturalWidth, box.height / img.naturalHeight)
            : Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
          return {
            fit,
            drawn: [img.naturalWidth * scale, img.naturalHeight * scale],
            box: [box.width, box.height],
          };
        },
      );
      assert.ok(
        tall.drawn[0] <= tall.box[0] + 0.5 && tall.drawn[1] <= tall.box[1] + 0.5,
        `the portrait photo is cropped: drawn ${tall.drawn} in a box ${tall.box} (${tall.fit})`,
      );
      await screenshot(page, `media-bubbles-${viewport.width}`);

      await page.locator(".media.image").first().click();
      const shown = page.locator("dialog.lightbox img");
      await shown.waitFor();
      await page.waitForFunction(() =>
        document.querySelector<HTMLImageElement>("dialog.lightbox img")!.complete
      );
      const fit = await page.$eval("dialog.lightbox", (dialog) => {
        const box = dialog.getBoundingClientRect(), style = getComputedStyle(dialog);
        const img = dialog.querySelector("img")!.getBoundingClientRect();
        return {
          inner: [
            box.left + parseFloat(style.paddingLeft),
            box.right - parseFloat(style.paddingRight),
          ],
          img: [img.left, img.right],
        };
      });
      assert.ok(
        fit.img[0] >= fit.inner[0] - 0.5 && fit.img[1] <= fit.inner[1] + 0.5,
        `the lightbox's photo (${fit.img}) overflows its frame (${fit.inner})`,
      );
      await screenshot(page, `media-lightbox-${viewport.width}`);
      await context.close();
    });
  }
  assert.deepEqual(reader.errors, []);
});
