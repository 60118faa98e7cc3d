import { createHash, type Hash } from "node:crypto";
import type { Sql } from "../lib/db/client.ts";
import { conversationBlobPrefixes } from "../lib/db/conversations.ts";
import { copyMessages } from "../lib/db/copy.ts";
import { insertMedia } from "../lib/db/media.ts";
import {
  findSameUpload,
  getImportById,
  type SameUpload,
  setImportProgress,
  startImport,
} from "../lib/db/imports.ts";
import { duplicateMessage } from "../lib/upload.ts";
import { ensureInsights } from "../lib/insights/refresh.ts";
import { rebuildSearchIndex } from "../lib/db/search_index.ts";
import type { Logger } from "../lib/log.ts";
import { parseChat } from "../lib/parse/parser.ts";
import { ParseError } from "../lib/parse/types.ts";
import { PARSER_VERSION } from "../lib/parse/version.ts";
import { instantConverter } from "../lib/time/zone.ts";
import { type ExportArchive, openExport, sniffZip } from "../lib/parse/zip.ts";
import type { BlobStore } from "../lib/storage/types.ts";
import { randomAccess } from "../lib/storage/mod.ts";
import { type ExactKeys, keysBeforeReimport, remapShares } from "../lib/reparse/share_ranges.ts";
import { claimImport } from "./slots.ts";
import { guessViewAs } from "./view_as.ts";
import { conversationTitle, isGenericTitle, participantsTitle } from "./title.ts";
import { alignMediaNames } from "./media_names.ts";
import { ChatStats } from "./chat_stats.ts";
import { uploadMedia } from "./import_media.ts";
import { countingAccess, hashBlob, progressReporter, tap } from "./import_streams.ts";

/** What the import job needs. */
export interface ImportDeps {
  db: Sql;
  blobs: BlobStore;
  logger: Logger;
  /** Media files written to the blob store at once (default 4). */
  mediaConcurrency?: number;
  /** Imports of one user processed at once across all workers (default 1; 0: no cap). */
  userCap?: number;
}

/** What became of one delivery of an import job. */
export type ImportOutcome =
  | { status: "done"; messages: number; media: number; ms: number }
  /** Nothing to do: the import row is gone, or the import is already done. */
  | { status: "skipped"; reason: string }
  /** Refused: the user imported the same file before (found once hashed); marked failed. */
  | { status: "duplicate"; of: string }
  /** Not now: the user is at their cap, or another worker holds this import. Try again later. */
  | { status: "deferred"; reason: "user_at_cap" | "in_progress" };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Creates the import's conversation, or empties it for a re-import (a re-delivered job, a
 * re-parse): its messages, participants, media rows, sources and insights go, while the row
 * itself stays, with its shares, retention and view-as choice (media blobs sit at
 * deterministic keys and are overwritten). Says whether the conversation `existed`, and
 * `shared`: the old messages' exact keys when a share has a range (to move it to the new refs:
 * lib/reparse/share_ranges.ts), else null.
 */
async function replaceConversation(
  tx: Sql,
  imp: { id: string; userId: string; timeZone: string },
  title: string,
): Promise<{ existed: boolean; shared: ExactKeys | null }> {
  const [existing] = await tx`select 1 from conversations where id = ${imp.id} for update`;
  if (!existing) {
    await tx`
      insert into conversations (id, user_id, title, time_zone)
      values (${imp.id}, ${imp.userId}, ${title}, ${imp.timeZone})`;
    return { existed: false, shared: null };
  }
  const shared = await keysBeforeReimport(tx, imp.id);
  // The search rows and "indexed" mark go too: rebuilt after the commit, never stale.
  const tables = ["messages", "participants", "media", "conversation_sources"];
  for (const table of [...tables, "message_search", "message_search_state"]) {
    await tx`delete from ${tx(table)} where conversation_id = ${imp.id}`;
  }
  await tx`delete from insights_state where conversation_id = ${imp.id}`;
  await tx`update conversations set time_zone = ${imp.timeZone} where id = ${imp.id}`;
  return { existed: true, shared };
}

/**
 * The parser's reason for a file named `.zip` that holds no zip (damaged, cut short, or a
 * download page saved under the name): said as such, since "binary data" or "no messages" alone
 * misleads. Any other error as it is.
 */
function notAZip(err: unknown, filename: string): unknown {
  if (!(err instanceof ParseError) || !/\.zip$/i.test(filename)) return err;
  return new ParseError(
    `this .zip file is not a zip archive (it may be damaged or incomplete: export the chat ` +
      `again and upload the new file); read as text: ${err.message}`,
  );
}

