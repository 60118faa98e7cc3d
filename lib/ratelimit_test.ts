import assert from "node:assert/strict";
import { redisTest, withRedisBridge } from "../tests/helpers/redis.ts";
import { loadConfig } from "./config.ts";
import {
  createMemoryRateLimiter,
  createRedisRateLimiter,
  parseRateRule,
  type RateLimiter,
} from "./ratelimit.ts";

Deno.test("parseRateRule: <max>/<window> with units, or off; bad values are named", () => {
  assert.deepEqual(parseRateRule("10/15m"), { max: 10, windowSeconds: 900 });
  assert.deepEqual(parseRateRule(" 5 / 1h "), { max: 5, windowSeconds: 3600 });
  assert.deepEqual(parseRateRule("3/30"), { max: 3, windowSeconds: 30 });
  assert.equal(parseRateRule("OFF"), null);
  for (const bad of ["", "10", "0/1m", "10/0s", "ten/1m", "10/1w"]) {
    assert.throws(() => parseRateRule(bad), /expected "<max>\/<window>"/);
  }
  assert.throws(() => loadConfig({ RATE_LIMIT_SIGNIN: "lots" }), /RATE_LIMIT_SIGNIN/);
  const c = loadConfig({ RATE_LIMIT_UPLOAD: "off", TRUST_PROXY_HOPS: "2" });
  assert.equal(c.rateLimits.upload, null);
  assert.deepEqual(c.rateLimits.signin, { max: 10, windowSeconds: 900 });
  assert.equal(c.trustProxyHops, 2);
});

async function windowBehaviour(limiter: RateLimiter, advance: (ms: number) => Promise<void>) {
  const rule = { max: 3, windowSeconds: 2 };
  const key = `k${crypto.randomUUID()}`;
  const hits = [];
  for (let i = 0; i < 4; i++) hits.push(await limiter.hit("test", key, rule));
  assert.deepEqual(hits.map((h) => h.allowed), [true, true, true, false]);
  assert.deepEqual(hits.map((h) => h.remaining), [2, 1, 0, 0]);
  assert.ok(hits[3].retryAfterSeconds >= 1 && hits[3].retryAfterSeconds <= 2);
  // Other keys and buckets count separately.
  assert.equal((await limiter.hit("test", `${key}-other`, rule)).allowed, true);
  assert.equal((await limiter.hit("other", key, rule)).allowed, true);
  // A forgiven hit gives one attempt back, never more than were counted.
  const spare = `f${crypto.randomUUID()}`;
  for (let i = 0; i < 3; i++) await limiter.hit("test", spare, rule);
  await limiter.forgive("test", spare);
  assert.equal((await limiter.hit("test", spare, rule)).allowed, true, "forgiven: one more");
  assert.equal((await limiter.hit("test", spare, rule)).allowed, false);
  const fresh = `g${crypto.randomUUID()}`;
  await limiter.forgive("test", fresh); // nothing counted: nothing to give back
  for (let i = 0; i < 3; i++) await limiter.hit("test", fresh, rule);
  assert.equal((await limiter.hit("test", fresh, rule)).allowed, false, "no credit below zero");
  await advance(2100);
  assert.equal((await limiter.hit("test", key, rule)).allowed, true, "a new window starts");
}

Deno.test("memory limiter: fixed window per key, then a fresh window", async () => {
  let now = 1_000_000;
  const limiter = createMemoryRateLimiter({ now: () => now });
  await windowBehaviour(limiter, (ms) => Promise.resolve(void (now += ms)));
});

Deno.test("memory limiter: a flood of distinct keys never grows it past maxKeys", async () => {
  const limiter = createMemoryRateLimiter({ maxKeys: 100 });
  const rule = { max: 1, windowSeconds: 60 };
  for (let i = 0; i < 1000; i++) await limiter.hit("flood", `k${i}`, rule);
  // The newest key is still counted (the oldest windows were forgotten first).
  assert.equal((await limiter.hit("flood", "k999", rule)).allowed, false);
});

redisTest("Redis limiter: the same window in Redis, shared by two clients", async () => {
  const redis = await withRedisBridge();
  const prefix = `test:${crypto.randomUUID()}:`;
  try {
    const a = createRedisRateLimiter({ url: redis.url, token: redis.token, prefix });
    const b = createRedisRateLimiter({ url: redis.url, token: redis.token, prefix });
    const rule = { max: 2, windowSeconds: 60 };
    assert.equal((await a.hit("signin", "ip:1", rule)).allowed, true);
    assert.equal((await b.hit("signin", "ip:1", rule)).allowed, true);
    const third = await a.hit("signin", "ip:1", rule);
    assert.equal(third.allowed, false);
    assert.ok(third.retryAfterSeconds > 50 && third.retryAfterSeconds <= 60);
    // Keys are hashed: no address or email in Redis.
    const keys = await redis.command("KEYS", `${prefix}*`) as string[];
    assert.equal(keys.length, 1);
    assert.ok(!keys[0].includes("ip:1"));
    assert.ok(Number(await redis.command("PTTL", keys[0])) > 0, "the window expires");
    await windowBehaviour(
      createRedisRateLimiter({ url: redis.url, token: redis.token, prefix }),
      (ms) => new Promise((r) => setTimeout(r, ms)),
    );
  } finally {
    const keys = await redis.command("KEYS", `${prefix}*`) as string[];
    if (keys.length) await redis.command("DEL", ...keys);
    await redis.close();
  }
});

Deno.test("Redis limiter: while Redis is unreachable it counts in memory (never unlimited)", async () => {
  const limiter = createRedisRateLimiter({ url: "http://127.0.0.1:9", token: "t", timeoutMs: 200 });
  const rule = { max: 1, windowSeconds: 60 };
  assert.equal((await limiter.hit("signin", "ip:1", rule)).allowed, true);
  assert.equal((await limiter.hit("signin", "ip:1", rule)).allowed, false);
});
