/// <reference lib="dom" />
// The lightbox goes through the chat's pictures as a phone's viewer does: Previous and Next
// (buttons and the arrow keys, off at either end), who sent the picture and when under it,
// and on closing the focus goes to the picture last shown (a photo opened large was a dead
// end: close, find the next photo, open it again).
import assert from "node:assert/strict";
import { exportZip } from "../helpers/chat_zip.ts";
import { importChat, landscapePng, openHydrated, readerTest } from "../helpers/browser.ts";

const PHOTOS = ["IMG-20240101-WA0001.jpg", "IMG-20240101-WA0002.jpg", "IMG-20240101-WA0003.jpg"];

async function photosZip() {
  const png = await landscapePng(160, 100);
  return exportZip(
    "WhatsApp Chat with Bob.txt",
    [
      "01/01/2024, 09:00 - Ann: Photos from the trip",
      ...PHOTOS.map((name, i) =>
        `01/01/2024, 09:0${i + 1} - ${i % 2 ? "Bob" : "Ann"}: ${name} (file attached)`
      ),
      "01/01/2024, 09:09 - Bob: Lovely",
    ],
    PHOTOS.map((name) => [name, png]),
  );
}

readerTest("browser: the lightbox steps through the chat's pictures", async (reader) => {
  const id = await importChat(reader, await photosZip());
  const context = await reader.context({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await openHydrated(page, `/c/${id}`);
  const about = () => page.textContent("dialog.lightbox .lightbox-about");
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return el.closest("dialog") ? el.textContent?.trim() : el.querySelector("img")?.alt;
    });
  const shows = () => page.getAttribute("dialog.lightbox[open] img", "src");
  const srcOf = (n: number) =>
    page.$$eval(".media.image", (links, n) => (links[n] as HTMLAnchorElement).href, n);

  await page.click(".media.image >> nth=1");
  await page.locator("dialog.lightbox[open] img").waitFor();
  assert.equal(await about(), "Photo from Bob, Jan 1, 2024, 09:02 · 2 of 3");
  assert.equal(await focused(), "Close");

  await page.keyboard.press("ArrowRight");
  assert.equal(await shows(), await srcOf(2));
  assert.equal(await about(), "Photo from Ann, Jan 1, 2024, 09:03 · 3 of 3");
  assert.ok(await page.isDisabled("dialog.lightbox button:has-text('Next')"));
  await page.keyboard.press("ArrowRight");
  assert.equal(await about(), "Photo from Ann, Jan 1, 2024, 09:03 · 3 of 3");

  await page.click("dialog.lightbox button:has-text('Previous')");
  await page.click("dialog.lightbox button:has-text('Previous')");
  assert.equal(await shows(), await srcOf(0));
  assert.equal(await about(), "Photo from Ann, Jan 1, 2024, 09:01 · 1 of 3");
  // Previous is off at the first picture; the focus it had went to Close, still in the dialog.
  assert.ok(await page.isDisabled("dialog.lightbox button:has-text('Previous')"));
  assert.equal(await focused(), "Close");
  for (let n = 0; n < 4; n++) {
    await page.keyboard.press("Tab");
    assert.ok(
      await page.evaluate(() => document.querySelector("dialog")!.contains(document.activeElement)),
      "Tab left the lightbox",
    );
  }

  await page.keyboard.press("Escape");
  await page.locator("dialog.lightbox[open]").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.matches(".media.image"));
  assert.equal(await focused(), "Photo from Ann, Jan 1, 2024, 09:01");
  assert.deepEqual(reader.errors, []);
  await context.close();
});
