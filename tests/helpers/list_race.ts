/// <reference lib="dom" />
/**
 * Helpers for browser tests of a conversation's list while pages load: hold an API answer back
 * and let it go at the worst moment, read the list as the reader sees it, scroll and jump.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Page, Request } from "playwright-core";
import { openTools } from "./browser.ts";

/** A request to the messages API held until released, and how it ended in the browser. */
export interface Held {
  request: Request;
  /** Lets the server's answer through (the page may have given up on the request by then). */
  release(): void;
  /** Resolves with "finished" or "failed" (the page aborted it) once the browser is done. */
  settled: Promise<"finished" | "failed">;
}

/**
 * Holds back the answer to the next request of the messages API whose query matches `query`:
 * the server answers at once, the browser gets it on `release()`. Resolves once the hold is in
 * place; `held` resolves when the request comes.
 */
export async function holdNext(page: Page, query: RegExp): Promise<{ held: Promise<Held> }> {
  const held = Promise.withResolvers<Held>();
  const matches = (url: URL) => url.pathname.endsWith("/messages") && query.test(url.search);
  await page.route(matches, async (route) => {
    const request = route.request();
    const settled = new Promise<"finished" | "failed">((resolve) => {
      page.on("requestfinished", (r) => r === request && resolve("finished"));
      page.on("requestfailed", (r) => r === request && resolve("failed"));
    });
    const gate = Promise.withResolvers<void>();
    held.resolve({ request, release: gate.resolve, settled });
    const response = await route.fetch();
    await gate.promise;
    // Fails when the page aborted the request meanwhile: that is allowed.
    await route.fulfill({ response }).catch(() => {});
  }, { times: 1 });
  return { held: held.promise };
}

/** `promise`, or a failure naming `what` after 20 s (a plain promise would hang the suite). */
export function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 20_000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The list as the reader sees it: message ids in order, day separators, the list's bounds. */
export function readList(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector<HTMLElement>("ol.messages")!;
    const items = [...list.querySelectorAll<HTMLElement>(":scope > li")];
    return {
      seqs: items.filter((li) => /^m\d+$/.test(li.id)).map((li) => Number(li.id.slice(1))),
      days: items.filter((li) => li.classList.contains("day"))
        .map((li) => li.querySelector("time")!.getAttribute("datetime")!),
      first: Number(list.dataset.firstSeq),
      last: Number(list.dataset.lastSeq),
    };
  });
}

/** Asserts the list holds exactly seqs `first` … `last`, in order, with one separator a day. */
export async function assertRun(page: Page, first: number, last: number, why: string) {
  const list = await readList(page);
  const want = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  assert.deepEqual(
    { first: list.first, last: list.last },
    { first, last },
    `${why}: the list's bounds`,
  );
  assert.deepEqual(list.seqs, want, `${why}: exactly messages ${first}–${last}, in order`);
  assert.deepEqual(list.days, [...new Set(list.days)].sort(), `${why}: days in order, once each`);
}

/** Asserts message `seq` is the jump's target, marked, and inside the viewport. */
export async function assertShown(page: Page, seq: number) {
  const { current, top, bottom, height } = await page.evaluate((id) => {
    const li = document.getElementById(id)!;
    const { top, bottom } = li.getBoundingClientRect();
    const current = document.querySelector("ol.messages > li.current")?.id;
    return { current, top, bottom, height: innerHeight };
  }, `m${seq}`);
  assert.equal(current, `m${seq}`, "the target is marked");
  assert.ok(top >= 0 && bottom <= height, `#m${seq} is in view: ${top}–${bottom} of ${height}`);
}

/** Waits until no older or newer page is loading (the infinite scroll status is hidden). */
export const scrollIdle = (page: Page) =>
  page.waitForSelector("[data-island=infinite_scroll] .scroll-status", { state: "hidden" });

/** Scrolls to the top (or bottom) until the list's first (or last) seq reaches `to`. */
export async function scrollUntil(page: Page, edge: "top" | "bottom", to: number) {
  await page.evaluate((edge) => {
    scrollTo({ top: edge === "top" ? 0 : document.body.scrollHeight, behavior: "instant" });
  }, edge);
  await page.waitForFunction(([edge, to]) => {
    const list = document.querySelector<HTMLElement>("ol.messages")!;
    return edge === "top"
      ? Number(list.dataset.firstSeq) <= to
      : Number(list.dataset.lastSeq) >= to;
  }, [edge, to] as const);
}

export async function jumpTo(page: Page, date: string) {
  await openTools(page);
  await page.fill("[data-island=jump_to_date] input[name=date]", date);
  await page.click("[data-island=jump_to_date] button[type=submit]");
}
