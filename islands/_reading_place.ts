/// <reference lib="dom" />
/**
 * The reading place: the message at the top of the view, kept in the page's history entry
 * (`history.state.place`, the address unchanged) while the reader scrolls. A reload, or Back
 * and Forward to the entry, reopens there, even when it was pages of infinite scroll away from
 * what the server renders for the address. A new visit (a link, the library) has no state and
 * opens as the address says.
 *
 * @module
 */
import {
  fetchMessages,
  type Look,
  lookOf,
  replaceMessages,
  startReplacement,
} from "./_messages.tsx";
import { messageAtTop } from "./_view_anchor.ts";

/** What is kept: the message's stable ref, and its seq (the API's `around`) when it was kept. */
export interface Place {
  ref: number;
  seq: number;
}

/** The message at the top of the view ({@link messageAtTop}) as a place to come back to. */
export function placeInView(list: HTMLElement): Place | null {
  const top = messageAtTop(list);
  // The list holds consecutive seqs from data-first-seq (pages are keyset ranges).
  return top && { ref: Number(top.li.id.slice(1)), seq: Number(list.dataset.firstSeq) + top.index };
}

/** The place kept in this history entry, if any. */
export function keptPlace(): Place | null {
  const place = (history.state as { place?: Place } | null)?.place;
  return place && Number.isInteger(place.ref) && Number.isInteger(place.seq) ? place : null;
}

/** Keeps the place in the history entry while the reader scrolls; returns the stop. */
export function keepPlace(list: HTMLElement): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onScroll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const place = placeInView(list);
      if (place) history.replaceState({ ...(history.state ?? {}), place }, "");
    }, 250);
  };
  addEventListener("scroll", onScroll, { passive: true });
  return () => {
    clearTimeout(timer);
    removeEventListener("scroll", onScroll);
  };
}

/**
 * Brings the kept place back to the top of the view: scrolled to when the list holds it, else
 * the page around it is fetched and put in place of the list (dropped when a merge moved the
 * message meanwhile, or a jump replaced the list first). Resolves to whether it did; rejects
 * when the API refuses (its 404 for a seq past the end of the chat).
 */
export async function restorePlace(
  list: HTMLElement,
  place: Place,
  look: Look,
  signal: AbortSignal,
): Promise<boolean> {
  const scroll = () => {
    const li = list.querySelector<HTMLElement>(`:scope > li[id='m${place.ref}']`);
    li?.scrollIntoView({ block: "start", behavior: "instant" });
    return li !== null;
  };
  if (scroll()) return true;
  const replacing = startReplacement(list);
  const page = await fetchMessages(
    look.conversation,
    { around: place.seq, limit: 100, ...(list.dataset.zone && { tz: list.dataset.zone }) },
    AbortSignal.any([signal, replacing]),
  );
  if (!page.messages.some((m) => m.seq === place.seq && (m.ref ?? m.seq) === place.ref)) {
    return false;
  }
  if (!replaceMessages(list, page, lookOf(list, look), replacing)) return false;
  return scroll();
}
