import { Hono } from "hono";
import { z } from "zod";
import {
  type ApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "../../lib/db/tokens.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf, viaApiToken } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

/** A token's display name: what the script is for. */
export const tokenName = z.string().trim().min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  // deno-lint-ignore no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");
export const tokenCreateBody = z.object({ name: tokenName });
export const tokenIdParam = z.object({ id: z.uuid("must be a token id") });
export const tokenJsonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  hint: z.string().describe("The token's first characters, to tell tokens apart"),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const tokenCreatedSchema = tokenJsonSchema.extend({
  token: z.string().describe("`wcr_…`: shown once; send it as `Authorization: Bearer wcr_…`"),
});
export const tokenListSchema = z.object({ tokens: z.array(tokenJsonSchema) });

/** The API shape of a token (never its secret). */
export function tokenJson(t: ApiToken): z.infer<typeof tokenJsonSchema> {
  return {
    id: t.id,
    name: t.name,
    hint: t.hint,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * `/api/tokens`: personal API tokens for scripts. Creating one needs a session (a token cannot
 * mint more tokens, so revoking a leaked one is enough); listing and revoking work with either.
 */
export function tokensApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post("/", validate("json", tokenCreateBody), async (c) => {
      if (viaApiToken(c)) {
        throw new AppError(403, "forbidden", "API tokens are created from a signed-in session");
      }
      const created = await createApiToken(deps.db, userIdOf(c), c.req.valid("json").name);
      return c.json({ ...tokenJson(created), token: created.token }, 201, {
        "Cache-Control": "no-store",
      });
    })
    .get("/", async (c) => {
      const tokens = await listApiTokens(deps.db, userIdOf(c));
      return c.json({ tokens: tokens.map(tokenJson) });
    })
    .delete("/:id", validate("param", tokenIdParam), async (c) => {
      if (!(await revokeApiToken(deps.db, userIdOf(c), c.req.valid("param").id))) {
        throw notFound("token");
      }
      return c.body(null, 204);
    });
}

/** The OpenAPI entries of {@link tokensApi}. */
export const tokenOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/tokens",
    tag: "API tokens",
    summary: "Create a personal API token",
    description: "The token is in the answer once and never again; only its hash is stored. " +
      "Needs a signed-in session: a token cannot create tokens.",
    body: tokenCreateBody,
    responses: {
      201: { description: "Created", schema: tokenCreatedSchema },
      403: { description: "Called with an API token", schema: errorSchema },
    },
  },
  {
    method: "get",
    path: "/api/tokens",
    tag: "API tokens",
    summary: "List live API tokens",
    responses: { 200: { description: "Tokens, newest first", schema: tokenListSchema } },
  },
  {
    method: "delete",
    path: "/api/tokens/:id",
    tag: "API tokens",
    summary: "Revoke an API token (at once)",
    params: tokenIdParam,
    responses: { 204: { description: "Revoked" } },
  },
];
