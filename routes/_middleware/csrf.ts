import { getCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../lib/errors.ts";
import type { AppEnv } from "./env.ts";
import { saysBearer, SESSION_COOKIE } from "./session.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * CSRF protection for cookie-authenticated writes (with SameSite=Lax cookies as the second
 * layer): an unsafe request carrying the session cookie, or a form post, must prove it comes
 * from our own pages — `Sec-Fetch-Site: same-origin`, or an `Origin` whose host is the
 * request's host (as forwarded by the proxy). Bearer-token requests cannot be forged by a
 * cross-site form and are not checked; nor are cookie-less form posts to the API outside
 * `/api/auth/` (they carry no credential, and `requireUser` answers 401, which tells a script
 * what is missing). Sign-in and sign-up forms stay checked even without a cookie (login CSRF).
 */
export const csrf = createMiddleware<AppEnv>(async function csrf(c, next) {
  const method = c.req.method;
  if (SAFE.has(method) || saysBearer(c.req.header("authorization"))) {
    return await next();
  }
  const cookie = getCookie(c, SESSION_COOKIE) !== undefined;
  const form = FORM.test(c.req.header("content-type") ?? "");
  if (!cookie && !form) return await next();
  const path = c.req.path;
  if (!cookie && path.startsWith("/api/") && !path.startsWith("/api/auth/")) return await next();
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host") ?? new URL(c.req.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch { /* malformed Origin: rejected below */ }
  if (site === "same-origin" || (originHost !== null && originHost === host)) return await next();
  throw new AppError(
    403,
    "csrf",
    path.startsWith("/api/")
      ? "cross-site request refused: send it from the reader's own pages, or as JSON " +
        "(Content-Type: application/json) with an Authorization: Bearer token"
      : "cross-site request refused: send it from the reader's own pages",
  );
});
