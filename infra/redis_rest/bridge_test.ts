import assert from "node:assert/strict";
import { Redis } from "@upstash/redis";
import { redisTest, withRedisBridge } from "../../tests/helpers/redis.ts";
import { createBridge } from "./bridge.ts";

/** The real SDK against a bridge on port 0; keys live under a unique prefix and are deleted. */
async function setup(options: { enableAutoPipelining?: boolean } = {}) {
  const bridge = await withRedisBridge();
  const redis = new Redis({
    url: bridge.url,
    token: bridge.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    ...options,
  });
  const prefix = bridge.stream;
  const keys: string[] = [];
  const key = (name: string) => {
    keys.push(`${prefix}:${name}`);
    return `${prefix}:${name}`;
  };
  return {
    bridge,
    redis,
    key,
    async close() {
      if (keys.length > 0) await bridge.command("DEL", ...keys);
      await bridge.close();
    },
  };
}

const post = (url: string, token: string, body: unknown, path = "/") =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

redisTest("bridge: SET/GET, INCR and a missing key through the SDK", async () => {
  const t = await setup();
  try {
    assert.equal(await t.redis.set(t.key("greeting"), "hello"), "OK");
    assert.equal(await t.redis.get(t.key("greeting")), "hello");
    assert.equal(await t.redis.get(t.key("missing")), null);
    assert.equal(await t.redis.incr(t.key("n")), 1);
    assert.equal(await t.redis.incrby(t.key("n"), 41), 42);
    assert.equal(await t.redis.ping(), "PONG");
  } finally {
    await t.close();
  }
});

redisTest("bridge: unicode and binary-ish strings survive base64 both ways", async () => {
  const t = await setup();
  try {
    const value = "héllo 🌍 — \u0000\u0001\u007f ÿ «ok» 漢字 \r\n\t OK";
    const k = t.key("ключ🔑");
    await t.redis.set(k, value);
    assert.equal(await t.redis.get(k), value);
    // The literal "OK" as a stored value, and lists of strings (nested base64).
    await t.redis.set(t.key("ok"), "OK");
    assert.equal(await t.redis.get(t.key("ok")), "OK");
    await t.redis.rpush(t.key("list"), "a", "ü", "OK", "");
    assert.deepEqual(await t.redis.lrange(t.key("list"), 0, -1), ["a", "ü", "OK", ""]);
    // Without base64 the bridge answers plain JSON strings.
    const res = await post(t.bridge.url, t.bridge.token, ["GET", k]);
    assert.deepEqual(await res.json(), { result: value });
  } finally {
    await t.close();
  }
});

redisTest("bridge: pipeline and multi-exec", async () => {
  const t = await setup();
  try {
    const p = t.redis.pipeline();
    p.set(t.key("a"), "1");
    p.incr(t.key("a"));
    p.get(t.key("a"));
    assert.deepEqual(await p.exec(), ["OK", 2, "2"]);

    const tx = t.redis.multi();
    tx.set(t.key("b"), "x");
    tx.append(t.key("b"), "y");
    tx.get(t.key("b"));
    assert.deepEqual(await tx.exec(), ["OK", 2, "xy"]);

    // A runtime error inside a transaction is reported per command, the others still run.
    const res = await post(t.bridge.url, t.bridge.token, [
      ["SET", t.key("c"), "text"],
      ["INCR", t.key("c")],
      ["GET", t.key("c")],
    ], "/multi-exec");
    const body = await res.json();
    assert.equal(res.status, 200);
    assert.deepEqual(body[0], { result: "OK" });
    assert.match(body[1].error, /not an integer/);
    assert.deepEqual(body[2], { result: "text" });

    // A command Redis refuses to queue aborts the whole transaction.
    const aborted = await post(t.bridge.url, t.bridge.token, [
      ["SET", t.key("d"), "1"],
      ["NOSUCHCMD"],
    ], "/multi-exec");
    assert.equal(aborted.status, 400);
    assert.match((await aborted.json()).error, /EXECABORT.*unknown command/);
    assert.equal(await t.redis.get(t.key("d")), null);
  } finally {
    await t.close();
  }
});

