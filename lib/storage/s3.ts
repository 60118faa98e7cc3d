/**
 * The S3 blob store (AWS S3, MinIO, s3rver…): one `S3Client` per store; stream uploads go through
 * `@aws-sdk/lib-storage` `Upload` (a single PutObject up to one part, multipart above it, with
 * at most `queueSize × partSize` bytes in memory), byte arrays through PutObject.
 *
 * @module
 */
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Config } from "../config.ts";
import {
  BlobNotFoundError,
  type BlobStore,
  checkLength,
  checkRange,
  validateKey,
  validatePrefix,
} from "./types.ts";

/** Tuning for uploads; the defaults suit 2 GB exports (≤ 256 parts, ≤ ~16 MB buffered). */
export interface S3BlobStoreOptions {
  /** Multipart part size in bytes (S3 minimum 5 MiB). Default 8 MiB. */
  partSize?: number;
  /** Parts uploaded in parallel. Default 2. */
  queueSize?: number;
}

/**
 * Creates a blob store over `s3.bucket`. Call `close()` at shutdown to release sockets.
 *
 * @example
 * ```ts
 * const config = loadConfig();
 * const store = createS3BlobStore(config.s3!);
 * await store.ping();
 * ```
 */
export function createS3BlobStore(
  s3: NonNullable<Config["s3"]>,
  options: S3BlobStoreOptions = {},
): BlobStore {
  const Bucket = s3.bucket;
  const client = new S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    // Without these a streamed body is stored with its aws-chunked framing on S3-compatibles.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const partSize = options.partSize ?? 8 * 1024 * 1024;
  const queueSize = options.queueSize ?? 2;

  return {
    async put(key, body, opts = {}) {
      validateKey(key);
      const ContentType = opts.contentType;
      if (body instanceof Uint8Array) {
        if (opts.size !== undefined && opts.size !== body.byteLength) {
          throw new RangeError(
            `Blob '${key}': expected ${opts.size} bytes, got ${body.byteLength}`,
          );
        }
        await client.send(
          new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType }),
        );
        return;
      }
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: checkLength(body, key, opts.size), ContentType },
        partSize,
        queueSize,
        leavePartsOnError: false,
      });
      await upload.done();
    },

    async get(key) {
      validateKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!res.Body) throw new Error(`GetObject '${key}' returned no body`);
        return {
          body: res.Body.transformToWebStream() as ReadableStream<Uint8Array>,
          size: res.ContentLength ?? 0,
          contentType: res.ContentType,
        };
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async getRange(key, start, end) {
      validateKey(key);
      checkRange(start, end);
      if (start === end) {
        if (await this.size(key) === null) throw new BlobNotFoundError(key);
        return new Uint8Array(0);
      }
      try {
        const res = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
        );
        if (!res.Body) throw new Error(`GetObject '${key}' returned no body`);
        const bytes = await res.Body.transformToByteArray();
        // A server that ignores Range answers 200 with the whole object.
        return res.ContentRange ? bytes : bytes.subarray(start, end);
      } catch (err) {
        if (isNotFound(err)) throw new BlobNotFoundError(key);
        // 416: the range starts at or past the end of an existing blob.
        if (httpStatus(err) === 416) return new Uint8Array(0);
        throw err;
      }
    },

    async size(key) {
      validateKey(key);
      try {
        const res = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return res.ContentLength ?? 0;
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      validateKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async deletePrefix(prefix) {
      validatePrefix(prefix);
      let ContinuationToken: string | undefined;
      do {
        // A page holds at most 1000 keys: exactly one DeleteObjects batch.
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken, MaxKeys: 1000 }),
        );
        const Objects = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (Objects.length > 0) {
          const res = await client.send(
            new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }),
          );
          if (res.Errors?.length) {
            const first = res.Errors[0];
            throw new Error(
              `DeleteObjects failed for ${res.Errors.length} key(s), first '${first.Key}': ${first.Code} ${first.Message}`,
            );
          }
        }
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },

    async ping() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },

    close() {
      client.destroy();
    },
  };
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === "NoSuchKey" || name === "NotFound" || httpStatus(err) === 404;
}
