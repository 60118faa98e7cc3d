import { Hono } from "hono";
import { z } from "zod";
import type { Context } from "hono";
import type { MergeResult } from "../../lib/merge/merge.ts";
import {
  MERGE_IN_WORKER_ABOVE,
  mergeSize,
  mergeState,
  requestMerge,
} from "../../lib/merge/queue.ts";
import { mergeAndClean } from "../../lib/merge/run.ts";
import { notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";

export { mergeAndClean };
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

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
const stateParam = mergeParam.extend({ from: z.uuid("must be a conversation id") });
export const mergeQueuedSchema = z.object({
  status: z.literal("queued"),
  conversationId: z.uuid().describe("The conversation it will be fused into (this one)"),
  poll: z.string().describe("GET it until `status` is `done` (or `failed`)"),
});
export const mergeStateSchema = z.object({
  status: z.enum(["queued", "done", "failed"]),
  conversationId: z.uuid().describe("The fused conversation"),
});

/** The merge size above which this app queues merges for the worker. */
export const mergeThreshold = (deps: AppDeps) =>
  deps.config.mergeInWorkerAbove ?? MERGE_IN_WORKER_ABOVE;

/** Where to poll a queued merge (`GET`, {@link mergeStateSchema}). */
export const mergeStateUrl = (into: string, from: string) =>
  `/api/conversations/${into}/merge/${from}`;

/**
 * Merges now when small; else records the merge and queues it for the worker. `null`: queued.
 * Used by the API and the form on `/c/:id/merge`.
 */
export async function mergeOrQueue(
  deps: AppDeps,
  c: Context<AppEnv>,
  o: { into: string; from: string },
): Promise<MergeResult | null> {
  const userId = userIdOf(c);
  const size = await mergeSize(deps.db, { userId, ...o });
  if (size <= mergeThreshold(deps)) {
    return await mergeAndClean({
      db: deps.db,
      blobs: deps.blobs,
      logger: c.var.logger,
      edge: deps.edge,
    }, {
      userId,
      ...o,
    });
  }
  // Already queued (a double submit): queue nothing more, the first job does it.
  if (await requestMerge(deps.db, { userId, ...o })) {
    await deps.queue.enqueue({ importId: o.from, requestId: c.var.requestId });
    c.var.logger.info("merge queued", { ...o, messages: size });
  }
  return null;
}

/** `POST /api/conversations/:id/merge` and `GET …/merge/:from`. */
export function mergeApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post(
      "/:id/merge",
      validate("param", mergeParam),
      validate("json", mergeBody),
      async (c) => {
        const into = c.req.valid("param").id, from = c.req.valid("json").from;
        const result = await mergeOrQueue(deps, c, { into, from });
        if (result === null) {
          const poll = mergeStateUrl(into, from);
          c.header("Location", poll);
          return c.json({ status: "queued" as const, conversationId: into, poll }, 202);
        }
        const { orphanBlobKeys: _, ...rest } = result;
        return c.json(rest);
      },
    )
    .get("/:id/merge/:from", validate("param", stateParam), async (c) => {
      const { id: into, from } = c.req.valid("param");
      const status = await mergeState(deps.db, { userId: userIdOf(c), into, from });
      if (status === null) throw notFound("merge");
      return c.json({ status, conversationId: into });
    });
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
      202: {
        description: `More than ${MERGE_IN_WORKER_ABOVE.toLocaleString("en")} messages ` +
          "together (by default): queued for the worker; poll `Location`",
        schema: mergeQueuedSchema,
      },
      400: { description: "`from` is this conversation", schema: errorSchema },
      404: { description: "Either conversation is not the user's", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/conversations/:id/merge/:from",
    tag: "Conversations",
    summary: "Where a queued merge of `from` into this conversation is",
    description: "`queued` until the worker has merged (then `done`: `from` is gone and " +
      "redirects here); `failed` when it could not (either conversation deleted meanwhile).",
    params: stateParam,
    responses: {
      200: { description: "The merge's state", schema: mergeStateSchema },
      404: { description: "No such merge of the user's", schema: errorSchema },
    },
  },
];
