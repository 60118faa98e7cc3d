/**
 * Queries behind re-parsing a stored original: whether an import may be re-parsed, and
 * putting it back on the queue (one user's request, or every import a parser upgrade outdated).
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import type { ImportRow } from "../db/imports.ts";
import { AppError } from "../errors.ts";
import type { DateOrder } from "../parse/types.ts";
import type { Queue } from "../queue/types.ts";

/**
 * Why an import cannot be re-parsed on its own, or null when it can: its conversation holds
 * messages of other exports too (fused), or the conversation is gone. Re-parsing would
 * replace the conversation with this one export and lose the others.
 *
 * @example
 * ```ts
 * const reason = await reparseBlocker(sql, imp); // "…fused with 1 other export…" or null
 * ```
 */
export async function reparseBlocker(
  sql: Sql,
  imp: Pick<ImportRow, "id" | "conversationId" | "status">,
): Promise<string | null> {
  if (imp.conversationId !== null && imp.conversationId !== imp.id) {
    return "this export was merged into another conversation: re-parsing it alone would " +
      "replace that conversation's other messages";
  }
  const [row] = await sql<{ sources: number }[]>`
    select count(*)::int as sources from conversation_sources where conversation_id = ${imp.id}`;
  if (row.sources > 1) {
    return `this conversation was fused from ${row.sources} exports: re-parsing one of them ` +
      "would drop the messages of the others";
  }
  if (imp.status === "done" && imp.conversationId === null) {
    return "the conversation of this import was deleted";
  }
  return null;
}

/**
 * Sets an import's date order (null: detect; undefined: as it is) and/or the phone's time zone
 * its wall clocks are read in, and queues it again: the worker re-imports the stored original
 * into the same conversation. Refuses with 409 while the import is queued or being read (the
 * update is conditional, so two requests cannot both queue it). Returns after the job is
 * enqueued.
 */
export async function requestReparse(
  sql: Sql,
  queue: Queue,
  imp: Pick<ImportRow, "id">,
  options: { dateOrder?: DateOrder | null; timeZone?: string; requestId?: string },
): Promise<void> {
  const order = options.dateOrder === undefined ? sql`` : sql`date_order = ${options.dateOrder},`;
  const zone = options.timeZone === undefined ? sql`` : sql`time_zone = ${options.timeZone},`;
  const rows = await sql`
    update imports set ${order} ${zone} status = 'queued', progress = 0,
      error = null, updated_at = now()
    where id = ${imp.id} and status in ('done', 'failed')
    returning id`;
  if (rows.length === 0) {
    throw new AppError(409, "in_progress", "this import is already queued or being read");
  }
  await queue.enqueue({ importId: imp.id, requestId: options.requestId });
}

/**
 * Claims the finished imports read by a parser older than `version` (and not fused: those
 * keep their rows) by setting them back to 'queued', and returns their ids. One UPDATE: when
 * several workers start at once, each row is claimed by exactly one of them (a concurrent
 * update re-checks `status = 'done'` after the first commits and skips the row).
 */
export async function claimStaleImports(sql: Sql, version: number): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    update imports i set status = 'queued', progress = 0, error = null, updated_at = now()
    where i.status = 'done' and i.parser_version < ${version} and i.conversation_id = i.id
      and (select count(*) from conversation_sources s where s.conversation_id = i.id) <= 1
    returning i.id`;
  return rows.map((r) => r.id);
}
