/**
 * Opening a WhatsApp `.zip` export without loading it into memory.
 *
 * Decisions (the brief left these open):
 * - The archive is read through {@link RandomAccess} (a file, or an S3 ranged GET elsewhere); zip.js
 *   only asks for byte ranges, so memory stays bounded whatever the archive size.
 * - Unsafe names (`..` segments, absolute paths, drive letters, NUL) refuse the WHOLE archive with a
 *   ParseError at open time, even inside `__MACOSX/`: an archive crafted that way is not an export.
 *   zip.js's own name validation is turned off so that the error is ours.
 * - Zip-bomb guard: at most `maxEntries` entries (counted while the central directory is read, so a
 *   huge directory is not materialised) and at most `maxTotalBytes` declared uncompressed bytes.
 *   While streaming, each entry is cut off with a ParseError as soon as it yields more bytes than it
 *   declared (zip.js checks this too) or than `maxTotalBytes`.
 * - Chat file choice: by name (chat_file.ts `rankChatEntries`: with several chat file names, the
 *   one naming the chat the zip is named after); when no name is a chat file name
 *   (a language we do not know), the first `.txt` in that order whose first 4 KiB hold a message
 *   header wins (a shared `Report.txt` larger than the chat must not be read as the chat; at most
 *   20 are looked at). `__MACOSX/` and dot-files are ignored everywhere.
 * - Media names are given relative to the chat file's folder (so they match `Message.attachment`
 *   when the export was zipped inside a folder); files outside that folder keep their full path.
 * - chatName: from the .txt name (Android), else the zip's file name, else the enclosing folder.
 */
import { Reader, ZipReader } from "@zip.js/zip.js";
import type { FileEntry } from "@zip.js/zip.js";
import {
  chatNameFromFileName,
  isChatFileName,
  looksLikeChat,
  rankChatEntries,
} from "./chat_file.ts";
import { ParseError } from "./types.ts";

/** How many ranked `.txt` files are looked into when none has a chat file name. */
const SNIFFED_ENTRIES = 20;
/** How much of each is looked at. */
const SNIFF_HEAD = 4096;

/** Random access to the bytes of an archive: a local file, or an object store's ranged GET. */
export interface RandomAccess {
  /** Total size in bytes. */
  size: number;
  /** Reads `length` bytes at `offset` (fewer only at the end of the data). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the underlying resource; called by {@link ExportArchive.close}. */
  close?(): void | Promise<void>;
}

/** An opened export: the chat text and the media, each readable as a stream. */
export interface ExportArchive {
  /** Chat (group or contact) name from the file names, or null when they do not tell. */
  chatName: string | null;
  /** Path of the chat `.txt` inside the zip. */
  chatEntry: string;
  /** A new stream of the chat text's bytes (UTF-8) on each call. */
  chatStream(): ReadableStream<Uint8Array>;
  /** Every other file, names relative to the chat file's folder, with its declared size. */
  media: { name: string; size: number }[];
  /** A new stream of one media file; throws ParseError for an unknown name. */
  mediaStream(name: string): ReadableStream<Uint8Array>;
  /** Closes the zip reader and the underlying {@link RandomAccess}. */
  close(): Promise<void>;
}

/** Options of {@link openExport}. */
export interface OpenExportOptions {
  /** The uploaded file's name (e.g. `WhatsApp Chat - Book club.zip`), used for `chatName`. */
  fileName?: string;
  /** Refuse archives declaring more uncompressed bytes than this. Default 8 GiB. */
  maxTotalBytes?: number;
  /** Refuse archives with more entries than this. Default 100,000. */
  maxEntries?: number;
}

/** Default limit of total uncompressed bytes (8 GiB). */
export const DEFAULT_MAX_TOTAL_BYTES = 8 * 1024 ** 3;
/** Default limit of entries in one archive. */
export const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * Random access over a local file (Deno.FsFile, seek + read, serialised). Call `close()` when done
 * (or let {@link ExportArchive.close} do it).
 *
 * @example
 * ```ts
 * const archive = await openExport(await fileRandomAccess("chat.zip"));
 * ```
 */
export async function fileRandomAccess(path: string): Promise<RandomAccess & { close(): void }> {
  const file = await Deno.open(path, { read: true });
  let size: number;
  try {
    size = (await file.stat()).size;
  } catch (err) {
    file.close();
    throw err;
  }
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    size,
    read(offset, length) {
      const result = queue.then(async () => {
        const data = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
        await file.seek(offset, Deno.SeekMode.Start);
        let filled = 0;
        while (filled < data.length) {
          const n = await file.read(data.subarray(filled));
          if (n === null) return data.subarray(0, filled);
          filled += n;
        }
        return data;
      });
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      if (!closed) {
        closed = true;
        file.close();
      }
    },
  };
}

/** zip.js reader adapter over a {@link RandomAccess}. */
class RandomAccessReader extends Reader<RandomAccess> {
  #ra: RandomAccess;
  constructor(ra: RandomAccess) {
    super(ra);
    this.#ra = ra;
    this.size = ra.size;
  }
  override init(): Promise<void> {
    this.size = this.#ra.size;
    return Promise.resolve();
  }
  override readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return this.#ra.read(index, Math.max(0, Math.min(length, this.#ra.size - index)));
  }
}

/**
 * Opens a WhatsApp export zip: finds the chat text, lists the media, checks names and limits.
 * Throws {@link ParseError} for a corrupt zip, unsafe entry names, limits exceeded, or no chat `.txt`.
 */
