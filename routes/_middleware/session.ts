import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { type AccountDeps, authenticate } from "../../lib/auth/accounts.ts";
import { authenticateApiToken, isApiToken } from "../../lib/db/tokens.ts";
import { AppError } from "../../lib/errors.ts";
import type { AppEnv } from "./env.ts";

/**
 * True when an `Authorization` header uses the Bearer scheme (well-formed or not): such a
 * request is authenticated by that header alone, never by the cookie, and is not CSRF-checked.
 */
export function saysBearer(authorization: string | undefined): boolean {
  return /^Bearer\s/i.test(authorization ?? "");
}

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = "session";

/**
 * Reads the session token from `Authorization: Bearer` or the session cookie and, when it
 * verifies and its session is open, sets `c.var.userId`/`sessionId`. A bearer `wcr_…` is a
 * personal API token: it sets `userId` only (`sessionId` stays null). Never rejects by itself.
 * Shared pages (`/s/…`) are never authenticated: no cookie is read there, so an edge cache
 * keyed without cookies cannot mix users.
 */
export function session(deps: AccountDeps) {
  return createMiddleware<AppEnv>(async function session(c, next) {
    if (c.req.path.startsWith("/s/")) return await next();
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer && isApiToken(bearer)) {
      const owner = await authenticateApiToken(deps.db, bearer);
      if (owner) {
        c.set("userId", owner.userId);
        c.set("logger", c.var.logger.child({ userId: owner.userId, apiTokenId: owner.tokenId }));
      }
      return await next();
    }
    // The CSRF check exempts every request that says Bearer: the cookie must never stand in
    // for a bearer that did not parse (`Bearer a b`), or such a request would be both.
    const token = saysBearer(c.req.header("authorization")) ? bearer : getCookie(c, SESSION_COOKIE);
    if (token) {
      const claims = await authenticate(deps, token);
      if (claims) {
        c.set("userId", claims.userId);
        c.set("sessionId", claims.sessionId);
        c.set("logger", c.var.logger.child({ userId: claims.userId }));
      }
    }
    await next();
  });
}

/** Rejects API requests without a valid session with 401. */
export const requireUser = createMiddleware<AppEnv>(async function requireUser(c, next) {
  if (!c.var.userId) throw new AppError(401, "unauthenticated", "sign in or send a bearer token");
  await next();
});

/** Sends page visitors without a session to the sign-in page, then back. */
export const requireUserPage = createMiddleware<AppEnv>(async function requireUserPage(c, next) {
  if (!c.var.userId) {
    return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
  }
  await next();
});

/** True when the request was authenticated by a personal API token (not a session). */
export function viaApiToken(c: { var: AppEnv["Variables"] }): boolean {
  return c.var.userId !== null && c.var.sessionId === null;
}

/** The signed-in user's id (after requireUser / requireUserPage). */
export function userIdOf(c: { var: AppEnv["Variables"] }): string {
  if (!c.var.userId) throw new AppError(401, "unauthenticated", "sign in or send a bearer token");
  return c.var.userId;
}
