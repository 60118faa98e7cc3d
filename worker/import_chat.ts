import type { Sql } from "../lib/db/client.ts";
import { copyMessages } from "../lib/db/messages.ts";
import { insertMedia, type MediaRow } from "../lib/db/media.ts";
import { getImportById, setImportProgress, startImport } from "../lib/db/imports.ts";
import type { Logger } from "../lib/log.ts";
import { contentTypeFor } from "../lib/media_types.ts";
import { parseChat } from "../lib/parse/parser.ts";
import { chatNameFromFileName, openExport, sniffZip } from "../lib/parse/zip.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import { randomAccess } from "../lib/storage/mod.ts";
import { guessViewAs } from "./view_as.ts";

/** What the import job needs. */
export interface ImportDeps {
  db: Sql;
  blobs: BlobStore;
  logger: Logger;
  /** Concurrent media uploads (bounded). */
  mediaConcurrency?: number;
}

/** Blob key of a conversation's media file. */
export function mediaKey(conversationId: string, name: string): string {
  return `conversations/${conversationId}/media/${encodeURIComponent(name)}`;
}

/** Counts bytes flowing through a stream and reports the fraction read about once a second. */
function withProgress(
  stream: ReadableStream<Uint8Array>,
  total: number,
  report: (fraction: number) => void,
): ReadableStream<Uint8Array> {
  let read = 0, last = Date.now();
  return stream.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (Date.now() - last > 1000) {
          last = Date.now();
          report(Math.min(0.95, read / Math.max(1, total)));
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

async function uploadAll(
  names: string[],
  concurrency: number,
  upload: (name: string) => Promise<MediaRow>,
): Promise<MediaRow[]> {
  const rows: MediaRow[] = [];
  let next = 0;
  const lane = async () => {
    while (next < names.length) rows.push(await upload(names[next++]));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, lane));
  return rows;
}

/**
 * Imports one uploaded export into a conversation whose id is the import's id. Everything is
 * written in one transaction (the conversation is replaced whole), so a re-delivered job never
 * duplicates messages and a failed one leaves nothing half-written visible. Media blobs go to
 * deterministic keys before the commit (a retry overwrites them). Throws on failure; a
 * `ParseError` means the upload is not a chat (the caller fails the import at once). Returns
 * the number of messages written (0 when the job had nothing to do).
 */
export async function importChat(deps: ImportDeps, importId: string): Promise<number> {
  const { db, blobs } = deps;
  const log = deps.logger.child({ importId });
  const imp = await getImportById(db, importId);
  if (!imp) {
    log.warn("import row not found; job dropped");
    return 0;
  }
  if (imp.status === "done") {
    log.info("import already done; duplicate delivery ignored");
    return 0;
  }
  await startImport(db, importId);
  const started = Date.now();
  const size = (await blobs.size(imp.blobKey)) ?? imp.size;
  const head = await blobs.getRange(imp.blobKey, 0, Math.min(4, size));
  const archive = sniffZip(head) ? await openExport(await randomAccess(blobs, imp.blobKey)) : null;
  try {
    const source = archive ? archive.chatStream() : (await blobs.get(imp.blobKey))?.body;
    if (!source) throw new Error(`uploaded file ${imp.blobKey} is missing from the blob store`);
    const progress = (f: number) => void setImportProgress(db, importId, f).catch(() => {});
    const parse = parseChat(withProgress(source, archive ? size : size, progress));
    const title = archive?.chatName ?? chatNameFromFileName(imp.filename);
    return await db.begin(async (tx) => {
      await tx`delete from conversations where id = ${importId}`;
      await tx`
        insert into conversations (id, user_id, title)
        values (${importId}, ${imp.userId}, ${title ?? imp.filename})`;
      const count = await copyMessages(tx as unknown as Sql, importId, parse.batches());
      const summary = parse.summary();
      await tx`
        insert into participants (conversation_id, name, message_count, first_seq)
        select conversation_id, author, count(*), min(seq) from messages
        where conversation_id = ${importId} and author is not null group by conversation_id, author`;
      const media = archive
        ? await uploadAll(archive.media.map((m) => m.name), deps.mediaConcurrency ?? 4, async (name) => {
          const key = mediaKey(importId, name);
          const entry = archive.media.find((m) => m.name === name)!;
          const contentType = contentTypeFor(name);
          await blobs.put(key, archive.mediaStream(name), { contentType, size: entry.size });
          return { conversationId: importId, name, blobKey: key, size: entry.size, contentType };
        })
        : [];
      await insertMedia(tx as unknown as Sql, media);
      const people = await tx<{ name: string; messageCount: number }[]>`
        select name, message_count from participants where conversation_id = ${importId}`;
      const viewAs = guessViewAs(people, title);
      await tx`
        update conversations c set message_count = ${count}, view_as = ${viewAs},
          summary = ${tx.json(JSON.parse(JSON.stringify(summary)))},
          first_date = (select min(date) from messages where conversation_id = c.id),
          last_date = (select max(date) from messages where conversation_id = c.id)
        where id = ${importId}`;
      await tx`
        update imports set status = 'done', progress = 1, error = null, updated_at = now(),
          conversation_id = ${importId}, summary = ${tx.json(JSON.parse(JSON.stringify(summary)))}
        where id = ${importId}`;
      log.info("import done", {
        messages: count,
        media: media.length,
        unplacedLines: summary.unplacedLines,
        ms: Date.now() - started,
      });
      return count;
    });
  } finally {
    await archive?.close();
  }
}
