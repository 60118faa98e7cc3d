/**
 * The behaviour every Queue implementation must show, run by `memory_test.ts` and
 * `redis_stream_test.ts`.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Delivery, Queue } from "./types.ts";

/** A queue under test; `second()` is another consumer process's view of the same queue. */
export interface QueueFixture {
  queue: Queue;
  second(): Queue;
  dispose(): Promise<void>;
}

/** Builds a fixture whose failed jobs come back after about `retryMs`. */
export type MakeQueue = (o: { maxAttempts: number; retryMs: number }) => Promise<QueueFixture>;

/** Polls `check` every 10 ms until it is true, failing after `timeoutMs`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Starts a consume loop; `stop()` aborts it and waits for it to return. */
export function run(
  queue: Queue,
  handler: (d: Delivery) => void | Promise<void>,
  onDeadLetter?: (d: Delivery, reason: string) => void,
) {
  const ac = new AbortController();
  const done = queue.consume(async (d) => await handler(d), { signal: ac.signal, onDeadLetter });
  return {
    signal: ac.signal,
    done,
    async stop() {
      ac.abort();
      await done;
    },
  };
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Registers the contract tests with `register` (Deno.test, or redisTest). */
export function queueContract(
  name: string,
  register: (name: string, fn: () => Promise<void>) => void,
  make: MakeQueue,
): void {
  const test = (title: string, fn: (f: QueueFixture) => Promise<void>, retryMs = 100) =>
    register(`${name}: ${title}`, async () => {
      const fixture = await make({ maxAttempts: 3, retryMs });
      try {
        await fn(fixture);
      } finally {
        await fixture.dispose();
      }
    });

  test("enqueue, consume, ack", async ({ queue }) => {
    const id = await queue.enqueue({ importId: "imp-1", requestId: "req-1" });
    const seen: Delivery[] = [];
    const loop = run(queue, (d) => void seen.push(d));
    await until(() => seen.length === 1, "the delivery");
    await loop.stop();
    assert.deepEqual(seen, [{ id, job: { importId: "imp-1", requestId: "req-1" }, attempt: 1 }]);
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
    await assert.rejects(queue.enqueue({ importId: "" }), /importId: expected a non-empty string/);
    await queue.ping();
  });

  test("two consumers share the jobs without double processing", async ({ queue, second }) => {
    const other = second();
    const ids = Array.from({ length: 12 }, (_, i) => `imp-${i}`);
    for (const importId of ids) await queue.enqueue({ importId });
    const byConsumer: string[][] = [[], []];
    const handler = (n: number) => async (d: Delivery) => {
      byConsumer[n].push(d.job.importId);
      await delay(15);
    };
    const a = run(queue, handler(0));
    const b = run(other, handler(1));
    await until(() => byConsumer[0].length + byConsumer[1].length >= ids.length, "all jobs");
    await Promise.all([a.stop(), b.stop()]);
    assert.deepEqual([...byConsumer[0], ...byConsumer[1]].sort(), [...ids].sort());
    assert.ok(byConsumer[0].length > 0 && byConsumer[1].length > 0, "both consumers got work");
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
  });

  test("a failed job is delivered again, then acked", async ({ queue }) => {
    await queue.enqueue({ importId: "flaky" });
    const attempts: number[] = [];
    const loop = run(queue, ({ attempt }) => {
      attempts.push(attempt);
      if (attempt === 1) throw new Error("transient");
    });
    await until(() => attempts.length === 2, "the redelivery");
    await loop.stop();
    assert.deepEqual(attempts, [1, 2]);
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
  });

  test("three failures move the job to the dead letters", async ({ queue }) => {
    await queue.enqueue({ importId: "poison" });
    const attempts: number[] = [];
    const dead: [Delivery, string][] = [];
    const loop = run(queue, ({ attempt }) => {
      attempts.push(attempt);
      throw new Error("boom");
    }, (d, reason) => void dead.push([d, reason]));
    await until(() => dead.length === 1, "the dead letter");
    await loop.stop();
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.equal(dead[0][0].job.importId, "poison");
    assert.equal(dead[0][0].attempt, 3);
    assert.equal(dead[0][1], "handler failed on attempt 3 of 3: boom");
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 1 });
  });

  test("stats count waiting and pending jobs", async ({ queue }) => {
    for (const importId of ["a", "b", "c"]) await queue.enqueue({ importId });
    assert.deepEqual(await queue.stats(), { length: 3, pending: 0, deadLetters: 0 });
    let release = () => {};
    const held = new Promise<void>((r) => release = r);
    let started = 0;
    const loop = run(queue, async () => {
      started++;
      if (started === 1) await held;
    });
    await until(() => started === 1, "the first delivery");
    assert.deepEqual(await queue.stats(), { length: 3, pending: 1, deadLetters: 0 });
    release();
    await until(() => started === 3, "the other jobs");
    await loop.stop();
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
  });

  test("abort waits for the job in hand, which is acked", async ({ queue }) => {
    await queue.enqueue({ importId: "slow" });
    let finished = false;
    let started = false;
    const loop = run(queue, async () => {
      started = true;
      await delay(300);
      finished = true;
    });
    await until(() => started, "the delivery");
    await loop.stop();
    assert.ok(finished, "consume returned before the handler finished");
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
    // An idle loop returns promptly on abort.
    const idle = run(queue, async () => {});
    await delay(20);
    const t0 = Date.now();
    await idle.stop();
    assert.ok(Date.now() - t0 < 1_000, `idle consume took ${Date.now() - t0} ms to stop`);
  });

  test("a job released on abort goes to another consumer", async ({ queue, second }) => {
    await queue.enqueue({ importId: "handover" });
    let started = false;
    const a = run(queue, async () => {
      started = true;
      await new Promise((_, reject) =>
        a.signal.addEventListener("abort", () => reject(new Error("shutdown")))
      );
    });
    await until(() => started, "the first delivery");
    await a.stop();
    const seen: Delivery[] = [];
    const dead: string[] = [];
    const b = run(second(), (d) => void seen.push(d), (_, reason) => void dead.push(reason));
    await until(() => seen.length === 1, "the redelivery");
    await b.stop();
    assert.equal(seen[0].job.importId, "handover");
    assert.equal(seen[0].attempt, 2);
    assert.deepEqual(dead, []);
    assert.deepEqual(await queue.stats(), { length: 0, pending: 0, deadLetters: 0 });
  });
}
