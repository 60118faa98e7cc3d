import type { Sql } from "./client.ts";

/** A conversation's retention: kept `days` days from when it was set; null: kept forever. */
export interface Retention {
  retentionDays: number | null;
  /** When the sweeper deletes it (null: never). */
  deleteAfter: Date | null;
}

/**
 * Sets (or with null clears) how long the user's conversation is kept: it is deleted `days`
 * days from now — from when the user says so, not from the import, so setting 30 days on an
 * old chat never deletes it the same minute. Null when it is not theirs.
 *
 * @example
 * ```ts
 * await setRetention(db, userId, id, 30); // { retentionDays: 30, deleteAfter: now + 30 days }
 * ```
 */
export async function setRetention(
  sql: Sql,
  userId: string,
  id: string,
  days: number | null,
): Promise<Retention | null> {
  const rows = await sql<Retention[]>`
    update conversations set retention_days = ${days},
      delete_after = case when ${days}::int is null then null
        else now() + make_interval(days => ${days}::int) end
    where id = ${id} and user_id = ${userId}
    returning retention_days, delete_after`;
  return rows[0] ?? null;
}

/** The retention of the user's conversation; null when it is not theirs. */
export async function getRetention(
  sql: Sql,
  userId: string,
  id: string,
): Promise<Retention | null> {
  const rows = await sql<Retention[]>`
    select retention_days, delete_after from conversations
    where id = ${id} and user_id = ${userId}`;
  return rows[0] ?? null;
}

/** Conversations past their `delete_after`, oldest first (index `conversations_delete_after_idx`). */
export function listExpired(sql: Sql, limit: number) {
  return sql<{ id: string; userId: string }[]>`
    select id, user_id from conversations
    where delete_after is not null and delete_after <= now()
    order by delete_after limit ${limit}`;
}
