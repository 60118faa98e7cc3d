/**
 * Big merges run in the worker (issue 9): a merge of more than {@link MERGE_IN_WORKER_ABOVE}
 * messages (source + target) holds one transaction for seconds, too long for a web request.
 *
 * The request is recorded on the source conversation's own import (`imports.merge_into`; a
 * conversation's id is the id of the import that created it, which stays its row even when
 * other exports were fused into it) and the import id is put on the import queue. The worker
 * (worker/merge_job.ts) sees a pending merge and runs it. States of that import row:
 *
 * - pending: `conversation_id = id` (the source still exists) and `merge_into` set;
 * - done: `conversation_id = merge_into` (lib/merge/merge.ts moves the source's imports to the
 *   target and leaves `merge_into` as the record of where it went);
 * - failed: `conversation_id = id` and `merge_into` null again (the worker gave up).
 *
 * A redelivered job finds the source gone (not pending) and does nothing: no double merge.
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import { AppError, notFound } from "../errors.ts";

/** Merges of more messages than this (both conversations together) run in the worker. */
export const MERGE_IN_WORKER_ABOVE = 50_000;

/** Where a requested merge is. */
export type MergeState = "queued" | "done" | "failed";

/**
 * Messages of both conversations together; 404 unless both are the user's, 400 if the same.
 *
 * @example
 * ```ts
 * if (await mergeSize(sql, { userId, into, from }) > MERGE_IN_WORKER_ABOVE) { … }
 * ```
 */
export async function mergeSize(
  sql: Sql,
  o: { userId: string; into: string; from: string },
): Promise<number> {
  if (o.into === o.from) {
    throw new AppError(400, "invalid_request", "from: must be another conversation");
  }
  const [r] = await sql<{ n: number; convs: number }[]>`
    select coalesce(sum(message_count), 0)::int as n, count(*)::int as convs from conversations
    where user_id = ${o.userId} and id in (${o.into}, ${o.from})`;
  if (r.convs !== 2) throw notFound("conversation");
  return r.n;
}

/** Records a merge for the worker; false when `from` is not the user's or is already queued. */
export async function requestMerge(
  sql: Sql,
  o: { userId: string; into: string; from: string },
): Promise<boolean> {
  const rows = await sql`
    update imports set merge_into = ${o.into}, error = null, updated_at = now()
    where id = ${o.from} and user_id = ${o.userId} and conversation_id = id
      and merge_into is null
    returning id`;
  return rows.length > 0;
}

/** The merge pending on this import (a queued job's `importId`), or null. */
export async function pendingMerge(
  sql: Sql,
  importId: string,
): Promise<{ userId: string; into: string; from: string } | null> {
  const rows = await sql<{ userId: string; into: string }[]>`
    select user_id, merge_into as into from imports
    where id = ${importId} and conversation_id = id and merge_into is not null
      and merge_into <> id`;
  return rows[0] ? { ...rows[0], from: importId } : null;
}

/** Gives up a pending merge (the worker failed it): the source stays as it was. */
export async function abandonMerge(sql: Sql, importId: string, reason: string) {
  await sql`
    update imports set merge_into = null, error = ${`merge failed: ${reason}`}, updated_at = now()
    where id = ${importId} and conversation_id = id`;
}

/** The state of a merge of `from` into `into` requested by this user; null: none such. */
export async function mergeState(
  sql: Sql,
  o: { userId: string; into: string; from: string },
): Promise<MergeState | null> {
  const rows = await sql<
    { conversationId: string | null; mergeInto: string | null; error: string | null }[]
  >`
    select conversation_id, merge_into, error from imports
    where id = ${o.from} and user_id = ${o.userId}`;
  const r = rows[0];
  if (!r) return null;
  if (r.conversationId === o.into) return "done";
  if (r.conversationId !== o.from) return null;
  if (r.mergeInto === o.into) return "queued";
  return r.mergeInto === null && r.error?.startsWith("merge failed:") ? "failed" : null;
}
