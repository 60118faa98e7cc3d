/// <reference lib="dom" />
// Reading a chat with JavaScript: the islands of the conversation page, on a chat of 361
// messages over 12 days (imported through the API), in one browser.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  CHAT,
  chatZip,
  CONVERSATION_ISLANDS,
  importChat,
  openHydrated,
  openTools,
  readerTest,
  screenshot,
  waitHydrated,
} from "../helpers/browser.ts";

/** The id and viewport top of the first message in view, and the list's first seq. */
function firstInView(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector<HTMLElement>("ol.messages")!;
    const li = [...list.querySelectorAll<HTMLElement>(":scope > li[id^='m']")]
      .find((el) => el.getBoundingClientRect().bottom > 0)!;
    return { id: li.id, top: li.getBoundingClientRect().top, firstSeq: list.dataset.firstSeq! };
  });
}

/** Marks the document, to tell later whether the page was reloaded. */
const mark = (page: Page) =>
  page.evaluate(() => document.body.setAttribute("data-same-document", ""));
const sameDocument = (page: Page) =>
  page.evaluate(() => document.body.hasAttribute("data-same-document"));

/** The authors of the messages on the right and on the left. */
function sides(page: Page) {
  return page.evaluate(() => {
    const who = (li: Element) =>
      li.querySelector(":scope > article > .author, :scope > article > .sr-only")?.textContent
        ?.replace(/( \(you\))?:$/, "");
    const set = (sel: string) => [...new Set([...document.querySelectorAll(sel)].map(who))].sort();
    return { mine: set("ol.messages > li.msg.mine"), theirs: set("ol.messages > li.msg.theirs") };
  });
}

