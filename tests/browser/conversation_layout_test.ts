/// <reference lib="dom" />
// The conversation page's layout at phone and desktop widths, on a group of 20 (a Hebrew name
// and a phone number among them): the header's links always in view, the Export panel over
// the page, the sticky day label below the header, hidden pager links hidden, names isolated
// from each other's direction; and the library's upload field labelled, a favicon everywhere.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { exportZip } from "../helpers/chat_zip.ts";
import { importChat, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";

const HEBREW = "דני כהן", NUMBER = "+1 555 0100";

/** An Android export: the encryption notice, then `perDay` messages a day, authors in turn. */
function groupZip(names: string[], options: { days: number; perDay: number }) {
  const lines = [
    "01/01/2024, 08:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
  ];
  for (let d = 1; d <= options.days; d++) {
    for (let k = 1; k <= options.perDay; k++) {
      const time = `${String(9 + Math.floor(k / 60)).padStart(2, "0")}:${
        String(k % 60).padStart(2, "0")
      }`;
      lines.push(`0${d}/01/2024, ${time} - ${names[(k + d) % names.length]}: Day ${d}, ${k}`);
    }
  }
  return exportZip("WhatsApp Chat with Friends.txt", lines);
}

const SMALL = { width: 320, height: 640 }, PHONE = { width: 375, height: 760 };
const LAPTOP = { width: 1280, height: 800 }, DESKTOP = { width: 1440, height: 900 };

/** The header's links other than "back", where they are and whether a click would reach them. */
function headerLinks(page: Page) {
  return page.evaluate(() =>
    // The header's own links, not those of its menus' panels (hidden while closed).
    [...document.querySelectorAll<HTMLAnchorElement>(".conv-header a:not(.back)")]
      .filter((a) => !a.closest("details")).map((a) => {
        const r = a.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          text: a.textContent,
          left: Math.round(r.left),
          right: Math.round(r.right),
          reachable: hit !== null && a.contains(hit),
        };
      })
  );
}

/** The x of `text`'s first character and of its last `tail` characters as drawn in `selector`. */
function glyphsAt(page: Page, selector: string, text: string, tail: number) {
  return page.evaluate(([selector, text, tail]) => {
    const walker = document.createTreeWalker(
      document.querySelector(selector)!,
      NodeFilter.SHOW_TEXT,
    );
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(text);
      if (at < 0) continue;
      const x = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect().left;
      };
      return { first: x(at, at + 1), tail: x(at + text.length - tail, at + text.length) };
    }
    throw new Error(`"${text}" is not in ${selector}`);
  }, [selector, text, tail] as const);
}