export async function openExport(
  ra: RandomAccess,
  options: OpenExportOptions = {},
): Promise<ExportArchive> {
  const maxTotal = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const zip = new ZipReader(new RandomAccessReader(ra), {
    useWebWorkers: false,
    filenameValidation: "tolerant",
  });
  const close = async () => {
    await zip.close().catch(() => undefined);
    await ra.close?.();
  };
  try {
    const files = new Map<string, FileEntry>();
    let count = 0;
    let declared = 0;
    for await (const entry of zip.getEntriesGenerator()) {
      if (++count > maxEntries) {
        throw new ParseError(`zip has more than ${maxEntries} entries; refusing to open it`);
      }
      if (!isSafeEntryName(entry.filename)) {
        throw new ParseError(`zip entry has an unsafe path: ${JSON.stringify(entry.filename)}`);
      }
      declared += entry.uncompressedSize;
      if (declared > maxTotal) {
        throw new ParseError(
          `zip declares more than ${maxTotal} uncompressed bytes; refusing to open it`,
        );
      }
      if (!entry.directory && !isIgnored(entry.filename)) files.set(entry.filename, entry);
    }
    const ranked = rankChatEntries(
      [...files.values()].map((e) => ({ name: e.filename, size: e.uncompressedSize })),
      options.fileName ? chatNameFromFileName(options.fileName) : null,
    );
    if (ranked.length === 0) throw new ParseError("zip contains no chat .txt file");
    let chatEntry = ranked[0];
    if (!isChatFileName(chatEntry) && ranked.length > 1) {
      for (const name of ranked.slice(0, SNIFFED_ENTRIES)) {
        if (looksLikeChat(await entryHead(files.get(name)!, maxTotal))) {
          chatEntry = name;
          break;
        }
      }
    }
    const slash = chatEntry.lastIndexOf("/");
    const dir = chatEntry.slice(0, slash + 1);
    const folder = dir === "" ? null : dir.slice(0, -1).split("/").pop()!;
    const chatName = chatNameFromFileName(chatEntry) ??
      (options.fileName ? chatNameFromFileName(options.fileName) : null) ??
      (folder ? chatNameFromFileName(folder) : null);
    const media: { name: string; size: number }[] = [];
    const byMediaName = new Map<string, FileEntry>();
    for (const [name, entry] of files) {
      if (name === chatEntry) continue;
      const rel = dir !== "" && name.startsWith(dir) ? name.slice(dir.length) : name;
      media.push({ name: rel, size: entry.uncompressedSize });
      byMediaName.set(rel, entry);
    }
    return {
      chatName,
      chatEntry,
      chatStream: () => entryStream(files.get(chatEntry)!, maxTotal),
      media,
      mediaStream(name) {
        const entry = byMediaName.get(name);
        if (!entry) throw new ParseError(`no media file named ${JSON.stringify(name)} in the zip`);
        return entryStream(entry, maxTotal);
      },
      close,
    };
  } catch (err) {
    await close();
    if (err instanceof ParseError) throw err;
    throw new ParseError(`not a readable zip file: ${(err as Error).message}`);
  }
}

function isIgnored(name: string): boolean {
  const parts = name.split("/");
  return parts[0] === "__MACOSX" || parts.some((p) => p.startsWith("."));
}

/**
 * Streams one entry lazily (decompression starts at the first read, one chunk buffered), failing
 * with a ParseError as soon as it yields more than it declared or than `maxTotal`.
 */
function entryStream(entry: FileEntry, maxTotal: number): ReadableStream<Uint8Array> {
  const limit = Math.min(entry.uncompressedSize, maxTotal);
  const abort = new AbortController();
  let seen = 0;
  let started = false;
  let resume: (() => void) | null = null;
  let ctl!: ReadableStreamDefaultController<Uint8Array>;
  const fail = (err: unknown) => {
    const e = err instanceof ParseError ? err : new ParseError(
      `cannot read ${JSON.stringify(entry.filename)} from the zip: ${(err as Error)?.message}`,
    );
    try {
      ctl.error(e);
    } catch { /* already closed */ }
    resume?.();
  };
  const sink = new WritableStream<Uint8Array>({
    async write(chunk) {
      seen += chunk.byteLength;
      if (seen > limit) {
        throw new ParseError(
          `zip entry ${JSON.stringify(entry.filename)} inflates beyond its declared size`,
        );
      }
      ctl.enqueue(chunk);
      if ((ctl.desiredSize ?? 0) < 0) await new Promise<void>((r) => resume = r);
    },
    close() {
      ctl.close();
    },
    abort: fail,
  });
  return new ReadableStream<Uint8Array>({
    start(c) {
      ctl = c;
    },
    pull() {
      if (!started) {
        started = true;
        entry.getData(sink, { signal: abort.signal }).catch(fail);
      }
      const r = resume;
      resume = null;
      r?.();
    },
    cancel(reason) {
      abort.abort(reason);
      resume?.();
    },
  }, { highWaterMark: 0 });
}

/** The first {@link SNIFF_HEAD} bytes (or fewer) of an entry, decompressed. */
async function entryHead(entry: FileEntry, maxTotal: number): Promise<Uint8Array> {
  const reader = entryStream(entry, maxTotal).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SNIFF_HEAD) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      size += value.length;
    }
  } catch {
    return new Uint8Array(0); // unreadable: not the chat
  } finally {
    reader.cancel().catch(() => {});
  }
  const head = new Uint8Array(Math.min(size, SNIFF_HEAD));
  let at = 0;
  for (const p of parts) {
    if (at >= head.length) break;
    head.set(p.subarray(0, head.length - at), at);
    at += p.length;
  }
  return head;
}

/** False for names with `..` segments, absolute paths, drive letters or NUL characters. */
export function isSafeEntryName(name: string): boolean {
  if (name.includes("\0") || /^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return false;
  return !name.split(/[\\/]/).some((segment) => segment === "..");
}

/** Zip signature check (in its own module so that it loads without the zip reader). */
export { sniffZip } from "./zip_sniff.ts";
