import type { Sql } from "./client.ts";
import { conversationBlobPrefixes } from "./conversations.ts";

/** The user's password hash, to confirm destructive actions; null when the user is gone. */
export async function passwordHashOf(sql: Sql, userId: string) {
  const rows = await sql<{ passwordHash: string }[]>`
    select password_hash from users where id = ${userId}`;
  return rows[0]?.passwordHash ?? null;
}

/**
 * Deletes the user and, by cascade, their sessions, API tokens, shares, imports,
 * conversations, messages and media rows, in one transaction. Returns the blob-store
 * prefixes that held their uploads and media, for the caller to delete once the rows are gone
 * (rows first: a failure part-way never leaves a live account with missing files), and the
 * conversations that were deleted (for the edge cache).
 */
export async function deleteAccountRows(
  sql: Sql,
  userId: string,
): Promise<{ prefixes: string[]; conversationIds: string[] } | null> {
  return await sql.begin(async (tx) => {
    // Locking the user row waits for an import committing a conversation for it, so that
    // conversation's files are listed too.
    const users = await tx`select id from users where id = ${userId} for update`;
    if (users.length === 0) return null;
    const conversations = await tx<{ id: string }[]>`
      select id from conversations where user_id = ${userId}`;
    const imports = await tx<{ id: string }[]>`select id from imports where user_id = ${userId}`;
    await tx`delete from users where id = ${userId}`;
    const ids = [...conversations, ...imports].map((r) => r.id);
    return {
      prefixes: [...new Set(ids.flatMap(conversationBlobPrefixes))],
      conversationIds: conversations.map((r) => r.id),
    };
  });
}

/** The upload a conversation was imported from (its id is the import's id), or null. */
export async function originalUpload(sql: Sql, userId: string, conversationId: string) {
  const rows = await sql<{ filename: string; blobKey: string; size: number }[]>`
    select i.filename, i.blob_key, i.size from imports i
    join conversations c on c.id = ${conversationId} and c.user_id = ${userId}
    where i.user_id = ${userId} and (i.id = c.id or i.conversation_id = c.id)
    order by (i.id = c.id) desc limit 1`;
  return rows[0] ?? null;
}