/** Thrown inside the import's transaction to undo it: the upload repeats `same`. */
class Duplicate extends Error {
  constructor(readonly same: SameUpload, readonly sha256: string) {
    super("duplicate upload");
  }
}

/** This process's resident set now and at its peak (VmHWM, Linux), in MB, for the logs. */
function memoryMB(): { rssMB: number; peakRssMB?: number } {
  const rssMB = Math.round(Deno.memoryUsage().rss / 1048576);
  try {
    const status = Deno.readTextFileSync("/proc/self/status");
    const peak = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return peak ? { rssMB, peakRssMB: Math.round(Number(peak) / 1024) } : { rssMB };
  } catch {
    return { rssMB };
  }
}

/** Rows for `insert … ${sql(rows)}` in slices (the bind-parameter limit is 65,535). */
function* slices<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Imports one uploaded export into a conversation whose id is the import's id.
 *
 * Everything is written in one transaction (the conversation is replaced whole), so a
 * re-delivered job never duplicates messages and a failed one leaves nothing half-written
 * visible. That transaction first takes the import's lock and one of the user's `userCap`
 * slots (advisory locks: released at commit, rollback or a lost connection); when either is
 * taken, nothing is done and the outcome is "deferred". The parser streams from the blob store
 * straight into COPY while the media files are written to the blob store concurrently (at
 * deterministic keys: a retry overwrites them); participants and the date range are gathered
 * on the way. An upload recorded without its SHA-256 (a direct upload to S3) gets it here.
 * The conversation is readable at the commit; the insights aggregates are computed after it.
 * Throws on failure; a `ParseError` means the upload is not a chat (the caller fails the import).
 */
