/**
 * A real S3 server for tests: `s3rver` (npm) in-process on a free port, with a temporary
 * directory and a fresh bucket.
 *
 * @module
 */
import S3rver from "s3rver";
import type { Server } from "node:http";
import type { Config } from "../../lib/config.ts";

/** A running s3rver; `close()` stops it and removes its directory. */
export interface S3rverHandle {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  bucket: string;
  /** Ready to pass to `createS3BlobStore` or into a `Config`. */
  config: NonNullable<Config["s3"]>;
  close(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 with an OS-chosen port and one empty bucket.
 *
 * @example
 * ```ts
 * const s3 = await startS3rver();
 * try {
 *   const store = createS3BlobStore(s3.config);
 * } finally {
 *   await s3.close();
 * }
 * ```
 */
export async function startS3rver(options: { bucket?: string } = {}): Promise<S3rverHandle> {
  const bucket = options.bucket ?? "test-bucket";
  const directory = await Deno.makeTempDir({ prefix: "s3rver-" });
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  let address: { port: number };
  try {
    address = await server.run();
  } catch (err) {
    await Deno.remove(directory, { recursive: true });
    throw err;
  }
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket,
    config: {
      endpoint,
      bucket,
      region: "us-east-1",
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    },
    async close() {
      // Keep-alive sockets of a client would otherwise hold `server.close()` open.
      (server.httpServer as Server).closeAllConnections();
      await server.close();
      await Deno.remove(directory, { recursive: true });
    },
  };
}
