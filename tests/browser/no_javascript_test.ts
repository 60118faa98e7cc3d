/// <reference lib="dom" />
// Without JavaScript every island's fallback still does the job: the pager links page, the
// date form jumps, the search page searches, the view-as and theme forms post, the library lists
// the imports not done with their status in words and a failed one's Delete form.
import assert from "node:assert/strict";
import { CHAT, chatZip, importChat, readerTest, screenshot } from "../helpers/browser.ts";
import { holdImport } from "../helpers/held_import.ts";

readerTest("browser: the reader without JavaScript", async (reader, t) => {
  const id = await importChat(reader, await chatZip());
  const context = await reader.context({ javaScriptEnabled: false });
  const page = await context.newPage();
  const list = "ol.messages";

  await t.step("pagination links", async () => {
    await page.goto(`/c/${id}`);
    assert.equal(await page.getAttribute("html", "data-hydrated"), null, "no script ran");
    assert.equal(await page.getAttribute(list, "data-first-seq"), String(CHAT.total - 99));
    await screenshot(page, "conversation-no-javascript");
    await page.click("a.pager[rel=prev]");
    await page.waitForURL(new RegExp(`/c/${id}\\?before=${CHAT.total - 99}$`));
    assert.equal(await page.getAttribute(list, "data-first-seq"), String(CHAT.total - 199));
    await page.click("a.pager[rel=next]");
    await page.waitForURL(new RegExp(`/c/${id}\\?after=${CHAT.total - 100}$`));
    assert.equal(await page.getAttribute(list, "data-first-seq"), String(CHAT.total - 99));
  });

  await t.step("a chat opens at its newest message", async () => {
    // The links into a chat (here the import's page, which forwards to it) end in #end.
    const imports = await reader.t.db.sql`select id from imports`;
    await page.goto(`/imports/${imports[0].id}`);
    await page.waitForURL(new RegExp(`/c/${id}#end$`));
    const end = await page.evaluate((seq) => {
      const r = document.getElementById(`m${seq}`)!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: innerHeight, scrollY };
    }, CHAT.total);
    assert.ok(
      end.scrollY > 0 && end.top >= 0 && end.bottom <= end.height + 1,
      `the newest message is not in view: ${JSON.stringify(end)}`,
    );
    await screenshot(page, "conversation-no-javascript-end");
  });

  await t.step("the date form", async () => {
    await page.goto(`/c/${id}`);
    await page.click("details.tools-menu > summary");
    await page.fill("form.jump input[name=date]", "2024-01-05");
    await page.click("form.jump button[type=submit]");
    const seq = 1 + 4 * CHAT.perDay + 1;
    await page.waitForURL(new RegExp(`/c/${id}/m/${seq}\\?day=2024-01-05#m${seq}$`));
    assert.match(
      await page.textContent(`${list} > li.current`) ?? "",
      /Day 5, message 1 from Ann/,
    );
  });

  await t.step("the search page", async () => {
    await page.goto("/search");
    await page.fill("main form[role=search] input[name=q]", "window");
    await page.click("main form[role=search] button[type=submit]");
    await page.waitForURL(/\/search\?q=window/);
    await screenshot(page, "search-no-javascript");
    await page.click("main ol.results a");
    await page.waitForURL(new RegExp(`/c/${id}/m/\\d+#m\\d+$`));
    assert.match(
      await page.textContent(`${list} > li.current`) ?? "",
      /The view from the window/,
    );
  });

  await t.step("the view-as and theme forms", async () => {
    await page.goto(`/c/${id}`);
    await page.click("details.tools-menu > summary");
    await page.selectOption("form.view-as select", "Bob");
    await page.click("form.view-as button[type=submit]");
    await page.waitForURL(new RegExp(`/c/${id}#end$`));
    const bob = await page.$$eval(
      `${list} > li.msg.mine .sr-only`,
      (els) => [...new Set(els.map((e) => e.textContent))],
    );
    assert.deepEqual(bob, ["Bob (you):"]);
    await page.click("form.theme-toggle button[value=dark]");
    await page.waitForURL(new RegExp(`/c/${id}(#end)?$`));
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  });

  await t.step("the library's imports, and a failed one's Delete form", async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    await holdImport(reader, encode("01/02/2024, 10:00 - Ann: hi\n"), "Chat with Ann.txt");
    const broken = await holdImport(reader, encode("shopping list\n"), "notes.txt");
    await broken.release();
    assert.equal(await broken.ended(), "failed");
    await page.goto("/");
    assert.equal(await page.getAttribute("html", "data-hydrated"), null, "no script ran");
    const line = (filename: string) => page.locator("ul.imports > li", { hasText: filename });
    assert.equal(
      await line("Chat with Ann.txt").textContent(),
      "Chat with Ann.txt — Waiting for a worker…",
    );
    assert.match(
      await line("notes.txt").textContent() ?? "",
      /^notes\.txt — Import failed: .+ Delete$/,
    );
    await screenshot(page, "library-imports-no-javascript");
    await line("notes.txt").locator("form.delete-import button").click();
    await line("notes.txt").waitFor({ state: "detached" });
    assert.equal(new URL(page.url()).pathname, "/");
    assert.equal(await line("Chat with Ann.txt").count(), 1, "the running one stays");
  });
});