export async function importChat(deps: ImportDeps, importId: string): Promise<ImportOutcome> {
  const { db, blobs } = deps;
  const log = deps.logger.child({ importId });
  const imp = await getImportById(db, importId);
  if (!imp) {
    log.warn("import row not found; job dropped");
    return { status: "skipped", reason: "import not found" };
  }
  if (imp.status === "done") {
    log.info("import already done; duplicate delivery ignored");
    return { status: "skipped", reason: "already done" };
  }
  const outcome = await db.begin(async (tx): Promise<ImportOutcome> => {
    const claim = await claimImport(tx, imp.userId, importId, deps.userCap ?? 1);
    if (claim !== "claimed") return { status: "deferred", reason: claim };
    await startImport(db, importId);
    const started = Date.now();
    const size = (await blobs.size(imp.blobKey)) ?? imp.size;
    const head = await blobs.getRange(imp.blobKey, 0, Math.min(4, size));
    const progress = progressReporter(size, (f) => {
      setImportProgress(db, importId, f).catch(() => {});
    });
    const needsHash = !SHA256_HEX.test(imp.sha256);
    let archive: ExportArchive | null = null;
    let hash: Hash | null = null;
    let hashing: Promise<string> | null = null;
    let source: ReadableStream<Uint8Array>;
    if (sniffZip(head)) {
      archive = await openExport(
        countingAccess(await randomAccess(blobs, imp.blobKey), progress),
        { fileName: imp.filename },
      );
      source = archive.chatStream();
      if (needsHash) hashing = hashBlob(blobs, imp.blobKey);
    } else {
      const blob = await blobs.get(imp.blobKey);
      if (!blob) throw new Error(`uploaded file ${imp.blobKey} is missing from the blob store`);
      if (needsHash) hash = createHash("sha256");
      source = tap(blob.body, progress, hash);
    }
    hashing?.catch(() => {}); // awaited below; a failure before that must not go unhandled
    const stopMedia = new AbortController();
    try {
      const parse = parseChat(source, imp.dateOrder ? { dateOrder: imp.dateOrder } : {});
      const title = conversationTitle(imp.filename, archive?.chatName ?? null);
      const { existed, shared } = await replaceConversation(tx as unknown as Sql, imp, title);
      const media = archive
        ? uploadMedia(archive, importId, blobs, {
          concurrency: deps.mediaConcurrency ?? 4,
          signal: stopMedia.signal,
        })
        : Promise.resolve([]);
      media.catch(() => {}); // awaited below
      const stats = new ChatStats();
      let count: number;
      try {
        count = await copyMessages(
          tx as unknown as Sql,
          importId,
          stats.observe(parse.batches()),
          1,
          instantConverter(imp.timeZone),
        );
      } catch (err) {
        stopMedia.abort();
        await media.catch(() => {});
        throw archive ? err : notAZip(err, imp.filename);
      }
      // The new parse may split the chat differently: shares follow their messages, never wider.
      if (shared) await remapShares(tx as unknown as Sql, importId, shared, log);
      // Refs are 1..count again: every share shows the whole re-import (migration 00012).
      if (existed) {
        await tx`update shares set max_ref = ${count} where conversation_id = ${importId}`;
      }
      const people = [...stats.participants].map(([name, p]) => ({
        conversation_id: importId,
        name,
        message_count: p.count,
        first_seq: p.firstSeq,
      }));
      for (const rows of slices(people, 5000)) await tx`insert into participants ${tx(rows)}`;
      const mediaRows = alignMediaNames(await media, stats.attachments);
      await insertMedia(tx as unknown as Sql, mediaRows);
      const summary = JSON.parse(JSON.stringify(parse.summary()));
      const guess = guessViewAs(
        people.map((p) => ({ name: p.name, messageCount: p.message_count })),
        title,
      );
      // A re-import (parser upgrade, date order) keeps the owner's choice, "nobody" included,
      // while that participant is still there; a new conversation starts with the guess.
      const viewAs = existed
        ? tx`case when view_as is null or view_as = any(${people.map((p) => p.name)}::text[])
            then view_as else ${guess} end`
        : tx`${guess}`;
      const sha256 = hash ? hash.digest("hex") : hashing ? await hashing : imp.sha256;
      if (needsHash) {
        // A direct upload is hashed only now: the same file imported before makes no copy.
        const same = await findSameUpload(tx as unknown as Sql, imp.userId, sha256, {
          except: importId,
        });
        if (same) throw new Duplicate(same, sha256);
      }
      // A title naming no chat (`_chat`) gives way to the participants', unless since renamed.
      const named = isGenericTitle(title) ? participantsTitle(people.map((p) => p.name)) : null;
      const retitle = named
        ? tx`title = case when title = ${title} then ${named} else title end,`
        : tx``;
      await tx`
        update conversations set ${retitle} message_count = ${count}, view_as = ${viewAs},
          summary = ${tx.json(summary)},
          first_date = ${stats.firstDate}, last_date = ${stats.lastDate}
        where id = ${importId}`;
      await tx`
        insert into conversation_sources (conversation_id, import_id, first_date, last_date,
          message_count, added_count, media_count)
        values (${importId}, ${importId}, ${stats.firstDate}, ${stats.lastDate}, ${count},
          ${count}, ${mediaRows.length})`;
      await tx`
        update imports set status = 'done', progress = 1, error = null, updated_at = now(),
          conversation_id = ${importId}, summary = ${tx.json(summary)}, sha256 = ${sha256},
          parser_version = ${PARSER_VERSION}
        where id = ${importId}`;
      const ms = Date.now() - started;
      log.info("import done", {
        messages: count,
        media: mediaRows.length,
        unplacedLines: summary.unplacedLines,
        ms,
        ...memoryMB(),
      });
      return { status: "done", messages: count, media: mediaRows.length, ms };
    } finally {
      stopMedia.abort();
      await archive?.close();
    }
  }).catch(async (err) => {
    if (!(err instanceof Duplicate)) throw err;
    // Said on the import (failed, linking the earlier one); the copy's bytes and any media
    // already written go: the earlier import holds the same.
    await db`
      update imports set status = 'failed', progress = 0, updated_at = now(),
        error = ${duplicateMessage(err.same)}, sha256 = ${err.sha256},
        duplicate_of = ${err.same.importId}
      where id = ${importId}`;
    for (const prefix of conversationBlobPrefixes(importId)) {
      await blobs.deletePrefix(prefix).catch(() => {});
    }
    log.info("import refused: the same file was imported before", { of: err.same.importId });
    return { status: "duplicate", of: err.same.importId } as ImportOutcome;
  });
  if (outcome.status === "done") {
    // The search index, built after the commit (to_tsvector + GIN cost more than the COPY
    // itself). Until it is, search says the conversation is still indexing; should this fail
    // or the worker die here, the worker's sweep (worker/search_sweep.ts) builds it later.
    const s0 = Date.now();
    try {
      const { rows } = await rebuildSearchIndex(db, importId, { onlyIfPending: true });
      log.info("search index built", { rows, ms: Date.now() - s0 });
    } catch (err) {
      log.warn("search index not built; left to the sweep", { error: err });
    }
    // Derived data that must not delay reading: the insights aggregates, computed after the
    // commit (a 1M-message chat takes tens of seconds). Were this to fail or the worker to
    // die here, the insights page computes them on first view (ensureInsights is idempotent).
    const t0 = Date.now();
    try {
      await ensureInsights(db, importId);
      log.info("insights computed", { ms: Date.now() - t0, ...memoryMB() });
    } catch (err) {
      log.warn("insights not computed; left to the first view", { error: err });
    }
  }
  return outcome;
}
