import { createHash } from "node:crypto";
import type { Sql } from "./client.ts";

/** A personal API token as its owner sees it (never the secret, which is shown once). */
export interface ApiToken {
  id: string;
  name: string;
  /** The first characters of the token (`wcr_AbCdEf…`), to tell tokens apart. */
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** Every personal API token starts with this, so scanners and the session middleware spot it. */
export const API_TOKEN_PREFIX = "wcr_";
const TOKEN_SHAPE = /^wcr_[A-Za-z0-9_-]{43}$/;

const sha256 = (token: string) => createHash("sha256").update(token).digest();

/** True when `token` has the shape of a personal API token (`wcr_` + 43 base64url characters). */
export function isApiToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/**
 * Creates a token for the user: `wcr_` + 32 random bytes in base64url. Only its SHA-256 is
 * stored; the returned `token` is the one chance to see it.
 */
export async function createApiToken(sql: Sql, userId: string, name: string) {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token = API_TOKEN_PREFIX + btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const [row] = await sql<ApiToken[]>`
    insert into api_tokens (user_id, name, token_hash, hint)
    values (${userId}, ${name}, ${sha256(token)}, ${token.slice(0, 10)})
    returning id, name, hint, created_at, last_used_at`;
  return { ...row, token };
}

/** The user's tokens that are not revoked, newest first. */
export function listApiTokens(sql: Sql, userId: string) {
  return sql<ApiToken[]>`
    select id, name, hint, created_at, last_used_at from api_tokens
    where user_id = ${userId} and revoked_at is null order by created_at desc`;
}

/** Revokes one of the user's tokens; false when there is no such live token of this user. */
export async function revokeApiToken(sql: Sql, userId: string, id: string) {
  const rows = await sql`
    update api_tokens set revoked_at = now()
    where id = ${id} and user_id = ${userId} and revoked_at is null returning id`;
  return rows.length > 0;
}

/**
 * The owner of a live token, or null. Records when it was last used (at most once a minute,
 * so a busy script does not write on every request).
 */
export async function authenticateApiToken(sql: Sql, token: string) {
  if (!isApiToken(token)) return null;
  const rows = await sql<{ id: string; userId: string; stale: boolean }[]>`
    select id, user_id, (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
    from api_tokens where token_hash = ${sha256(token)} and revoked_at is null`;
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await sql`update api_tokens set last_used_at = now() where id = ${row.id}`;
  return { tokenId: row.id, userId: row.userId };
}
