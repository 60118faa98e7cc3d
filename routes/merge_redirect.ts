import { createMiddleware } from "hono/factory";
import type { Sql } from "../lib/db/client.ts";
import { resolveAlias } from "../lib/merge/refs.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { isUuid } from "../lib/uuid.ts";

const PERMALINK = /^\/c\/[^/]+\/m\/(\d{1,10})$/;

/**
 * Links into a conversation that was merged into another (issue 9): when a page under
 * `/c/:id` answers 404 and `:id` is an alias of the signed-in user's (migration 00007), a
 * permanent redirect to the same page of the fused conversation — for `/c/:id/m/:ref`, to
 * that message's ref there. Only on a 404, so a live conversation costs no lookup.
 */
export function mergedRedirect(options: { db: Sql }) {
  return createMiddleware<AppEnv>(async function mergedRedirect(c, next) {
    await next();
    const id = c.req.param("id");
    const userId = c.var.userId;
    if (c.res.status !== 404 || !userId || !id || !isUuid(id)) return;
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return;
    const oldRef = PERMALINK.exec(c.req.path)?.[1];
    const to = await resolveAlias(options.db, userId, id, oldRef ? Number(oldRef) : undefined);
    if (!to) return;
    const url = new URL(c.req.url);
    const path = oldRef && to.ref !== null
      ? `/c/${to.id}/m/${to.ref}#m${to.ref}`
      : c.req.path.replace(`/c/${id}`, `/c/${to.id}`) + url.search;
    // Replaces the 404 (Hono carries the old response's headers over; none describe a body).
    c.res = new Response(null, { status: 301, headers: { Location: path } });
    c.res.headers.delete("content-length");
  });
}
