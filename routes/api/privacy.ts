import { Hono } from "hono";
import { z } from "zod";
import { deleteConversationCompletely } from "../../lib/db/delete_conversation.ts";
import { getRetention, type Retention, setRetention } from "../../lib/db/retention.ts";
import { notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import type { ApiOperation } from "./openapi_types.ts";

const idParam = z.object({ id: z.uuid("must be a conversation id") });

/** The longest retention: 100 years (longer is "forever": null). */
export const MAX_RETENTION_DAYS = 36500;

/** `PUT /:id/retention` body. */
export const retentionBody = z.object({
  days: z.number().int("must be an integer").min(1, "must be >= 1")
    .max(MAX_RETENTION_DAYS, `must be at most ${MAX_RETENTION_DAYS}`).nullable()
    .describe("Delete the conversation this many days from now; null: keep it"),
});
export const retentionSchema = z.object({
  retentionDays: z.number().int().nullable(),
  deleteAfter: z.iso.datetime().nullable().describe("When it will be deleted (null: never)"),
});
export const deleteReportSchema = z.object({
  messages: z.number().int(),
  participants: z.number().int(),
  media: z.number().int().describe("Media rows"),
  mediaBlobs: z.number().int().describe("Media files removed from storage"),
  searchEntries: z.number().int(),
  originals: z.number().int().describe("Original uploads removed from storage"),
  shares: z.number().int().describe("Share links, live or not"),
  imports: z.number().int().describe("Import records"),
});

const retentionJson = (r: Retention) => ({
  retentionDays: r.retentionDays,
  deleteAfter: r.deleteAfter?.toISOString() ?? null,
});

/** `/api/conversations/:id` delete (saying what went) and `/:id/retention`. */
export function privacyApi(deps: AppDeps) {
  const { db, blobs } = deps;
  return new Hono<AppEnv>()
    .get("/:id/retention", validate("param", idParam), async (c) => {
      const r = await getRetention(db, userIdOf(c), c.req.valid("param").id);
      if (!r) throw notFound("conversation");
      return c.json(retentionJson(r));
    })
    .put(
      "/:id/retention",
      validate("param", idParam),
      validate("json", retentionBody),
      async (c) => {
        const { id } = c.req.valid("param");
        const r = await setRetention(db, userIdOf(c), id, c.req.valid("json").days);
        if (!r) throw notFound("conversation");
        return c.json(retentionJson(r));
      },
    )
    .delete("/:id", validate("param", idParam), async (c) => {
      const report = await deleteConversationCompletely(
        db,
        blobs,
        userIdOf(c),
        c.req.valid("param").id,
        { edge: deps.edge },
      );
      if (!report) throw notFound("conversation");
      return c.json(report);
    });
}

/** The OpenAPI entries of the privacy endpoints. */
export const privacyOperations: ApiOperation[] = [
  {
    method: "delete",
    path: "/api/conversations/:id",
    tag: "Conversations",
    summary: "Delete a conversation completely, saying what was removed",
    description: "Removes its messages, participants, media files, search entries, share " +
      "links, insights and the original upload(s) of its import(s). Not undoable.",
    params: idParam,
    responses: { 200: { description: "What was removed", schema: deleteReportSchema } },
  },
  {
    method: "get",
    path: "/api/conversations/:id/retention",
    tag: "Conversations",
    summary: "When the conversation is deleted automatically",
    params: idParam,
    responses: { 200: { description: "Its retention", schema: retentionSchema } },
  },
  {
    method: "put",
    path: "/api/conversations/:id/retention",
    tag: "Conversations",
    summary: "Delete the conversation automatically after N days (from now)",
    description: "The retention sweep deletes it like DELETE does once the time has come.",
    params: idParam,
    body: retentionBody,
    responses: { 200: { description: "The new retention", schema: retentionSchema } },
  },
];
