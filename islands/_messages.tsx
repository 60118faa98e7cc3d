/// <reference lib="dom" />
// The conversation's message list as the islands share it: the server-rendered
// `<ol class="messages" data-conversation data-first-seq data-last-seq data-total>` is the
// state (no copy in JavaScript), and new messages are rendered with the server's own
// components, so an item loaded by scrolling is the same markup as one rendered by the page.
// Every change goes through the functions here, which drop a page fetched for the list as it
// was before a jump replaced it (see _lib/list_version.ts).
import { render } from "preact";
import type { StoredMessage } from "../lib/db/messages.ts";
import { contentTypeFor } from "../lib/media_types.ts";
import type { FileView } from "../routes/_components/attachment.tsx";
import { MessageItem } from "../routes/_components/message_item.tsx";
import { formatDay, shownAt } from "../routes/_components/dates.ts";
import { errorMessage } from "./_http.ts";
import { versionOf } from "./_lib/list_version.ts";
import { keepingView } from "./_view_anchor.ts";

/** A message as `GET /api/conversations/:id/messages` returns it. */
export interface ApiMessage extends StoredMessage {
  mediaUrl: string | null;
  /** The attachment's file, when the API describes it (else derived from `mediaUrl`). */
  file?: FileView | null;
}

/** One page of the messages API. */
export interface MessagePage {
  messages: ApiMessage[];
  /** The message a `date` or `around` query found (null: none on or after that day). */
  target?: number | null;
  total: number;
  prev: { before: number } | null;
  next: { after: number } | null;
}

/** Fired on the list when its whole content was replaced (a jump): observers start over. */
export const REPLACED = "messages:replaced";

/** The conversation's message list on this page, or null. */
export function messageList(): HTMLOListElement | null {
  return document.querySelector<HTMLOListElement>("ol.messages[data-conversation]");
}

