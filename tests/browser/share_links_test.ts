/// <reference lib="dom" />
// A share link just made from a chat's Settings page: the page opens on it (its field has the
// focus, with or without JavaScript), and with JavaScript a Copy button copies it and says so.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  chatZip,
  importChat,
  openHydrated,
  readerTest,
  screenshot,
  waitHydrated,
} from "../helpers/browser.ts";

/** Submits the Settings page's share form; returns the new share's id. */
async function createShare(page: Page): Promise<string> {
  const before = new Set(await page.$$eval("ul.shares > li", (lis) => lis.map((li) => li.id)));
  await page.click("form.share-create button[type=submit]");
  await page.waitForURL(/\?created=/);
  const ids = await page.$$eval("ul.shares > li", (lis) => lis.map((li) => li.id));
  const made = ids.filter((id) => !before.has(id));
  assert.equal(made.length, 1, `one new link: ${ids}`);
  return made[0].replace(/^share-/, "");
}

/** Waits (up to 3 s) for the focus to be on `id` (autofocus runs after the load event). */
async function focusLandsOn(page: Page, id: string): Promise<void> {
  const deadline = Date.now() + 3000;
  let focused = "";
  while (Date.now() < deadline) {
    focused = await page.evaluate(() => document.activeElement?.id ?? "");
    if (focused === id) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.fail(`the focus is on "${focused}", not on the new link's field #${id}`);
}

readerTest("browser: a new share link has the focus and a Copy button", async (reader, t) => {
  const id = await importChat(reader, await chatZip({ days: 1, perDay: 5 }));

  await t.step("with JavaScript: focused, and Copy copies it and says so", async () => {
    const context = await reader.context({
      viewport: { width: 1280, height: 500 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}/privacy`);
    await createShare(page); // the new one is listed first, this one under it
    await waitHydrated(page);
    const share = await createShare(page);
    await waitHydrated(page);
    await focusLandsOn(page, `share-${share}-url`);
    const field = page.locator(`#share-${share}-url`);
    const box = (await field.boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 500, `the field is out of view: ${box.y}`);
    const copy = page.locator(`#share-${share} button[data-copy]`);
    assert.ok(await copy.isVisible(), "Copy is shown when JavaScript runs");
    await copy.click();
    const status = page.locator(`#share-${share}-url-status`);
    await page.waitForFunction(
      (el) => el?.textContent === "Copied",
      await status.elementHandle(),
    );
    assert.equal(await status.getAttribute("role"), "status");
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      await field.inputValue(),
    );
    await screenshot(page, "share-link-copied");
    await context.close();
  });

  await t.step("without JavaScript: focused, no Copy button, the field to select", async () => {
    const context = await reader.context({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 600 },
    });
    const page = await context.newPage();
    await page.goto(`/c/${id}/privacy`);
    const share = await createShare(page);
    await focusLandsOn(page, `share-${share}-url`);
    const box = (await page.locator(`#share-${share}-url`).boundingBox())!;
    assert.ok(box.y >= 0 && box.y + box.height <= 600, `the field is out of view: ${box.y}`);
    assert.equal(await page.locator(`#share-${share} button[data-copy]`).isVisible(), false);
    await screenshot(page, "share-link-created-no-javascript");
    await context.close();
  });
  assert.deepEqual(reader.errors, []);
});
