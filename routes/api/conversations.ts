import { Hono } from "hono";
import { z } from "zod";
import {
  type Conversation,
  LIBRARY_SORTS,
  listConversations,
  ownConversation,
  renameConversation,
  setViewAs,
} from "../../lib/db/conversations.ts";
import { getMedia } from "../../lib/db/media.ts";
import {
  type AttachedFile,
  attachedFiles,
  listAround,
  listMessages,
  MAX_SEQ,
  seqOnOrAfter,
  type StoredMessage,
} from "../../lib/db/messages.ts";
import { seqOfRef } from "../../lib/merge/refs.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { attachmentDisplayName } from "../../lib/format/attachment_name.ts";
import { mediaFileUrl, type MediaSigner } from "../../lib/media_url.ts";
import { isDay } from "../_components/dates.ts";
import { formatInZone } from "../../lib/time/format.ts";
import { timeZoneSchema } from "../../lib/time/schema.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { privacyApi } from "./privacy.ts";
import { mediaResponse } from "../files.ts";

export const idParam = z.object({ id: z.uuid("must be a conversation id") });
/** `GET /:id/media/:name`'s path parameters. */
export const mediaParams = idParam.extend({ name: z.string().min(1) });
const seq = z.coerce.number().int("must be an integer").min(0, "must be >= 0")
  .max(MAX_SEQ, `must be at most ${MAX_SEQ}`);
/**
 * A page of messages: `after`/`before` a seq (keyset), `around` a seq (it and about half a
 * page before it), around the message with a `ref` (as its permalink), or around the first
 * message on or after a `date` (YYYY-MM-DD); none: the first page.
 */
export const pageQuery = z.object({
  after: seq.optional(),
  before: seq.optional(),
  around: seq.min(1, "must be >= 1").optional().describe(
    "Around the message with this seq (it and about half a page before it); none: 404",
  ),
  ref: seq.min(1, "must be >= 1").optional().describe(
    "Around the message with this stable ref (its permalink `/c/:id/m/:ref`), whatever its seq",
  ),
  date: z.string().refine(isDay, "must be a date YYYY-MM-DD").optional(),
  limit: z.coerce.number().int().min(1).max(500, "must be at most 500").default(100),
  tz: timeZoneSchema.optional().describe(
    "Write each message's `at` in this IANA zone, and read `date` as a day there (default: the " +
      "conversation's own zone)",
  ),
}).refine((q) => [q.after, q.before, q.around, q.date].filter((v) => v !== undefined).length <= 1, {
  message: "give one of after, before, around or date",
  path: ["before"],
}).refine(
  (q) => q.ref === undefined || [q.after, q.before, q.around, q.date].every((v) => v === undefined),
  { message: "give ref alone, not with after, before, around or date", path: ["ref"] },
);

/** `GET /` query: the library's order, as on the library page (`/?sort=`). */
export const libraryQuery = z.object({
  sort: z.enum(LIBRARY_SORTS, `must be one of ${LIBRARY_SORTS.join(", ")}`).default("recent")
    .describe("recent: newest activity first; title: A–Z; size: most messages first"),
});

/** `PUT /:id/view-as` body (also in the OpenAPI document). */
export const viewAsBody = z.object({
  participant: z.string().min(1).nullable().describe("A participant's name; null: none"),
});

/** The longest title a conversation may be given. */
export const MAX_TITLE = 200;
/** A conversation's new title: trimmed, 1–200 characters, on one line. */
export const titleSchema = z.string().trim()
  .min(1, "must not be empty")
  .max(MAX_TITLE, `must be at most ${MAX_TITLE} characters`)
  // U+2028 and U+2029 (Zl, Zp) are line breaks too.
  .refine((t) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(t), "must be one line, without control characters");
/** `PATCH /:id` body (also in the OpenAPI document). */
export const renameBody = z.object({ title: titleSchema.describe("The conversation's new name") });

/** The API shape of a conversation. */
export function conversationJson(c: Conversation) {
  return {
    id: c.id,
    title: c.title,
    participants: c.participants,
    messageCount: c.messageCount,
    firstDate: c.firstDate,
    lastDate: c.lastDate,
    viewAs: c.viewAs,
    timeZone: c.timeZone,
    version: c.version,
    summary: c.summary ?? null,
    createdAt: c.createdAt,
  };
}

/** URL of a conversation's media file on the session-authenticated API (its owner only). */
export const mediaUrl = (conversationId: string, name: string) =>
  `/api/conversations/${conversationId}/media/${encodeURIComponent(name)}`;

/**
 * Messages with `mediaUrl` set where the attachment's file is in the export (its capability
 * URL, lib/media_url.ts), and `file` describing it (`{ url, contentType, size, width, height }`,
 * else null).
 */
