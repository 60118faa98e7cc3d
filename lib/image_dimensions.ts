/**
 * A picture's width and height in pixels, as a reader sees it, read from the first bytes of its
 * file with the npm package `image-size` (no decoding): JPEG, PNG, GIF and WebP. A JPEG whose
 * EXIF orientation turns it a quarter (5–8: a phone held upright) has its sides swapped, as
 * browsers draw it turned. Anything unreadable (damaged, cut short, another format) is null,
 * never an error: an import must not fail over a picture's size.
 *
 * HEIC is left out: `image-size` reads its `ispe` size but not its `irot` rotation (an iPhone's
 * upright photo would come out landscape), and the reader offers HEIC as a download anyway.
 *
 * @module
 */
import { disableTypes, imageSize, types } from "image-size";
import { mediaClass } from "./media_types.ts";

/** A picture's size in pixels, as drawn (EXIF orientation applied). */
export interface Dimensions {
  width: number;
  height: number;
}

/**
 * How many first bytes are enough: a JPEG's size follows its EXIF (at most 64 KiB, thumbnail
 * included), ICC profile and other APP segments; PNG, GIF and WebP say it in their first 30.
 */
export const HEAD_BYTES = 512 * 1024;

const TYPES = new Set(["jpg", "png", "gif", "webp"]);
// The bytes are the uploader's, whatever the file's name: `image-size` guesses the format from
// them and would run any of its twenty parsers. Only ours may run: its SVG one alone spent
// 0.2 s of CPU on a crafted 512 KiB head (a regular expression tried from each of ~200
// `<svg ` before an unclosed quote), for every picture of an archive, on the worker's thread.
disableTypes(types.filter((t) => !TYPES.has(t)));

/** The first bytes of a JPEG, PNG, GIF or WebP (RIFF…WEBP): nothing else is parsed. */
function isOurs(head: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  return (head[0] === 0xff && head[1] === 0xd8) ||
    ascii(0, 8) === "\x89PNG\r\n\x1a\n" ||
    ascii(0, 4) === "GIF8" ||
    (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP");
}
/** A side past this is a damaged header's, not a real picture's. */
const MAX_SIDE = 1 << 20;

const side = (n: unknown): n is number =>
  Number.isInteger(n) && n as number > 0 && n as number <= MAX_SIDE;

/**
 * The size of the picture whose first bytes (up to {@link HEAD_BYTES}, or the whole file) are
 * `head`, or null when they do not tell it.
 *
 * @example
 * ```ts
 * imageDimensions(await Deno.readFile("upright.jpg")); // { width: 3024, height: 4032 }
 * imageDimensions(new Uint8Array([1, 2, 3])); // null
 * ```
 */
export function imageDimensions(head: Uint8Array): Dimensions | null {
  if (!isOurs(head)) return null;
  let found;
  try {
    found = imageSize(head);
  } catch {
    return null; // damaged, cut short, or not a picture image-size knows
  }
  if (!TYPES.has(found.type ?? "") || !side(found.width) || !side(found.height)) return null;
  // EXIF orientations 5-8 turn the picture a quarter (6 and 8: a phone held upright).
  const orientation = found.orientation ?? 1;
  return orientation >= 5 && orientation <= 8
    ? { width: found.height, height: found.width }
    : { width: found.width, height: found.height };
}

/** A stream passed on unchanged, and what its first bytes said of the picture's size. */
export interface MeasuredStream {
  body: ReadableStream<Uint8Array>;
  /** The size once `body` was read to its end; null before, or when unreadable. */
  dimensions(): Dimensions | null;
}

/**
 * Passes a media file's stream on (to the blob store) while keeping its first
 * {@link HEAD_BYTES} (only for pictures the reader draws: `contentType` of class image), so its
 * size is read in the same pass, never by reading the file again nor holding it whole.
 *
 * @example
 * ```ts
 * const measured = measureWhileStreaming(archive.mediaStream(name), "image/jpeg");
 * await blobs.put(key, measured.body, { contentType, size });
 * measured.dimensions(); // { width: 1200, height: 1600 } or null
 * ```
 */
export function measureWhileStreaming(
  stream: ReadableStream<Uint8Array>,
  contentType: string,
): MeasuredStream {
  if (mediaClass(contentType) !== "image") return { body: stream, dimensions: () => null };
  const chunks: Uint8Array[] = [];
  let kept = 0, dimensions: Dimensions | null = null;
  const body = stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (kept < HEAD_BYTES) {
          const part = chunk.subarray(0, HEAD_BYTES - kept);
          chunks.push(part.slice()); // a copy: the consumer may reuse the chunk's buffer
          kept += part.byteLength;
        }
        controller.enqueue(chunk);
      },
      flush() {
        const head = new Uint8Array(kept);
        let at = 0;
        for (const c of chunks) head.set(c, at), at += c.byteLength;
        chunks.length = 0;
        dimensions = imageDimensions(head);
      },
    }),
  );
  return { body, dimensions: () => dimensions };
}
