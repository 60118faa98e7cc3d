/**
 * A big, realistic "with media" export zip for the memory benchmark: the generator's chat text
 * (deflated) plus media-like files (stored, incompressible bytes) named after the chat's own
 * attachments, written to disk as a stream (never held in memory).
 *
 * @module
 */
import { ZipWriter } from "@zip.js/zip.js";
import { generateExport, generateMessages, type GenerateOptions } from "../lib/parse/generate.ts";

/** What {@link writeExportZip} wrote. */
export interface ZipInfo {
  path: string;
  bytes: number;
  messages: number;
  mediaFiles: number;
}

/** A stream of `size` pseudo-random bytes (a random 1 MiB block, varied per chunk). */
function noise(size: number, seed: number): ReadableStream<Uint8Array> {
  const block = new Uint8Array(1 << 20);
  for (let i = 0; i < block.length; i += 65536) {
    crypto.getRandomValues(block.subarray(i, i + 65536));
  }
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const n = Math.min(block.length, size - sent);
      const chunk = block.slice(0, n);
      new DataView(chunk.buffer).setUint32(0, seed ^ sent);
      sent += n;
      controller.enqueue(chunk);
    },
  });
}

/**
 * Writes `path`: an Android export of `messages` messages as `WhatsApp Chat with Bob.txt`, and
 * media files of `mediaBytes` each for its attachments until `totalBytes` is reached.
 *
 * @example
 * ```ts
 * await writeExportZip("/tmp/big.zip", { messages: 200_000, totalBytes: 2e9, mediaBytes: 2e6 });
 * ```
 */
export async function writeExportZip(
  path: string,
  options: { messages: number; totalBytes: number; mediaBytes: number; seed?: number },
): Promise<ZipInfo> {
  const gen: GenerateOptions = {
    messages: options.messages,
    seed: options.seed ?? 3,
    layout: "android",
    dateOrder: "DMY",
    clock: "24h",
    media: "with",
  };
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  const zip = new ZipWriter(file.writable, { zip64: false });
  const bytes = async function* () {
    yield* generateExport(gen).bytes();
  };
  await zip.add("WhatsApp Chat with Bob.txt", ReadableStream.from(bytes()), { level: 1 });
  let total = 0, mediaFiles = 0;
  const seen = new Set<string>();
  for (const m of generateMessages(gen)) {
    if (total >= options.totalBytes) break;
    if (!m.attachment || seen.has(m.attachment)) continue;
    seen.add(m.attachment);
    const size = Math.min(options.mediaBytes, options.totalBytes - total);
    await zip.add(m.attachment, noise(size, mediaFiles), { level: 0 });
    total += size;
    mediaFiles++;
  }
  await zip.close();
  return { path, bytes: (await Deno.stat(path)).size, messages: options.messages, mediaFiles };
}
