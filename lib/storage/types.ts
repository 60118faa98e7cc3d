/** Object storage for raw exports and media: S3 in production, files under ./data/blobs embedded. */
export interface BlobStore {
  /** Stores a stream; `size` is the byte length when known (S3 needs it or uses multipart). */
  put(
    key: string,
    body: ReadableStream<Uint8Array> | Uint8Array,
    options?: { contentType?: string; size?: number },
  ): Promise<void>;
  /** Streams a blob, or null when it does not exist. */
  get(
    key: string,
  ): Promise<
    | { body: ReadableStream<Uint8Array>; size: number; contentType?: string }
    | null
  >;
  /** Reads a byte range [start, end) — used by the zip reader for random access. */
  getRange(key: string, start: number, end: number): Promise<Uint8Array>;
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
  /** Deletes every blob whose key starts with `prefix`. */
  deletePrefix(prefix: string): Promise<void>;
  ping(): Promise<void>;
}
