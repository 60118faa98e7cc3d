/**
 * Stable message references (issue 9): `ref` never changes, `seq` is the position a merge
 * renumbers; and the aliases a merged-away conversation leaves (migration 00007).
 *
 * @module
 */
import type { Sql } from "../db/client.ts";

/**
 * The position (seq) of the message with this ref, or null.
 *
 * @example
 * ```ts
 * const seq = await seqOfRef(sql, conversationId, 42);
 * ```
 */
export async function seqOfRef(sql: Sql, conversationId: string, ref: number) {
  const rows = await sql<{ seq: number }[]>`
    select seq from messages where conversation_id = ${conversationId} and ref = ${ref}`;
  return rows[0]?.seq ?? null;
}

/** The ref of the message at this position, or null. */
export async function refOfSeq(sql: Sql, conversationId: string, seq: number) {
  const rows = await sql<{ ref: number }[]>`
    select ref from messages where conversation_id = ${conversationId} and seq = ${seq}`;
  return rows[0]?.ref ?? null;
}

/**
 * Where a conversation of this user that was merged away lives now: the fused conversation's
 * id, and (given an old ref) the message's ref there. Null when `oldId` is no alias of the
 * user's (another user's alias is indistinguishable from none).
 *
 * @example
 * ```ts
 * const to = await resolveAlias(sql, userId, oldId, 7); // { id: "…", ref: 12 }
 * ```
 */
export async function resolveAlias(
  sql: Sql,
  userId: string,
  oldId: string,
  oldRef?: number,
): Promise<{ id: string; ref: number | null } | null> {
  const rows = await sql<{ id: string; ref: number | null }[]>`
    select a.conversation_id as id, m.ref from conversation_aliases a
    left join message_aliases m on m.old_id = a.old_id and m.old_ref = ${oldRef ?? -1}
    where a.old_id = ${oldId} and a.user_id = ${userId}`;
  return rows[0] ?? null;
}

/**
 * The imports whose uploads and media files a conversation uses besides its own (exports
 * merged into it): their blob prefixes go when it is deleted.
 */
export async function fusedImportIds(sql: Sql, conversationId: string): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select import_id as id from conversation_sources
    where conversation_id = ${conversationId} and import_id <> ${conversationId}
    union select id from imports where conversation_id = ${conversationId} and id <> ${conversationId}`;
  return rows.map((r) => r.id);
}
