/// <reference lib="dom" />
// Pictures the browser cannot show (a damaged photo, a damaged sticker) become a card that says
// so and downloads the file, in the conversation and in the gallery, instead of the browser's
// broken-image box. A good photo beside them stays a picture.
import assert from "node:assert/strict";
import { exportZip } from "../helpers/chat_zip.ts";
import {
  importChat,
  landscapePng,
  openHydrated,
  readerTest,
  screenshot,
} from "../helpers/browser.ts";

const FILES = {
  good: "IMG-20240101-WA0001.jpg",
  photo: "IMG-20240101-WA0002.jpg",
  sticker: "STK-20240101-WA0003.webp",
};

async function brokenZip(): Promise<Uint8Array<ArrayBuffer>> {
  const lines = [
    `01/01/2024, 09:00 - Ann: ${FILES.good} (file attached)`,
    `01/01/2024, 09:01 - Bob: ${FILES.photo} (file attached)`,
    `01/01/2024, 09:02 - Bob: ${FILES.sticker} (file attached)`,
    "01/01/2024, 09:03 - Ann: Nothing shows for those two",
  ];
  // A JPEG start, then noise: served as image/jpeg, undecodable.
  const damaged = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(64).fill(7)]);
  return exportZip("WhatsApp Chat with Bob.txt", lines, [
    [FILES.good, await landscapePng(160, 100)],
    [FILES.photo, damaged],
    [FILES.sticker, damaged.slice(4)],
  ]);
}

readerTest("browser: pictures that cannot be shown offer their file", async (reader, t) => {
  const id = await importChat(reader, await brokenZip());
  const page = await (await reader.context()).newPage();

  for (const [where, path] of [["conversation", `/c/${id}`], ["gallery", `/c/${id}/media`]]) {
    await t.step(`in the ${where}`, async () => {
      await openHydrated(page, path);
      await page.waitForFunction(() => document.querySelectorAll(".broken-picture").length === 2);
      const cards = await page.$$eval(".broken-picture", (els) =>
        els.map((a) => ({
          href: (a as HTMLAnchorElement).getAttribute("href") ?? "",
          text: a.textContent ?? "",
          nested: a.parentElement?.closest("a") !== null,
        })));
      // The gallery lists the newest first: each damaged file has its card, whatever the order.
      for (const name of [FILES.photo, FILES.sticker]) {
        const card = cards.find((c) => c.href.includes(encodeURIComponent(name)));
        assert.ok(card, `a card for ${name}: ${JSON.stringify(cards)}`);
        assert.match(card.href, /\?download=1$/);
        assert.match(
          card.text,
          /^\S+ (Photo|Image|Sticker) cannot be shown here\. Download the file \(\1 from Bob, /,
        );
        assert.equal(card.nested, false, "no link inside a link");
      }
      // The good photo is still a picture, decoded.
      const good = await page.$eval(
        `img[src*="${FILES.good}"]`,
        (img) => (img as HTMLImageElement).naturalWidth,
      );
      assert.equal(good, 160);
      const res = await page.request.get(cards[0].href);
      assert.match(res.headers()["content-disposition"] ?? "", /^attachment/);
      await screenshot(page, `broken-pictures-${where}`);
    });
  }
});
