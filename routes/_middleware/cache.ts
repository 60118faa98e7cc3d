import { setResponseHeader } from "./set_header.ts";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { createHash } from "node:crypto";
import type { Sql } from "../../lib/db/client.ts";
import { themeOf } from "../_components/page_context.ts";
import type { AppEnv } from "./env.ts";
import { isUuid } from "../../lib/uuid.ts";

/** Pages and API answers: any cache must ask us before reusing them (with If-None-Match). */
export const PRIVATE = "private, no-cache";
/** Content-addressed files: the URL changes whenever the content does. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The default Cache-Control of every response that did not set one: `/static/build/*`
 * (hashed names) immutable, other static files revalidated, everything else `private,
 * no-cache` — so no page, API answer, redirect or error is ever stored by a shared cache
 * unless its route says so (the shared pages under `/s/` do).
 */
export function cacheDefaults() {
  return createMiddleware(async function cacheDefaults(c, next) {
    await next();
    if (c.res.headers.has("Cache-Control")) return;
    const path = c.req.path;
    let value = PRIVATE;
    if (path.startsWith("/static/") && c.res.status === 200) {
      value = path.startsWith("/static/build/") ? IMMUTABLE : "public, no-cache";
    }
    setResponseHeader(c, "Cache-Control", value);
  });
}

/** A strong ETag from the parts that determine a response. */
export function strongEtag(parts: (string | number)[]): string {
  return `"${createHash("sha256").update(parts.join("\0")).digest("base64url").slice(0, 32)}"`;
}

/** True when `If-None-Match` lists `etag` (or is `*`); weak tags compare by their value. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === etag;
  });
}

/**
 * Answers a GET with 304 (headers only) when the client's If-None-Match holds `etag`; else
 * returns null and the caller renders, then sets the same ETag.
 */
export function notModified(c: Context, etag: string, cacheControl = PRIVATE): Response | null {
  if (!etagMatches(c.req.header("if-none-match"), etag)) return null;
  return c.body(null, 304, { ETag: etag, "Cache-Control": cacheControl });
}

/**
 * ETag and 304 for the owner's views of one conversation (`:id`): the tag is derived from
 * the conversation's `version` and `updated_at` (bumped on every change by a trigger), the
 * signed-in user and their reading zone, the path and query, the page theme (a cookie) and the
 * build — so a revisit of an unchanged page costs
 * one indexed lookup and no body. Routes without a signed-in user or with another user's id
 * pass through untouched (they answer 401/404 themselves).
 */
export function conversationEtag(options: { db: Sql; buildId: string }) {
  const { db, buildId } = options;
  return createMiddleware<AppEnv>(async function conversationEtag(c, next) {
    const id = c.req.param("id");
    const userId = c.var.userId;
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || !userId || !id || !isUuid(id)) {
      return await next();
    }
    // The reading zone (lib/time) changes every time shown: a 304 must never show the old one.
    const rows = await db<{ version: number; updatedAt: Date; readingZone: string | null }[]>`
      select c.version, c.updated_at, u.reading_zone
      from conversations c join users u on u.id = c.user_id
      where c.id = ${id} and c.user_id = ${userId}`;
    if (rows.length === 0) return await next();
    const url = new URL(c.req.url);
    const etag = strongEtag([
      buildId,
      userId,
      id,
      rows[0].version,
      rows[0].updatedAt.getTime(),
      url.pathname,
      url.search,
      themeOf(c),
      rows[0].readingZone ?? "",
    ]);
    const cached = notModified(c, etag);
    if (cached) return cached;
    await next();
    if (c.res.status === 200 && !c.res.headers.has("ETag")) {
      setResponseHeader(c, "ETag", etag);
      setResponseHeader(c, "Cache-Control", PRIVATE);
    }
  });
}
