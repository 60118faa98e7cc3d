import { Hono } from "hono";
import { z } from "zod";
import { mergeConversations, type MergeResult } from "../../lib/merge/merge.ts";
import type { BlobStore } from "../../lib/storage/types.ts";
import type { Logger } from "../../lib/log.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import type { ApiOperation } from "./openapi.ts";

export const mergeParam = z.object({ id: z.uuid("must be a conversation id") });
export const mergeBody = z.object({
  from: z.uuid("must be a conversation id").describe(
    "The conversation to fuse into this one (another export of the same chat); it is deleted, " +
      "and its links redirect here",
  ),
});
export const mergeResultSchema = z.object({
  conversationId: z.uuid().describe("The fused conversation (this one)"),
  messages: z.number().int().describe("Messages of the merged export"),
  added: z.number().int().describe("…of which this conversation did not have yet"),
  mediaAttached: z.number().int().describe("Placeholders that gained the other export's file"),
  messageCount: z.number().int().describe("Messages of the fused conversation"),
});
// openapi.ts imports this file: its errorSchema is not initialised yet when this one runs.
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/**
 * Merges and then deletes the blobs of files the target already had (after the commit: a
 * failure there leaves a stray file, never a missing one).
 */
export async function mergeAndClean(
  deps: { db: AppDeps["db"]; blobs: BlobStore; logger: Logger },
  options: { userId: string; into: string; from: string },
): Promise<MergeResult> {
  const result = await mergeConversations(deps.db, options);
  for (const key of result.orphanBlobKeys) {
    await deps.blobs.delete(key).catch((err) =>
      deps.logger.warn("merged blob not deleted", { key, error: (err as Error).message })
    );
  }
  deps.logger.info("conversations merged", { ...options, added: result.added });
  return result;
}

/** `POST /api/conversations/:id/merge`: fuse another export of the chat into this one. */
export function mergeApi(deps: AppDeps) {
  return new Hono<AppEnv>().post(
    "/:id/merge",
    validate("param", mergeParam),
    validate("json", mergeBody),
    async (c) => {
      const { orphanBlobKeys: _, ...result } = await mergeAndClean(
        { db: deps.db, blobs: deps.blobs, logger: c.var.logger },
        { userId: userIdOf(c), into: c.req.valid("param").id, from: c.req.valid("json").from },
      );
      return c.json(result);
    },
  );
}

/** The OpenAPI entries of {@link mergeApi}. */
export const mergeOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/conversations/:id/merge",
    tag: "Conversations",
    summary: "Fuse another export of the same chat into this conversation",
    description: "Messages both exports have are kept once (matched on minute, author, text " +
      "and order); a `<Media omitted>` placeholder gains the other export's file; the other " +
      "conversation's shares are deleted with it. Permalinks keep pointing at the same " +
      "message (`/c/:id/m/:ref`); links to the merged-away conversation redirect here.",
    params: mergeParam,
    body: mergeBody,
    responses: {
      200: { description: "Merged", schema: mergeResultSchema },
      400: { description: "`from` is this conversation", schema: errorSchema },
      404: { description: "Either conversation is not the user's", schema: errorSchema },
    },
  },
];
