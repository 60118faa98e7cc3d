/// <reference lib="dom" />
// The sticky day labels: every label sticks at the same place below the header, so an earlier,
// wider one ("Wednesday, January 10, 2024") showed at the edges of the current one ("Thursday,
// January 11, 2024"). Only the current day's label may be seen there, with JavaScript (after
// older pages were inserted above) and without.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { chatZip, importChat, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";

const PHONE = { width: 375, height: 760 }, DESKTOP = { width: 1280, height: 800 };
/** "Day 11, message 5": day 11's label is stuck, day 10's (wider) under it. */
const SEQ = 1 + 10 * 30 + 5;

/** The labels drawn along the stuck label's row, sampled every 3 px across the window. */
function labelsSeen(page: Page) {
  return page.evaluate((seq) => {
    document.getElementById(`m${seq}`)!.scrollIntoView({ block: "start", behavior: "instant" });
    const header = document.querySelector(".conv-header")!.getBoundingClientRect().bottom;
    const stuck = [...document.querySelectorAll<HTMLElement>("ol.messages > li.day")]
      .filter((li) => Math.abs(li.getBoundingClientRect().top - header) < 8);
    const time = stuck.at(-1)!.querySelector("time")!.getBoundingClientRect();
    const seen = new Set<string>();
    for (const y of [time.top + 2, time.top + time.height / 2, time.bottom - 2]) {
      for (let x = 1; x < innerWidth; x += 3) {
        const day = document.elementFromPoint(x, y)?.closest("li.day");
        if (day) seen.add(day.querySelector("time")!.getAttribute("datetime")!);
      }
    }
    return { stuck: stuck.length, seen: [...seen] };
  }, SEQ);
}

readerTest("browser: only the current day's label shows", async (reader, t) => {
  const id = await importChat(reader, await chatZip());

  for (const viewport of [PHONE, DESKTOP]) {
    for (const theme of ["light", "dark"] as const) {
      await t.step(`with JavaScript at ${viewport.width} px, ${theme}`, async () => {
        const context = await reader.context({ viewport, colorScheme: theme });
        const page = await context.newPage();
        await openHydrated(page, `/c/${id}`);
        // Older pages inserted above, days and all.
        await page.waitForFunction(() => {
          scrollTo({ top: 0, behavior: "instant" });
          return document.querySelector<HTMLElement>("ol.messages")!.dataset.firstSeq === "1";
        });
        const { stuck, seen } = await labelsSeen(page);
        assert.ok(stuck >= 2, `expected earlier labels stuck under the current one: ${stuck}`);
        assert.deepEqual(seen, ["2024-01-11"], "labels seen along the stuck label's row");
        await screenshot(page, `day-labels-${viewport.width}-${theme}`);
        await context.close();
      });
    }
  }

  await t.step("without JavaScript", async () => {
    const context = await reader.context({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/c/${id}`);
    const { seen } = await labelsSeen(page);
    assert.deepEqual(seen, ["2024-01-11"], "labels seen along the stuck label's row");
    await context.close();
  });
});
