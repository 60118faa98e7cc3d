import { Hono } from "hono";
import { z } from "zod";
import { verifyPassword } from "../../lib/auth/password.ts";
import { deleteAccountRows, passwordHashOf } from "../../lib/db/account.ts";
import { conversationEdgePaths } from "../../lib/edge/invalidate.ts";
import { getReadingZone, getUser, setReadingZone } from "../../lib/db/users.ts";
import { timeZoneSchema } from "../../lib/time/schema.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import type { Logger } from "../../lib/log.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

export const accountDeleteBody = z.object({
  password: z.string().min(1, "is required to delete the account").max(1024),
});
export const accountJsonSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  createdAt: z.iso.datetime(),
  readingZone: z.string().nullable().describe("The zone times are shown in; null: each chat's own"),
});
/** `PUT /api/account/reading-zone`: null reads each conversation in its own zone. */
export const readingZoneBody = z.object({ zone: timeZoneSchema.nullable() });

/**
 * Deletes the account after checking its password: every row (one transaction), then every
 * blob under its conversations and imports. A blob that fails to delete is logged with its
 * prefix (its rows are gone, so nothing can reach it) and the rest are still deleted.
 */
export async function deleteAccount(
  deps: Pick<AppDeps, "db" | "blobs" | "edge">,
  logger: Logger,
  userId: string,
  password: string,
) {
  const hash = await passwordHashOf(deps.db, userId);
  if (!hash) throw notFound("account");
  if (!(await verifyPassword(password, hash))) {
    throw new AppError(403, "wrong_password", "the password does not match: nothing was deleted");
  }
  const deleted = await deleteAccountRows(deps.db, userId);
  if (!deleted) throw notFound("account");
  const { prefixes, conversationIds } = deleted;
  // Media capability URLs may sit at the edge for a year: purge them with the origin's copies.
  if (deps.edge && conversationIds.length) {
    await deps.edge.invalidate(conversationIds.flatMap(conversationEdgePaths));
  }
  const failed: string[] = [];
  for (const prefix of prefixes) {
    await deps.blobs.deletePrefix(prefix).catch(() => failed.push(prefix));
  }
  if (failed.length) logger.error("account deleted, but some blobs remain", { userId, failed });
  logger.info("account deleted", { userId, blobPrefixes: prefixes.length });
}

/** `/api/account`: who am I, and deleting the account with everything in it. */
export function accountApi(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const [user, readingZone] = await Promise.all([
        getUser(deps.db, userIdOf(c)),
        getReadingZone(deps.db, userIdOf(c)),
      ]);
      if (!user) throw notFound("account");
      return c.json({
        id: user.id,
        email: user.email,
        createdAt: user.createdAt.toISOString(),
        readingZone,
      });
    })
    .put("/reading-zone", validate("json", readingZoneBody), async (c) => {
      const { zone } = c.req.valid("json");
      await setReadingZone(deps.db, userIdOf(c), zone);
      return c.json({ readingZone: zone });
    })
    .delete("/", validate("json", accountDeleteBody), async (c) => {
      await deleteAccount(deps, c.var.logger, userIdOf(c), c.req.valid("json").password);
      return c.body(null, 204, { "Clear-Site-Data": CLEAR_SITE_DATA });
    });
}

/**
 * Sent with an account's deletion: the browser drops what it kept of the account (private pages
 * and media in its cache, local storage). Cookies are not listed: the session cookie is deleted by
 * name, and "cookies" would sign the browser out of every subdomain of the site's domain too.
 */
export const CLEAR_SITE_DATA = '"cache", "storage"';

/** The OpenAPI entries of {@link accountApi} (the reading zone's: routes/api/time_zones.ts). */
export const accountOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/account",
    tag: "Account",
    summary: "The signed-in account",
    responses: { 200: { description: "The account", schema: accountJsonSchema } },
  },
  {
    method: "delete",
    path: "/api/account",
    tag: "Account",
    summary: "Delete the account and everything in it",
    description: "Every conversation, message, upload, media file, session, API token and " +
      "share link is deleted. The password confirms it.",
    body: accountDeleteBody,
    responses: {
      204: { description: "Deleted" },
      403: { description: "Wrong password: nothing was deleted", schema: errorSchema },
    },
  },
];
