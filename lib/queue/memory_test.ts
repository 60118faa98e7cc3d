import assert from "node:assert/strict";
import { silentLogger } from "../log.ts";
import { queueContract, run, until } from "./contract_test_util.ts";
import { createMemoryQueue } from "./memory.ts";

queueContract("memory queue", Deno.test, ({ maxAttempts, retryMs }) => {
  const queue = createMemoryQueue({ maxAttempts, retryDelayMs: retryMs, logger: silentLogger });
  return Promise.resolve({ queue, second: () => queue, dispose: () => queue.close() });
});

Deno.test("memory queue: dead letters are kept with their reason", async () => {
  const queue = createMemoryQueue({ maxAttempts: 1, logger: silentLogger });
  try {
    const id = await queue.enqueue({ importId: "x" });
    const loop = run(queue, () => Promise.reject(new Error("not a chat")));
    await until(() => queue.deadLetters().length === 1, "the dead letter");
    await loop.stop();
    assert.deepEqual(queue.deadLetters(), [{
      id,
      job: { importId: "x" },
      attempts: 1,
      reason: "handler failed on attempt 1 of 1: not a chat",
    }]);
  } finally {
    await queue.close();
  }
});

Deno.test("memory queue: close ends waiting consumers and cancels retries", async () => {
  const queue = createMemoryQueue({ retryDelayMs: 60_000, logger: silentLogger });
  await queue.enqueue({ importId: "x" });
  let calls = 0;
  const ac = new AbortController();
  const done = queue.consume(() => {
    calls++;
    return Promise.reject(new Error("retry later"));
  }, { signal: ac.signal });
  await until(() => calls === 1, "the delivery");
  await queue.close();
  await done;
  await assert.rejects(queue.enqueue({ importId: "y" }), /closed/);
  await assert.rejects(queue.ping(), /closed/);
});
