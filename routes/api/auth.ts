import { Hono } from "hono";
import { credentialsSchema, signIn, signUp } from "../../lib/auth/accounts.ts";
import { revokeSession } from "../../lib/db/sessions.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { validate } from "../_middleware/validate.ts";

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