export function messagesJson(
  signer: MediaSigner,
  conversationId: string,
  messages: StoredMessage[],
  files: Map<string, AttachedFile>,
  /** Writes `at` in this zone (with its offset) instead of UTC. */
  zone?: string,
) {
  return messages.map((m) => {
    const f = m.attachment ? files.get(m.attachment) : undefined;
    const url = f ? mediaFileUrl(signer, { conversationId, name: m.attachment!, ...f }) : null;
    return {
      ...m,
      at: zone && m.at ? formatInZone(m.at, zone) : m.at,
      attachmentName: m.attachment === null ? null : attachmentDisplayName(m.attachment),
      mediaUrl: url,
      file: f && url
        ? { url, contentType: f.contentType, size: f.size, width: f.width, height: f.height }
        : null,
    };
  });
}

/** Conversations of the signed-in user: list, one, messages by keyset, media, delete. */
export function conversationsApi(deps: AppDeps) {
  const { db, blobs } = deps;
  const owned = (userId: string, id: string) => ownConversation(db, userId, id);
  // The lookup of the permalink page (`/c/:id/m/:ref`): a merge renumbers seqs, not refs.
  const seqOfRefOr404 = async (id: string, ref: number) => {
    const found = await seqOfRef(db, id, ref);
    if (found === null) throw new AppError(404, "not_found", `ref: no message with ref ${ref}`);
    return found;
  };
  return new Hono<AppEnv>()
    .get("/", validate("query", libraryQuery), async (c) => {
      const rows = await listConversations(db, userIdOf(c), c.req.valid("query").sort);
      return c.json({
        conversations: rows.map((r) => ({ ...conversationJson(r), lastMessage: r.lastMessage })),
      });
    })
    .get("/:id", validate("param", idParam), async (c) => {
      return c.json(conversationJson(await owned(userIdOf(c), c.req.valid("param").id)));
    })
    .get("/:id/messages", validate("param", idParam), validate("query", pageQuery), async (c) => {
      const { id } = c.req.valid("param");
      const conversation = await owned(userIdOf(c), id);
      const q = c.req.valid("query");
      // A message that is not there is a 404 naming it, as `ref` and the permalink page say
      // (seqs run 1..messageCount); `date` past the end is the newest page, as on the page.
      if (q.around !== undefined && q.around > conversation.messageCount) {
        throw new AppError(404, "not_found", `around: no message with seq ${q.around}`);
      }
      // `target`: the message asked for by `around` or `ref`, or found for `date` (null: the
      // chat ends before that day, and the newest page is returned).
      const target = q.ref !== undefined
        ? await seqOfRefOr404(id, q.ref)
        : q.date !== undefined
        ? await seqOnOrAfter(db, id, q.date, q.tz ?? conversation.timeZone)
        : q.around ?? null;
      const messages = target !== null
        ? await listAround(db, id, target, q.limit)
        : q.date !== undefined
        ? await listMessages(db, id, { before: conversation.messageCount + 1, limit: q.limit })
        : await listMessages(db, id, q);
      const first = messages[0]?.seq, last = messages.at(-1)?.seq;
      const files = await attachedFiles(db, id, messages);
      return c.json({
        messages: messagesJson(deps.tokens, id, messages, files, q.tz),
        target,
        total: conversation.messageCount,
        prev: first !== undefined && first > 1 ? { before: first } : null,
        next: last !== undefined && last < conversation.messageCount ? { after: last } : null,
      });
    })
    .put(
      "/:id/view-as",
      validate("param", idParam),
      validate("json", viewAsBody),
      async (c) => {
        const { id } = c.req.valid("param");
        const { participant } = c.req.valid("json");
        const conversation = await owned(userIdOf(c), id);
        if (participant !== null && !conversation.participants.includes(participant)) {
          throw new AppError(
            400,
            "invalid_request",
            "participant: must be one of the conversation's participants",
          );
        }
        await setViewAs(db, userIdOf(c), id, participant);
        return c.json(conversationJson(await owned(userIdOf(c), id)));
      },
    )
    .patch("/:id", validate("param", idParam), validate("json", renameBody), async (c) => {
      const { id } = c.req.valid("param");
      const { title } = c.req.valid("json");
      if (!(await renameConversation(db, userIdOf(c), id, title))) throw notFound("conversation");
      return c.json(conversationJson(await owned(userIdOf(c), id)));
    })
    .get(
      "/:id/media/:name",
      validate("param", mediaParams),
      async (c) => {
        const { id, name } = c.req.valid("param");
        const media = await getMedia(db, userIdOf(c), id, name);
        if (!media) throw notFound("media");
        // Private (the browser's cache only): the URL is stable, and guessable by its owner.
        return await mediaResponse(c, blobs, media, "private, max-age=31536000, immutable");
      },
    )
    // DELETE /:id (saying what it removed; fused exports' files too) and /:id/retention.
    .route("/", privacyApi(deps));
}
