import { Hono } from "hono";
import { z } from "zod";
import { ownConversation } from "../../lib/db/conversations.ts";
import { coverageOf } from "../../lib/merge/coverage.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { type ApiOperation, errorSchema } from "./openapi_types.ts";
import { mergeParam } from "./merge.ts";

const dayRange = z.object({
  first: z.string().describe("YYYY-MM-DD"),
  last: z.string().describe("YYYY-MM-DD, inclusive"),
});
export const coverageSchema = z.object({
  sources: z.array(z.object({
    importId: z.uuid(),
    filename: z.string().nullable().describe("The export's file name, as uploaded"),
    firstDate: z.string().nullable().describe(
      "Wall clock YYYY-MM-DDTHH:MM:SS of its first message (null: no messages)",
    ),
    lastDate: z.string().nullable(),
    messageCount: z.number().int().describe("Messages of the export"),
    addedCount: z.number().int().describe("…of which it added to the conversation"),
    mediaCount: z.number().int().describe("Media files it carried"),
  })).describe("The exports fused into the conversation, by first date"),
  span: dayRange.nullable().describe("First to last day of any export (null: no messages)"),
  gaps: z.array(dayRange).describe("Whole days no export covers, between covered ranges"),
});

/** `GET /api/conversations/:id/coverage`: the conversation page's coverage timeline. */
export function coverageApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/:id/coverage", validate("param", mergeParam), async (c) => {
      const { id } = c.req.valid("param");
      await ownConversation(deps.db, userIdOf(c), id);
      return c.json(await coverageOf(deps.db, id));
    });
}

/** The OpenAPI entries of {@link coverageApi}. */
export const coverageOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/conversations/:id/coverage",
    tag: "Conversations",
    summary: "Which days the conversation's exports cover, and the gaps",
    description: "The conversation page's “Coverage: N exports · M gaps”: one entry per export " +
      "fused into it (merges add more), the whole span, and the days none covers.",
    params: mergeParam,
    responses: {
      200: { description: "The exports and the gaps", schema: coverageSchema },
      404: { description: "Not a conversation of the user's", schema: errorSchema },
    },
  },
];
