import assert from "node:assert/strict";
import { createImport } from "../lib/db/imports.ts";
import { silentLogger } from "../lib/log.ts";
import { generateExport } from "../lib/parse/generate.ts";
import { createMemoryQueue } from "../lib/queue/memory.ts";
import { createRedisQueue } from "../lib/queue/redis_stream.ts";
import type { Queue } from "../lib/queue/types.ts";
import { createFsBlobStore } from "../lib/storage/fs.ts";
import { createTestDb } from "../tests/helpers/db.ts";
import { redisTest, withRedisBridge } from "../tests/helpers/redis.ts";
import { createWorker, OUR_FAULT_FINAL, OUR_FAULT_RETRYING } from "./create_worker.ts";
import { importChat } from "./import_chat.ts";

async function exportBytes(messages: number, seed: number): Promise<Uint8Array> {
  const gen = generateExport({ messages, seed, layout: "android", dateOrder: "DMY", clock: "24h" });
  const parts: Uint8Array[] = [];
  for await (const chunk of gen.bytes()) parts.push(chunk);
  return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}

/**
 * Two workers (two queue clients, two consumer loops each, a per-user cap of 1) share one
 * queue. Ann queues three imports, then Bob one. Sampling the imports table shows Ann never
 * has two processing at once, Bob's import does not wait for all of Ann's, and deferrals
 * spend no delivery attempt.
 */
async function fairness(makeQueue: () => Queue) {
  const db = await createTestDb();
  const dir = await Deno.makeTempDir({ prefix: "wcr-fair-" });
  const blobs = createFsBlobStore(dir);
  const queues = [makeQueue(), makeQueue()];
  const stop = new AbortController();
  let workers: Promise<void>[] = [];
  try {
    const users = await db.sql<{ id: string }[]>`
      insert into users (email, password_hash)
      values (${`a${crypto.randomUUID()}@x.io`}, 'x'), (${`b${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const [ann, bob] = users.map((u) => u.id);
    const chat = await exportBytes(10_000, 7);
    const upload = async (userId: string) => {
      const id = crypto.randomUUID();
      await blobs.put(`imports/${id}/original`, chat);
      await createImport(db.sql, {
        id,
        userId,
        filename: "WhatsApp Chat with Bob.txt",
        size: chat.byteLength,
        sha256: "0".repeat(64),
        blobKey: `imports/${id}/original`,
      });
      return id;
    };
    const annIds = [await upload(ann), await upload(ann), await upload(ann)];
    const bobId = await upload(bob);
    const doneAt = new Map<string, number>();
    workers = queues.map((queue) =>
      createWorker({
        db: db.sql,
        queue,
        blobs,
        logger: silentLogger,
        concurrency: 2,
        userCap: 1,
        deferDelayMs: 50,
        runImport: async (deps, id) => {
          const outcome = await importChat(deps, id);
          if (outcome.status === "done") doneAt.set(id, performance.now());
          return outcome;
        },
      }).run(stop.signal)
    );
    for (const id of annIds) await queues[0].enqueue({ importId: id });
    await queues[1].enqueue({ importId: bobId });

    let maxAnn = 0;
    const until = Date.now() + 60_000;
    while (doneAt.size < 4 && Date.now() < until) {
      const [{ n }] = await db.sql<{ n: number }[]>`
        select count(*)::int as n from imports where user_id = ${ann} and status = 'processing'`;
      maxAnn = Math.max(maxAnn, n);
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(doneAt.size, 4, "every import finished");
    assert.equal(maxAnn, 1, "Ann never had two imports processing at once");
    const lastAnn = Math.max(...annIds.map((id) => doneAt.get(id)!));
    assert.ok(doneAt.get(bobId)! < lastAnn, "Bob's import did not wait for all of Ann's");
    const rows = await db.sql`select status, attempts from imports`;
    assert.deepEqual(rows.map((r) => [r.status, r.attempts]), Array(4).fill(["done", 1]));
    const [{ n }] = await db.sql`select count(*)::int as n from messages`;
    assert.equal(n, 4 * 10_000);
  } finally {
    stop.abort();
    await Promise.all(workers);
    await Promise.all(queues.map((q) => q.close()));
    await db.drop();
    await Deno.remove(dir, { recursive: true });
  }
}

redisTest(
  "two workers on one Redis stream: per-user cap, fair, deferrals cost no attempt",
  async () => {
    const redis = await withRedisBridge();
    try {
      await fairness(() =>
        createRedisQueue({ url: redis.url, token: redis.token, stream: redis.stream, blockMs: 100 })
      );
    } finally {
      await redis.close();
    }
  },
);

Deno.test("two worker loops on the in-process queue: the same cap and fairness", async () => {
  const queue = createMemoryQueue();
  await fairness(() => queue);
});

Deno.test("a failure of ours shows the owner a plain message; its detail stays in the log", async () => {
  const db = await createTestDb();
  const dir = await Deno.makeTempDir({ prefix: "wcr-fault-" });
  const blobs = createFsBlobStore(dir);
  const queue = createMemoryQueue({ maxAttempts: 2, retryDelayMs: 10 });
  const stop = new AbortController();
  const internal = "connect ECONNREFUSED 10.0.3.7:5432 (bucket wcr-prod-originals)";
  const seen: string[] = [];
  let worker: Promise<void> | undefined;
  try {
    const [{ id: userId }] = await db.sql<{ id: string }[]>`
      insert into users (email, password_hash) values (${`f${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const id = crypto.randomUUID();
    await createImport(db.sql, {
      id,
      userId,
      filename: "WhatsApp Chat with Bob.txt",
      size: 1,
      sha256: "1".repeat(64),
      blobKey: `imports/${id}/original`,
    });
    worker = createWorker({
      db: db.sql,
      queue,
      blobs,
      logger: silentLogger,
      runImport: async () => {
        const [row] = await db.sql<{ error: string | null }[]>`
          select error from imports where id = ${id}`;
        seen.push(row.error ?? "");
        throw new Error(internal);
      },
    }).run(stop.signal);
    await queue.enqueue({ importId: id });
    const until = Date.now() + 10_000;
    let row: { status: string; error: string | null } | undefined;
    while (Date.now() < until) {
      [row] = await db.sql<{ status: string; error: string | null }[]>`
        select status, error from imports where id = ${id}`;
      if (row.status === "failed") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(row, { status: "failed", error: OUR_FAULT_FINAL });
    assert.deepEqual(seen, ["", OUR_FAULT_RETRYING], "between attempts the owner reads the retry");
  } finally {
    stop.abort();
    await worker;
    await queue.close();
    await db.drop();
    await Deno.remove(dir, { recursive: true });
  }
});
