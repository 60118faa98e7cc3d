import { BlobWriter, TextReader, Uint8ArrayReader, ZipWriter } from "@zip.js/zip.js";

/** A tiny valid 1×1 PNG (named .jpg like some exports do; served by extension). */
export const PHOTO = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  ),
  (c) => c.charCodeAt(0),
);
export const PHOTO_NAME = "00000012-PHOTO-2024-01-02-10-00-00.jpg";

/**
 * A zip as WhatsApp makes it: the chat file (`lines`, each ended by `eol`: Android's LF, or
 * iOS's CRLF in `_chat.txt`) and the media files (bytes, or text written as UTF-8).
 *
 * @example
 * ```ts
 * await exportZip("WhatsApp Chat with Bob.txt", ["01/01/2024, 09:00 - Ann: Hi"], [["a.jpg", bytes]]);
 * ```
 */
export async function exportZip(
  chatName: string,
  lines: string[],
  files: [string, Uint8Array | string][] = [],
  eol = "\n",
): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new ZipWriter(new BlobWriter("application/zip"));
  await zip.add(chatName, new TextReader(lines.join(eol) + eol));
  for (const [name, content] of files) {
    await zip.add(
      name,
      typeof content === "string" ? new TextReader(content) : new Uint8ArrayReader(content),
    );
  }
  return new Uint8Array(await (await zip.close()).arrayBuffer());
}

/**
 * An iOS export (`_chat.txt` with CRLF, LRM marks) of `count` messages between Ann and Bob,
 * the 2nd of which is the photo, zipped with the photo as WhatsApp does.
 */
export function iosChatZip(count: number): Promise<Uint8Array<ArrayBuffer>> {
  const lines: string[] = [
    "[02/01/2024, 09:59:00] Bob: \u200eMessages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.",
  ];
  for (let i = 1; i <= count - 1; i++) {
    const minute = String(i % 60).padStart(2, "0"),
      hour = String(10 + Math.floor(i / 60)).padStart(2, "0");
    const who = i % 2 ? "Ann" : "Bob";
    lines.push(
      i === 1
        ? `\u200e[02/01/2024, ${hour}:${minute}:00] ${who}: \u200e<attached: ${PHOTO_NAME}>`
        : `[02/01/2024, ${hour}:${minute}:00] ${who}: message number ${i}`,
    );
  }
  return exportZip("_chat.txt", lines, [[PHOTO_NAME, PHOTO]], "\r\n");
}
