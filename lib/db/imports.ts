import type { Sql } from "./client.ts";

export type ImportStatus = "queued" | "processing" | "done" | "failed";

/** An import row as the API shows it. */
export interface ImportRow {
  id: string;
  userId: string;
  status: ImportStatus;
  progress: number;
  error: string | null;
  filename: string;
  size: number;
  sha256: string;
  blobKey: string;
  conversationId: string | null;
  attempts: number;
  summary: unknown;
  /** IANA zone of the phone that exported the chat. */
  timeZone: string;
  /** A date order chosen by the user over the detected one. */
  dateOrder: "DMY" | "MDY" | "YMD" | null;
  parserVersion: number;
  /** The conversation this export is to be fused into. */
  mergeInto: string | null;
  /** The earlier import of the same bytes this one was refused for repeating. */
  duplicateOf: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Records an uploaded export (already in the blob store), queued for the worker. */
export async function createImport(
  sql: Sql,
  row: {
    id: string;
    userId: string;
    filename: string;
    size: number;
    sha256: string;
    blobKey: string;
    timeZone?: string;
    dateOrder?: "DMY" | "MDY" | "YMD" | null;
    mergeInto?: string | null;
  },
) {
  const [created] = await sql<ImportRow[]>`
    insert into imports (id, user_id, filename, size, sha256, blob_key, time_zone, date_order,
      merge_into)
    values (${row.id}, ${row.userId}, ${row.filename}, ${row.size}, ${row.sha256}, ${row.blobKey},
      ${row.timeZone ?? "UTC"}, ${row.dateOrder ?? null}, ${row.mergeInto ?? null})
    returning *`;
  return created;
}

/** An import of this user, or null (another user's import is indistinguishable from none). */
export async function getImport(sql: Sql, userId: string, id: string) {
  const rows = await sql<
    ImportRow[]
  >`select * from imports where id = ${id} and user_id = ${userId}`;
  return rows[0] ?? null;
}

/** An import by id, for the worker. */
export async function getImportById(sql: Sql, id: string) {
  const rows = await sql<ImportRow[]>`select * from imports where id = ${id}`;
  return rows[0] ?? null;
}

/** The user's imports, newest first. */
export function listImports(sql: Sql, userId: string, limit = 50) {
  return sql<ImportRow[]>`
    select * from imports where user_id = ${userId} order by created_at desc limit ${limit}`;
}

/** Marks an import as being processed (one more delivery). */
export async function startImport(sql: Sql, id: string) {
  await sql`
    update imports set status = 'processing', progress = 0, error = null,
      attempts = attempts + 1, updated_at = now()
    where id = ${id}`;
}

/** Records parsing progress (0..1). */
export async function setImportProgress(sql: Sql, id: string, progress: number) {
  // Guarded by status: a late progress write can never undo 'done' or 'failed'.
  await sql`
    update imports set progress = ${progress}, updated_at = now()
    where id = ${id} and status = 'processing'`;
}

/** Records a failure, shown to the user; `final` marks it failed, else it waits for a retry. */
export async function failImport(sql: Sql, id: string, error: string, final: boolean) {
  await sql`
    update imports set error = ${error}, updated_at = now(),
      status = ${final ? "failed" : "queued"}
    where id = ${id}`;
}

/** An earlier upload of the same bytes, still in the user's library. */
export interface SameUpload {
  importId: string;
  status: ImportStatus;
  /** Its conversation (null while it is queued or processing). */
  conversationId: string | null;
  title: string | null;
}

/**
 * The user's earliest import of a file with this SHA-256 that is still in the library: done
 * and its conversation there (possibly fused into another one), or queued or processing; else
 * null. A failed import does not count (the same file may be tried again). Call it in the
 * transaction that records the new import: it first serialises that user's uploads of this
 * SHA-256 until the transaction ends, so two copies sent at once cannot both find none.
 */
export async function findSameUpload(
  tx: Sql,
  userId: string,
  sha256: string,
  options: { except?: string } = {},
): Promise<SameUpload | null> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${`upload:${userId}:${sha256}`}, 0))`;
  const rows = await tx<SameUpload[]>`
    select i.id as import_id, i.status, i.conversation_id, c.title
    from imports i left join conversations c on c.id = i.conversation_id
    where i.user_id = ${userId} and i.sha256 = ${sha256}
      ${options.except ? tx`and i.id <> ${options.except}` : tx``}
      and (i.status in ('queued', 'processing') or (i.status = 'done' and c.id is not null))
    order by i.created_at, i.id
    limit 1`;
  return rows[0] ?? null;
}
