/// <reference lib="dom" />
/**
 * The message at the top of the view: what the reader is looking at, kept still while pages are
 * added above it or the list is drawn again (_messages.tsx), and kept as the reading place
 * (_reading_place.ts).
 *
 * @module
 */

/**
 * The message at the top of the view — the first whose bottom is below the line a scrolled-to
 * message's top sits on (its `scroll-margin-top`: under the sticky header and the day's label) —
 * and its index among the list's messages. Binary search: the list is in page order. What the
 * reader is looking at: kept still while pages are added, kept as the reading place.
 */
export function messageAtTop(list: HTMLElement): { li: HTMLElement; index: number } | null {
  const items = [...list.querySelectorAll<HTMLElement>(":scope > li[id^='m']")];
  if (items.length === 0) return null;
  const line = parseFloat(getComputedStyle(items[0]).scrollMarginTop) || 0;
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].getBoundingClientRect().bottom > line) hi = mid;
    else lo = mid + 1;
  }
  return lo < items.length ? { li: items[lo], index: lo } : null;
}

/**
 * Runs `change` (messages added above the view, or all drawn again) and scrolls by what the
 * first visible message moved — found again by its id, as a redraw replaces the elements; with
 * none, by what the page grew when `orGrowth`, else not at all.
 */
export function keepingView<T>(list: HTMLElement, orGrowth: boolean, change: () => T): T {
  const anchor = messageAtTop(list)?.li;
  const id = anchor?.id, top = anchor?.getBoundingClientRect().top ?? 0;
  const height = document.documentElement.scrollHeight;
  const result = change();
  const now = id ? document.getElementById(id) : null;
  const moved = now
    ? now.getBoundingClientRect().top - top
    : !id && orGrowth
    ? document.documentElement.scrollHeight - height
    : 0;
  if (moved !== 0) globalThis.scrollBy({ top: moved, behavior: "instant" });
  return result;
}
