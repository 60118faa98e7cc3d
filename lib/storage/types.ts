/**
 * The blob-store contract: object storage for raw exports and media — S3 in production, files
 * under `<dataDir>/blobs` when embedded. Both implementations pass `contract_test_util.ts`.
 *
 * Keys are relative paths with `/` separators (`imports/42/chat.zip`). Both stores refuse the
 * same keys (see {@link validateKey}) so code that works on one works on the other.
 *
 * @module
 */

/** What `put` accepts besides the body. */
export interface PutOptions {
  /** Stored and returned by `get` (S3 `Content-Type`; a sidecar file in the fs store). */
  contentType?: string;
  /** The byte length when known; the stores throw when the body turns out longer or shorter. */
  size?: number;
}

/** Bytes [start, end) of a blob. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A blob being read: the caller must consume or cancel `body`. */
export interface BlobBody {
  body: ReadableStream<Uint8Array>;
  size: number;
  contentType?: string;
}

/** Object storage for raw exports and media: S3 in production, files under ./data/blobs embedded. */
export interface BlobStore {
  /** Stores a stream without buffering it whole; readers never see a half-written blob. */
  put(
    key: string,
    body: ReadableStream<Uint8Array> | Uint8Array,
    options?: PutOptions,
  ): Promise<void>;
  /**
   * Streams a blob, or null when it does not exist. With `range`, only its bytes [start, end),
   * clamped to the blob's size (`size` is then the range's length; `contentType` may be left
   * out): a player's seek is served without holding the range in memory.
   */
  get(key: string, range?: ByteRange): Promise<BlobBody | null>;
  /**
   * Reads the byte range [start, end), clamped to the blob's size (a range past the end gives
   * fewer or zero bytes) — used by the zip reader for random access.
   * Throws {@link BlobNotFoundError} when the blob does not exist.
   */
  getRange(key: string, start: number, end: number): Promise<Uint8Array>;
  /** The size in bytes, or null when the blob does not exist. */
  size(key: string): Promise<number | null>;
  /** Deletes a blob; deleting a missing blob is not an error. */
  delete(key: string): Promise<void>;
  /** Deletes every blob whose key starts with `prefix` (a non-empty string, as in S3). */
  deletePrefix(prefix: string): Promise<void>;
  /** Resolves when the store is reachable (HeadBucket / the root directory exists). */
  ping(): Promise<void>;
  /** Releases connections (S3 sockets); the store must not be used afterwards. */
  close(): void;
}

/** Random access over one blob; the same structural shape as the zip reader's input. */
export interface RandomAccess {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Thrown by `getRange` (and `randomAccess`) when the blob does not exist. */
export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`Blob not found: '${key}'`);
    this.name = "BlobNotFoundError";
  }
}

/**
 * Throws unless `key` is a safe relative path: non-empty, no leading `/`, no backslash or NUL,
 * no empty, `.` or `..` segment. A name such as `IMG 2021 (1).jpg` or `a..b.txt` is fine.
 *
 * @example
 * ```ts
 * validateKey("imports/1/IMG 2021 (1).jpg"); // ok
 * validateKey("imports/../etc/passwd"); // throws TypeError
 * ```
 */
export function validateKey(key: string): void {
  const bad = key === "" || key.startsWith("/") || key.includes("\\") || key.includes("\0") ||
    key.split("/").some((s) => s === "" || s === "." || s === "..");
  if (bad) {
    throw new TypeError(
      `Invalid blob key: expected a relative path without '.', '..' or empty segments, got '${key}'`,
    );
  }
}

/** Throws unless `prefix` is non-empty and could start a valid key (no `..`, `\`, NUL, `/`). */
export function validatePrefix(prefix: string): void {
  // A prefix may end mid-segment ("imports/4") or with "/" ("imports/42/").
  validateKey(prefix.endsWith("/") ? prefix + "x" : prefix);
}

/** Throws a RangeError unless 0 <= start <= end, both safe integers. */
export function checkRange(start: number, end: number): void {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid range: expected 0 <= start <= end, got [${start}, ${end})`);
  }
}

/**
 * Passes `body` through, throwing at the end when `expected` is set and the byte count differs,
 * so a truncated upload is never stored under its key.
 */
export function checkLength(
  body: ReadableStream<Uint8Array>,
  key: string,
  expected: number | undefined,
): ReadableStream<Uint8Array> {
  if (expected === undefined) return body;
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > expected) {
          throw new RangeError(`Blob '${key}': expected ${expected} bytes, got more`);
        }
        controller.enqueue(chunk);
      },
      flush() {
        if (seen !== expected) {
          throw new RangeError(`Blob '${key}': expected ${expected} bytes, got ${seen}`);
        }
      },
    }),
  );
}
