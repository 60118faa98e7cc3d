import { Hono } from "hono";
import { z } from "zod";
import { credentialsSchema, signIn, signUp } from "../../lib/auth/accounts.ts";
import { revokeSession } from "../../lib/db/sessions.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { validate } from "../_middleware/validate.ts";
import type { ApiOperation } from "./openapi_types.ts";

const sessionSchema = z.object({
  token: z.string().describe("Session JWT: the `session` cookie's value, or a Bearer token"),
  userId: z.uuid(),
});

/** `POST /api/auth/signup|login|logout`: `{email, password}` → `{token}` (also a Bearer token). */
export function authApi(deps: AppDeps) {
  const accounts = {
    db: deps.db,
    tokens: deps.tokens,
    sessionTtlSeconds: deps.config.sessionTtlSeconds,
  };
  return new Hono<AppEnv>()
    .post("/signup", validate("json", credentialsSchema), async (c) => {
      const { token, userId } = await signUp(accounts, c.req.valid("json"));
      return c.json({ token, userId }, 201);
    })
    .post("/login", validate("json", credentialsSchema), async (c) => {
      const { token, userId } = await signIn(accounts, c.req.valid("json"));
      return c.json({ token, userId });
    })
    .post("/logout", async (c) => {
      if (c.var.sessionId) await revokeSession(deps.db, c.var.sessionId);
      return c.body(null, 204);
    });
}

/** The OpenAPI entries of {@link authApi}. */
export const authOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/auth/signup",
    tag: "Auth",
    summary: "Create an account",
    public: true,
    body: credentialsSchema,
    responses: { 201: { description: "Signed up and signed in", schema: sessionSchema } },
  },
  {
    method: "post",
    path: "/api/auth/login",
    tag: "Auth",
    summary: "Sign in",
    public: true,
    body: credentialsSchema,
    responses: { 200: { description: "Signed in", schema: sessionSchema } },
  },
  {
    method: "post",
    path: "/api/auth/logout",
    tag: "Auth",
    summary: "Sign out: the session's token stops working at once",
    public: true,
    responses: { 204: { description: "Signed out (or there was no session)" } },
  },
];
