import { Hono } from "hono";
import { z } from "zod";
import { ownConversation } from "../../lib/db/conversations.ts";
import { mergeChoices } from "../../lib/merge/candidates.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { type ApiOperation, errorSchema, heavyLimited } from "./openapi_types.ts";
import { mergeParam } from "./merge.ts";

export const candidateSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  messageCount: z.number().int(),
  firstDate: z.string().nullable().describe("Wall clock YYYY-MM-DDTHH:MM:SS of its first message"),
  lastDate: z.string().nullable(),
  sameTitle: z.boolean().describe("Why offered: the same title (case-insensitive)"),
  overlaps: z.boolean().describe(
    "Why offered: overlapping dates, and at least half of both chats' people in both",
  ),
  shared: z.number().int().describe("About how many of this chat's messages it has too"),
});
export const mergeCandidatesSchema = z.object({
  candidates: z.array(candidateSchema).describe(
    "The look-alikes (at most 5), as the merge page lists them: same title first, then the " +
      "latest last message",
  ),
  others: z.array(z.object({ id: z.uuid(), title: z.string(), messageCount: z.number().int() }))
    .describe("Every other conversation of the user (the page's explicit choice), by title"),
});

/** `GET /api/conversations/:id/merge-candidates`: what the merge page `/c/:id/merge` lists. */
export function mergeCandidatesApi(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get("/:id/merge-candidates", validate("param", mergeParam), async (c) => {
      const { id } = c.req.valid("param");
      const userId = userIdOf(c);
      await ownConversation(db, userId, id);
      const { candidates, others } = await mergeChoices(db, userId, id);
      return c.json({
        candidates: candidates.map((x) => ({
          id: x.id,
          title: x.title,
          messageCount: x.messageCount,
          firstDate: x.firstDate,
          lastDate: x.lastDate,
          sameTitle: x.sameTitle,
          overlaps: x.overlaps,
          shared: x.shared,
        })),
        others: others.map((o) => ({ id: o.id, title: o.title, messageCount: o.messageCount })),
      });
    });
}

/** The OpenAPI entries of {@link mergeCandidatesApi}. */
export const mergeCandidateOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/conversations/:id/merge-candidates",
    tag: "Conversations",
    summary: "The conversations this one could be merged with",
    description: "What the merge page lists: the user's conversations that look like other " +
      "exports of the same chat, with why and how many messages they share, and every other " +
      "conversation. Counting the shared messages costs as the merge page does (RATE_LIMIT_HEAVY). " +
      "As the page does, fuse this one into a candidate with " +
      "`POST /api/conversations/{candidate}/merge` and `{ from: id }`.",
    params: mergeParam,
    responses: {
      200: { description: "The candidates and the others", schema: mergeCandidatesSchema },
      404: { description: "Not a conversation of the user's", schema: errorSchema },
      429: heavyLimited,
    },
  },
];