readerTest("browser: the conversation page's layout", async (reader, t) => {
  const others = Array.from({ length: 18 }, (_, i) => `Participant Number ${i + 1}`);
  const group = await importChat(
    reader,
    await groupZip([HEBREW, NUMBER, ...others], { days: 3, perDay: 40 }),
    "WhatsApp Chat with Friends.zip",
  );
  const pair = await importChat(
    reader,
    await groupZip([HEBREW, NUMBER], { days: 1, perDay: 6 }),
    "WhatsApp Chat with Dani.zip",
  );
  const failed: string[] = [];
  const open = async (viewport: { width: number; height: number }, theme = "light") => {
    const context = await reader.context({ viewport });
    await context.addCookies([{ name: "theme", value: theme, url: reader.url }]);
    const page = await context.newPage();
    page.on(
      "response",
      (res) => res.status() >= 400 && failed.push(`${res.status()} ${res.url()}`),
    );
    // The helper lets failed loads pass (reader.errors); a missing favicon is one of them.
    page.on(
      "console",
      (msg) => msg.type() === "error" && failed.push(`${msg.text()} ${msg.location().url}`),
    );
    return page;
  };

  await t.step("the header's links are in view and reachable at every width", async () => {
    for (const viewport of [SMALL, PHONE, LAPTOP, DESKTOP]) {
      const page = await open(viewport);
      await openHydrated(page, `/c/${group}`);
      const links = await headerLinks(page);
      assert.deepEqual(
        links.map((l) => l.text),
        ["Insights", "Media", "Import report", "Settings"],
      );
      for (const link of links) {
        const at = `${link.text} at ${viewport.width} px (x = ${link.left}–${link.right})`;
        assert.ok(link.left >= 0 && link.right <= viewport.width, `${at}: off-screen`);
        assert.ok(link.reachable, `${at}: hidden or covered`);
      }
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(sideways <= 0, `the page scrolls sideways by ${sideways} px at ${viewport.width}`);
      await page.context().close();
    }
  });

  await t.step("Export opens a panel over the page; the header keeps its size", async () => {
    const looks = [
      { viewport: SMALL, theme: "light" },
      { viewport: PHONE, theme: "light" },
      { viewport: PHONE, theme: "dark" },
      { viewport: DESKTOP, theme: "light" },
      { viewport: DESKTOP, theme: "dark" },
    ];
    for (const { viewport, theme } of looks) {
      const page = await open(viewport, theme);
      await openHydrated(page, `/c/${group}`);
      const box = () =>
        page.evaluate(() => {
          const rect = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
          return { header: rect(".conv-header").height, title: rect(".conv-header h1").width };
        });
      const closed = await box();
      await screenshot(page, `conversation-group-${viewport.width}-${theme}`);
      await page.click(".export-menu > summary");
      const panel = page.locator(".export-menu > form");
      assert.ok(await panel.isVisible());
      assert.deepEqual(await box(), closed, "opening Export reflows the header");
      const p = (await panel.boundingBox())!;
      assert.ok(
        p.x >= 0 && p.x + p.width <= viewport.width && p.y + p.height <= viewport.height,
        `the panel leaves the viewport at ${viewport.width} px: ${JSON.stringify(p)}`,
      );
      const onTop = await page.evaluate(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !!hit?.closest(".export-menu");
      }, [p.x + p.width / 2, p.y + p.height - 4]);
      assert.ok(onTop, "the panel is drawn over the messages");
      await screenshot(page, `conversation-export-${viewport.width}-${theme}`);
      await page.context().close();
    }
  });

  await t.step("Escape or a click outside closes the Export menu", async () => {
    const page = await open(PHONE);
    await openHydrated(page, `/c/${group}`);
    const panel = page.locator(".export-menu > form");
    await page.click(".export-menu > summary");
    await page.selectOption(".export-menu select[name=format]", "csv");
    assert.ok(await panel.isVisible(), "a click inside leaves it open");
    await page.keyboard.press("Escape");
    assert.equal(await panel.isVisible(), false, "Escape closes it");
    assert.equal(
      await page.evaluate(() => document.activeElement?.matches(".export-menu > summary")),
      true,
      "focus goes back to the menu's button",
    );
    await page.click(".export-menu > summary");
    assert.ok(await panel.isVisible());
    await page.mouse.click(10, PHONE.height - 10);
    assert.equal(await panel.isVisible(), false, "a click outside closes it");
    await page.context().close();
  });

  await t.step("the sticky day label stays below the header", async () => {
    for (const viewport of [SMALL, PHONE, DESKTOP]) {
      const page = await open(viewport);
      await openHydrated(page, `/c/${group}`);
      await page.evaluate(() => scrollBy({ top: -300, behavior: "instant" }));
      const seen = await page.evaluate(() => {
        const header = document.querySelector(".conv-header")!.getBoundingClientRect().bottom;
        const days = [...document.querySelectorAll("ol.messages > li.day")]
          .map((li) => li.getBoundingClientRect())
          .filter((r) => r.top < innerHeight);
        return { header, tops: days.map((r) => r.top) };
      });
      assert.ok(seen.tops.length > 0, "no day label in view");
      for (const top of seen.tops) {
        assert.ok(
          top >= seen.header,
          `a day label at ${top} px is under the header (bottom ${seen.header}) at ${viewport.width}`,
        );
      }
      assert.ok(
        seen.tops.some((top) => top - seen.header < 12),
        `no day label sticks just below the header: ${seen.tops} vs ${seen.header}`,
      );
      await page.context().close();
    }
  });

  await t.step("a shared page's day labels are never under its header", async () => {
    const res = await reader.t.app.request(`/api/conversations/${group}/shares`, {
      method: "POST",
      headers: { authorization: `Bearer ${reader.token}`, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1, redacted: true }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const { url } = await res.json();
    for (const viewport of [SMALL, PHONE, DESKTOP]) {
      const page = await open(viewport);
      await page.goto(new URL(new URL(url).pathname, reader.url).href);
      await page.evaluate(() => scrollTo({ top: 900, behavior: "instant" }));
      const seen = await page.evaluate(() => {
        const header = document.querySelector(".conv-header")!.getBoundingClientRect();
        const days = [...document.querySelectorAll("ol.messages > li.day")]
          .map((li) => li.getBoundingClientRect())
          .filter((r) => r.bottom > 0 && r.top < innerHeight);
        return { header: { top: header.top, bottom: header.bottom }, tops: days.map((r) => r.top) };
      });
      assert.ok(seen.tops.length > 0, `no day label in view at ${viewport.width}`);
      for (const top of seen.tops) {
        assert.ok(
          top >= seen.header.bottom || seen.header.bottom <= 0,
          `a day label at ${top} px is under the header (${seen.header.top}–${seen.header.bottom})`,
        );
      }
      await screenshot(page, `share-${viewport.width}`);
      await page.context().close();
    }
  });

  await t.step("pager links hidden by the island are not shown", async () => {
    const page = await open(DESKTOP);
    await openHydrated(page, `/c/${group}`);
    const newer = page.locator("a.pager[rel=next]");
    assert.equal(await newer.getAttribute("hidden"), "", "the newest page has no newer messages");
    assert.equal(await newer.isVisible(), false, "'Newer messages' shows on the newest page");
    await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
    await page.waitForFunction(() =>
      document.querySelector<HTMLElement>("ol.messages")!.dataset.firstSeq === "1"
    );
    const older = page.locator("a.pager[rel=prev]");
    await older.waitFor({ state: "hidden" });
    assert.equal(await older.getAttribute("hidden"), "");
    await page.context().close();
  });

  await t.step("names keep their own direction next to each other", async () => {
    const page = await open(PHONE);
    await openHydrated(page, `/c/${pair}`);
    // "+1 555 0100, דני כהן" must not be drawn "0100 555 1+ ,דני כהן".
    const header = await glyphsAt(page, ".conv-header", NUMBER, 4);
    assert.ok(header.first < header.tail, `the header draws ${NUMBER} reversed`);
    assert.equal(
      await page.getAttribute(`select[name=participant] option[value="${NUMBER}"]`, "dir"),
      "auto",
    );
    const authors = "ol.messages > li.msg > article > :is(.author, .sr-only)";
    assert.ok(await page.locator(authors).count() > 0);
    const isolated = await page.$$eval(
      authors,
      (els) => els.every((el) => getComputedStyle(el).unicodeBidi === "isolate"),
    );
    assert.ok(isolated, "message authors are isolated from the text around them");
    await openHydrated(page, "/");
    const card = await glyphsAt(page, ".conv-card .participants", NUMBER, 4);
    assert.ok(card.first < card.tail, `the library card draws ${NUMBER} reversed`);
    await page.context().close();
  });

  await t.step("the library's file field has an accessible name", async () => {
    const page = await open(PHONE);
    await openHydrated(page, "/");
    const field = page.getByLabel("Exported chat (.zip or .txt)");
    assert.equal(await field.count(), 1, "no label names the file field");
    assert.equal(await field.getAttribute("name"), "file");
    await page.context().close();
  });

  await t.step("pages link a favicon; no request failed, no console error", async () => {
    const page = await open(DESKTOP);
    await openHydrated(page, `/c/${pair}`);
    const icon = await page.evaluate(() =>
      document.querySelector("link[rel=icon]")?.getAttribute("href")
    );
    await page.context().close();
    assert.deepEqual(failed, [], "failed requests (a missing favicon?)");
    assert.deepEqual(reader.errors, []);
    assert.equal(icon, "/static/favicon.svg");
  });
});
