/// <reference lib="dom" />
// Jumping to a date while pages are still loading: a page asked for the list as it was (an
// older or newer page, an earlier jump) must never land in the list as it is now. API answers
// are held back with `page.route` and let go at the worst moment; no test sleeps.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { chatZip, importChat, openHydrated, readerTest } from "../helpers/browser.ts";
import {
  assertRun,
  assertShown,
  type Held,
  holdNext,
  jumpTo,
  readList,
  scrollIdle,
  scrollUntil,
  within,
} from "../helpers/list_race.ts";

/** 20 days of 30 messages after the encryption notice: 601, one day = seqs 30d-28 … 30d+1. */
const DAYS = 20, PER_DAY = 30, TOTAL = 1 + DAYS * PER_DAY;
/** The first message of a day (1-based, in January 2024). */
const firstOf = (day: number) => 2 + (day - 1) * PER_DAY;

readerTest("browser: a jump to a date wins over pages still loading", async (reader, t) => {
  const id = await importChat(reader, await chatZip({ days: DAYS, perDay: PER_DAY }));
  const context = await reader.context({ viewport: { width: 1000, height: 800 } });
  // The first messages of 5 and 15 January, and the page the API gives around one.
  const jan5 = firstOf(5), jan15 = firstOf(15);
  const around = (seq: number) => [seq - 50, seq + 49] as const;
  const permalink = (seq: number) => new RegExp(`/c/${id}/m/${seq}$`);
  /** The jump to `seq` lands and shows it; then `held` (a page asked for before) comes late and
   * is dropped: the list is the jump's run. */
  const landedThenDropped = async (page: Page, seq: number, held: Held, why: string) => {
    await page.waitForURL(permalink(seq));
    await assertShown(page, seq);
    held.release();
    await within(held.settled, "the held page to settle");
    await scrollIdle(page);
    await assertRun(page, ...around(seq), why);
  };

  await t.step("an older page asked for before a jump is dropped when it comes late", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    await assertRun(page, TOTAL - 99, TOTAL, "the newest page");
    const older = await holdNext(page, /before=/);
    await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
    const held = await within(older.held, "the older page's request");
    assert.match(held.request.url(), new RegExp(`before=${TOTAL - 99}\\b`));

    await jumpTo(page, "2024-01-05");
    await landedThenDropped(page, jan5, held, "after the jump and the late older page");

    // Infinite scroll goes on from the jump's ends, both ways.
    await scrollUntil(page, "top", 1);
    await assertRun(page, 1, around(jan5)[1], "scrolled up to the start");
    await scrollUntil(page, "bottom", around(jan5)[1] + 100);
    await assertRun(page, 1, around(jan5)[1] + 100, "then scrolled down");
    await page.close();
  });

  await t.step("a newer page asked for before a jump is dropped when it comes late", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}/m/${firstOf(2)}`);
    const start = await readList(page);
    assert.ok(start.last < TOTAL, "the permalink page has newer messages to load");
    const newer = await holdNext(page, /after=/);
    await page.evaluate(() => scrollTo({ top: document.body.scrollHeight, behavior: "instant" }));
    const held = await within(newer.held, "the newer page's request");
    assert.match(held.request.url(), new RegExp(`after=${start.last}\\b`));

    await jumpTo(page, "2024-01-15");
    await landedThenDropped(page, jan15, held, "after the jump and the late newer page");

    await scrollUntil(page, "bottom", around(jan15)[1] + 100);
    await assertRun(page, around(jan15)[0], around(jan15)[1] + 100, "scrolled down");
    await scrollUntil(page, "top", around(jan15)[0] - 100);
    await assertRun(page, around(jan15)[0] - 100, around(jan15)[1] + 100, "then scrolled up");
    await page.close();
  });

  await t.step("pages that come while a jump is on its way are replaced by it", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    const jump = await holdNext(page, /date=/);
    await jumpTo(page, "2024-01-05");
    const heldJump = await within(jump.held, "the jump's request");
    // An older page lands while the jump waits…
    await scrollUntil(page, "top", TOTAL - 199);
    await scrollIdle(page);
    // …and the next one is asked for from the old list, and held.
    const older = await holdNext(page, /before=/);
    // The island may still be loading a page on its own (a page that left the top link in view
    // loads the next one), and that answer scrolls the link away again: scroll up until the
    // held request comes.
    const asked = older.held;
    let heldOlder: Held | undefined;
    asked.then((h) => heldOlder = h);
    for (let i = 0; i < 200 && !heldOlder; i++) {
      await page.evaluate(() => scrollTo({ top: 0, behavior: "instant" }));
      await Promise.race([asked, new Promise((r) => setTimeout(r, 100))]);
    }
    assert.ok(heldOlder, "an older page was asked for from the old list");
    const before = Number(new URL(heldOlder.request.url()).searchParams.get("before"));
    assert.ok(before > around(jan5)[1], `asked for from the old list: before=${before}`);

    heldJump.release();
    await landedThenDropped(page, jan5, heldOlder, "after the jump");
    await scrollUntil(page, "top", 1);
    await assertRun(page, 1, around(jan5)[1], "scrolled up to the start");
    await page.close();
  });

  await t.step("of two quick jumps the second wins, whichever answer comes first", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    const first = await holdNext(page, /date=2024-01-05/);
    const second = await holdNext(page, /date=2024-01-15/);
    await jumpTo(page, "2024-01-05");
    const heldFirst = await within(first.held, "the first jump's request");
    await jumpTo(page, "2024-01-15");
    const heldSecond = await within(second.held, "the second jump's request");

    heldSecond.release();
    await page.waitForURL(permalink(jan15));
    heldFirst.release();
    // The first jump either gave up on its request or (wrongly) lands: wait for either.
    await Promise.race([
      heldFirst.settled.then((how) => how === "failed" || new Promise(() => {})),
      page.waitForURL(permalink(jan5)),
    ]);
    assert.match(page.url(), permalink(jan15));
    await assertShown(page, jan15);
    await scrollIdle(page);
    await assertRun(page, ...around(jan15), "after two jumps");
    await scrollUntil(page, "top", around(jan15)[0] - 100);
    await assertRun(page, around(jan15)[0] - 100, around(jan15)[1], "scrolled up");
    await page.close();
  });

  await t.step("a jump from the end of the chat scrolls to its target", async () => {
    const page = await context.newPage();
    await openHydrated(page, `/c/${id}`);
    // Submitted from where the reader is (the newest message), as with the keyboard.
    await page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>("[data-island=jump_to_date] form")!;
      form.querySelector<HTMLInputElement>("input[name=date]")!.value = "2024-01-05";
      form.requestSubmit();
    });
    await page.waitForURL(permalink(jan5));
    await assertShown(page, jan5);
    await page.close();
  });

  await t.step("no errors in the browser console", () => {
    assert.deepEqual(reader.errors, []);
  });
});
