/**
 * Entry point of the Upstash-compatible REST bridge for a self-hosted Redis:
 * `deno task redis-rest` (needs `--allow-net --allow-env`). SIGTERM/SIGINT stop it gracefully.
 *
 * @module
 */
import { createBridge } from "./bridge.ts";
import { loadBridgeConfig } from "./config.ts";

const log = (level: string, msg: string, fields: Record<string, unknown> = {}) =>
  console.error(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }));

let config;
try {
  config = loadBridgeConfig();
} catch (err) {
  console.error((err as Error).message);
  Deno.exit(1);
}

const redisHost = new URL(config.redisUrl).host;
const bridge = createBridge({
  redisUrl: config.redisUrl,
  token: config.token,
  onError: (error, request) =>
    log("error", "request failed", {
      path: new URL(request.url).pathname,
      error: error instanceof Error ? error.message : String(error),
    }),
});
const server = Deno.serve({
  port: config.port,
  hostname: config.hostname,
  onListen: ({ hostname, port }) =>
    log("info", "redis REST bridge listening", { hostname, port, redis: redisHost }),
}, bridge.fetch);

// In-flight requests finish first; a long-poll still blocked after 5 s is cut off by closing
// the Redis connections (its client gets a 503 and retries elsewhere).
const stop = async () => {
  log("info", "shutting down");
  const cutOff = setTimeout(() => void bridge.close(), 5_000);
  await server.shutdown();
  clearTimeout(cutOff);
  await bridge.close();
  Deno.exit(0);
};
Deno.addSignalListener("SIGTERM", stop);
Deno.addSignalListener("SIGINT", stop);
