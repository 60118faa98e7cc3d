import assert from "node:assert/strict";
import { type RedisBridgeHandle, redisTest, withRedisBridge } from "../../tests/helpers/redis.ts";
import { silentLogger } from "../log.ts";
import { queueContract, run, until } from "./contract_test_util.ts";
import { createRedisQueue, type RedisQueueOptions } from "./redis_stream.ts";
import type { Delivery, Queue } from "./types.ts";

/** A bridge on port 0, and queues on its unique stream; `dispose()` deletes the stream. */
async function fixture(options: Partial<RedisQueueOptions> = {}) {
  const bridge = await withRedisBridge();
  const queues: Queue[] = [];
  const make = (more: Partial<RedisQueueOptions> = {}) => {
    const queue = createRedisQueue({
      url: bridge.url,
      token: bridge.token,
      stream: bridge.stream,
      blockMs: 100,
      logger: silentLogger,
      ...options,
      ...more,
    });
    queues.push(queue);
    return queue;
  };
  return {
    bridge,
    queue: make(),
    second: () => make(),
    make,
    async dispose() {
      await Promise.all(queues.map((q) => q.close()));
      await bridge.close();
    },
  };
}

queueContract(
  "redis queue",
  redisTest,
  ({ maxAttempts, retryMs }) => fixture({ maxAttempts, claimIdleMs: retryMs }),
);

/** Reads the next entry as consumer `name` and never acks it: a worker that then crashed. */
async function crashAfterRead(bridge: RedisBridgeHandle, name: string): Promise<string> {
  const reply = await bridge.command(
    "XREADGROUP",
    "GROUP",
    "workers",
    name,
    "COUNT",
    1,
    "STREAMS",
    bridge.stream,
    ">",
  ) as [string, [string, string[]][]][];
  return reply[0][1][0][0];
}

redisTest("redis queue: a crashed worker's job is reclaimed by another", async () => {
  const f = await fixture({ claimIdleMs: 200 });
  try {
    await f.bridge.command("XGROUP", "CREATE", f.bridge.stream, "workers", "0", "MKSTREAM");
    const id = await f.queue.enqueue({ importId: "orphan" });
    assert.equal(await crashAfterRead(f.bridge, "crashed-worker"), id);
    const seen: Delivery[] = [];
    const started = Date.now();
    const loop = run(f.second(), (d) => void seen.push(d));
    await until(() => seen.length === 1, "the reclaimed job");
    await loop.stop();
    assert.ok(Date.now() - started >= 150, "reclaimed before claimIdleMs");
    assert.deepEqual(seen, [{ id, job: { importId: "orphan" }, attempt: 2 }]);
    assert.deepEqual(await f.queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
  } finally {
    await f.dispose();
  }
});

redisTest("redis queue: too many deliveries without an ack is a dead letter", async () => {
  const f = await fixture({ claimIdleMs: 50, maxAttempts: 3 });
  try {
    const { stream } = f.bridge;
    await f.bridge.command("XGROUP", "CREATE", stream, "workers", "0", "MKSTREAM");
    const id = await f.queue.enqueue({ importId: "crashes-workers" });
    await crashAfterRead(f.bridge, "w1");
    await f.bridge.command("XCLAIM", stream, "workers", "w2", 0, id); // delivery 2
    await f.bridge.command("XCLAIM", stream, "workers", "w3", 0, id); // delivery 3
    const dead: [Delivery, string][] = [];
    let handled = 0;
    const loop = run(f.queue, () => void handled++, (d, r) => void dead.push([d, r]));
    await until(() => dead.length === 1, "the dead letter");
    await loop.stop();
    assert.equal(handled, 0);
    assert.equal(dead[0][0].attempt, 4);
    assert.equal(dead[0][1], "delivered 3 times without an ack (maxAttempts 3)");
    const [[deadId, fields]] = await f.bridge.command("XRANGE", `${stream}:dead`, "-", "+") as [
      string,
      string[],
    ][];
    assert.ok(deadId);
    const record = Object.fromEntries(fields.flatMap((v, i) => i % 2 ? [] : [[v, fields[i + 1]]]));
    assert.equal(record.id, id);
    assert.equal(record.reason, dead[0][1]);
    assert.deepEqual(JSON.parse(record.job), { importId: "crashes-workers" });
    assert.deepEqual(await f.queue.stats(), { length: 0, pending: 0, deadLetters: 1 });
  } finally {
    await f.dispose();
  }
});

redisTest("redis queue: a job running longer than claimIdleMs is not taken over", async () => {
  const f = await fixture({ claimIdleMs: 300 });
  try {
    await f.queue.enqueue({ importId: "long" });
    const seen: Delivery[] = [];
    const handler = async (d: Delivery) => {
      seen.push(d);
      await new Promise((r) => setTimeout(r, 800));
    };
    const a = run(f.queue, handler);
    const b = run(f.second(), handler);
    await until(() => seen.length === 1, "the delivery");
    await new Promise((r) => setTimeout(r, 900));
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(seen.length, 1, "the job was delivered twice");
    assert.deepEqual(await f.queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
  } finally {
    await f.dispose();
  }
});

redisTest("redis queue: a malformed entry goes to the dead letters", async () => {
  const f = await fixture();
  try {
    await f.bridge.command("XADD", f.bridge.stream, "*", "job", "{not json");
    const dead: string[] = [];
    const loop = run(f.queue, () => {}, (_, reason) => void dead.push(reason));
    await until(() => dead.length === 1, "the dead letter");
    await loop.stop();
    assert.match(dead[0], /^malformed job "\{not json": expected/);
  } finally {
    await f.dispose();
  }
});

redisTest("redis queue: a clean exit removes the consumer from the group", async () => {
  const f = await fixture({ consumer: "tidy" });
  try {
    await f.queue.enqueue({ importId: "x" });
    let seen = 0;
    const loop = run(f.queue, () => void seen++);
    await until(() => seen === 1, "the delivery");
    await loop.stop();
    assert.deepEqual(
      await f.bridge.command("XINFO", "CONSUMERS", f.bridge.stream, "workers"),
      [],
    );
  } finally {
    await f.dispose();
  }
});

redisTest("redis queue: stats before any consumer, and ping", async () => {
  const f = await fixture();
  try {
    assert.deepEqual(await f.queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
    await f.queue.enqueue({ importId: "a" });
    assert.deepEqual(await f.queue.stats(), { length: 1, pending: 0, deadLetters: 0 });
    await f.queue.ping();
  } finally {
    await f.dispose();
  }
});
