import { Hono } from "hono";
import { z } from "zod";
import {
  type Conversation,
  conversationBlobPrefixes,
  deleteConversation, getConversation, listConversations } from "../../lib/db/conversations.ts";
import { getMedia, mediaNames } from "../../lib/db/media.ts";
import { listMessages, type StoredMessage } from "../../lib/db/messages.ts";
import { notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";

const idParam = z.object({ id: z.uuid("must be a conversation id") });
const seq = z.coerce.number().int("must be an integer").min(0, "must be >= 0");
export const pageQuery = z.object({
  after: seq.optional(),
  before: seq.optional(),
  limit: z.coerce.number().int().min(1).max(500, "must be at most 500").default(100),
}).refine((q) => q.after === undefined || q.before === undefined, {
  message: "give either after or before, not both",
  path: ["before"],
});

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
    version: c.version,
    summary: c.summary ?? null,
    createdAt: c.createdAt,
  };
}

/** URL of a conversation's media file (served to its owner only). */
export const mediaUrl = (conversationId: string, name: string) =>
  `/api/conversations/${conversationId}/media/${encodeURIComponent(name)}`;

/** Messages with `mediaUrl` set where the attachment's file is in the export. */
export function messagesJson(conversationId: string, messages: StoredMessage[], media: Set<string>) {
  return messages.map((m) => ({
    ...m,
    mediaUrl: m.attachment && media.has(m.attachment) ? mediaUrl(conversationId, m.attachment) : null,
  }));
}

/** Conversations of the signed-in user: list, one, messages by keyset, media, delete. */
export function conversationsApi(deps: AppDeps) {
  const { db, blobs } = deps;
  const owned = async (userId: string, id: string) => {
    const conversation = await getConversation(db, userId, id);
    if (!conversation) throw notFound("conversation");
    return conversation;
  };
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const rows = await listConversations(db, userIdOf(c));
      return c.json({ conversations: rows.map(conversationJson) });
    })
    .get("/:id", validate("param", idParam), async (c) => {
      return c.json(conversationJson(await owned(userIdOf(c), c.req.valid("param").id)));
    })
    .get("/:id/messages", validate("param", idParam), validate("query", pageQuery), async (c) => {
      const { id } = c.req.valid("param");
      const conversation = await owned(userIdOf(c), id);
      const q = c.req.valid("query");
      const messages = await listMessages(db, id, q);
      const first = messages[0]?.seq, last = messages.at(-1)?.seq;
      return c.json({
        messages: messagesJson(id, messages, await mediaNames(db, id)),
        total: conversation.messageCount,
        prev: first !== undefined && first > 1 ? { before: first } : null,
        next: last !== undefined && last < conversation.messageCount ? { after: last } : null,
      });
    })
    .get("/:id/media/:name", validate("param", idParam.extend({ name: z.string().min(1) })), async (c) => {
      const { id, name } = c.req.valid("param");
      const media = await getMedia(db, userIdOf(c), id, name);
      const blob = media && await blobs.get(media.blobKey);
      if (!media || !blob) throw notFound("media");
      return c.body(blob.body, 200, {
        "Content-Type": media.contentType,
        "Content-Length": String(blob.size),
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `${media.contentType.startsWith("image/") || media.contentType.startsWith("audio/") || media.contentType.startsWith("video/") ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "private, max-age=31536000, immutable",
      });
    })
    .delete("/:id", validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      await owned(userIdOf(c), id);
      await deleteConversation(db, userIdOf(c), id);
      for (const prefix of conversationBlobPrefixes(id)) await blobs.deletePrefix(prefix);
      return c.body(null, 204);
    });
}
