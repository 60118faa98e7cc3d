/**
 * Removing a failed import from the library: its row and its stored upload (and any media
 * files a failed attempt had written). Only a failed import that made no conversation goes this
 * way; a running one (queued or processing) is refused, as is one whose conversation exists
 * (that is deleted with the conversation, lib/db/delete_conversation.ts).
 *
 * @module
 */
import { AppError, notFound } from "../errors.ts";
import type { BlobStore } from "../storage/types.ts";
import type { Sql } from "./client.ts";
import { conversationBlobPrefixes } from "./conversations.ts";

/** What a delete of a failed import removed. */
export interface DeletedImport {
  id: string;
  filename: string;
}

/**
 * Deletes the user's failed import `id` and its blobs. Throws 404 when the user has no such
 * import, 409 `import_running` while it is queued or processing, 409 `import_has_conversation`
 * when it is done or its conversation exists.
 *
 * @example
 * ```ts
 * await deleteFailedImport(db, blobs, userId, importId); // { id, filename }
 * ```
 */
export async function deleteFailedImport(
  sql: Sql,
  blobs: BlobStore,
  userId: string,
  id: string,
): Promise<DeletedImport> {
  const row = await sql.begin(async (tx) => {
    // The row lock waits for a worker's status write, so the status read here is final.
    const [imp] = await tx<
      { id: string; status: string; filename: string; conversation: boolean }[]
    >`
      select i.id, i.status, i.filename,
        (i.conversation_id is not null or exists (select 1 from conversations c where c.id = i.id))
          as conversation
      from imports i where i.id = ${id} and i.user_id = ${userId} for update`;
    if (!imp) throw notFound("import");
    if (imp.status === "queued" || imp.status === "processing") {
      throw new AppError(
        409,
        "import_running",
        `this import is still running (${imp.status}): only a failed import can be deleted`,
      );
    }
    if (imp.status !== "failed" || imp.conversation) {
      throw new AppError(
        409,
        "import_has_conversation",
        "this import made a conversation: delete the conversation instead, which removes its " +
          "imports",
      );
    }
    await tx`delete from imports where id = ${id}`;
    return imp;
  });
  // The upload (imports/<id>/original) and any media a failed attempt wrote.
  for (const prefix of conversationBlobPrefixes(id)) await blobs.deletePrefix(prefix);
  return { id, filename: row.filename };
}
