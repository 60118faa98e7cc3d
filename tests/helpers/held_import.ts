/**
 * An import uploaded as a browser test's user whose job is held back: it is stored and recorded
 * by the app's own `receiveUpload`, so it is really queued, but no worker sees it until
 * `release()` puts its job on the reader's queue (where the reader's worker takes it).
 *
 * @module
 */
import type { ImportJob } from "../../lib/queue/types.ts";
import { receiveUpload } from "../../lib/upload.ts";
import type { Reader } from "./browser.ts";

/** A queued import, and the way to let the worker have it. */
export interface HeldImport {
  id: string;
  /** Enqueues the import's job: the reader's worker reads it. */
  release(): Promise<void>;
  /** Resolves with the import's status once the worker is done with it (done or failed). */
  ended(): Promise<"done" | "failed">;
}

/**
 * Uploads `file` as `filename` for the reader's user, its job held back.
 *
 * @example
 * ```ts
 * const held = await holdImport(reader, await chatZip(), "WhatsApp Chat with Bob.zip");
 * await held.release();
 * ```
 */
export async function holdImport(
  reader: Reader,
  file: Uint8Array<ArrayBuffer>,
  filename: string,
): Promise<HeldImport> {
  const me = await reader.t.app.request("/api/account", {
    headers: { authorization: `Bearer ${reader.token}` },
  });
  if (!me.ok) throw new Error(`GET /api/account: expected 200, got ${me.status}`);
  const jobs: ImportJob[] = [];
  const holding = {
    ...reader.t.queue,
    enqueue(job: ImportJob) {
      jobs.push(job);
      return Promise.resolve("held");
    },
  };
  const id = await receiveUpload(
    { db: reader.t.db.sql, blobs: reader.t.blobs, queue: holding, maxBytes: file.length },
    { userId: (await me.json()).id, filename, body: new Blob([file]).stream() },
  );
  return {
    id,
    async release() {
      for (const job of jobs.splice(0)) await reader.t.queue.enqueue(job);
    },
    async ended() {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const [row] = await reader.t.db.sql`select status from imports where id = ${id}`;
        if (row?.status === "done" || row?.status === "failed") return row.status;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`import ${id} did not end within 30 s`);
    },
  };
}
