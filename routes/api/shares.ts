import type { Context } from "hono";
import { Hono } from "hono";
import { shareEdgePaths } from "../../lib/edge/invalidate.ts";
import { z } from "zod";
import type { TokenSigner } from "../../lib/auth/tokens.ts";
import { ownConversation } from "../../lib/db/conversations.ts";
import {
  createShare,
  existingRefs,
  listShares,
  refsForDays,
  revokeShare,
  type Share,
} from "../../lib/db/shares.ts";
import type { Sql } from "../../lib/db/client.ts";
import { isDay } from "../_components/dates.ts";
import { MAX_SEQ } from "../../lib/db/messages.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import type { AppDeps } from "../deps.ts";
import type { AppEnv } from "../_middleware/env.ts";
import { userIdOf } from "../_middleware/session.ts";
import { validate } from "../_middleware/validate.ts";
import type { ApiOperation } from "./openapi_types.ts";

const day = z.string().refine(isDay, "must be a date YYYY-MM-DD");
const seq = z.number().int("must be an integer").min(1, "must be >= 1")
  .max(MAX_SEQ, `must be at most ${MAX_SEQ}`);
export const shareCreateBody = z.object({
  fromSeq: seq.optional().describe(
    "Ref of the first shared message (default: the first); refs stay valid across merges",
  ),
  toSeq: seq.optional().describe("Ref of the last shared message (default: the last)"),
  fromDate: day.optional().describe(
    "Instead of fromSeq: from the first message on or after this day (YYYY-MM-DD, the chat's " +
      "own wall clock)",
  ),
  toDate: day.optional().describe(
    "Instead of toSeq: to the last message on or before this day",
  ),
  redacted: z.boolean().optional().describe(
    "Pseudonymise participants, mask phone numbers, hide media and contact cards",
  ),
  expiresInHours: z.number().positive("must be positive").max(
    24 * 366,
    "must be at most 8784 (a year)",
  ),
  // The range is between the two messages whatever the order of their refs (a merge may swap
  // them); asking in ref order keeps the request readable.
}).refine((b) => b.fromSeq === undefined || b.toSeq === undefined || b.fromSeq <= b.toSeq, {
  message: "must not be before fromSeq",
  path: ["toSeq"],
}).refine((b) => b.fromSeq === undefined || b.fromDate === undefined, {
  message: "give fromSeq or fromDate, not both",
  path: ["fromDate"],
}).refine((b) => b.toSeq === undefined || b.toDate === undefined, {
  message: "give toSeq or toDate, not both",
  path: ["toDate"],
}).refine((b) => !b.fromDate || !b.toDate || b.fromDate <= b.toDate, {
  message: "must not be before fromDate",
  path: ["toDate"],
});

/**
 * The refs a share request names: its fromSeq/toSeq (checked to be messages of the chat), or
 * the first and last message of its days; a 400 naming the field otherwise.
 */
export async function shareRefs(
  db: Sql,
  conversationId: string,
  body: z.infer<typeof shareCreateBody>,
): Promise<{ fromSeq?: number; toSeq?: number }> {
  // Refs, not positions: after a merge they need not be 1..messageCount, nor ordered.
  const refs = [body.fromSeq, body.toSeq].filter((r) => r !== undefined);
  const known = await existingRefs(db, conversationId, refs);
  for (const field of ["fromSeq", "toSeq"] as const) {
    const ref = body[field];
    if (ref !== undefined && !known.has(ref)) {
      throw new AppError(400, "invalid_request", `${field}: no message with this ref`);
    }
  }
  if (!body.fromDate && !body.toDate) return { fromSeq: body.fromSeq, toSeq: body.toSeq };
  const { from, to } = await refsForDays(db, conversationId, {
    from: body.fromDate,
    to: body.toDate,
  });
  if (body.fromDate && !from) {
    throw new AppError(400, "invalid_request", "fromDate: no message on or after that day");
  }
  if (body.toDate && !to) {
    throw new AppError(400, "invalid_request", "toDate: no message on or before that day");
  }
  if (from && to && from.seq > to.seq) {
    throw new AppError(400, "invalid_request", "toDate: no message between the two days");
  }
  return { fromSeq: from?.ref ?? body.fromSeq, toSeq: to?.ref ?? body.toSeq };
}
/**
 * Creates a share of the user's conversation `id` from a request's body (its refs or days, see
 * {@link shareRefs}); 404 when the conversation is not theirs. The API and the Settings form.
 */
export async function createShareFrom(
  db: Sql,
  userId: string,
  id: string,
  body: z.infer<typeof shareCreateBody>,
): Promise<Share> {
  await ownConversation(db, userId, id);
  const share = await createShare(db, {
    userId,
    conversationId: id,
    ...await shareRefs(db, id, body),
    redacted: body.redacted,
    expiresInHours: body.expiresInHours,
  });
  if (!share) throw notFound("conversation");
  return share;
}

/**
 * Revokes one of the user's live shares (of `conversationId` when given; 404 when there is no
 * such share) and asks the edge to forget its pages and media. The API, the account page and
 * the Settings page.
 */
