/// <reference lib="dom" />
// Years back and home again: back and forward through a jump's address show that address's
// messages.
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
