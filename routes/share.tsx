import type { Context } from "hono";
import { Hono } from "hono";
import type { VNode } from "preact";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { z } from "zod";
import { attachedFiles, listMessages, MAX_SEQ } from "../lib/db/messages.ts";
import {
  daysAt,
  getLiveShare,
  redactionSource,
  shareMedia,
  sharePeople,
  shareSeqRange,
} from "../lib/db/shares.ts";
import { createRedactor, REDACTED_TITLE } from "../lib/redact/redact.ts";
import { notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { notModified, strongEtag } from "./_middleware/cache.ts";
import { mediaResponse } from "./files.ts";
import { validate } from "./_middleware/validate.ts";
import { shareIdFromToken } from "./api/shares.ts";
import { formatDay, formatShortDay } from "./_components/dates.ts";
import { Layout } from "./_components/layout.tsx";
import { MessageItem } from "./_components/message_item.tsx";
import { Names } from "./_components/names.tsx";
import { readContacts } from "./_components/read_contacts.ts";
import { PageCtx } from "./_components/page_context.ts";

const PAGE = 100;
/** "Participant 2" before "Participant 10". */
const byNumber = new Intl.Collator("en", { numeric: true });
/** How long an edge cache may serve a shared page: also how long a revoked link may linger there. */
export const SHARE_EDGE_SECONDS = 60;

const query = z.object({
  after: z.coerce.number().int().min(0).max(MAX_SEQ, `must be at most ${MAX_SEQ}`).optional(),
  before: z.coerce.number().int().min(1).max(MAX_SEQ, `must be at most ${MAX_SEQ}`).optional(),
});

/** `public` for edge caches, capped by the link's expiry; browsers revalidate (ETag). */
function shareCacheControl(expiresAt: Date): string {
  const left = Math.floor((expiresAt.getTime() - Date.now()) / 1000);
  return `public, max-age=0, s-maxage=${Math.max(0, Math.min(SHARE_EDGE_SECONDS, left))}`;
}

/** Share versions whose people are remembered (a few KB each at most: names, not messages). */
const PEOPLE_KEPT = 500;

/**
 * {@link sharePeople}, remembered per share and version of its conversation (`key`: what the
 * page's ETag is made of, so it changes whenever the people could). Outside a whole chat no merge
 * grew, it counts the range's messages (0.3 s per million): done on every request, anyone holding
 * the link could make the database do that at will, uncached (`?after=` pages are many URLs), and
 * with no session to rate-limit. Concurrent misses share one query; the oldest entry goes first.
 */
function rememberedPeople(): (key: string, load: () => Promise<string[]>) => Promise<string[]> {
  const kept = new Map<string, Promise<string[]>>();
  return (key, load) => {
    let people = kept.get(key);
    if (people) {
      kept.delete(key); // most recently used last
    } else {
      people = load();
      people.catch(() => kept.delete(key));
    }
    kept.set(key, people);
    if (kept.size > PEOPLE_KEPT) kept.delete(kept.keys().next().value!);
    return people;
  };
}

/** Renders like `render()`, but with the default theme: a shared page never reads a cookie. */
function renderShared(c: Context, page: VNode) {
  const url = new URL(c.req.url);
  const tree = h(
    PageCtx.Provider,
    { value: { theme: "auto", path: url.pathname + url.search } },
    page,
  );
  return c.html("<!doctype html>" + renderToString(tree));
}

/**
 * `/s/:token`: a read-only page of a shared conversation or message range, paged by keyset,
 * and `/s/:token/media/:name` for the media of that range only. Mounted before the session
 * middleware: no cookie is read and nothing of the visitor's account is shown, so the answers
 * may be cached at the edge keyed by URL alone. The share row is checked on every request:
 * revoked, expired or deleted → 404 at the origin at once.
 */
export function sharePages(deps: AppDeps) {
  const { db, blobs, tokens } = deps;
  const buildId = deps.config.buildId;
  const peopleOf = rememberedPeople();
  const liveShare = async (c: Context) => {
    const id = shareIdFromToken(tokens, c.req.param("token") ?? "");
    const share = id && await getLiveShare(db, id);
    if (!share) throw notFound("shared conversation");
    return share;
  };
  return new Hono<AppEnv>()
    .get("/s/:token", validate("query", query), async (c) => {
      const share = await liveShare(c);
      const token = c.req.param("token");
      const range = await shareSeqRange(db, share);
      if (!range) throw notFound("shared messages");
      const { first, last } = range;
      const q = c.req.valid("query");
      const cacheControl = shareCacheControl(share.expiresAt);
      const etag = strongEtag([
        buildId,
        "share",
        share.id,
        share.version,
        share.updatedAt.getTime(),
        new URL(c.req.url).search,
      ]);
      const cached = notModified(c, etag, cacheControl);
      if (cached) return cached;
      const page = q.before !== undefined
        ? { before: Math.min(q.before, last + 1), limit: PAGE, maxRef: share.maxRef }
        : { after: Math.max(q.after ?? 0, first - 1), limit: PAGE, maxRef: share.maxRef };
      // Its days, not its positions: those would tell how many messages a merge put around it.
      // The bounds need not be on the page shown, so they are read beside it.
      const [rows, [fromDay, toDay], writers] = await Promise.all([
        listMessages(db, share.conversationId, page),
        daysAt(db, share.conversationId, [first, last]),
        peopleOf(
          [share.id, share.version, share.updatedAt.getTime(), share.maxRef, first, last].join(":"),
          () => sharePeople(db, share, range),
        ),
      ]);
      const span = fromDay && toDay
        ? fromDay === toDay
          ? formatShortDay(fromDay)
          : `${formatShortDay(fromDay)} – ${formatShortDay(toDay)}`
        : "";
      const inRange = rows.filter((m) => m.seq >= first && m.seq <= last);
      // Redacted at render time, never stored: a redacted share has no files and no "me".
      const redactor = share.redacted
        ? createRedactor(await redactionSource(db, share.conversationId))
        : null;
      const messages = redactor ? inRange.map((m) => redactor.message(m)) : inRange;
      const files = redactor ? new Map() : await attachedFiles(db, share.conversationId, messages);
      const contacts = redactor ? new Map() : await readContacts(deps, messages, files);
      const title = redactor ? REDACTED_TITLE : share.title;
      // Who is in it, as the conversation page's header says; redacted: their pseudonyms, by
      // number (two spellings of one name are one participant).
      const people = redactor
        ? [...new Set(writers.map(redactor.author))].sort(byNumber.compare)
        : writers;
      const lo = messages[0]?.seq ?? 0, hi = messages.at(-1)?.seq ?? 0;
      let day = "", previousAuthor: string | null | undefined = undefined;
      c.header("ETag", etag);
      c.header("Cache-Control", cacheControl);
      c.header("X-Robots-Tag", "noindex, nofollow");
      return renderShared(
        c,
        <Layout title={title} wide>
          <header class="conv-header share-head">
            <h1>
              <bdi>{title}</bdi>
            </h1>
            <p class="muted">
              Shared read-only{span && `: ${span}`}
              {people.length > 0 && (
                <>
                  {" · "}
                  <span class="participants">
                    <Names names={people} max={6} />
                  </span>
                </>
              )}
              {redactor && " · redacted: names, phone numbers and media hidden"}
            </p>
          </header>
          {lo > first && (
            <a class="pager" href={`/s/${token}?before=${lo}`} rel="prev">Earlier messages</a>
          )}
          <ol class="messages">
            {messages.flatMap((m) => {
              const items = [];
              const d = m.date.slice(0, 10);
              if (d !== day) {
                day = d;
                previousAuthor = undefined;
                items.push(
                  <li class="day">
                    <time dateTime={d}>{formatDay(m.date)}</time>
                  </li>,
                );
              }
              const f = m.attachment ? files.get(m.attachment) : undefined;
              items.push(
                <MessageItem
                  m={m}
                  // no conversationId: the owner's permalinks are useless to (and would expose
                  // the conversation's id to) whoever holds the link
                  mine={!redactor && m.author !== null && m.author === share.viewAs}
                  visitor
                  group
                  runStart={m.author !== previousAuthor}
                  file={f
                    ? {
                      url: `/s/${token}/media/${encodeURIComponent(m.attachment!)}`,
                      contentType: f.contentType,
                      size: f.size,
                      width: f.width,
                      height: f.height,
                    }
                    : null}
                  contacts={contacts.get(m.seq)}
                />,
              );
              previousAuthor = m.author;
              return items;
            })}
          </ol>
          {hi > 0 && hi < last && (
            <a class="pager" href={`/s/${token}?after=${hi}`} rel="next">Later messages</a>
          )}
        </Layout>,
      );
    })
    .get("/s/:token/media/:name", async (c) => {
      const share = await liveShare(c);
      const name = c.req.param("name");
      // A redacted share shows no media at all.
      const range = share.redacted ? null : await shareSeqRange(db, share);
      const row = range &&
        await shareMedia(db, share.conversationId, { ...range, maxRef: share.maxRef }, name);
      if (!row) throw notFound("media");
      const cacheControl = shareCacheControl(share.expiresAt);
      // The type is part of the answer (a re-parse may classify the file anew).
      const etag = strongEtag(["share-media", share.id, row.blobKey, row.contentType]);
      const cached = notModified(c, etag, cacheControl);
      if (cached) return cached;
      return await mediaResponse(c, blobs, { ...row, name }, cacheControl, { etag });
    });
}
