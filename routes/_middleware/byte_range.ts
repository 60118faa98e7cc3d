/**
 * Byte ranges of media answers (RFC 9110 §14): a `<video>` or `<audio>` is seekable only when
 * the server answers `Range: bytes=…` with `206 Partial Content` (Chromium cannot seek an
 * Opus voice note or a long video otherwise, and Safari refuses to play video at all).
 *
 * @module
 */
// @deno-types="@types/range-parser"
import parseRange from "range-parser";

/**
 * The most bytes one partial answer carries. A player asks for `bytes=N-` (the rest of the
 * file) and then reads what it gets. The range is streamed from the blob store (never held in
 * memory); the cap keeps one answer, and what an edge caches of it, a bounded piece.
 */
export const MAX_RANGE_BYTES = 4 * 1024 * 1024;

/** What to answer a request for a blob of `size` bytes. */
export type RangeAnswer =
  | { kind: "full" }
  | { kind: "partial"; start: number; end: number }
  | { kind: "unsatisfiable" };

/**
 * The answer to a request's `Range` (and `If-Range`) headers: the whole blob when there is no
 * single byte range (none, malformed, several: sending all is allowed), or when `If-Range`
 * names another version than `etag`; the range (`end` exclusive, at most
 * {@link MAX_RANGE_BYTES}) otherwise; unsatisfiable when it starts past the end.
 *
 * @example
 * ```ts
 * byteRange({ range: "bytes=0-99" }, 1000); // { kind: "partial", start: 0, end: 100 }
 * ```
 */
export function byteRange(
  headers: { range?: string; ifRange?: string },
  size: number,
  etag?: string,
): RangeAnswer {
  if (!headers.range) return { kind: "full" };
  if (headers.ifRange !== undefined && headers.ifRange !== etag) return { kind: "full" };
  const ranges = parseRange(size, headers.range, { combine: true });
  if (ranges === -1) return { kind: "unsatisfiable" };
  if (ranges === -2 || ranges.type !== "bytes" || ranges.length !== 1) return { kind: "full" };
  const { start, end } = ranges[0];
  return { kind: "partial", start, end: Math.min(end + 1, start + MAX_RANGE_BYTES) };
}