/** Reads a page of messages; `query` is `{ before }`, `{ after }`, `{ date }` or `{ around }`. */
export async function fetchMessages(
  conversation: string,
  query: Record<string, string | number>,
  signal?: AbortSignal,
): Promise<MessagePage> {
  const params = new URLSearchParams(
    Object.entries({ limit: 100, ...query }).map(([k, v]) => [k, String(v)]),
  );
  const res = await fetch(`/api/conversations/${conversation}/messages?${params}`, {
    signal,
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(await errorMessage(res));
  return await res.json();
}

/** How messages are drawn: whose side is "mine", and whether authors are named (groups). */
export interface Look {
  conversation: string;
  viewAs: string | null;
  group: boolean;
  /** The zone times are shown in (the list's `data-zone`); none: the exported wall clock. */
  zone?: string;
}

/** The current look of a list: `data-view-as` (kept up to date by the view-as island). */
export function lookOf(list: HTMLElement, fallback: Look): Look {
  const viewAs = list.dataset.viewAs;
  return {
    ...fallback,
    viewAs: viewAs === undefined ? fallback.viewAs : viewAs || null,
    zone: list.dataset.zone ?? fallback.zone,
  };
}

/** Where a batch continues the list: the day and author of the message just before it. */
export interface Before {
  day: string;
  /** Undefined after a day separator or a system message (the next message starts a run). */
  author?: string | null;
}

/**
 * Renders messages to DOM nodes as the conversation page does (routes/conversations.tsx): a day
 * separator before the first message of each day, `runStart` on the first message of a run by
 * one author, with the server's `MessageItem`. `before` continues a list (no separator for the
 * day already shown, no run start inside a run).
 */
export function renderItems(
  messages: ApiMessage[],
  look: Look,
  before: Before = { day: "" },
): Node[] {
  let day = before.day, previousAuthor = before.author;
  const items = [];
  for (const m of messages) {
    const shown = shownAt(m, look.zone);
    const d = shown.slice(0, 10);
    if (d !== day) {
      day = d;
      previousAuthor = undefined;
      items.push(
        <li class="day" key={`d${d}`}>
          <time dateTime={d}>{formatDay(shown)}</time>
        </li>,
      );
    }
    items.push(
      <MessageItem
        key={m.seq}
        m={m}
        conversationId={look.conversation}
        mine={m.author !== null && m.author === look.viewAs}
        group={look.group}
        runStart={m.author !== previousAuthor}
        file={fileOf(m)}
        zone={look.zone}
      />,
    );
    previousAuthor = m.kind === "system" ? undefined : m.author;
  }
  const box = document.createElement("ol");
  render(<>{items}</>, box);
  const nodes = [...box.childNodes];
  render(null, box);
  // render(null) empties the box; the nodes we took out are ours now.
  return nodes;
}

function fileOf(m: ApiMessage): FileView | null {
  if (m.file !== undefined) return m.file;
  if (!m.mediaUrl || !m.attachment) return null;
  return { url: m.mediaUrl, contentType: contentTypeFor(m.attachment), size: 0 };
}

/** The author of a rendered message: `data-author`, else the name written for screen readers. */
export function authorOf(li: HTMLElement): string | null {
  if (li.dataset.author !== undefined) return li.dataset.author;
  if (!li.classList.contains("msg")) return null;
  const named = li.querySelector(":scope > article > .author, :scope > article > .sr-only");
  return named?.textContent?.replace(/( \(you\))?:$/, "") ?? null;
}

/** What a batch appended to the list continues: the last message's day and author. */
function lastOf(list: HTMLElement): Before {
  const items = list.querySelectorAll<HTMLElement>(":scope > li[id^='m']");
  const li = items[items.length - 1];
  const day = li?.querySelector("time[datetime]")?.getAttribute("datetime")?.slice(0, 10) ?? "";
  return { day, author: li?.classList.contains("msg") ? authorOf(li) : undefined };
}

/** A page being fetched to add at one end of the list, for the list as it was asked for. */
export interface Extension {
  rel: "prev" | "next";
  /** The seq the page continues from: the list's first (prev) or last (next) one. */
  from: number;
  /** Aborted when the list is replaced before the page is added. */
  signal: AbortSignal;
}

/** Starts loading the page before (`prev`) or after (`next`) the list as it is now. */
export function startExtension(list: HTMLElement, rel: "prev" | "next"): Extension {
  const from = Number(rel === "prev" ? list.dataset.firstSeq : list.dataset.lastSeq);
  return { rel, from, signal: versionOf(list).extend() };
}

/** The page of `extension` still continues the list: not replaced, same end. */
function fits(list: HTMLElement, extension: Extension): boolean {
  const end = extension.rel === "prev" ? list.dataset.firstSeq : list.dataset.lastSeq;
  return !extension.signal.aborted && Number(end) === extension.from;
}

/**
 * Adds the page of `extension` at its end of the list (above the current messages for `prev`,
 * keeping the reader's view where it is); false (nothing added) when the page no longer fits.
 */
export function addPage(
  list: HTMLElement,
  page: MessagePage,
  look: Look,
  extension: Extension,
): boolean {
  return extension.rel === "prev"
    ? keepingView(list, true, () => prependMessages(list, page, look, extension))
    : appendMessages(list, page, look, extension);
}

/** Adds the messages of `extension` above the current ones, dropping a duplicate day separator. */
function prependMessages(
  list: HTMLElement,
  page: MessagePage,
  look: Look,
  extension: Extension,
): boolean {
  return extend(list, page, extension, (messages) => {
    const top = list.firstElementChild;
    const lastDay = messages[messages.length - 1].date.slice(0, 10);
    if (
      top?.classList.contains("day") &&
      top.querySelector("time")?.getAttribute("datetime") === lastDay
    ) {
      top.remove();
    }
    list.prepend(...renderItems(messages, look));
    list.dataset.firstSeq = String(messages[0].seq);
  });
}

/** Adds the messages of `extension` below the current ones. */
function appendMessages(
  list: HTMLElement,
  page: MessagePage,
  look: Look,
  extension: Extension,
): boolean {
  return extend(list, page, extension, (messages) => {
    list.append(...renderItems(messages, look, lastOf(list)));
    list.dataset.lastSeq = String(messages[messages.length - 1].seq);
  });
}

/** Runs `add` with the page's messages when the page still fits the list (and has any). */
function extend(
  list: HTMLElement,
  page: MessagePage,
  extension: Extension,
  add: (messages: MessagePage["messages"]) => void,
): boolean {
  if (!fits(list, extension)) return false;
  if (!page.messages.length) return true;
  add(page.messages);
  list.dataset.total = String(page.total);
  return true;
}

/**
 * Starts a replacement of the whole list (a jump): its signal, for fetching the new page and
 * for `replaceMessages`, aborts when a later replacement is started, so the last one wins.
 */
export function startReplacement(list: HTMLElement): AbortSignal {
  return versionOf(list).replace();
}

/**
 * Replaces the whole list and tells the other islands; every page still loading for the old
 * list is dropped. False (nothing changed) when a later replacement was started meanwhile.
 */
export function replaceMessages(
  list: HTMLElement,
  page: MessagePage,
  look: Look,
  signal: AbortSignal,
): boolean {
  if (!versionOf(list).land(signal)) return false;
  list.replaceChildren(...renderItems(page.messages, look));
  list.dataset.firstSeq = String(page.messages[0]?.seq ?? 0);
  list.dataset.lastSeq = String(page.messages[page.messages.length - 1]?.seq ?? 0);
  list.dataset.total = String(page.total);
  list.dispatchEvent(new CustomEvent(REPLACED));
  return true;
}

/**
 * Draws the messages already loaded again (seq `data-first-seq` to `data-last-seq`, from the
 * API) in the list's current look, keeping the first visible message where it is: used when
 * the look changes. Gives up quietly when a jump replaces the list meanwhile (the jump draws in
 * the new look); fetches again when a page was added at either end meanwhile.
 */
export async function redrawMessages(list: HTMLElement, look: Look): Promise<void> {
  const signal = versionOf(list).redraw();
  let loaded: { first: number; last: number; messages: ApiMessage[]; total?: number };
  try {
    do {
      const first = Number(list.dataset.firstSeq), last = Number(list.dataset.lastSeq);
      if (!(first > 0 && last >= first)) return;
      loaded = { first, last, ...await fetchRange(look.conversation, first, last, signal) };
    } while (
      !signal.aborted &&
      (String(loaded.first) !== list.dataset.firstSeq ||
        String(loaded.last) !== list.dataset.lastSeq)
    );
  } catch (err) {
    if (signal.aborted) return;
    throw err;
  }
  if (signal.aborted) return;
  keepingView(list, false, () => {
    const current = list.querySelector("li.current")?.id;
    // A jump's notice (a day without messages) stays above the message it landed on.
    const notice = list.querySelector(":scope > li.jump-notice");
    list.replaceChildren(...renderItems(loaded.messages, lookOf(list, look)));
    if (loaded.total !== undefined) list.dataset.total = String(loaded.total);
    const li = current ? document.getElementById(current) : null;
    li?.classList.add("current");
    li?.setAttribute("aria-current", "true");
    if (li && notice) li.before(notice);
  });
}

/** Messages `first` to `last` (in pages of up to 500), and the chat's total. */
async function fetchRange(
  conversation: string,
  first: number,
  last: number,
  signal: AbortSignal,
): Promise<{ messages: ApiMessage[]; total?: number }> {
  const messages: ApiMessage[] = [];
  let total;
  for (let after = first - 1; after < last;) {
    const page = await fetchMessages(conversation, {
      after,
      limit: Math.min(500, last - after),
    }, signal);
    if (!page.messages.length) break;
    messages.push(...page.messages);
    total = page.total;
    after = page.messages[page.messages.length - 1].seq;
  }
  return { messages, total };
}
