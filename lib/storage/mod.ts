/**
 * Blob storage entry point: picks S3 or the filesystem from the config, and adapts a blob to
 * the random-access shape the zip reader takes.
 *
 * @module
 */
import type { Config } from "../config.ts";
import { createFsBlobStore } from "./fs.ts";
import { createS3BlobStore } from "./s3.ts";
import { BlobNotFoundError, type BlobStore, type RandomAccess } from "./types.ts";

export { createFsBlobStore } from "./fs.ts";
export { createS3BlobStore, type S3BlobStoreOptions } from "./s3.ts";
export * from "./types.ts";

/**
 * S3 when `config.s3` is set, else files under `${config.dataDir}/blobs`.
 *
 * @example
 * ```ts
 * const store = createBlobStore(loadConfig());
 * await store.ping();
 * ```
 */
export function createBlobStore(config: Config): BlobStore {
  if (config.s3) return createS3BlobStore(config.s3);
  return createFsBlobStore(`${config.dataDir.replace(/\/+$/, "")}/blobs`);
}

/**
 * Random access over one blob (`size` read once, then ranged reads). Throws
 * {@link BlobNotFoundError} when the blob does not exist. A read past the end returns fewer bytes.
 *
 * @example
 * ```ts
 * const file = await randomAccess(store, "imports/1/export.zip");
 * const eocd = await file.read(file.size - 22, 22);
 * ```
 */
export async function randomAccess(store: BlobStore, key: string): Promise<RandomAccess> {
  const size = await store.size(key);
  if (size === null) throw new BlobNotFoundError(key);
  return {
    size,
    read: (offset, length) => store.getRange(key, offset, offset + length),
  };
}