export async function revokeAndPurge(
  deps: Pick<AppDeps, "db" | "tokens" | "edge">,
  userId: string,
  shareId: string,
  conversationId?: string,
): Promise<void> {
  if (!(await revokeShare(deps.db, userId, shareId, conversationId))) throw notFound("share");
  await deps.edge?.invalidate(shareEdgePaths(shareToken(deps.tokens, shareId).slice(0, 22)));
}

export const shareParams = z.object({
  id: z.uuid("must be a conversation id"),
  shareId: z.uuid("must be a share id"),
});
export const shareJsonSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  url: z.url().describe(
    "The read-only link; anyone holding it can read the range until it expires",
  ),
  fromSeq: z.number().int().nullable(),
  toSeq: z.number().int().nullable(),
  redacted: z.boolean(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export const shareListSchema = z.object({ shares: z.array(shareJsonSchema) });
const idParam = shareParams.pick({ id: true });

const PURPOSE = "share";
const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/** The link token of a share: its id (22 characters) and an HMAC of the id (22 characters). */
export function shareToken(tokens: TokenSigner, shareId: string): string {
  const bytes = Uint8Array.from(shareId.replaceAll("-", "").match(/../g)!, (h) => parseInt(h, 16));
  const id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").slice(
    0,
    22,
  );
  return id + tokens.mac(PURPOSE, shareId);
}

/** The share id a link token names, when its HMAC verifies (no database hit otherwise). */
export function shareIdFromToken(tokens: TokenSigner, token: string): string | null {
  if (!/^[A-Za-z0-9_-]{44}$/.test(token)) return null;
  const raw = atob(token.slice(0, 22).replace(/-/g, "+").replace(/_/g, "/") + "==");
  const h = hex(Uint8Array.from(raw, (ch) => ch.charCodeAt(0)));
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${
    h.slice(20)
  }`;
  return tokens.verifyMac(PURPOSE, id, token.slice(22)) ? id : null;
}

/** The origin the visitor used (behind the proxies: X-Forwarded-Proto/-Host). */
export function publicOrigin(c: Context): string {
  const url = new URL(c.req.url);
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0].trim() ||
    url.protocol.slice(0, -1);
  const host = c.req.header("x-forwarded-host")?.split(",")[0].trim() || c.req.header("host") ||
    url.host;
  return `${proto}://${host}`;
}

/** The API shape of a share. */
export function shareJson(
  tokens: TokenSigner,
  origin: string,
  s: Share,
): z.infer<typeof shareJsonSchema> {
  return {
    id: s.id,
    conversationId: s.conversationId,
    url: `${origin}/s/${shareToken(tokens, s.id)}`,
    fromSeq: s.fromSeq,
    toSeq: s.toSeq,
    redacted: s.redacted,
    expiresAt: s.expiresAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
  };
}

/** `/api/conversations/:id/shares`: create, list and revoke read-only share links. */
export function sharesApi(deps: AppDeps) {
  const { db, tokens } = deps;
  return new Hono<AppEnv>()
    .post(
      "/:id/shares",
      validate("param", idParam),
      validate("json", shareCreateBody),
      async (c) => {
        const userId = userIdOf(c);
        const { id } = c.req.valid("param");
        const share = await createShareFrom(db, userId, id, c.req.valid("json"));
        return c.json(shareJson(tokens, publicOrigin(c), share), 201);
      },
    )
    .get("/:id/shares", validate("param", idParam), async (c) => {
      const userId = userIdOf(c);
      const { id } = c.req.valid("param");
      await ownConversation(db, userId, id);
      const origin = publicOrigin(c);
      return c.json({
        shares: (await listShares(db, userId, id)).map((s) => shareJson(tokens, origin, s)),
      });
    })
    .delete("/:id/shares/:shareId", validate("param", shareParams), async (c) => {
      const { id, shareId } = c.req.valid("param");
      await revokeAndPurge(deps, userIdOf(c), shareId, id);
      return c.body(null, 204);
    });
}

/** The OpenAPI entries of {@link sharesApi}. */
export const shareOperations: ApiOperation[] = [
  {
    method: "post",
    path: "/api/conversations/:id/shares",
    tag: "Sharing",
    summary: "Create a read-only share link",
    description: "For the whole conversation, the messages fromSeq..toSeq (refs), or those " +
      "written fromDate..toDate (days). The link works " +
      "until it expires or is revoked; shared pages may stay in edge caches up to 60 s.",
    params: idParam,
    body: shareCreateBody,
    responses: { 201: { description: "Created", schema: shareJsonSchema } },
  },
  {
    method: "get",
    path: "/api/conversations/:id/shares",
    tag: "Sharing",
    summary: "Live share links of a conversation",
    params: idParam,
    responses: { 200: { description: "Newest first", schema: shareListSchema } },
  },
  {
    method: "delete",
    path: "/api/conversations/:id/shares/:shareId",
    tag: "Sharing",
    summary: "Revoke a share link (at once, at the origin)",
    params: shareParams,
    responses: { 204: { description: "Revoked" } },
  },
];
