/// <reference lib="dom" />
// A jump to a day without messages lands on the next one and says so just above it, in view
// (it was above the list, a page of older messages away: out of sight), with or without
// JavaScript; the Tools menu holding the form closes on landing and the focus goes to the
// message landed on (it fell back to the page); a jump to a day with messages says nothing.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { exportZip } from "../helpers/chat_zip.ts";
import { importChat, openHydrated, openTools, readerTest } from "../helpers/browser.ts";

/** Whether the notice is drawn below the sticky header and its day's label, inside the view. */
function noticeInView(page: Page) {
  return page.evaluate(() => {
    const notice = document.querySelector(".jump-notice")!.getBoundingClientRect();
    const head = document.querySelector(".chat-head")!.getBoundingClientRect();
    const at = { top: Math.round(notice.top), bottom: Math.round(notice.bottom) };
    return { ok: notice.top >= head.bottom && notice.bottom <= innerHeight, at };
  });
}

/** A group's 150 messages on 1 January 2024 and 150 on 5 January, none between. */
function gapZip(): Promise<Uint8Array<ArrayBuffer>> {
  const lines = ["01", "05"].flatMap((d) =>
    Array.from({ length: 150 }, (_, i) => {
      const time = `${String(8 + Math.floor(i / 60)).padStart(2, "0")}:${
        String(i % 60).padStart(2, "0")
      }`;
      return `${d}/01/2024, ${time} - ${["Ann", "Bob", "Cat"][i % 3]}: Day ${d}, message ${i}`;
    })
  );
  return exportZip("WhatsApp Chat with Bob.txt", lines);
}

readerTest("browser: a jump to a day without messages says where it landed", async (reader) => {
  const id = await importChat(reader, await gapZip());
  const context = await reader.context({ viewport: { width: 375, height: 760 } });
  const page = await context.newPage();
  await openHydrated(page, `/c/${id}`);
  const jump = async (date: string) => {
    await openTools(page);
    await page.fill("[data-island=jump_to_date] input[name=date]", date);
    await page.click("[data-island=jump_to_date] button[type=submit]");
    await page.waitForURL(new RegExp(`/c/${id}/m/\\d+$`));
  };
  const said =
    "No messages on Wednesday, January 3, 2024: the next are on Friday, January 5, 2024.";
  await jump("2024-01-03");
  const notice = page.locator(".jump-notice");
  await notice.waitFor({ state: "visible" });
  assert.equal(await notice.textContent(), said);
  const seen = await noticeInView(page);
  assert.ok(seen.ok, `the notice is out of view: ${JSON.stringify(seen.at)}`);
  const focused = await page.evaluate(() => document.activeElement?.matches("li.msg.current"));
  assert.ok(focused, "the focus is not on the message landed on");
  // Viewed as another participant (a group's list is drawn again), the notice stays above it.
  await openTools(page);
  await page.selectOption("[data-island=view_as] select", "Bob");
  await page.waitForFunction(() =>
    document.querySelector("ol.messages")!.getAttribute("data-view-as") === "Bob"
  );
  await page.waitForFunction(() =>
    document.querySelector("li.current")?.previousElementSibling?.matches(".jump-notice")
  );
  await jump("2024-01-01");
  await notice.waitFor({ state: "detached" });
  assert.deepEqual(reader.errors, []);
  await context.close();

  // Without JavaScript the server's redirect lands on the same message, the notice in view.
  const plain = await reader.context({
    viewport: { width: 375, height: 760 },
    javaScriptEnabled: false,
  });
  const still = await plain.newPage();
  await still.goto(`/c/${id}?date=2024-01-03`);
  assert.equal(await still.textContent(".jump-notice"), said);
  const shown = await noticeInView(still);
  assert.ok(shown.ok, `without JavaScript the notice is out of view: ${JSON.stringify(shown.at)}`);
  await plain.close();
});
