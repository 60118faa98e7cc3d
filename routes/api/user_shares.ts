import { Hono } from "hono";
import { z } from "zod";
import { listShares } from "../../lib/db/shares.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import type { ApiOperation } from "./openapi_types.ts";
import { publicOrigin, shareJson, shareJsonSchema } from "./shares.ts";

export const userShareListSchema = z.object({
  shares: z.array(shareJsonSchema.extend({
    title: z.string().describe("The shared conversation's title"),
  })),
});

/** `GET /api/shares`: every live share link of the user, as the account page lists them. */
export function userSharesApi(deps: AppDeps) {
  const { db, tokens } = deps;
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const origin = publicOrigin(c);
      const shares = await listShares(db, userIdOf(c));
      return c.json({
        shares: shares.map((s) => ({ ...shareJson(tokens, origin, s), title: s.title })),
      });
    });
}

/** The OpenAPI entries of {@link userSharesApi}. */
export const userShareOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/shares",
    tag: "Sharing",
    summary: "Live share links of all the user's conversations",
    description: "As the account page lists them: each conversation's links " +
      "(`GET /api/conversations/:id/shares`) with the conversation's title. Revoke one with " +
      "`DELETE /api/conversations/:conversationId/shares/:id`.",
    responses: { 200: { description: "Newest first", schema: userShareListSchema } },
  },
];
