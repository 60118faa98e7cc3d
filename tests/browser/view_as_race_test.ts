/// <reference lib="dom" />
// "View as" in a group chat draws the loaded messages again (names and avatars depend on the
// side). That redraw races the other changes of the list: a jump asked for meanwhile wins (it
// draws in the new look itself), and a page added meanwhile is drawn too. The redraw's answer is
// held back with `page.route` and let go at the worst moment; no test sleeps.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { chatZip, importChat, openHydrated, openTools, readerTest } from "../helpers/browser.ts";
import {
  assertRun,
  assertShown,
  holdNext,
  jumpTo,
  scrollIdle,
  scrollUntil,
  within,
} from "../helpers/list_race.ts";

/** 20 days of 30 messages by Ann, Bob and Cat after the encryption notice: 601. */
const DAYS = 20, PER_DAY = 30, TOTAL = 1 + DAYS * PER_DAY;

/**
 * How the list's messages are drawn: per author, how many are on the right, and how many of
 * those still carry a name header (a message on the right is never named: it is "mine").
 */
function looks(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, { mine: number; theirs: number; namedMine: number }> = {};
    for (const li of document.querySelectorAll<HTMLElement>("ol.messages > li.msg")) {
      const who = out[li.dataset.author ?? ""] ??= { mine: 0, theirs: 0, namedMine: 0 };
      if (!li.classList.contains("mine")) who.theirs++;
      else {
        who.mine++;
        if (li.querySelector("header.author")) who.namedMine++;
      }
    }
    return out;
  });
}

/** Asserts every message of `who` is on the right and unnamed, everyone else's on the left. */
async function assertViewedAs(page: Page, who: string, why: string) {
  const drawn = await looks(page);
  for (const [author, n] of Object.entries(drawn)) {
    if (author === who) {
      assert.ok(n.mine > 0 && n.theirs === 0, `${why}: ${author}'s messages on the right`);
      assert.equal(n.namedMine, 0, `${why}: ${author}'s messages drawn without a name`);
    } else assert.equal(n.mine, 0, `${why}: ${author}'s messages on the left`);
  }
}

/** Waits until the redraw is done: no message on the right still carries a name. */
const redrawn = (page: Page) =>
  page.waitForFunction(() =>
    document.querySelectorAll("ol.messages > li.msg.mine").length > 0 &&
    !document.querySelector("ol.messages > li.msg.mine header.author")
  );

/** Chooses whose messages are on the right. */
const viewAs = async (page: Page, who: string) => {
  await openTools(page);
  await page.selectOption("[data-island=view_as] select[name=participant]", who);
};

readerTest("browser: view-as redraws race jumps and pages", async (reader, t) => {
  const id = await importChat(reader, await chatZip({ days: DAYS, perDay: PER_DAY, group: true }));
  const context = await reader.context({ viewport: { width: 1000, height: 800 } });
  const jan5 = 2 + 4 * PER_DAY;
  const around = (seq: number) => [seq - 50, seq + 49] as const;

  await t.step("a jump asked for while the redraw loads wins, in the new look", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    await assertRun(page, TOTAL - 99, TOTAL, "the newest page");
    // The redraw reads the loaded messages again (`after=` the first one, up to 500).
    const redraw = await holdNext(page, new RegExp(`after=${TOTAL - 100}\\b`));
    await viewAs(page, "Cat");
    const held = await within(redraw.held, "the redraw's request");

    await jumpTo(page, "2024-01-05");
    await page.waitForURL(new RegExp(`/c/${id}/m/${jan5}$`));
    await assertShown(page, jan5);
    held.release();
    await within(held.settled, "the redraw's request to settle");
    await scrollIdle(page);
    await assertRun(page, ...around(jan5), "the jump's messages, not the redraw's");
    await assertViewedAs(page, "Cat", "the jump drew in the new look");
    await page.close();
  });

  await t.step("a page added while the redraw loads is drawn again too", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    const redraw = await holdNext(page, new RegExp(`after=${TOTAL - 100}\\b`));
    await viewAs(page, "Ann");
    const held = await within(redraw.held, "the redraw's request");
    // An older page lands (drawn in the new look) while the redraw waits for the old bounds.
    await scrollUntil(page, "top", TOTAL - 199);
    await scrollIdle(page);
    held.release();
    await within(redraw.held.then(() => redrawn(page)), "the redraw");
    await assertRun(page, TOTAL - 199, TOTAL, "every loaded message, the added page included");
    await assertViewedAs(page, "Ann", "after the redraw");
    await page.close();
  });

  await t.step("no errors in the browser console", () => {
    assert.deepEqual(reader.errors, []);
  });
});
