/**
 * `GET /api/search?q=…[&conversation=ID][&author=NAME][&from=YYYY-MM-DD][&to=YYYY-MM-DD][&limit=N]
 * [&before=CURSOR]`
 *
 * Full-text search over the signed-in user's messages, newest first by instant (chats in
 * different zones interleave as their messages happened, not by their wall clocks). `q` takes
 * web-search syntax (`"a phrase"`, `or`, `-word`); matching ignores case and accents. The answer:
 *
 * ```json
 * { "query": "cafe", "more": false, "next": null, "indexing": 0, "results": [{
 *     "conversation": { "id": "…", "title": "Book club" }, "seq": 42, "ref": 42,
 *     "date": "2024-01-02T10:00:00", "at": "2024-01-02T09:00:00Z",
 *     "shownAt": "2024-01-02T18:00:00+09:00", "author": "Ann", "kind": "text",
 *     "url": "/c/…/m/42#m42",
 *     "snippet": { "text": "See you at the Café", "highlights": [[15, 19]] } }] }
 * ```
 *
 * `snippet.text` is plain text (the whole message when short, else up to two fragments
 * joined by " … "); `highlights` are `[start, end)` offsets in UTF-16 code units (JavaScript
 * string indices), sorted, not overlapping. Insert the text as text and wrap the ranges in
 * `<mark>`: never build HTML from it. A `conversation` that is not the user's is a 404.
 * `date` is the wall clock as exported, `at` the instant, `shownAt` the instant in the reader's
 * zone (account setting; else the wall clock). `from`/`to` are days in the reader's zone.
 * `seq` is the message's place in the timeline (a merge renumbers it), `ref` its stable id.
 * `indexing` counts the conversations searched whose index is still being built (right after
 * an import): their messages are not in the results yet. When `more`, `next` is an opaque cursor:
 * the same query with `before=<next>` answers the following (older) results.
 *
 * @module
 */
import { Hono } from "hono";
import { z } from "zod";
import { getConversation } from "../../lib/db/conversations.ts";
import { decodeCursor, encodeCursor, type SearchHit, searchMessages } from "../../lib/db/search.ts";
import { notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { isDay, shownAt } from "../_components/dates.ts";
import { getReadingZone } from "../../lib/db/users.ts";
import { permalink } from "../_components/message_item.tsx";
import type { ApiOperation } from "./openapi_types.ts";

const day = z.string().refine(isDay, "must be a date YYYY-MM-DD");

const cursor = z.string().max(200).transform((text, ctx) => {
  const c = decodeCursor(text);
  if (!c) ctx.addIssue({ code: "custom", message: "must be the `next` of a previous answer" });
  return c ?? z.NEVER;
});
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The search filters, shared by the API and the `/search` page (empty fields are unset). */
export const searchQuery = z.object({
  q: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  conversation: optional(z.uuid("must be a conversation id")),
  author: optional(z.string().trim().min(1).max(200, "must be at most 200 characters")),
  from: optional(day),
  to: optional(day),
  limit: z.coerce.number().int().min(1).max(100, "must be at most 100").default(20),
  before: optional(cursor),
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "must not be after to",
  path: ["from"],
});

export type SearchQuery = z.infer<typeof searchQuery>;

/** Runs a search for the user; a conversation filter naming another user's chat is a 404. */
export async function runSearch(deps: AppDeps, userId: string, q: SearchQuery) {
  if (q.conversation && !(await getConversation(deps.db, userId, q.conversation))) {
    throw notFound("conversation");
  }
  // Days and times as the reader means them (null: each chat's own wall clock).
  const zone = await getReadingZone(deps.db, userId);
  const found = await searchMessages(deps.db, userId, {
    zone: zone ?? undefined,
    query: q.q,
    conversationId: q.conversation,
    author: q.author,
    from: q.from,
    to: q.to,
    limit: q.limit,
    before: q.before,
  });
  return { ...found, zone };
}

/** The API shape of a search hit. */
export function hitJson(h: SearchHit, zone: string | null) {
  return {
    conversation: { id: h.conversationId, title: h.title },
    seq: h.seq,
    ref: h.ref,
    date: h.date,
    at: h.at,
    shownAt: shownAt(h, zone),
    author: h.author,
    kind: h.kind,
    url: permalink(h.conversationId, h.ref),
    snippet: h.snippet,
  };
}

/** The shape of {@link hitJson}, for the OpenAPI document. */
const searchHitSchema = z.object({
  conversation: z.object({ id: z.uuid(), title: z.string() }),
  seq: z.number().int().describe("Place in the timeline now (a merge renumbers it)"),
  ref: z.number().int().describe("The message's stable reference"),
  date: z.string().describe("The wall clock as exported"),
  at: z.string().describe("The instant (ISO, UTC)"),
  shownAt: z.string().describe("The time in the reader's zone, with its offset"),
  author: z.string().nullable(),
  kind: z.string(),
  url: z.string().describe("The message's permalink page"),
  snippet: z.object({
    text: z.string().describe("Plain text: insert as text, never as HTML"),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()]))
      .describe("[start, end) offsets (UTF-16) of the matches in text"),
  }),
});

/** `/api/search` (mounted behind requireUser). */
export function searchApi(deps: AppDeps) {
  return new Hono<AppEnv>().get("/", validate("query", searchQuery), async (c) => {
    const q = c.req.valid("query");
    const { hits, more, next, indexing, zone } = await runSearch(deps, userIdOf(c), q);
    return c.json({
      query: q.q,
      more,
      next: next && encodeCursor(next),
      indexing,
      results: hits.map((h) => hitJson(h, zone)),
    });
  });
}

/** The OpenAPI entry of {@link searchApi}. */
export const searchOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/search",
    tag: "Search",
    summary: "Full-text search over one's messages, newest first",
    description:
      '`q` takes web-search syntax (`"a phrase"`, `or`, `-word`); case and accents are ignored.',
    query: searchQuery,
    responses: {
      200: {
        description: "Matches",
        schema: z.object({
          query: z.string(),
          more: z.boolean(),
          next: z.string().nullable()
            .describe("When `more`: pass as `before` for the following (older) results"),
          indexing: z.number().int()
            .describe("Conversations searched whose index is still being built (not in results)"),
          results: z.array(searchHitSchema),
        }),
      },
    },
  },
];
