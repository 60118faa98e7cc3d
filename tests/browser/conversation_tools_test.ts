/// <reference lib="dom" />
// The conversation's tools (search, jump to a date, view as, time zone) in a long chat: they
// sat above the list, where scrolling up to them loaded older messages and pushed them away
// again (thousands of pixels above the view). Now a Tools menu in the sticky header opens
// them as a panel over the messages, at any scroll position; a phone's top bar and header stay
// small, and the search's button stays beside its field.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  chatZip,
  importChat,
  openHydrated,
  openTools,
  readerTest,
  screenshot,
} from "../helpers/browser.ts";

const PHONE = { width: 375, height: 760 }, DESKTOP = { width: 1280, height: 800 };

/** Whether the element is inside the viewport and a click at its centre would reach it. */
function reachable(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return { ok: false, why: `no ${selector}` };
    const r = el.getBoundingClientRect();
    const inView = r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const ok = inView && hit !== null && el.contains(hit);
    return { ok, why: `${selector} at ${Math.round(r.left)},${Math.round(r.top)} (${ok})` };
  }, selector);
}

readerTest("browser: the tools stay in reach in a long chat", async (reader, t) => {
  const id = await importChat(reader, await chatZip({ days: 20, perDay: 100 }));

  for (const viewport of [PHONE, DESKTOP]) {
    for (const theme of ["light", "dark"] as const) {
      await t.step(`at ${viewport.width} px, ${theme}`, async () => {
        const context = await reader.context({ viewport, colorScheme: theme });
        const page = await context.newPage();
        await openHydrated(page, `/c/${id}`);
        // Up to the top: older messages load (and the top moves away) at least once.
        const first = await page.getAttribute("ol.messages", "data-first-seq");
        await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
        await page.waitForFunction(
          (first) => document.querySelector<HTMLElement>("ol.messages")!.dataset.firstSeq !== first,
          first,
        );
        await page.waitForTimeout(500);
        const menu = await reachable(page, "details.tools-menu > summary");
        assert.ok(menu.ok, `the Tools menu is out of reach: ${menu.why}`);

        await openTools(page);
        for (
          const control of [
            "[data-island=search] input[type=search]",
            "[data-island=search] button[type=submit]",
            "[data-island=jump_to_date] input[name=date]",
            "[data-island=view_as] select",
            "form.reading-zone select",
          ]
        ) {
          const seen = await reachable(page, control);
          assert.ok(seen.ok, `out of reach with the menu open: ${seen.why}`);
        }
        const rows = await page.evaluate(() => {
          const top = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().top;
          const bottom = (sel: string) =>
            document.querySelector(sel)!.getBoundingClientRect().bottom;
          return {
            field: top("[data-island=search] input[type=search]"),
            button: top("[data-island=search] button[type=submit]"),
            topbar: bottom(".topbar") - top(".topbar"),
            header: bottom(".conv-header") - top(".conv-header"),
            sideways: document.documentElement.scrollWidth - innerWidth,
          };
        });
        assert.ok(
          Math.abs(rows.field - rows.button) < 8,
          `the search button wraps under its field: ${rows.field} vs ${rows.button}`,
        );
        assert.ok(rows.sideways <= 0, `the page scrolls sideways by ${rows.sideways} px`);
        // The time zone's choice is read whole (at 375 px it was cut to "This chat's own zone").
        const zone = await page.evaluate(() => {
          const select = document.querySelector<HTMLSelectElement>("form.reading-zone select")!;
          const ctx = document.createElement("canvas").getContext("2d")!;
          ctx.font = getComputedStyle(select).font;
          const text = select.selectedOptions[0].text;
          return { text, need: ctx.measureText(text).width, have: select.clientWidth };
        });
        assert.ok(
          zone.need + 28 <= zone.have, // the select's padding and arrow
          `"${zone.text}" needs ${zone.need} px in a ${zone.have} px select`,
        );
        if (viewport === PHONE) {
          assert.ok(rows.header <= 96, `the phone's sticky header is ${rows.header} px tall`);
        }
        await screenshot(page, `conversation-tools-${viewport.width}-${theme}`);

        // The search works from up here, and Escape closes its list first, then the menu.
        const input = "[data-island=search] input[type=search]";
        await page.fill(input, "message 7 from");
        await page.waitForSelector(`.search-results[data-query="message 7 from"] li[role=option]`);
        await page.press(input, "Escape");
        assert.ok(await page.locator("details.tools-menu[open]").count(), "Escape closed the menu");
        await page.press(input, "Escape");
        assert.equal(await page.locator("details.tools-menu[open]").count(), 0);

        // The top bar at the top of the page: one compact band on a phone (it took ~110 px).
        const topbar = await page.evaluate(() => {
          scrollTo({ top: 0, behavior: "instant" });
          return document.querySelector(".topbar")!.getBoundingClientRect().height;
        });
        if (viewport === PHONE) assert.ok(topbar <= 64, `the phone's top bar is ${topbar} px tall`);
        await context.close();
      });
    }
  }

  await t.step("a jump closes the menu and shows its day", async () => {
    const context = await reader.context({ viewport: PHONE });
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    await openTools(page);
    await page.fill("[data-island=jump_to_date] input[name=date]", "2024-01-03");
    await page.click("[data-island=jump_to_date] button[type=submit]");
    await page.waitForURL(new RegExp(`/c/${id}/m/\\d+$`));
    await page.locator("details.tools-menu > .conv-tools").waitFor({ state: "hidden" });
    const current = await reachable(page, "ol.messages > li.current article");
    assert.ok(current.ok, `the jump's message is covered or away: ${current.why}`);
    await context.close();
    assert.deepEqual(reader.errors, []);
  });
});
