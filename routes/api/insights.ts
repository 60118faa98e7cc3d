import { Hono } from "hono";
import type { Context } from "hono";
import { z } from "zod";
import { type Conversation, getConversation } from "../../lib/db/conversations.ts";
import { notFound } from "../../lib/errors.ts";
import { etagMatches, insightsEtag, insightsQuery, toFilter } from "../../lib/insights/filter.ts";
import { loadInsights } from "../../lib/insights/query.ts";
import { ensureInsights } from "../../lib/insights/refresh.ts";
import type { Insights } from "../../lib/insights/types.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import type { ApiOperation } from "./openapi_types.ts";

export const insightsParam = z.object({ id: z.uuid("must be a conversation id") });

/**
 * The insights of the user's conversation under the request's filter, or a 304 when the client
 * holds them already (`If-None-Match`). The ETag changes with the conversation's version, the
 * filter and the insights format; `onFresh` renders the answer otherwise.
 */
export async function withInsights(
  deps: AppDeps,
  c: Context<AppEnv>,
  id: string,
  query: z.infer<typeof insightsQuery>,
  onFresh: (insights: Insights, conversation: Conversation) => Response | Promise<Response>,
): Promise<Response> {
  const conversation = await getConversation(deps.db, userIdOf(c), id);
  if (!conversation) throw notFound("conversation");
  const filter = toFilter(query);
  const etag = await insightsEtag(id, conversation.version, filter);
  c.header("ETag", etag);
  c.header("Cache-Control", "private, no-cache");
  if (etagMatches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  await ensureInsights(deps.db, id);
  return await onFresh(await loadInsights(deps.db, conversation, filter), conversation);
}

/** `GET /api/conversations/:id/insights?from=&to=&author=&gap=`: the insights as JSON. */
export function insightsApi(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    "/:id/insights",
    validate("param", insightsParam),
    validate("query", insightsQuery),
    (c) => withInsights(deps, c, c.req.valid("param").id, c.req.valid("query"), (i) => c.json(i)),
  );
}

/** The OpenAPI entry of {@link insightsApi}. */
export const insightsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/conversations/:id/insights",
    tag: "Conversations",
    summary: "Statistics of a conversation (filterable by dates and authors)",
    params: insightsParam,
    query: insightsQuery,
    responses: {
      200: { description: "The insights", schema: z.object({}).loose() },
      304: { description: "Unchanged since the ETag" },
    },
  },
];
