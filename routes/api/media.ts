/**
 * The media gallery API: `GET /api/media` (the user's whole library, or one conversation by
 * `conversationId`) and `GET /api/conversations/:id/media` (one conversation; another user's id
 * is a 404). Items newest first, filtered by type, author and days, paged by an opaque cursor.
 *
 * @module
 */
import { Hono } from "hono";
import { z } from "zod";
import { getConversation } from "../../lib/db/conversations.ts";
import { getReadingZone } from "../../lib/db/users.ts";
import { decodeCursor, encodeCursor, type GalleryItem, listGallery } from "../../lib/db/gallery.ts";
import { MEDIA_TYPES } from "../../lib/insights/media.ts";
import { notFound } from "../../lib/errors.ts";
import { attachmentDisplayName } from "../../lib/format/attachment_name.ts";
import { mediaFileUrl, type MediaSigner } from "../../lib/media_url.ts";
import { shownAt } from "../_components/dates.ts";
import { permalink } from "../_components/message_item.tsx";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { idParam } from "./conversations.ts";
import type { ApiOperation } from "./openapi_types.ts";

// An empty form field (`?type=`) means "any": the gallery's filter form sends every field.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
const day = z.iso.date("must be a date (YYYY-MM-DD)");

/** Fields of the gallery filter (the pages validate with the same). */
export const galleryFields = {
  type: optional(z.enum(MEDIA_TYPES, `must be one of ${MEDIA_TYPES.join(", ")}`)),
  author: optional(z.string().max(200, "must be at most 200 characters")),
  from: optional(day.describe("First day (wall clock of the chat), inclusive")),
  to: optional(day.describe("Last day, inclusive")),
  cursor: optional(
    z.string().refine((s) => decodeCursor(s) !== null, "must be a previous answer's `next`"),
  ),
  limit: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int("must be an integer").min(1, "must be >= 1")
      .max(200, "must be at most 200").default(60),
  ),
};
const datesInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const order = { message: "must not be after to", path: ["from"] };

/** Query of `GET /api/conversations/:id/media`. */
export const galleryQuery = z.object(galleryFields).refine(datesInOrder, order);
/** Query of `GET /api/media`: the same, optionally narrowed to one conversation. */
export const libraryGalleryQuery = z.object({
  ...galleryFields,
  conversationId: optional(z.uuid("must be a conversation id")),
}).refine(datesInOrder, order);
/** A validated gallery query. */
export type GalleryQuery = z.infer<typeof libraryGalleryQuery>;

/** A gallery item as pages and the API show it: with its capability URLs, not its blob key. */
export type GalleryEntry = Omit<GalleryItem, "blobKey"> & { url: string; downloadUrl: string };

/** Adds an item's capability URLs (lib/media_url.ts): inline, and as a download. */
export function galleryEntry(signer: MediaSigner, item: GalleryItem): GalleryEntry {
  const { blobKey: _, ...rest } = item;
  return {
    ...rest,
    url: mediaFileUrl(signer, item),
    downloadUrl: mediaFileUrl(signer, item, { download: true }),
  };
}

/** The API shape of a gallery item; `shownAt` is its time in the reader's zone (if any). */
export function galleryItemJson(item: GalleryEntry, zone: string | null) {
  return {
    ...item,
    displayName: attachmentDisplayName(item.name),
    shownAt: shownAt(item, zone),
    permalink: permalink(item.conversationId, item.ref),
  };
}

const galleryItemSchema = z.object({
  conversationId: z.uuid(),
  conversationTitle: z.string(),
  ref: z.number().int().describe("The message's stable reference (permalink /c/:id/m/:ref)"),
  seq: z.number().int().describe("Its position in the conversation's timeline"),
  date: z.string().describe("Wall clock YYYY-MM-DDTHH:MM:SS, as exported"),
  at: z.string().describe("The instant (ISO, UTC)"),
  shownAt: z.string().describe(
    "The time in the reader's zone with its offset; without one, the wall clock as exported",
  ),
  author: z.string().nullable(),
  name: z.string().describe("The file's name in the export"),
  displayName: z.string().describe(
    "The name shown and downloaded: `name` without iOS's `00000002-` numbering",
  ),
  size: z.number().int(),
  contentType: z.string(),
  type: z.enum(MEDIA_TYPES),
  url: z.string().describe(
    "Capability URL of the file (/files/…, no session needed; inline for images, audio, video)",
  ),
  downloadUrl: z.string().describe("The same file as an attachment download (`?download=1`)"),
  permalink: z.string().describe("The message in the conversation page, highlighted"),
});
const galleryPageSchema = z.object({
  items: z.array(galleryItemSchema),
  next: z.string().nullable().describe("`cursor` of the next page; null on the last page"),
});

/** Lists a page for a validated query; `conversationId` must be the user's (checked here). */
export async function runGallery(deps: AppDeps, userId: string, q: GalleryQuery) {
  if (q.conversationId && !await getConversation(deps.db, userId, q.conversationId)) {
    throw notFound("conversation");
  }
  const page = await listGallery(deps.db, userId, {
    conversationId: q.conversationId,
    type: q.type,
    author: q.author,
    from: q.from,
    to: q.to,
    cursor: q.cursor ? decodeCursor(q.cursor)! : undefined,
    limit: q.limit,
  });
  return {
    items: page.items.map((item) => galleryEntry(deps.tokens, item)),
    next: page.next ? encodeCursor(page.next) : null,
  };
}

/** A gallery page as the API answers it, times in the user's reading zone. */
async function galleryPageJson(deps: AppDeps, userId: string, q: GalleryQuery) {
  const [page, zone] = await Promise.all([
    runGallery(deps, userId, q),
    getReadingZone(deps.db, userId),
  ]);
  return { items: page.items.map((i) => galleryItemJson(i, zone)), next: page.next };
}

/** `/media` and `/conversations/:id/media`, mounted under `/api` (signed-in users only). */
export function mediaApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/media", validate("query", libraryGalleryQuery), async (c) => {
      return c.json(await galleryPageJson(deps, userIdOf(c), c.req.valid("query")));
    })
    .get(
      "/conversations/:id/media",
      validate("param", idParam),
      validate("query", galleryQuery),
      async (c) => {
        const q = { ...c.req.valid("query"), conversationId: c.req.valid("param").id };
        return c.json(await galleryPageJson(deps, userIdOf(c), q));
      },
    );
}

const notFoundResponse = { description: "No such conversation of yours" };

/** The gallery's operations in the OpenAPI document. */
export const mediaOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/media",
    tag: "Media",
    summary: "The media gallery of the whole library",
    description: "Files of the user's chats that are in their exports (text-only exports have " +
      "none), newest first; filters combine. Page with `cursor` = the previous answer's `next`.",
    query: libraryGalleryQuery,
    responses: {
      200: { description: "A page of media", schema: galleryPageSchema },
      404: notFoundResponse,
    },
  },
  {
    method: "get",
    path: "/api/conversations/:id/media",
    tag: "Media",
    summary: "The media gallery of one conversation",
    params: idParam,
    query: galleryQuery,
    responses: {
      200: { description: "A page of media", schema: galleryPageSchema },
      404: notFoundResponse,
    },
  },
];
