import type { Config } from "./config.ts";
import { createSql, type Sql } from "./db/client.ts";
import type { EmbeddedServer } from "./db/embedded.ts";
import { migrate } from "./db/migrate.ts";
import type { Logger } from "./log.ts";
import { createQueue } from "./queue/mod.ts";
import type { Queue } from "./queue/types.ts";
import { createBlobStore } from "./storage/mod.ts";
import type { BlobStore } from "./storage/types.ts";

/** The clients of one process, created once at the entry point and passed everywhere. */
export interface Services {
  db: Sql;
  queue: Queue;
  blobs: BlobStore;
  /** Where the data lives, for the start-up message. */
  where: { database: string; queue: string; blobs: string };
  close(): Promise<void>;
}

/**
 * Opens the database (starting the embedded PostgreSQL under `<dataDir>/pg` when no
 * DATABASE_URL is set), applies migrations under the advisory lock, and creates the queue
 * and blob store the config selects.
 */
export async function openServices(config: Config, logger: Logger): Promise<Services> {
  let embedded: EmbeddedServer | null = null;
  let url = config.databaseUrl;
  if (!url) {
    // Imported only when embedded, so deployments never load the binaries (the image still
    // holds them: `deno install` installs every package of deno.json).
    const { startEmbeddedPostgres } = await import("./db/embedded.ts");
    // The entry points (main.ts, worker/main.ts) stop gracefully on SIGINT/SIGTERM themselves.
    embedded = await startEmbeddedPostgres(`${config.dataDir}/pg`, { appHandlesSignals: true });
    url = embedded.url;
  }
  const applied = await migrate(url);
  if (applied.length) logger.info("migrations applied", { applied });
  const db = createSql(url);
  const queue = createQueue(config);
  const blobs = createBlobStore(config);
  return {
    db,
    queue,
    blobs,
    where: {
      database: embedded ? `embedded PostgreSQL in ${embedded.dir}` : "DATABASE_URL",
      queue: config.redis
        ? `Redis stream '${config.redis.stream}' via ${config.redis.url}`
        : "in-process",
      blobs: config.s3 ? `S3 bucket ${config.s3.bucket}` : `${config.dataDir}/blobs`,
    },
    async close() {
      await queue.close();
      blobs.close?.();
      await db.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}
