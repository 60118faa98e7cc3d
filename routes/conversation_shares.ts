/**
 * The share forms of a chat's Settings page (no JavaScript needed): `POST /c/:id/shares`
 * (`expiresInHours`, `fromDate`/`toDate` or none, `redacted` ticked) and
 * `POST /c/:id/shares/:shareId/revoke`; both answer with a redirect back to the page's Share
 * section. The same checks as the API's (routes/api/shares.ts): one schema, one resolution of
 * days to refs.
 *
 * @module
 */
import { Hono } from "hono";
import { getConversation } from "../lib/db/conversations.ts";
import { createShare, revokeShare } from "../lib/db/shares.ts";
import { shareEdgePaths } from "../lib/edge/invalidate.ts";
import { AppError, notFound } from "../lib/errors.ts";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { shareCreateBody, shareParams, shareRefs, shareToken } from "./api/shares.ts";

const idParam = shareParams.pick({ id: true });
const back = (id: string) => `/c/${id}/privacy#share`;

/** The Settings page's share forms. */
export function conversationSharePages(deps: AppDeps) {
  const { db, tokens } = deps;
  return new Hono<AppEnv>()
    .post("/c/:id/shares", requireUserPage, validate("param", idParam), async (c) => {
      const { id } = c.req.valid("param");
      const userId = userIdOf(c);
      if (!(await getConversation(db, userId, id))) throw notFound("conversation");
      const form = await c.req.parseBody();
      const text = (name: string) =>
        typeof form[name] === "string" && form[name] !== "" ? form[name] as string : undefined;
      const body = shareCreateBody.safeParse({
        expiresInHours: Number(text("expiresInHours")),
        redacted: form.redacted !== undefined,
        fromDate: text("fromDate"),
        toDate: text("toDate"),
      });
      if (!body.success) {
        const issue = body.error.issues[0];
        throw new AppError(400, "invalid_request", `${issue.path.join(".")}: ${issue.message}`);
      }
      const share = await createShare(db, {
        userId,
        conversationId: id,
        ...await shareRefs(db, id, body.data),
        redacted: body.data.redacted,
        expiresInHours: body.data.expiresInHours,
      });
      if (!share) throw notFound("conversation");
      return c.redirect(back(id), 303);
    })
    .post(
      "/c/:id/shares/:shareId/revoke",
      requireUserPage,
      validate("param", shareParams),
      async (c) => {
        const { id, shareId } = c.req.valid("param");
        if (!(await revokeShare(db, userIdOf(c), shareId, id))) throw notFound("share");
        await deps.edge?.invalidate(shareEdgePaths(shareToken(tokens, shareId).slice(0, 22)));
        return c.redirect(back(id), 303);
      },
    );
}
