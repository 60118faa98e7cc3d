/**
 * The share forms of a chat's Settings page (no JavaScript needed): `POST /c/:id/shares`
 * (`expiresInHours`, `fromDate`/`toDate` or none, `redacted` ticked) and
 * `POST /c/:id/shares/:shareId/revoke`; both answer with a redirect back to the page: to the new
 * link (focused), or to the Share section. The same checks as the API's (routes/api/shares.ts):
 * one schema, one resolution of days to refs.
 *
 * @module
 */
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "./deps.ts";
import type { AppEnv } from "./_middleware/env.ts";
import { requireUserPage, userIdOf } from "./_middleware/session.ts";
import { validate } from "./_middleware/validate.ts";
import { createShareFrom, revokeAndPurge, shareCreateBody, shareParams } from "./api/shares.ts";
import { createdShareUrl } from "./_components/share_list.tsx";

const idParam = shareParams.pick({ id: true });
const back = (id: string) => `/c/${id}/privacy#share`;

/** The form's fields as the API's body: numbers from text, a ticked box, empty dates absent. */
const shareForm = z.preprocess((raw) => {
  const form = raw as Record<string, unknown>;
  const text = (name: string) =>
    typeof form[name] === "string" && form[name] !== "" ? form[name] : undefined;
  return {
    expiresInHours: Number(text("expiresInHours")),
    redacted: form.redacted !== undefined,
    fromDate: text("fromDate"),
    toDate: text("toDate"),
  };
}, shareCreateBody);

/** The Settings page's share forms. */
export function conversationSharePages(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post(
      "/c/:id/shares",
      requireUserPage,
      validate("param", idParam),
      validate("form", shareForm),
      async (c) => {
        const { id } = c.req.valid("param");
        const share = await createShareFrom(deps.db, userIdOf(c), id, c.req.valid("form"));
        return c.redirect(createdShareUrl(`/c/${id}/privacy`, share.id), 303);
      },
    )
    .post(
      "/c/:id/shares/:shareId/revoke",
      requireUserPage,
      validate("param", shareParams),
      async (c) => {
        const { id, shareId } = c.req.valid("param");
        await revokeAndPurge(deps, userIdOf(c), shareId, id);
        return c.redirect(back(id), 303);
      },
    );
}