redisTest("bridge: stream commands for a consumer group", async () => {
  const t = await setup();
  const blocking = new Redis({
    url: t.bridge.url,
    token: t.bridge.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    enableAutoPipelining: false,
  });
  const s = t.key("stream");
  try {
    assert.equal(
      await t.redis.xgroup(s, { type: "CREATE", group: "g", id: "0", options: { MKSTREAM: true } }),
      "OK",
    );
    await assert.rejects(
      t.redis.xgroup(s, { type: "CREATE", group: "g", id: "0", options: { MKSTREAM: true } }),
      /BUSYGROUP/,
    );
    // A blocked read is woken by a write on another client, and does not delay that write.
    const read = blocking.xreadgroup("g", "c1", s, ">", { count: 1, blockMS: 2000 });
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const id = await t.redis.xadd(s, "*", { job: '{"importId":"1"}', n: "1" }) as string;
    assert.ok(performance.now() - started < 500, "XADD waited behind the blocked read");
    assert.deepEqual(await read, [[s, [[id, ["job", '{"importId":"1"}', "n", "1"]]]]]);

    const pending = await t.redis.xpending(s, "g", "-", "+", 10) as unknown[][];
    assert.equal(pending.length, 1);
    assert.equal(pending[0][0], id);
    assert.equal(pending[0][1], "c1");
    assert.equal(pending[0][3], 1);

    await new Promise((r) => setTimeout(r, 20));
    const claimed = await t.redis.xautoclaim(s, "g", "c2", 10, "0-0", { count: 10 });
    assert.deepEqual(claimed, ["0-0", [[id, ["job", '{"importId":"1"}', "n", "1"]]], []]);
    assert.equal(await t.redis.xack(s, "g", id), 1);
    assert.deepEqual(await t.redis.exec(["XPENDING", s, "g"]), [0, null, null, null]);
    // A blocking read that times out answers null.
    assert.equal(await blocking.xreadgroup("g", "c1", s, ">", { blockMS: 50 }), null);
  } finally {
    await t.close();
  }
});

redisTest("bridge: a client that goes away releases its blocked connection", async () => {
  const t = await setup();
  try {
    const ac = new AbortController();
    const list = t.key("list");
    const blocked = post(t.bridge.url, t.bridge.token, ["BLPOP", list, 0]);
    const res = fetch(`${t.bridge.url}/`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.bridge.token}` },
      body: JSON.stringify(["BLPOP", list, 0]),
      signal: ac.signal,
    });
    await new Promise((r) => setTimeout(r, 100));
    ac.abort();
    await assert.rejects(res);
    await new Promise((r) => setTimeout(r, 50));
    // Only the BLPOP still connected is served: the abandoned one no longer waits in Redis.
    await t.redis.rpush(list, "one", "two");
    assert.deepEqual(await (await blocked).json(), { result: [list, "one"] });
    assert.deepEqual(await t.redis.lrange(list, 0, -1), ["two"]);
  } finally {
    await t.close();
  }
});

redisTest("bridge: a wrong or missing token is 401", async () => {
  const t = await setup();
  try {
    const wrong = new Redis({ url: t.bridge.url, token: "wrong", enableTelemetry: false });
    await assert.rejects(wrong.get(t.key("x")), /Unauthorized/);
    const res = await fetch(`${t.bridge.url}/`, { method: "POST", body: '["PING"]' });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { error: "Unauthorized" });
  } finally {
    await t.close();
  }
});

redisTest("bridge: bad commands and bodies get a clear 400", async () => {
  const t = await setup();
  try {
    const { url, token } = t.bridge;
    const cases: [unknown, RegExp][] = [
      [["NOSUCHCMD", "a"], /unknown command 'NOSUCHCMD'/],
      [["GET"], /wrong number of arguments for 'get'/],
      ["not json", /expected a JSON body/],
      [{ cmd: "GET" }, /expected the body to be a JSON array/],
      [["SET", "k", null], /argument 2 of the body to be a string, number or boolean, got null/],
      [["SUBSCRIBE", "ch"], /SUBSCRIBE is not supported by the REST bridge/],
      [["MULTI"], /send the commands to \/multi-exec/],
    ];
    for (const [body, error] of cases) {
      const res = await post(url, token, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match((await res.json()).error, error);
    }
    await t.redis.set(t.key("s"), "text");
    await assert.rejects(t.redis.incr(t.key("s")), /not an integer/);
    const res = await post(url, token, [], "/pipeline");
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /non-empty JSON array of commands/);
    const health = await fetch(`${url}/health`);
    assert.deepEqual(await health.json(), { status: "ok" });
  } finally {
    await t.close();
  }
});

Deno.test("bridge: an unreachable Redis is a 503 naming the address", async () => {
  const bridge = createBridge({ redisUrl: "redis://127.0.0.1:1", token: "t" });
  try {
    const req = (path: string, init?: RequestInit) =>
      bridge.fetch(new Request(`http://bridge${path}`, init));
    const res = await req("/", {
      method: "POST",
      headers: { authorization: "Bearer t" },
      body: '["PING"]',
    });
    assert.equal(res.status, 503);
    assert.match((await res.json()).error, /cannot connect to Redis at 127\.0\.0\.1:1/);
    const health = await req("/health");
    assert.equal(health.status, 503);
    assert.equal((await health.json()).status, "unavailable");
  } finally {
    await bridge.close();
  }
});
