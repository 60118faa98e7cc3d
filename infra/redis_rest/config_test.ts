import assert from "node:assert/strict";
import { loadBridgeConfig } from "./config.ts";

Deno.test("bridge config: defaults and a clear error naming the bad variable", () => {
  assert.deepEqual(loadBridgeConfig({ REDIS_REST_TOKEN: "0123456789abcdef" }), {
    redisUrl: "redis://127.0.0.1:6379",
    token: "0123456789abcdef",
    port: 8079,
    hostname: "0.0.0.0",
  });
  assert.throws(
    () => loadBridgeConfig({ REDIS_URL: "http://x", REDIS_REST_PORT: "99999" }),
    (err: Error) => {
      assert.match(err.message, /REDIS_URL: expected the redis:\/\/ or rediss:\/\/ scheme/);
      assert.match(err.message, /REDIS_REST_TOKEN: is required/);
      assert.match(err.message, /REDIS_REST_PORT: /);
      return true;
    },
  );
});
