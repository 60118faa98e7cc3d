import type { Sql } from "../lib/db/client.ts";
import type { Logger } from "../lib/log.ts";
import { PARSER_VERSION } from "../lib/parse/version.ts";
import type { Queue } from "../lib/queue/types.ts";
import { claimStaleImports } from "../lib/reparse/db.ts";

/**
 * After a parser upgrade: re-parses the stored originals of every finished import read by an
 * older parser, without the users uploading again. Called once when a worker starts. The
 * imports are claimed in one UPDATE … RETURNING (set back to 'queued'), so with several workers
 * starting at once each import is enqueued exactly once; the worker then re-imports each into
 * its own conversation. Fused conversations are left alone (re-importing one of their exports
 * would drop the others). `version` is the current parser's (a parameter for tests). Returns
 * the ids enqueued.
 */
export async function enqueueStaleImports(
  db: Sql,
  queue: Queue,
  logger: Logger,
  options: { version?: number } = {},
): Promise<string[]> {
  const version = options.version ?? PARSER_VERSION;
  const ids = await claimStaleImports(db, version);
  for (let i = 0; i < ids.length; i++) {
    try {
      await queue.enqueue({ importId: ids[i] });
    } catch (err) {
      // Not enqueued: hand the rest back as 'done' so the next start claims them again
      // (a 'queued' import without a job would wait for ever).
      const rest = ids.slice(i);
      await db`update imports set status = 'done', progress = 1
        where id in ${db(rest)} and status = 'queued'`;
      logger.error("re-parse after parser upgrade: enqueue failed", {
        error: (err as Error).message,
        enqueued: i,
        left: rest.length,
      });
      return ids.slice(0, i);
    }
  }
  if (ids.length > 0) {
    logger.info("re-parsing imports read by an older parser", { imports: ids.length, version });
  }
  return ids;
}
