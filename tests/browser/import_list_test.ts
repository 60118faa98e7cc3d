/// <reference lib="dom" />
// The library's list of imports not done yet follows them while the page is open: a running
// import's line says how far it is, a finished one becomes a link to its chat and a failed one
// shows why with its Delete form, all without reloading the page, and screen readers hear the
// ends. An upload made on the page is the upload form's to follow: it is not listed.
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Page } from "playwright-core";
import { chatZip, openHydrated, readerTest, screenshot } from "../helpers/browser.ts";
import { holdImport } from "../helpers/held_import.ts";

const NOT_A_CHAT = new TextEncoder().encode("shopping list\nmilk\neggs\n");

/** The list's line of an import, found by its file name. */
const line = (page: Page, filename: string) =>
  page.locator("ul.imports > li", { hasText: filename });

/** Collects what the page's polite live regions say, to the test's `said`. */
async function listen(page: Page): Promise<string[]> {
  const said: string[] = [];
  await page.exposeFunction("__said", (s: string) => said.push(s));
  await page.evaluate(() => {
    new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        const region = node?.closest("[aria-live=polite]");
        // deno-lint-ignore no-explicit-any
        if (region) (globalThis as any).__said(region.textContent ?? "");
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return said;
}

readerTest("browser: the library's imports are followed live", async (reader, t) => {
  const bob = await holdImport(reader, await chatZip({ days: 2, perDay: 5 }), "Chat with Bob.zip");
  const cat = await holdImport(
    reader,
    await chatZip({ days: 3, perDay: 5, group: true }),
    "Chat with Cat.zip",
  );
  const notes = await holdImport(reader, NOT_A_CHAT, "notes.txt");
  // A worker part-way through Cat's chat (the worker only starts once the job is released).
  await reader.t.db.sql`update imports set status = 'processing', progress = 0.4
    where id = ${cat.id}`;
  const page = await (await reader.context()).newPage();
  await openHydrated(page, "/");
  // Set once: still there at the end means the page was never reloaded.
  await page.evaluate(() => Object.assign(globalThis, { __samePage: true }));
  const said = await listen(page);

  await t.step("running imports say how far they are, in words", async () => {
    assert.equal(
      await line(page, "Chat with Bob.zip").textContent(),
      "Chat with Bob.zip — Waiting for a worker…",
    );
    assert.equal(
      await line(page, "Chat with Cat.zip").textContent(),
      "Chat with Cat.zip — Reading your chat… 40% ",
    );
    await reader.t.db.sql`update imports set progress = 0.7 where id = ${cat.id}`;
    await line(page, "Chat with Cat.zip").filter({ hasText: "Reading your chat… 70%" }).waitFor();
    assert.equal(
      await line(page, "Chat with Cat.zip").locator("progress").getAttribute("value"),
      "0.7",
    );
    await screenshot(page, "library-imports-running");
  });

  await t.step("a finished import becomes a link to its chat, announced", async () => {
    await bob.release();
    const link = line(page, "Chat with Bob.zip").locator("a[href^='/c/']");
    await link.waitFor();
    const [row] = await reader.t.db.sql`select conversation_id from imports where id = ${bob.id}`;
    assert.ok(row.conversationId, "the worker made the chat");
    assert.equal(await link.getAttribute("href"), `/c/${row.conversationId}#end`);
    assert.equal(
      await line(page, "Chat with Bob.zip").textContent(),
      "Chat with Bob.zip — Imported. Open the conversation",
    );
    assert.ok(said.some((s) => s.includes("Chat with Bob.zip: Imported.")), JSON.stringify(said));
    await screenshot(page, "library-imports-done");
  });

  await t.step("a failed import shows why, and its Delete form posts", async () => {
    await notes.release();
    const failed = line(page, "notes.txt").and(page.locator("[data-status=failed]"));
    await failed.waitFor();
    assert.match(await failed.textContent() ?? "", /^notes\.txt — Import failed: .+ Delete$/);
    assert.ok(said.some((s) => s.includes("notes.txt: Import failed.")), JSON.stringify(said));
    assert.equal(
      await page.evaluate(() => (globalThis as { __samePage?: boolean }).__samePage),
      true,
      "all this without a reload",
    );
    await failed.locator(`form[action="/imports/${notes.id}/delete"] button`).click();
    // The post answers with the library again, without the deleted import.
    await line(page, "notes.txt").waitFor({ state: "detached" });
    assert.equal(new URL(page.url()).pathname, "/");
    assert.equal(
      await reader.t.db.sql`select 1 from imports where id = ${notes.id}`.then((r) => r.length),
      0,
    );
  });

  await t.step("an upload made on the page is the upload form's, not listed twice", async () => {
    await cat.release();
    await openHydrated(page, "/");
    await page.setInputFiles("input[name=file]", {
      name: "list.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("not a chat either\n"),
    });
    await page.click("[data-island=upload] button[type=submit]");
    await page.waitForSelector(".upload-status [role=alert]");
    assert.equal(await line(page, "list.txt").count(), 0);
  });

  await t.step("no errors in the browser console", () => {
    assert.deepEqual(reader.errors, []);
  });
});
