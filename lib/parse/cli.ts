/**
 * `deno task parse FILE [--json | --count] [--date-order=DMY|MDY|YMD]`: parses a WhatsApp export
 * (.txt or .zip, told apart by content) and prints its messages.
 *
 * - default: NDJSON on stdout, one object per message with exactly the six Message fields;
 * - `--json`: one JSON array instead; `--count`: parse everything, print only the summary;
 * - the summary (counts, detected format, unplaced lines, time) always goes to stderr;
 * - exit 0 on success, 2 with a one-line `parse: error: …` on bad input or usage, 1 on a bug.
 *
 * Decisions: stdout is written in ~1 MiB chunks; a closed stdout (`| head`) ends quietly with 0;
 * a file whose first 64 KiB hold a NUL byte, no zip signature and are no UTF-16 (a byte-order
 * mark, or NULs in one byte of most code units) is refused as binary; the file is read in 64 KiB
 * chunks (lowest peak RSS); for a zip, MB/s counts the uncompressed chat text; the zip reader is loaded only for a zip (it is most of the start-up
 * time of a .txt parse).
 */
import { utf16Encoding } from "./decode.ts";
import { parseChat } from "./parser.ts";
import { type DateOrder, type Message, ParseError, type ParseSummary } from "./types.ts";
import { sniffZip } from "./zip_sniff.ts";

const USAGE = "usage: deno task parse FILE [--json | --count] [--date-order=DMY|MDY|YMD]";
/** File reads: 64 KiB keeps peak RSS lowest (1 MiB reads cost ~70 MB more, same speed). */
const READ_CHUNK = 1 << 16;
/** Stdout writes. */
const OUT_CHUNK = 1 << 20;

/** Parsed command line. */
export interface CliArgs {
  file: string;
  mode: "ndjson" | "json" | "count";
  dateOrder?: DateOrder;
}

