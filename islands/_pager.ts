/// <reference lib="dom" />
/**
 * The no-JavaScript pager links around the message list ("Older messages", "Newer messages",
 * "Jump to the newest"), kept pointing where the list as the islands grew it continues.
 *
 * @module
 */
import { conversationHref } from "../routes/_components/conversation_href.ts";

/**
 * The "Older messages" / "Newer messages" link around the list (the no-JavaScript pager),
 * created when the server did not render one, pointing where the next page starts, hidden when
 * there is nothing more that way.
 */
export function pager(list: HTMLElement, rel: "prev" | "next"): HTMLAnchorElement {
  const conversation = list.dataset.conversation;
  const sibling = rel === "prev" ? list.previousElementSibling : list.nextElementSibling;
  let link = sibling instanceof HTMLAnchorElement && sibling.rel === rel ? sibling : null;
  link ??= document.querySelector<HTMLAnchorElement>(`a[rel~="${rel}"]`);
  if (!link) {
    link = document.createElement("a");
    link.className = rel === "prev" ? "pager older" : "pager newer";
    link.rel = rel;
    link.textContent = rel === "prev" ? "Older messages" : "Newer messages";
    list.insertAdjacentElement(rel === "prev" ? "beforebegin" : "afterend", link);
  }
  const first = Number(list.dataset.firstSeq), last = Number(list.dataset.lastSeq);
  const more = rel === "prev" ? first > 1 : last < Number(list.dataset.total);
  link.hidden = !more;
  link.href = rel === "prev"
    ? `/c/${conversation}?before=${first}`
    : `/c/${conversation}?after=${last}`;
  if (rel === "next") newestLink(link, conversation, more);
  return link;
}

/**
 * "Jump to the newest" (pinned to the bottom of the view by app.css), shown while the list does
 * not reach the newest message; created after `newer` when the server did not render one (the
 * page was at the end before a jump took the reader years back).
 */
function newestLink(newer: HTMLAnchorElement, conversation: string | undefined, more: boolean) {
  let newest = document.querySelector<HTMLAnchorElement>("a.pager.newest");
  if (!newest && more) {
    newest = document.createElement("a");
    newest.className = "pager newest";
    newest.href = conversationHref(conversation!);
    newest.textContent = "Jump to the newest";
    newer.insertAdjacentElement("afterend", newest);
  }
  if (newest) newest.hidden = !more;
}
