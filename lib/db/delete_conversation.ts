/**
 * The one way a conversation is deleted (API, page, retention sweep): its rows — messages,
 * participants, media, search entries, shares, insights, sources, aliases — and the import
 * rows that produced it go in one transaction; then its media files and the original uploads
 * of those imports are removed from the blob store. The answer says what was removed, counted
 * before the rows went (blobs: those that were really there).
 *
 * @module
 */
import { conversationEdgePaths, type EdgeInvalidator } from "../edge/invalidate.ts";
import type { BlobStore } from "../storage/types.ts";
import type { Sql } from "./client.ts";
import { conversationBlobPrefixes } from "./conversations.ts";

/** What a delete removed. */
export interface DeleteReport {
  messages: number;
  participants: number;
  /** Media rows (files the export had). */
  media: number;
  /** Media files removed from the blob store. */
  mediaBlobs: number;
  /** Rows of the search index. */
  searchEntries: number;
  /** Original uploads (the exported .zip/.txt files) removed from the blob store. */
  originals: number;
  /** Share links (live or not). */
  shares: number;
  /** Imports (uploads) fused into the conversation, whose rows are deleted too. */
  imports: number;
}

/** The blob keys of a conversation locked for deletion. */
interface Doomed {
  report: DeleteReport;
  mediaKeys: string[];
  originalKeys: string[];
  /** Exports fused into it keep their uploads and media under their own import ids. */
  importIds: string[];
}

const BLOB_CONCURRENCY = 8;

/** Deletes `keys`, `BLOB_CONCURRENCY` at a time; returns how many existed. */
async function deleteBlobs(blobs: BlobStore, keys: string[]): Promise<number> {
  let existed = 0;
  for (let i = 0; i < keys.length; i += BLOB_CONCURRENCY) {
    await Promise.all(
      keys.slice(i, i + BLOB_CONCURRENCY).map(async (key) => {
        if ((await blobs.size(key)) !== null) existed++;
        await blobs.delete(key);
      }),
    );
  }
  return existed;
}

/** Counts and deletes the rows; null when the user has no such conversation. */
async function deleteRows(sql: Sql, userId: string, id: string): Promise<Doomed | null> {
  return await sql.begin(async (tx) => {
    // Locking the row waits for an import or merge writing into it, so its rows are counted.
    const found = await tx`
      select id from conversations where id = ${id} and user_id = ${userId} for update`;
    if (found.length === 0) return null;
    const [counts] = await tx<
      { messages: number; participants: number; shares: number; search: boolean }[]
    >`
      select
        (select count(*)::int from messages where conversation_id = ${id}) as messages,
        (select count(*)::int from participants where conversation_id = ${id}) as participants,
        (select count(*)::int from shares where conversation_id = ${id}) as shares,
        to_regclass('message_search') is not null as search`;
    const [{ n: searchEntries }] = counts.search
      ? await tx<{ n: number }[]>`
        select count(*)::int as n from message_search where conversation_id = ${id}`
      : [{ n: 0 }];
    const media = await tx<{ blobKey: string }[]>`
      select blob_key from media where conversation_id = ${id}`;
    const imports = await tx<{ id: string; blobKey: string }[]>`
      select i.id, i.blob_key from imports i
      where i.user_id = ${userId} and (i.id = ${id} or i.conversation_id = ${id}
        or i.id in (select import_id from conversation_sources where conversation_id = ${id}))
        and not exists (select 1 from conversations o where o.id = i.id and o.id <> ${id})`;
    await tx`delete from imports where id = any(${imports.map((i) => i.id)}::uuid[])`;
    await tx`delete from conversations where id = ${id}`;
    return {
      report: {
        messages: counts.messages,
        participants: counts.participants,
        media: media.length,
        mediaBlobs: 0,
        searchEntries,
        originals: 0,
        shares: counts.shares,
        imports: imports.length,
      },
      mediaKeys: [...new Set(media.map((m) => m.blobKey))],
      originalKeys: [...new Set(imports.map((i) => i.blobKey))],
      importIds: imports.map((i) => i.id),
    };
  });
}

/**
 * Deletes one of the user's conversations completely and says what went; null when it is not
 * theirs (or already gone). Rows first, in one transaction, then blobs: a failure part-way
 * leaves unreachable files (retried by nothing; logged by the caller), never a conversation
 * with missing media. Media of a fused conversation may live under another conversation's
 * prefix, so the keys are taken from the rows, then the conversation's own prefixes are
 * cleared of anything else.
 *
 * @example
 * ```ts
 * const report = await deleteConversationCompletely(db, blobs, userId, id);
 * // { messages: 1234, media: 56, mediaBlobs: 56, originals: 1, … }
 * ```
 */
export async function deleteConversationCompletely(
  sql: Sql,
  blobs: BlobStore,
  userId: string,
  id: string,
  /** `edge`: purges the CDN's copies of the conversation's media (capability URLs). */
  options: { edge?: EdgeInvalidator } = {},
): Promise<DeleteReport | null> {
  const doomed = await deleteRows(sql, userId, id);
  if (!doomed) return null;
  // The origin already answers 404 for its media (rows gone); the edge may still hold copies.
  await options.edge?.invalidate(conversationEdgePaths(id));
  const report = { ...doomed.report };
  report.mediaBlobs = await deleteBlobs(blobs, doomed.mediaKeys);
  report.originals = await deleteBlobs(blobs, doomed.originalKeys);
  const ids = new Set([id, ...doomed.importIds]);
  for (const prefix of [...ids].flatMap(conversationBlobPrefixes)) await blobs.deletePrefix(prefix);
  return report;
}

/** "1,234 messages, 56 media files, 1 original upload, …": the parts that are not zero. */
export function describeDeletion(r: DeleteReport): string {
  const part = (n: number, one: string, many: string) =>
    n === 0 ? null : `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
  const parts = [
    part(r.messages, "message", "messages"),
    part(r.participants, "participant", "participants"),
    part(r.mediaBlobs, "media file", "media files"),
    part(r.originals, "original upload", "original uploads"),
    part(r.searchEntries, "search entry", "search entries"),
    part(r.shares, "share link", "share links"),
  ].filter((p) => p !== null);
  return parts.length === 0 ? "nothing but the empty conversation" : parts.join(", ");
}
