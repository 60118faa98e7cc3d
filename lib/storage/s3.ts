/**
 * The S3 blob store (AWS S3, MinIO, s3rver…): one `S3Client` per store; stream uploads go through
 * `@aws-sdk/lib-storage` `Upload` (a single PutObject up to one part, multipart above it, with
 * at most `queueSize × partSize` bytes in memory), byte arrays through PutObject.
 *
 * The store also drives multipart uploads made by someone else (`multipart`: a browser PUTs the
 * parts to presigned URLs, the app creates, lists, completes or aborts the upload), so big
 * exports go straight to the bucket. Presigned URLs use `publicEndpoint` when the browser
 * reaches S3 by another address than the app.
 *
 * @module
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { Config } from "../config.ts";
import { readRange, sliceStream } from "./slice_stream.ts";
import { type BlobStore, checkLength, checkRange, validateKey, validatePrefix } from "./types.ts";

/** Tuning for uploads; the defaults suit 2 GB exports (≤ 256 parts, ≤ ~16 MB buffered). */
export interface S3BlobStoreOptions {
  /** Multipart part size in bytes (S3 minimum 5 MiB). Default 8 MiB. */
  partSize?: number;
  /** Parts uploaded in parallel. Default 2. */
  queueSize?: number;
}

/** A part of a multipart upload, as S3 lists it. */
export interface UploadedPart {
  partNumber: number;
  /** The ETag S3 returned for the part, quotes included. */
  etag: string;
  size: number;
}

/**
 * Multipart uploads whose parts someone else sends to presigned URLs (a browser).
 * Errors are the SDK's (`NoSuchUpload`, `InvalidPart`…; see {@link s3ErrorCode}).
 */
export interface S3Multipart {
  /** CreateMultipartUpload; returns the upload id. */
  create(key: string, options?: { contentType?: string }): Promise<string>;
  /** A presigned UploadPart URL (PUT the part's bytes; the response's ETag header names it). */
  presignPart(
    key: string,
    uploadId: string,
    partNumber: number,
    expiresInSeconds: number,
  ): Promise<string>;
  /** ListParts, every page: the parts uploaded so far, by part number. */
  listParts(key: string, uploadId: string): Promise<UploadedPart[]>;
  /** CompleteMultipartUpload with the parts in order; returns the object's ETag. */
  complete(
    key: string,
    uploadId: string,
    parts: { partNumber: number; etag: string }[],
  ): Promise<{ etag: string }>;
  /** AbortMultipartUpload: the parts are deleted. */
  abort(key: string, uploadId: string): Promise<void>;
}

/** The S3 store: a {@link BlobStore} that can also drive direct (browser) multipart uploads. */
export interface S3BlobStore extends BlobStore {
  multipart: S3Multipart;
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
): S3BlobStore {
  const Bucket = s3.bucket;
  const clientConfig = (endpoint: string | undefined): S3ClientConfig => ({
    region: s3.region,
    endpoint,
    forcePathStyle: s3.forcePathStyle,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    // Without these a streamed body is stored with its aws-chunked framing on S3-compatibles,
    // and presigned part URLs would ask the browser for checksums it does not send.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const client = new S3Client(clientConfig(s3.endpoint));
  // Presigning is local computation: this client never opens a socket.
  const presigner = s3.publicEndpoint && s3.publicEndpoint !== s3.endpoint
    ? new S3Client(clientConfig(s3.publicEndpoint))
    : client;
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

    async get(key, range) {
      validateKey(key);
      if (range) {
        checkRange(range.start, range.end);
        if (range.start === range.end) {
          const size = await this.size(key);
          return size === null ? null : { body: new Blob().stream(), size: 0 };
        }
      }
      try {
        const res = await client.send(
          new GetObjectCommand({
            Bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end - 1}` : undefined,
          }),
        );
        if (!res.Body) throw new Error(`GetObject '${key}' returned no body`);
        const body = res.Body.transformToWebStream() as ReadableStream<Uint8Array>;
        const size = res.ContentLength ?? 0;
        if (!range || res.ContentRange) return { body, size, contentType: res.ContentType };
        // A server that ignores Range answers 200 with the whole object: sliced here.
        const length = Math.max(0, Math.min(range.end, size) - Math.min(range.start, size));
        return {
          body: sliceStream(body, range.start, length),
          size: length,
          contentType: res.ContentType,
        };
      } catch (err) {
        if (isNotFound(err)) return null;
        // 416: the range starts at or past the end of an existing blob.
        if (range && httpStatus(err) === 416) {
          return { body: new Blob().stream(), size: 0 };
        }
        throw err;
      }
    },

    getRange(key, start, end) {
      return readRange(this, key, start, end);
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
      if (presigner !== client) presigner.destroy();
    },

    multipart: {
      async create(key, options = {}) {
        validateKey(key);
        const res = await client.send(
          new CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: options.contentType }),
        );
        if (!res.UploadId) throw new Error(`CreateMultipartUpload '${key}' returned no UploadId`);
        return res.UploadId;
      },

      presignPart(key, uploadId, partNumber, expiresInSeconds) {
        validateKey(key);
        return getSignedUrl(
          presigner,
          new UploadPartCommand({ Bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }),
          { expiresIn: expiresInSeconds },
        );
      },

      async listParts(key, uploadId) {
        validateKey(key);
        const parts: UploadedPart[] = [];
        let PartNumberMarker: string | undefined;
        do {
          const page = await client.send(
            new ListPartsCommand({ Bucket, Key: key, UploadId: uploadId, PartNumberMarker }),
          );
          for (const p of page.Parts ?? []) {
            if (p.PartNumber && p.ETag) {
              parts.push({ partNumber: p.PartNumber, etag: p.ETag, size: p.Size ?? 0 });
            }
          }
          PartNumberMarker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
        } while (PartNumberMarker);
        return parts.sort((a, b) => a.partNumber - b.partNumber);
      },

      async complete(key, uploadId, parts) {
        validateKey(key);
        const res = await client.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key: key,
            UploadId: uploadId,
            MultipartUpload: {
              Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })),
            },
          }),
        );
        return { etag: res.ETag ?? "" };
      },

      async abort(key, uploadId) {
        validateKey(key);
        await client.send(
          new AbortMultipartUploadCommand({ Bucket, Key: key, UploadId: uploadId }),
        );
      },
    },
  };
}

/**
 * The S3 error code of an SDK error (`NoSuchUpload`, `InvalidPart`, `NotImplemented`…) and its
 * HTTP status, or nulls for anything else.
 */
export function s3ErrorCode(err: unknown): { code: string | null; status: number | null } {
  const code = (err as { Code?: string; name?: string })?.Code ??
    (err as { name?: string })?.name ?? null;
  return { code: typeof code === "string" ? code : null, status: httpStatus(err) ?? null };
}

function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === "NoSuchKey" || name === "NotFound" || httpStatus(err) === 404;
}
