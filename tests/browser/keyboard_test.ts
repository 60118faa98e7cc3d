/// <reference lib="dom" />
// The conversation by keyboard alone and as a screen reader hears it: Tab reaches the skip
// links, the Tools menu and its controls; Escape closes the menu and the lightbox with focus
// back on what opened them; the lightbox keeps Tab inside; a message reads author, text, time
// ("you" on one's own); pictures say who sent them and when; loading older messages does not
// pour them into a live region; the search says how many results it found.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  CHAT,
  chatZip,
  importChat,
  openHydrated,
  readerTest,
  screenshot,
} from "../helpers/browser.ts";

/** A short description of the focused element (tag, class, name), for messages. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const name = el.getAttribute("aria-label") ?? el.getAttribute("name") ??
      el.textContent?.trim().slice(0, 30);
    return `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} "${name}"`;
  });
}

/** Presses Tab until `selector` has the focus; returns the number of presses, or fails. */
async function tabTo(page: Page, selector: string, max = 40): Promise<number> {
  const seen: string[] = [];
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return n;
    seen.push(await focused(page));
  }
  throw new Error(`${max} Tabs did not reach ${selector}; focus went: ${seen.join(" → ")}`);
}

readerTest("browser: the conversation by keyboard and screen reader", async (reader, t) => {
  const id = await importChat(reader, await chatZip());
  const context = await reader.context({ viewport: { width: 1280, height: 800 } });
  // A page of its own for each step: one step's failure does not leave the next one elsewhere.
  let page = await context.newPage();
  const fresh = async () => {
    await page.close();
    page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
  };

  await t.step("Tab reaches the skip links, then the Tools menu and its controls", async () => {
    await openHydrated(page, `/c/${id}`);
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), 'a.skip "Skip to content"');
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), 'a.skip "Skip to messages"');
    await tabTo(page, "details.tools-menu > summary");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator("details.tools-menu[open]").count(), 1);
    await tabTo(page, "[data-island=search] input[type=search]", 3);
    await tabTo(page, "[data-island=jump_to_date] input[name=date]", 5);
    await tabTo(page, "[data-island=view_as] select", 5);
    await tabTo(page, "form.reading-zone select", 5);
  });

  await t.step("Escape closes the Tools menu; focus goes back to its summary", async () => {
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("details.tools-menu[open]").count(), 0);
    assert.equal(await focused(page), 'summary "Tools"');
  });

  await t.step("the skip link leads into the messages", async () => {
    await fresh();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    const inList = await page.evaluate(() =>
      document.activeElement?.closest("ol#messages.messages") !== null
    );
    assert.ok(inList, `after "Skip to messages", Tab went to ${await focused(page)}`);
  });

  await t.step("the lightbox opens by keyboard, keeps Tab inside, Escape returns", async () => {
    await fresh();
    const photo = page.locator(".media.image").first();
    await photo.focus();
    await page.keyboard.press("Enter");
    await page.locator("dialog.lightbox[open] img").waitFor();
    assert.equal(await focused(page), 'button.lightbox-close "Close"');
    for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      const inside = await page.evaluate(() =>
        document.querySelector("dialog.lightbox")!.contains(document.activeElement)
      );
      assert.ok(inside, `${key} left the lightbox for ${await focused(page)}`);
    }
    await screenshot(page, "keyboard-lightbox");
    await page.keyboard.press("Escape");
    assert.equal(await page.locator("dialog.lightbox[open]").count(), 0);
    assert.ok(
      await photo.evaluate((a) => a === document.activeElement),
      `focus went to ${await focused(page)}, not the photo`,
    );
  });

  await t.step("a message reads author, text, time; one's own says 'you'", async () => {
    await fresh();
    const read = (selector: string) =>
      page.$eval(selector, (li) => li.querySelector("article")!.textContent!.trim());
    const viewAs = await page.$eval(
      "[data-island=view_as] select",
      (s: HTMLSelectElement) => s.value,
    );
    assert.equal(viewAs, "Ann");
    const last = 1 + CHAT.days * CHAT.perDay;
    const mine = await read(`ol.messages > li.msg.mine:not(:has(.media))[id="m${last - 1}"]`);
    assert.match(mine, /^Ann \(you\):\s*Day 12, message 29 from Ann\s*09:58$/);
    const theirs = await read(`ol.messages > li.msg.theirs[id="m${last - 3}"]`);
    assert.match(theirs, /^Bob:\s*Day 12, message 27 from Bob\s*09:54$/);
    // Viewed as Bob (the island flips the sides in place), the labels follow.
    await page.click("details.tools-menu > summary");
    await page.selectOption("[data-island=view_as] select", "Bob");
    await page.waitForFunction(() =>
      document.querySelector("ol.messages")!.getAttribute("data-view-as") === "Bob"
    );
    assert.match(await read(`ol.messages > li[id="m${last - 1}"]`), /^Ann:\s*Day 12/);
    assert.match(await read(`ol.messages > li[id="m${last - 3}"]`), /^Bob \(you\):\s*Day 12/);
    const alt = await page.getAttribute(".media.image img", "alt");
    assert.equal(alt, "Photo from Ann, Jan 12, 2024, 09:10");
  });

  await t.step("older messages load without being read out", async () => {
    await fresh();
    assert.equal(
      await page.locator("ol.messages[aria-live], [aria-live] ol.messages, [role=log]").count(),
      0,
    );
    await page.evaluate(() => {
      const said: string[] = [];
      // deno-lint-ignore no-explicit-any
      (globalThis as any).__said = said;
      const regions = "[aria-live], [role=status], [role=alert], [role=log]";
      new MutationObserver((records) => {
        for (const r of records) {
          const region = (r.target instanceof Element ? r.target : r.target.parentElement)
            ?.closest(regions);
          if (region) said.push(region.textContent ?? "");
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const first = await page.getAttribute("ol.messages", "data-first-seq");
    await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
    await page.waitForFunction(
      (first) => document.querySelector<HTMLElement>("ol.messages")!.dataset.firstSeq !== first,
      first,
    );
    // deno-lint-ignore no-explicit-any
    const said: string[] = await page.evaluate(() => (globalThis as any).__said);
    const spoken = said.filter((s) => s.trim() !== "");
    assert.ok(spoken.length >= 1, "the loading was not announced at all");
    assert.ok(spoken.length <= 2, `live regions changed ${spoken.length} times: ${spoken}`);
    for (const s of spoken) assert.match(s, /^Loading older messages…$/);
  });

  await t.step("the search says how many results it found", async () => {
    await fresh();
    await page.click("details.tools-menu > summary");
    await page.fill("[data-island=search] input[type=search]", "window");
    await page.waitForSelector(`.search-results[data-query="window"] li[role=option]`);
    assert.equal(
      await page.textContent("[data-island=search] [role=status]"),
      "1 result: arrow keys to choose.",
    );
  });

  await context.close();
  assert.deepEqual(reader.errors, []);
});