readerTest("browser: reading a conversation", async (reader, t) => {
  const id = await importChat(reader, await chatZip());
  const context = await reader.context({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const list = "ol.messages";

  await t.step("opening a chat shows the newest messages, scrolled to the end", async () => {
    await openHydrated(page, `/c/${id}`);
    const islands = await page.$$eval(
      "[data-island]",
      (els) => els.map((e) => e.getAttribute("data-island")),
    );
    assert.deepEqual(
      islands.sort(),
      [...CONVERSATION_ISLANDS].sort(),
      "the islands the size budget counts",
    );
    assert.equal(await page.getAttribute(list, "data-last-seq"), String(CHAT.total));
    assert.equal(await page.getAttribute(list, "data-first-seq"), String(CHAT.total - 99));
    const last = page.locator(`#m${CHAT.total}`);
    assert.match(await last.textContent() ?? "", /Day 12, message 30 from Bob/);
    assert.ok(await last.isVisible());
    const end = await last.evaluate((
      li,
    ) => [li.getBoundingClientRect().bottom, innerHeight, scrollY]);
    // Scroll positions are whole pixels while heights are not (a line is 21.75 px): the end may
    // sit a fraction of a pixel below the window.
    assert.ok(end[2] > 0 && end[0] < end[1] + 1 && end[0] > end[1] - 120, `not at the end: ${end}`);
    await screenshot(page, "conversation-light");
  });

  await t.step("a link to the end (#end, as links into a chat are) opens there too", async () => {
    await openHydrated(page, `/c/${id}#end`);
    await page.waitForTimeout(300);
    const end = await page.locator(`#m${CHAT.total}`).evaluate((li) => [
      li.getBoundingClientRect().bottom,
      innerHeight,
      scrollY,
    ]);
    assert.ok(end[2] > 0 && end[0] < end[1] + 1 && end[0] > end[1] - 120, `not at the end: ${end}`);
    assert.equal(await page.getAttribute(list, "data-first-seq"), String(CHAT.total - 99));
  });

  await t.step("scrolling up loads older messages without the view jumping", async () => {
    for (let round = 0; round < 2; round++) {
      const before = await page.evaluate(() => {
        scrollTo({ top: 0, behavior: "instant" });
        return null;
      }).then(() => firstInView(page));
      await page.waitForFunction(
        (first) => document.querySelector<HTMLElement>("ol.messages")!.dataset.firstSeq !== first,
        before.firstSeq,
      );
      const top = await page.evaluate(
        (id) => document.getElementById(id)!.getBoundingClientRect().top,
        before.id,
      );
      assert.ok(
        Math.abs(top - before.top) <= 2,
        `#${before.id} moved from ${before.top} to ${top} px while older messages loaded`,
      );
    }
    assert.equal(await page.getAttribute(list, "data-first-seq"), String(CHAT.total - 299));
    // One separator per day, in order, across the loaded pages.
    const days = await page.$$eval(
      `${list} > li.day time`,
      (els) => els.map((e) => e.getAttribute("datetime")),
    );
    assert.deepEqual(days, [...days].sort());
    assert.equal(new Set(days).size, days.length, `duplicate day separators: ${days}`);
    assert.ok(await page.locator(`#m${CHAT.total - 299}`).count());
  });

  await t.step(
    "jump to a date without a reload, then newer messages load at the bottom",
    async () => {
      await mark(page);
      await openTools(page);
      await page.fill("[data-island=jump_to_date] input[name=date]", "2024-01-03");
      await page.click("[data-island=jump_to_date] button[type=submit]");
      await page.waitForURL(new RegExp(`/c/${id}/m/62$`));
      const current = page.locator(`${list} > li.current`);
      assert.equal(await current.getAttribute("id"), "m62");
      assert.match(await current.textContent() ?? "", /Day 3, message 1 from Ann/);
      assert.ok(await current.isVisible());
      assert.ok(await sameDocument(page), "the page was not reloaded");

      const last = Number(await page.getAttribute(list, "data-last-seq"));
      await page.evaluate(() => scrollTo({ top: document.body.scrollHeight, behavior: "instant" }));
      await page.waitForFunction(
        (l) => Number(document.querySelector<HTMLElement>("ol.messages")!.dataset.lastSeq) > l,
        last,
      );
      const days = await page.$$eval(
        `${list} > li.day time`,
        (els) => els.map((e) => e.getAttribute("datetime")),
      );
      assert.equal(new Set(days).size, days.length, `duplicate day separators: ${days}`);
    },
  );

  await t.step("search as you type, then follow a result with the keyboard", async () => {
    await openHydrated(page, `/c/${id}`);
    const input = "[data-island=search] input[type=search]";
    await openTools(page);
    await page.fill(input, "win");
    await page.fill(input, "window");
    const option = await page.waitForSelector(
      `.search-results[data-query="window"] li[role=option]`,
    );
    assert.match(await option.textContent() ?? "", /The view from the window/);
    assert.equal(await page.locator(".search-results li[role=option]").count(), 1);
    await page.screenshot({
      path: "tests/artifacts/screenshots/conversation-search-dropdown.png",
    });
    await page.press(input, "ArrowDown");
    assert.equal(
      await page.getAttribute(input, "aria-activedescendant"),
      await option.getAttribute("id"),
    );
    await page.press(input, "Enter");
    const photo = 1 + (CHAT.days - 1) * CHAT.perDay + 5;
    await page.waitForURL(new RegExp(`/c/${id}/m/${photo}#m${photo}$`));
    await waitHydrated(page);
    assert.equal(await page.getAttribute(`${list} > li.current`, "id"), `m${photo}`);
  });

  await t.step("switching 'view as' flips the sides without a reload, and is kept", async () => {
    await openHydrated(page, `/c/${id}`);
    await mark(page);
    await openTools(page);
    await page.selectOption("[data-island=view_as] select", "Bob");
    await page.waitForFunction(() =>
      document.querySelector("ol.messages")!.getAttribute("data-view-as") === "Bob"
    );
    assert.deepEqual(await sides(page), { mine: ["Bob"], theirs: ["Ann"] });
    assert.ok(await sameDocument(page));
    const you = () => page.locator(".conv-meta .participants").innerText();
    assert.equal(await you(), "Ann, Bob (you)", "the header says who “you” are");
    await page.reload();
    await waitHydrated(page);
    assert.deepEqual(await sides(page), { mine: ["Bob"], theirs: ["Ann"] }, "the server kept it");
    assert.equal(await you(), "Ann, Bob (you)");
    await openTools(page);
    await page.selectOption("[data-island=view_as] select", "Ann");
    await page.waitForFunction(() =>
      document.querySelector("ol.messages")!.getAttribute("data-view-as") === "Ann"
    );
    assert.deepEqual(await sides(page), { mine: ["Ann"], theirs: ["Bob"] });
    assert.equal(await you(), "Ann (you), Bob");
    await page.selectOption("[data-island=view_as] select", "");
    await page.waitForFunction(() =>
      document.querySelector("ol.messages")!.getAttribute("data-view-as") === ""
    );
    assert.equal(await you(), "Ann, Bob", "nobody");
    await page.selectOption("[data-island=view_as] select", "Ann");
    await page.waitForFunction(() =>
      document.querySelector("ol.messages")!.getAttribute("data-view-as") === "Ann"
    );
  });

  await t.step("images open in an accessible lightbox", async () => {
    await openHydrated(page, `/c/${id}`);
    const image = page.locator(`${list} a.media.image`).first();
    await image.scrollIntoViewIfNeeded();
    await image.click();
    const dialog = page.locator("dialog.lightbox");
    await dialog.waitFor({ state: "visible" });
    assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open), true);
    const focusInDialog = () =>
      page.evaluate(() => !!document.activeElement?.closest("dialog.lightbox[open]"));
    assert.ok(await focusInDialog(), "focus moves into the dialog");
    await page.locator("dialog.lightbox img").evaluate((img: HTMLImageElement) =>
      img.complete || new Promise((r) => img.addEventListener("load", r, { once: true }))
    );
    await screenshot(page, "conversation-lightbox");
    for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
      await page.keyboard.press(key);
      assert.ok(await focusInDialog(), `focus stays in the dialog after ${key}`);
    }
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    const back = await page.evaluate(() => document.activeElement?.matches("a.media.image"));
    assert.ok(back, "focus returns to the image that opened it");
  });

  await t.step("dark mode applies at once and is remembered", async () => {
    await openHydrated(page, `/c/${id}`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await mark(page);
    await page.click("[data-island=theme_toggle] button[value=dark]");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    assert.notEqual(await background(), light, "the colours change");
    assert.equal(
      await page.getAttribute("[data-island=theme_toggle] button[value=dark]", "aria-pressed"),
      "true",
    );
    assert.ok(await sameDocument(page));
    const cookie = (await context.cookies()).find((c) => c.name === "theme");
    assert.equal(cookie?.value, "dark");
    await page.reload();
    await waitHydrated(page);
    assert.equal(
      await page.getAttribute("html", "data-theme"),
      "dark",
      "the server renders the cookie",
    );
    await screenshot(page, "conversation-dark");
    await openHydrated(page, "/");
    await screenshot(page, "library-dark");
    await openHydrated(page, "/search?q=window");
    await screenshot(page, "search-dark");
    await page.click("[data-island=theme_toggle] button[value=light]");
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    await screenshot(page, "search-light");
    await openHydrated(page, "/");
    await screenshot(page, "library-light");
  });

  await t.step("mobile width (390 px) screenshots", async () => {
    const phone = await reader!.context({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    for (
      const [path, name] of [[`/c/${id}`, "conversation"], ["/", "library"], [
        "/search?q=window",
        "search",
      ]]
    ) {
      await openHydrated(mobile, path);
      const overflow = await mobile.evaluate(() =>
        document.documentElement.scrollWidth - innerWidth
      );
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow} px at 390 px`);
      await screenshot(mobile, `${name}-mobile`);
    }
  });

  await t.step("no errors in the browser console", () => {
    assert.deepEqual(reader!.errors, []);
  });
});
