/// <reference lib="dom" />
// The reading place survives a reload and Back: after scrolling pages back through a long chat
// (infinite scroll), a reload or a visit to Insights and Back reopened at the newest messages.
// The first message in view is now kept in the history entry and brought back.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { chatZip, importChat, openHydrated, readerTest, waitHydrated } from "../helpers/browser.ts";

/** The id of the first message below the header and day label (where a scrolled-to one sits). */
function topMessage(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const items = document.querySelectorAll<HTMLElement>("ol.messages > li[id^='m']");
    const top = parseFloat(getComputedStyle(items[0]).scrollMarginTop);
    for (const li of items) if (li.getBoundingClientRect().bottom > top) return li.id;
    return null;
  });
}

/** Waits until `id` is where a scrolled-to message sits (the restore may fetch its page first). */
async function backAt(page: Page, id: string, how: string) {
  await page.waitForFunction(
    (id) => {
      const li = document.getElementById(id);
      if (!li) return false;
      const top = parseFloat(getComputedStyle(li).scrollMarginTop);
      return Math.abs(li.getBoundingClientRect().top - top) < 4;
    },
    id,
    { timeout: 10_000 },
  ).catch(async () => {
    assert.fail(`after ${how}: ${await topMessage(page)} at the top, not ${id}`);
  });
}

readerTest(
  "browser: a reload and Back keep the reading place, pages of scrolling away",
  async (reader) => {
    const id = await importChat(reader, await chatZip({ days: 20, perDay: 100 }));
    const context = await reader.context({ viewport: { width: 375, height: 760 } });
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    const total = Number(await page.getAttribute("ol.messages", "data-total"));
    // Scroll up until three more pages came in (the server rendered the last 100).
    while (Number(await page.getAttribute("ol.messages", "data-first-seq")) > total - 400) {
      await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
      await page.waitForTimeout(200);
    }
    // A message far from anything the address renders.
    const place = await page.evaluate(() => {
      const li = document.querySelectorAll<HTMLElement>("ol.messages > li[id^='m']")[20];
      li.scrollIntoView({ block: "start", behavior: "instant" });
      return li.id;
    });
    await page.waitForTimeout(600); // the place is kept once scrolling stops
    assert.equal(await topMessage(page), place);

    await page.reload();
    await waitHydrated(page);
    await backAt(page, place, "a reload");

    await page.click(`a[href="/c/${id}/insights"]`);
    await page.waitForURL(new RegExp(`/c/${id}/insights$`));
    await page.goBack();
    await waitHydrated(page);
    await backAt(page, place, "Back from Insights");

    // A new visit (from the library: a new history entry) opens as the address says: the newest.
    await page.goto("/");
    await openHydrated(page, `/c/${id}#end`);
    const last = await page.evaluate(() =>
      document.querySelector("ol.messages")!.lastElementChild!.getBoundingClientRect().bottom <=
        innerHeight + 2
    );
    assert.ok(last, "a fresh visit opens at the end");
    assert.deepEqual(reader.errors, []);
    await context.close();
  },
);
