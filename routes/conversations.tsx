/**
 * The conversation view.
 *
 * Routes: `GET /c/:id` (newest page; `?before=seq` / `?after=seq` keyset pages;
 * `?date=YYYY-MM-DD` redirects to the permalink of the first message on or after that day),
 * `GET /c/:id/m/:ref` (permalink: the page around the message with that stable ref, highlighted),
 * `POST /c/:id/view-as` (no-JS form: who is "me").
 *
 * Stable markup for the islands (keep these names; tests assert them):
 * - `<ol class="messages" data-conversation=ID data-first-seq=N data-last-seq=N data-total=N>`
 *   (class `messages group` in group chats): the page's messages in file order; first/last seq
 *   are 0 when the page is empty.
 * - `<li class="day"><time datetime="YYYY-MM-DD">` day separators inside that list; after a
 *   jump to a day without messages, `<li class="notice jump-notice" role="status">` right
 *   before the message landed on (after its day's separator).
 * - `<li id="m<ref>" class="msg mine|theirs kind-<kind> [run-start] [sticker] [current]"
 *   data-author=NAME>` and
 *   `<li id="m<ref>" class="system">`, each holding one `<article>`; the target of a permalink
 *   has `aria-current="true"` and class `current`. Timestamps: `<a class="stamp"
 *   href="/c/ID/m/REF#mREF"><time datetime="YYYY-MM-DDTHH:MM:SS±HH:MM">` (the instant in the
 *   reader's zone, `data-zone` on the list; the exported wall clock in the stamp's `title`).
 * - `<div id="end">` after the list when it ends with the newest message: links into the chat
 *   (`conversationHref`) target it, so the page opens at the newest message without JavaScript.
 * - `<a class="pager older" rel="prev" href="/c/ID?before=FIRST">`,
 *   `<a class="pager newer" rel="next" href="/c/ID?after=LAST">`, `<a class="pager newest">`.
 * - Images: `<a class="media image" href=URL data-lightbox><img width height loading="lazy">`,
 *   `width`/`height` the photo's shape fitted in 320 × 400, or 320 × 240 when its size is unknown.
 * - Forms: `form.search-chat` (GET /search), `form.jump` (GET /c/ID, `input[name=date]`),
 *   `form.view-as` (POST /c/ID/view-as, `select[name=participant]`), `form.reading-zone`, all
 *   in `details.tools-menu > .conv-tools` (a panel over the page, opened by the menu's summary).
 * - The sticky `header.conv-header.chat-head`: title, `p.conv-meta` (participants, each in a
 *   `<bdi>`, "(you)" after the view-as one), `nav.conv-nav` (Insights, Media, Import report,
 *   Settings), the Tools menu and the Export menu; its height is `--chat-head` (static/app.css),
 *   where the sticky day labels stop. The tools live in it so that they stay in reach however
 *   far the reader scrolls (above the list, loading older messages pushed them ever further
 *   away).
 *
 * @module
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { getConversation, setViewAs } from "../lib/db/conversations.ts";
import {
  attachedFiles,
  listAround,
  listMessages,
  MAX_SEQ,
  seqOnOrAfter,
  type StoredMessage,
} from "../lib/db/messages.ts";
import { AppError, notFound } from "../lib/errors.ts";
import { readContacts } from "./_components/read_contacts.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { mediaFileUrl } from "../lib/media_url.ts";
import { Layout } from "./_components/layout.tsx";
import { conversationHref } from "./_components/conversation_href.ts";
import { MessageItem } from "./_components/message_item.tsx";
import { render } from "./_components/render.ts";
import { formatDay, isDay, shownAt } from "./_components/dates.ts";
import { ReadingZoneForm } from "./_components/reading_zone.tsx";
import { conversationZones } from "../lib/db/users.ts";
import type { FileView } from "./_components/attachment.tsx";
import { Island } from "./_components/island.tsx";
import InfiniteScroll from "../islands/infinite_scroll.tsx";
import JumpToDate from "../islands/jump_to_date.tsx";
import Lightbox from "../islands/lightbox.tsx";
import Search from "../islands/search.tsx";
import ViewAs from "../islands/view_as.tsx";
import { mergeCandidates } from "../lib/merge/candidates.ts";
import { coverageOf } from "../lib/merge/coverage.ts";
import { refOfSeq, seqOfRef } from "../lib/merge/refs.ts";
import { CoverageTimeline } from "./_components/coverage.tsx";
import { MergeOffer } from "./_components/merge_offer.tsx";
import { ExportMenu } from "./_components/export_menu.tsx";
import { Names } from "./_components/names.tsx";
import { PDF_MAX_MESSAGES } from "../lib/export/pdf.ts";

const PAGE = 100;
/** `before` of the newest page: past any seq (an int column). */
const NEWEST = MAX_SEQ;
const seq = z.coerce.number().int("must be an integer").min(0, "must be >= 0").max(
  NEWEST,
  `must be at most ${NEWEST}`,
);
const day = z.string().refine(isDay, "must be a date YYYY-MM-DD");
const pageQuery = z.object({ before: seq.optional(), after: seq.optional(), date: day.optional() })
  .refine((q) => [q.before, q.after, q.date].filter((v) => v !== undefined).length <= 1, {
    message: "give one of before, after or date",
    path: ["before"],
  });
