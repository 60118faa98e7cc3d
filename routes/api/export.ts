import { Hono } from "hono";
import { z } from "zod";
import type { Sql } from "../../lib/db/client.ts";
import { originalUpload } from "../../lib/db/account.ts";
import { type Conversation, getConversation } from "../../lib/db/conversations.ts";
import { listMessages } from "../../lib/db/messages.ts";
import { notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { conversationJson } from "./conversations.ts";

export const exportParams = z.object({ id: z.uuid("must be a conversation id") });
export const exportQuery = z.object({
  format: z.enum(["json", "original"], "must be json or original").default("json")
    .describe("`json`: the conversation and every message; `original`: the uploaded file"),
});
/** The shape of a JSON export (what the stream writes, one message per line). */
export const exportJsonSchema = z.object({
  format: z.literal("whatsapp-reader-export/1"),
  exportedAt: z.iso.datetime(),
  conversation: z.object({ id: z.uuid(), title: z.string() }).loose(),
  messages: z.array(z.object({
    seq: z.number().int(),
    date: z.string().describe("Wall-clock time of the export, YYYY-MM-DDTHH:MM:SS"),
    author: z.string().nullable(),
    text: z.string(),
    kind: z.string(),
    attachment: z.string().nullable(),
    edited: z.boolean(),
  })),
});

const PAGE = 2000;
const encoder = new TextEncoder();

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\w .()-]/g, "_").slice(0, 150) || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The conversation and all its messages as one JSON document, streamed page by page (keyset,
 * 2,000 messages a query, pulled only as fast as the client reads): memory stays flat for a
 * million messages and no connection is held between pages.
 */
export function exportStream(db: Sql, conversation: Conversation): ReadableStream<Uint8Array> {
  let after = 0, first = true, started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const head = {
          format: "whatsapp-reader-export/1",
          exportedAt: new Date().toISOString(),
          conversation: conversationJson(conversation),
        };
        controller.enqueue(encoder.encode(JSON.stringify(head).slice(0, -1) + ',"messages":['));
        return;
      }
      const page = await listMessages(db, conversation.id, { after, limit: PAGE });
      if (page.length === 0) {
        controller.enqueue(encoder.encode("\n]}\n"));
        controller.close();
        return;
      }
      let chunk = "";
      for (const m of page) {
        chunk += (first ? "\n" : ",\n") + JSON.stringify({
          seq: m.seq,
          date: m.date,
          author: m.author,
          text: m.text,
          kind: m.kind,
          attachment: m.attachment,
          edited: m.edited,
        });
        first = false;
      }
      after = page[page.length - 1].seq;
      controller.enqueue(encoder.encode(chunk));
    },
  }, { highWaterMark: 0 });
}

/** `GET /api/conversations/:id/export?format=json|original`: one's own data, as a download. */
export function exportApi(deps: AppDeps) {
  const { db, blobs } = deps;
  return new Hono<AppEnv>().get(
    "/:id/export",
    validate("param", exportParams),
    validate("query", exportQuery),
    async (c) => {
      const userId = userIdOf(c);
      const { id } = c.req.valid("param");
      const conversation = await getConversation(db, userId, id);
      if (!conversation) throw notFound("conversation");
      const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
      if (c.req.valid("query").format === "original") {
        const upload = await originalUpload(db, userId, id);
        const blob = upload && await blobs.get(upload.blobKey);
        if (!upload || !blob) throw notFound("original upload");
        const zip = /\.zip$/i.test(upload.filename);
        return c.body(blob.body, 200, {
          ...headers,
          "Content-Type": zip ? "application/zip" : "application/octet-stream",
          "Content-Length": String(blob.size),
          "Content-Disposition": attachment(upload.filename),
        });
      }
      return c.body(exportStream(db, conversation), 200, {
        ...headers,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": attachment(`${conversation.title}.json`),
      });
    },
  );
}
