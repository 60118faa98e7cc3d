import assert from "node:assert/strict";
import { parseRedisUrl } from "./redis_url.ts";
import { encodeCommands, RespDecoder, RespError } from "./resp.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

Deno.test("resp: replies decode whatever the chunking", () => {
  const wire = bytes(
    "+OK\r\n-ERR bad\r\n:42\r\n$-1\r\n$5\r\nhé\r\n\r\n*-1\r\n*3\r\n$1\r\na\r\n*1\r\n:-7\r\n$0\r\n\r\n",
  );
  for (const size of [1, 2, 3, 7, wire.length]) {
    const decoder = new RespDecoder();
    const replies: unknown[] = [];
    for (let i = 0; i < wire.length; i += size) {
      decoder.push(wire.subarray(i, i + size));
      for (let r = decoder.next(); r; r = decoder.next()) replies.push(r.value);
    }
    assert.equal(replies.length, 7, `chunk size ${size}`);
    assert.equal(replies[0], "OK");
    assert.ok(replies[1] instanceof RespError && replies[1].message === "ERR bad");
    assert.equal(replies[2], 42);
    assert.equal(replies[3], null);
    assert.equal(new TextDecoder().decode(replies[4] as Uint8Array), "hé\r\n");
    assert.equal(replies[5], null);
    assert.deepEqual(replies[6], [bytes("a"), [-7], new Uint8Array()]);
  }
});

Deno.test("resp: a large bulk reply spanning many reads", () => {
  const value = "x".repeat(200_000);
  const decoder = new RespDecoder();
  const wire = bytes(`$${value.length}\r\n${value}\r\n:1\r\n`);
  for (let i = 0; i < wire.length; i += 4096) decoder.push(wire.subarray(i, i + 4096));
  assert.equal((decoder.next()!.value as Uint8Array).byteLength, value.length);
  assert.equal(decoder.next()!.value, 1);
  assert.equal(decoder.next(), undefined);
});

Deno.test("resp: commands encode as arrays of bulk strings", () => {
  const out = new TextDecoder().decode(encodeCommands([["SET", "k", "é"], ["INCRBY", "n", 5]]));
  assert.equal(
    out,
    "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n*3\r\n$6\r\nINCRBY\r\n$1\r\nn\r\n$1\r\n5\r\n",
  );
});

Deno.test("resp: Redis URLs", () => {
  assert.deepEqual(parseRedisUrl("redis://:p%40ss@10.0.0.5:6380/2"), {
    hostname: "10.0.0.5",
    port: 6380,
    tls: false,
    username: undefined,
    password: "p@ss",
    db: 2,
  });
  const tls = parseRedisUrl("rediss://user:pw@[::1]");
  assert.equal(tls.hostname, "::1");
  assert.equal(tls.port, 6379);
  assert.equal(tls.username, "user");
  assert.ok(tls.tls);
  assert.throws(
    () => parseRedisUrl("http://x"),
    /redis:\/\/ or rediss:\/\/ scheme, got "http:\/\/"/,
  );
  assert.throws(() => parseRedisUrl("redis://h/x"), /database number.*"\/x"/);
});