const idParam = z.object({ id: z.uuid("must be a conversation id") });

/** A magnifying glass beside "Tools" (drawn with the text's colour). */
function SearchIcon() {
  return (
    <svg
      class="icon"
      aria-hidden="true"
      viewBox="0 0 16 16"
      width="14"
      height="14"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
    >
      <circle cx="6.5" cy="6.5" r="4.5" />
      <path d="M10 10l4.5 4.5" stroke-linecap="round" />
    </svg>
  );
}

/** `/c/:id`, `/c/:id/m/:ref` and the view-as form. */
export function conversationPages(deps: AppDeps) {
  async function page(c: Context<AppEnv>, id: string, at: {
    /** Runs alongside the ownership check (one round trip less); shown only to the owner. */
    messages: () => Promise<StoredMessage[]>;
    current?: number;
    notice?: string;
    /** The day a jump asked for (`YYYY-MM-DD`, the reader's): said when `current` is later. */
    askedDay?: string;
  }) {
    const [conv, messages, zones] = await Promise.all([
      getConversation(deps.db, userIdOf(c), id),
      at.messages(),
      conversationZones(deps.db, userIdOf(c), id),
    ]);
    if (!conv) throw notFound("conversation");
    if (at.current !== undefined && at.current > conv.messageCount) throw notFound("message");
    const files = await attachedFiles(deps.db, id, messages);
    const contacts = await readContacts(deps, messages, files);
    const last0 = messages.at(-1)?.seq ?? 0;
    const [coverage, [offer], newestRef] = await Promise.all([
      coverageOf(deps.db, id),
      mergeCandidates(deps.db, userIdOf(c), id, { olderOnly: true, limit: 1 }),
      last0 > 0 && last0 < conv.messageCount ? refOfSeq(deps.db, id, conv.messageCount) : null,
    ]);
    const landed = at.askedDay && messages.find((m) => m.seq === at.current);
    const landedDay = landed ? shownAt(landed, zones?.reading).slice(0, 10) : null;
    // Said just above the message landed on, where the page opens (above the list it was a
    // page of older messages away, out of sight).
    const dayNotice = landedDay && landedDay !== at.askedDay
      ? `No messages on ${formatDay(at.askedDay!)}: the next are on ${formatDay(landedDay)}.`
      : undefined;
    const group = conv.participants.length > 2;
    const first = messages[0]?.seq ?? 0, last = messages.at(-1)?.seq ?? 0;
    let day = "", previousAuthor: string | null | undefined = undefined;
    const items = messages.flatMap((m) => {
      const out = [];
      // Days follow the zone the reader reads in (lib/time), as the times do.
      const shown = shownAt(m, zones?.reading);
      const d = shown.slice(0, 10);
      if (d !== day) {
        day = d;
        previousAuthor = undefined;
        out.push(
          <li class="day">
            <time dateTime={d}>{formatDay(shown)}</time>
          </li>,
        );
      }
      const f = m.attachment ? files.get(m.attachment) : undefined;
      const file: FileView | null = f
        ? {
          url: mediaFileUrl(deps.tokens, { conversationId: id, name: m.attachment!, ...f }),
          contentType: f.contentType,
          size: f.size,
          width: f.width,
          height: f.height,
        }
        : null;
      if (dayNotice && m.seq === at.current) {
        out.push(<li class="notice jump-notice" role="status">{dayNotice}</li>);
      }
      out.push(
        <MessageItem
          m={m}
          conversationId={id}
          mine={m.author !== null && m.author === conv.viewAs}
          group={group}
          runStart={m.author !== previousAuthor}
          file={file}
          contacts={contacts.get(m.seq)}
          current={m.seq === at.current}
          zone={zones?.reading}
        />,
      );
      previousAuthor = m.kind === "system" ? undefined : m.author;
      return out;
    });
    return render(
      c,
      <Layout
        title={conv.title}
        signedIn
        wide
        skipTo={{ href: "#messages", label: "Skip to messages" }}
      >
        <header class="conv-header chat-head">
          <a class="back" href="/" aria-label="Back to your chats">←</a>
          <h1>
            <bdi>{conv.title}</bdi>
          </h1>
          <p class="muted conv-meta">
            {conv.messageCount.toLocaleString("en")} messages
            {conv.participants.length > 0 && (
              <>
                {" · "}
                <Names names={conv.participants} you={conv.viewAs} />
              </>
            )}
          </p>
          <nav class="conv-nav" aria-label="This chat">
            <a href={`/c/${conv.id}/insights`}>Insights</a>
            <a href={`/c/${conv.id}/media`}>Media</a>
            <a href={`/imports/${conv.id}/report`}>Import report</a>
            <a href={`/c/${conv.id}/privacy`}>Settings</a>
          </nav>
          <div class="head-menus">
            <details class="tools-menu">
              <summary title="Search this chat, jump to a date, view as, time zone">
                <SearchIcon /> Tools
              </summary>
              <div class="conv-tools">
                <Island
                  name="search"
                  component={Search}
                  props={{ conversation: id, label: "Search this chat", class: "search-chat" }}
                />
                <Island
                  name="jump_to_date"
                  component={JumpToDate}
                  props={{
                    conversation: id,
                    min: conv.firstDate?.slice(0, 10),
                    max: conv.lastDate?.slice(0, 10),
                    viewAs: conv.viewAs,
                    group,
                  }}
                />
                {conv.participants.length > 0 && (
                  <Island
                    name="view_as"
                    component={ViewAs}
                    props={{
                      conversation: id,
                      participants: conv.participants,
                      viewAs: conv.viewAs,
                      group,
                    }}
                  />
                )}
                {zones && <ReadingZoneForm next={conversationHref(id)} zones={zones} />}
              </div>
            </details>
            <ExportMenu
              conversationId={conv.id}
              firstDate={conv.firstDate}
              lastDate={conv.lastDate}
              pdfMax={PDF_MAX_MESSAGES}
            />
          </div>
        </header>
        {offer && <MergeOffer conversationId={id} candidate={offer} />}
        <CoverageTimeline coverage={coverage} />
        {at.notice && <p class="notice jump-notice" role="status">{at.notice}</p>}
        {first > 1 && (
          <a class="pager older" href={`/c/${id}?before=${first}`} rel="prev">Older messages</a>
        )}
        {messages.length === 0 && <p class="empty">No messages here.</p>}
        <ol
          class={group ? "messages group" : "messages"}
          id="messages"
          aria-label="Messages"
          data-conversation={id}
          data-first-seq={first}
          data-last-seq={last}
          data-total={conv.messageCount}
          data-zone={zones?.reading}
        >
          {items}
        </ol>
        {last === conv.messageCount && <div id="end" class="list-end" />}
        {last > 0 && last < conv.messageCount && (
          <>
            <a class="pager newer" href={`/c/${id}?after=${last}`} rel="next">Newer messages</a>
            <a class="pager newest" href={`/c/${id}#m${newestRef ?? conv.messageCount}`}>
              Jump to the newest
            </a>
          </>
        )}
        <Island
          name="infinite_scroll"
          component={InfiniteScroll}
          props={{ conversation: id, viewAs: conv.viewAs, group }}
        />
        <Island name="lightbox" component={Lightbox} props={{}} />
      </Layout>,
    );
  }

  return new Hono<AppEnv>()
    .get(
      "/c/:id",
      requireUserPage,
      validate("param", idParam),
      validate("query", pageQuery),
      async (c) => {
        const { id } = c.req.valid("param");
        const q = c.req.valid("query");
        if (q.date !== undefined) {
          // The day as the reader means it: from midnight in the zone they read in.
          const zones = await conversationZones(deps.db, userIdOf(c), id);
          if (!zones) throw notFound("conversation");
          const target = await seqOnOrAfter(deps.db, id, q.date, zones.reading);
          const ref = target === null ? null : await refOfSeq(deps.db, id, target);
          // The day asked for goes along: the page says so when it had no message.
          if (ref !== null) return c.redirect(`/c/${id}/m/${ref}?day=${q.date}#m${ref}`, 302);
          return await page(c, id, {
            messages: () => listMessages(deps.db, id, { before: NEWEST, limit: PAGE }),
            notice: `No messages on or after ${formatDay(q.date)}: showing the newest.`,
          });
        }
        return await page(c, id, {
          messages: () =>
            listMessages(
              deps.db,
              id,
              q.after !== undefined
                ? { after: q.after, limit: PAGE }
                : { before: q.before ?? NEWEST, limit: PAGE },
            ),
        });
      },
    )
    .get(
      "/c/:id/m/:ref",
      requireUserPage,
      validate("param", idParam.extend({ ref: seq.min(1, "must be >= 1") })),
      validate("query", z.object({ day: day.optional() })),
      async (c) => {
        const { id, ref } = c.req.valid("param");
        const { day } = c.req.valid("query");
        // The ref is stable across merges; the page is found by position (keyset on seq).
        const seq = await seqOfRef(deps.db, id, ref);
        if (seq === null) {
          const owned = await getConversation(deps.db, userIdOf(c), id);
          throw notFound(owned ? "message" : "conversation");
        }
        return await page(c, id, {
          messages: () => listAround(deps.db, id, seq, PAGE),
          current: seq,
          askedDay: day,
        });
      },
    )
    .post("/c/:id/view-as", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const userId = userIdOf(c);
      const conv = await getConversation(deps.db, userId, id);
      if (!conv) throw notFound("conversation");
      const form = await c.req.parseBody();
      const participant = typeof form.participant === "string" && form.participant !== ""
        ? form.participant
        : null;
      if (participant !== null && !conv.participants.includes(participant)) {
        throw new AppError(
          400,
          "invalid_request",
          "participant: must be one of the conversation's participants",
        );
      }
      await setViewAs(deps.db, userId, id, participant);
      return c.redirect(conversationHref(id), 303);
    });
}
