/// <reference lib="dom" />
// Endless reading: when the "Older messages" link at the top (or "Newer messages" at the
// bottom) comes near the viewport, the next page is fetched from the messages API and rendered
// in place with the server's components. Older messages go in above what the reader is looking
// at, so the view is kept still: the first visible message is measured before and after the
// insert and the window scrolled by the difference (this also covers the browser's own scroll
// anchoring, which may or may not have moved it already). A page that arrives after a jump
// replaced the list is dropped (its request aborted); loading goes on from the new ends.
// Without JavaScript the links page. The reading place is kept in the history entry, so a
// reload, Back or Forward reopens there (_reading_place.ts).
import { useLayoutEffect, useState } from "preact/hooks";
import {
  addPage,
  type Extension,
  fetchMessages,
  type Look,
  lookOf,
  messageList,
  REPLACED,
  startExtension,
} from "./_messages.tsx";
import { pager } from "./_pager.ts";
import { keepPlace, keptPlace, restorePlace } from "./_reading_place.ts";

/** Props: the conversation, and how its messages are drawn (see `Look`). */
export type InfiniteScrollProps = {
  conversation: string;
  viewAs: string | null;
  /** A group chat (names and avatars on others' messages). */
  group: boolean;
  /** Messages per request (the API allows up to 500). */
  pageSize?: number;
  /** Scroll to the newest message on load when the page shows the end of the chat. */
  startAtEnd?: boolean;
};

export default function InfiniteScroll(props: InfiniteScrollProps) {
  const [status, setStatus] = useState("");

  useLayoutEffect(() => {
    const list = messageList();
    if (!list) return;
    const look: Look = {
      conversation: props.conversation,
      viewAs: props.viewAs,
      group: props.group,
    };
    const limit = props.pageSize ?? 100;
    /** The page loading each way (one at a time); a dropped one no longer counts. */
    const loading: Record<"prev" | "next", Extension | null> = { prev: null, next: null };
    const stop = new AbortController();

    const showLoading = () =>
      setStatus(
        loading.prev ? "Loading older messages…" : loading.next ? "Loading newer messages…" : "",
      );

    async function load(rel: "prev" | "next") {
      if (!list || (loading[rel] && !loading[rel].signal.aborted)) return;
      const link = pager(list, rel);
      if (link.hidden) return;
      const extension = loading[rel] = startExtension(list, rel);
      showLoading();
      let added = false, failure = "";
      try {
        const query = { [rel === "prev" ? "before" : "after"]: extension.from, limit };
        const signal = AbortSignal.any([stop.signal, extension.signal]);
        const page = await fetchMessages(props.conversation, query, signal);
        added = addPage(list, page, lookOf(list, look), extension);
      } catch (err) {
        if (!extension.signal.aborted) {
          failure = `Could not load messages: ${err instanceof Error ? err.message : err}`;
        }
      }
      if (loading[rel] === extension) loading[rel] = null;
      if (stop.signal.aborted) return;
      showLoading();
      // After a failure the link stays: clicking it tries again.
      if (failure) return setStatus(failure);
      // Dropped: the list was replaced, and `watch` starts over from its new ends.
      if (!added) return;
      // Re-observing delivers a fresh entry: still in view (a short page) means load again.
      const again = pager(list, rel);
      observer.unobserve(again);
      if (!again.hidden) observer.observe(again);
    }

    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        load((entry.target as HTMLAnchorElement).rel === "prev" ? "prev" : "next");
      }
    }, { rootMargin: "600px 0px" });

    function watch() {
      observer.disconnect();
      for (const rel of ["prev", "next"] as const) {
        const link = pager(list!, rel);
        if (!link.hidden) observer.observe(link);
      }
    }

    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element).closest?.("a[rel]") as HTMLAnchorElement | null;
      if (!link || (link.rel !== "prev" && link.rel !== "next")) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      load(link.rel);
    };

    const atEnd = Number(list.dataset.lastSeq) >= Number(list.dataset.total);
    // `#end` (links into the chat, for the no-JavaScript page) means the end, as no target does.
    const hash = location.hash === "#end" ? "" : location.hash;
    const target = hash || location.search || list.querySelector("li.current");
    // A reload, Back or Forward: where the reader was, however far infinite scroll had gone.
    const place = keptPlace();
    if (place) {
      restorePlace(list, place, look, stop.signal).catch(() => {});
    } else if ((props.startAtEnd ?? true) && atEnd && !target) {
      const last = list.lastElementChild;
      last?.scrollIntoView({ block: "end", behavior: "instant" });
    }
    // Observe only once the initial scroll has settled, or the top link would fire at once.
    watch();
    list.addEventListener(REPLACED, watch);
    document.addEventListener("click", onClick);
    const stopKeeping = keepPlace(list);
    return () => {
      stopKeeping();
      stop.abort();
      observer.disconnect();
      list.removeEventListener(REPLACED, watch);
      document.removeEventListener("click", onClick);
    };
  }, [props.conversation]);

  return (
    <p class="scroll-status" role="status" aria-live="polite" hidden={!status}>
      {status}
    </p>
  );
}
