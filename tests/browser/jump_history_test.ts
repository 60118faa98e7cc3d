/// <reference lib="dom" />
// Years back and home again: after a jump to a date, "Jump to the newest" stays in reach, and
// back and forward through the jump's address show that address's messages.
import assert from "node:assert/strict";
import { chatZip, importChat, openHydrated, openTools, readerTest } from "../helpers/browser.ts";

readerTest(
  "browser: a jump to a date, the way back to the newest, back and forward",
  async (reader, t) => {
    const id = await importChat(reader, await chatZip());
    const page = await (await reader.context({ viewport: { width: 375, height: 700 } })).newPage();
    const jump = async () => {
      await openTools(page);
      await page.fill("[data-island=jump_to_date] input[name=date]", "2024-01-03");
      await page.click("[data-island=jump_to_date] button[type=submit]");
      await page.waitForURL(new RegExp(`/c/${id}/m/62$`));
    };
    const current = () => page.getAttribute("ol.messages > li.current", "id");

    await t.step("'Jump to the newest' is in view after a jump from the newest page", async () => {
      await openHydrated(page, `/c/${id}`);
      await jump();
      const newest = page.locator("a.pager.newest");
      assert.ok(await newest.isVisible(), "a link back to the newest");
      const box = (await newest.boundingBox())!;
      assert.ok(box.y + box.height <= 700, `in the viewport, not below the list (y ${box.y})`);
      await newest.click();
      await page.waitForURL(new RegExp(`/c/${id}#end$`));
      await page.waitForSelector("html[data-hydrated]", { state: "attached" });
      assert.equal(await page.getAttribute("ol.messages", "data-last-seq"), "361");
      assert.ok(await page.locator("#m361").isVisible(), "at the newest message");
      assert.ok(!(await newest.isVisible()), "no link to where the reader is");
    });

    await t.step("back, then forward to the jump's address shows its message", async () => {
      await openHydrated(page, `/c/${id}`);
      await jump();
      await page.goBack();
      await page.waitForURL(new RegExp(`/c/${id}$`));
      await page.waitForSelector("html[data-hydrated]", { state: "attached" });
      assert.equal(await page.getAttribute("ol.messages", "data-last-seq"), "361");
      await page.goForward();
      await page.waitForURL(new RegExp(`/c/${id}/m/62$`));
      await page.waitForSelector("ol.messages > li.current");
      assert.equal(await current(), "m62", "the list of the address in the bar");
    });
  },
);