/** Parses the command line; throws ParseError with the usage on bad arguments. */
export function parseCliArgs(args: string[]): CliArgs {
  let file: string | undefined;
  let mode: CliArgs["mode"] = "ndjson";
  let dateOrder: DateOrder | undefined;
  for (const arg of args) {
    if (arg === "--json" || arg === "--count") {
      if (mode !== "ndjson") {
        throw new ParseError(`--json and --count exclude each other; ${USAGE}`);
      }
      mode = arg === "--json" ? "json" : "count";
    } else if (arg.startsWith("--date-order=")) {
      const value = arg.slice("--date-order=".length).toUpperCase();
      if (value !== "DMY" && value !== "MDY" && value !== "YMD") {
        throw new ParseError(`--date-order must be DMY, MDY or YMD, got '${value}'`);
      }
      dateOrder = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new ParseError(`unknown option ${arg}; ${USAGE}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new ParseError(`one FILE expected, got '${file}' and '${arg}'; ${USAGE}`);
    }
  }
  if (file === undefined) throw new ParseError(`no FILE given; ${USAGE}`);
  return { file, mode, dateOrder };
}

interface Source {
  chunks: AsyncIterable<Uint8Array>;
  description: string;
  /** Bytes handed to the parser so far. */
  bytes(): number;
}

/** Opens FILE as a chat text stream: the .txt itself, or the chat inside a .zip. */
async function openSource(path: string): Promise<Source> {
  let file: Deno.FsFile;
  try {
    file = await Deno.open(path, { read: true });
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) throw new ParseError(`no such file: ${path}`);
    throw new ParseError(`cannot open ${path}: ${(err as Error).message}`);
  }
  let head: Uint8Array;
  try {
    if (!(await file.stat()).isFile) throw new ParseError(`not a file: ${path}`);
    head = readUpTo(file, 65536);
  } catch (err) {
    file.close();
    if (err instanceof ParseError) throw err;
    throw new ParseError(`cannot read ${path}: ${(err as Error).message}`);
  }
  if (head.length === 0) {
    file.close();
    throw new ParseError(`empty file: ${path}`);
  }
  const counter = { bytes: 0 };
  if (sniffZip(head)) {
    file.close();
    // Loaded only for a zip: the zip reader's modules cost ~0.1 s of start-up.
    const { fileRandomAccess, openExport } = await import("./zip.ts");
    const archive = await openExport(await fileRandomAccess(path), { fileName: path });
    const name = archive.chatName ? `, chat "${archive.chatName}"` : "";
    return {
      chunks: counted(archive.chatStream(), counter, () => archive.close()),
      description: `zip (${archive.chatEntry}${name})`,
      bytes: () => counter.bytes,
    };
  }
  // UTF-16 (with a byte-order mark or without) is full of NULs; decode.ts reads it.
  if (utf16Encoding(head) === null && head.includes(0)) {
    file.close();
    throw new ParseError(`binary file (not a WhatsApp export): ${path}`);
  }
  return {
    chunks: counted(fileChunks(file, head), counter, () => file.close()),
    description: "text",
    bytes: () => counter.bytes,
  };
}

/**
 * The head already read, then the rest of the file in {@link READ_CHUNK}-byte reads. The reads are
 * synchronous: an async read is a round trip through Deno's I/O threads, and 1,300 of them (an
 * 87 MB file) left the process idle ~0.4 s of its ~2 s under load (CPU profile); the CLI has
 * nothing else to do meanwhile.
 */
async function* fileChunks(file: Deno.FsFile, head: Uint8Array): AsyncIterable<Uint8Array> {
  yield head;
  while (true) {
    const chunk = readUpTo(file, READ_CHUNK);
    if (chunk.length === 0) return;
    yield chunk;
  }
}

/** Counts the bytes passing through and releases the source at the end (or on an error). */
async function* counted(
  source: AsyncIterable<Uint8Array>,
  counter: { bytes: number },
  release: () => void | Promise<void>,
): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of source) {
      counter.bytes += chunk.byteLength;
      yield chunk;
    }
  } finally {
    await release();
  }
}

function readUpTo(file: Deno.FsFile, size: number): Uint8Array {
  const buf = new Uint8Array(size);
  let filled = 0;
  while (filled < size) {
    const n = file.readSync(buf.subarray(filled));
    if (n === null) break;
    filled += n;
  }
  return filled === size ? buf : buf.subarray(0, filled);
}

/** Buffers text and writes it to stdout in large chunks, encoded into one reused buffer. */
class Output {
  #parts: string[] = [];
  #size = 0;
  #encoder = new TextEncoder();
  #buf = new Uint8Array(3 * OUT_CHUNK + 4096);
  /** Buffers `s`; returns a promise only when the buffer had to be flushed. */
  write(s: string): Promise<void> | undefined {
    this.#parts.push(s);
    this.#size += s.length;
    return this.#size >= OUT_CHUNK ? this.flush() : undefined;
  }
  async flush(): Promise<void> {
    const text = this.#parts.join("");
    this.#parts = [];
    this.#size = 0;
    // A UTF-16 code unit takes at most 3 UTF-8 bytes; a single huge message gets its own buffer.
    const buf = text.length * 3 <= this.#buf.length ? this.#buf : new Uint8Array(text.length * 3);
    const { written } = this.#encoder.encodeInto(text, buf);
    for (let off = 0; off < written;) off += await Deno.stdout.write(buf.subarray(off, written));
  }
}

/**
 * The six Message fields, in contract order, as one JSON object (same text as `JSON.stringify` of
 * the fields; built by hand because it is the hot path of the default output: ~2x faster).
 */
export function messageJson(m: Message): string {
  return '{"date":' + JSON.stringify(m.date) +
    ',"author":' + (m.author === null ? "null" : JSON.stringify(m.author)) +
    ',"text":' + JSON.stringify(m.text) +
    ',"kind":' + JSON.stringify(m.kind) +
    ',"attachment":' + (m.attachment === null ? "null" : JSON.stringify(m.attachment)) +
    ',"edited":' + (m.edited ? "true" : "false") + "}";
}

/** Human-readable summary for stderr. */
export function formatSummary(s: ParseSummary, source: string, bytes: number, ms: number): string {
  const mb = bytes / 1e6;
  const lines = [
    `source:         ${source}, ${mb.toFixed(1)} MB`,
    `messages:       ${s.messages}`,
    `participants:   ${s.participants.length}`,
    `format:         ${s.layout}, ${s.dateOrder} (${s.dateOrderCertainty}), ${s.clock}, ` +
    `language ${s.language ?? "unknown"}`,
    `unplaced lines: ${s.unplacedLines}`,
    ...s.unplacedSamples.slice(0, 3).map((u) => `  line ${u.line}: ${JSON.stringify(u.text)}`),
    `time:           ${(ms / 1000).toFixed(2)} s (${(mb / (ms / 1000)).toFixed(1)} MB/s)`,
  ];
  return lines.join("\n") + "\n";
}

/** Runs the CLI; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const started = performance.now();
  try {
    const cli = parseCliArgs(args);
    const source = await openSource(cli.file);
    const parse = parseChat(source.chunks, { dateOrder: cli.dateOrder });
    if (cli.mode === "count") {
      // deno-lint-ignore no-empty
      for await (const _ of parse.batches()) {}
    } else {
      const out = new Output();
      let first = true;
      if (cli.mode === "json") await out.write("[");
      for await (const batch of parse.batches()) {
        for (const m of batch) {
          const flushing = cli.mode === "json"
            ? out.write((first ? "\n" : ",\n") + messageJson(m))
            : out.write(messageJson(m) + "\n");
          first = false;
          if (flushing) await flushing;
        }
      }
      if (cli.mode === "json") await out.write(first ? "]\n" : "\n]\n");
      await out.flush();
    }
    const summary = parse.summary();
    if (summary.messages === 0) throw new ParseError(`no WhatsApp messages found in ${cli.file}`);
    const ms = performance.now() - started;
    await Deno.stderr.write(
      new TextEncoder().encode(formatSummary(summary, source.description, source.bytes(), ms)),
    );
    return 0;
  } catch (err) {
    if (err instanceof Deno.errors.BrokenPipe) return 0;
    const bad = err instanceof ParseError;
    const message = (err as Error)?.message ?? String(err);
    console.error(`parse: ${bad ? "error" : "internal error"}: ${message.split("\n")[0]}`);
    return bad ? 2 : 1;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
