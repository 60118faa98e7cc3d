/// <reference lib="dom" />
// Jump to a date without a reload: the messages around the first one on or after that day are
// fetched (`GET /api/conversations/:id/messages?date=`), replace the list, and that message is
// scrolled to, focused and marked current, as the server's permalink page does; the address
// becomes the permalink `/c/:id/m/:seq` (going back reloads the previous address). Of jumps
// asked for in quick succession the last wins; pages still loading for the old list are dropped.
// Without JavaScript the same form asks the server, which redirects to that permalink.
import { useEffect, useRef, useState } from "preact/hooks";
import {
  fetchMessages,
  lookOf,
  messageList,
  replaceMessages,
  startReplacement,
} from "./_messages.tsx";
import { formatDay } from "../routes/_components/dates.ts";

export type JumpToDateProps = {
  conversation: string;
  /** First and last day of the chat (`YYYY-MM-DD`), the picker's bounds. */
  min?: string;
  max?: string;
  viewAs: string | null;
  group: boolean;
};

/** Marks the message a jump landed on, as the server marks a permalink's target. */
export function markCurrent(list: HTMLElement, ref: number): HTMLElement | null {
  for (const old of list.querySelectorAll("li.current")) {
    old.classList.remove("current");
    old.removeAttribute("aria-current");
  }
  const li = document.getElementById(`m${ref}`);
  li?.classList.add("current");
  li?.setAttribute("aria-current", "true");
  return li;
}

/** The address without its fragment: what the list shows (a fragment only scrolls). */
const address = () => location.pathname + location.search;

/**
 * Says where a jump landed when its day had no message, just above the message landed on (the
 * server's `?day=` renders the same), where the reader looks; an empty `text` only removes the
 * notice of an earlier jump.
 */
function jumpNotice(landed: HTMLElement | null, text: string) {
  for (const old of document.querySelectorAll(".jump-notice")) old.remove();
  if (!text || !landed) return;
  const notice = document.createElement("li");
  notice.className = "notice jump-notice";
  notice.setAttribute("role", "status");
  notice.textContent = text;
  landed.before(notice);
}

export default function JumpToDate(props: JumpToDateProps) {
  const [status, setStatus] = useState("");
  /** The address whose messages the list holds: the page's, then the last jump's. */
  const shown = useRef("");
  useEffect(() => {
    shown.current = address();
    // Back or forward to an address whose list is not this one (one a jump pushed, also one
    // pushed before a reload: the entry stays a same-document one), so load it.
    const onPop = () => address() !== shown.current && location.reload();
    globalThis.addEventListener("popstate", onPop);
    return () => globalThis.removeEventListener("popstate", onPop);
  }, []);

  async function jump(date: string, form: HTMLFormElement) {
    const list = messageList();
    if (!list || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    // From here an earlier jump still on its way is dropped.
    const signal = startReplacement(list);
    setStatus("");
    try {
      // The day in the zone the page is read in (the server's `?date=` does the same).
      const tz = list.dataset.zone;
      const query = { date, limit: 100, ...tz && { tz } };
      const page = await fetchMessages(props.conversation, query, signal);
      if (signal.aborted) return;
      const look = lookOf(list, props);
      if (page.target === null || page.target === undefined) {
        if (page.messages.length && !replaceMessages(list, page, look, signal)) return;
        list.lastElementChild?.scrollIntoView({ block: "end", behavior: "instant" });
        return setStatus(`No messages on or after ${date}: showing the newest.`);
      }
      if (!replaceMessages(list, page, look, signal)) return;
      // Anchors and permalinks use the stable ref (a merge renumbers seqs).
      const target = page.target;
      const landed = page.messages.find((m) => m.seq === target);
      const ref = landed?.ref ?? target;
      const li = markCurrent(list, ref);
      // A day without messages: said above the message (the menu holding the form closes).
      const day = landed && (tz && landed.at ? landed.at : landed.date).slice(0, 10);
      jumpNotice(
        li,
        day && day !== date
          ? `No messages on ${formatDay(date)}: the next are on ${formatDay(day)}.`
          : "",
      );
      history.pushState({ date }, "", `/c/${props.conversation}/m/${ref}`);
      shown.current = address();
      // The message itself: its scroll margin leaves room for its day's label (and the notice)
      // above it. (The label is sticky: scrolled to while stuck at the top, from further down,
      // it stays put.)
      li?.scrollIntoView({ block: "start", behavior: "instant" });
      // Landed: the Tools menu holding the form gives the messages their room back, and the
      // focus, which was in that menu, goes to the message (not back to the top of the page).
      form.closest("details[open]")?.removeAttribute("open");
      if (li) {
        li.tabIndex = -1;
        li.focus({ preventScroll: true });
      }
    } catch (err) {
      if (signal.aborted) return;
      setStatus(`Could not jump: ${err instanceof Error ? err.message : err}`);
    }
  }

  return (
    <form
      method="get"
      action={`/c/${props.conversation}`}
      class="jump"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget as HTMLFormElement;
        jump((form.elements.namedItem("date") as HTMLInputElement).value, form);
      }}
    >
      <label>
        Jump to <input type="date" name="date" min={props.min} max={props.max} required />
      </label>
      <button type="submit">Go</button>
      {status && <span class="notice" role="status">{status}</span>}
    </form>
  );
}
