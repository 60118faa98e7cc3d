import { createEdgeInvalidator } from "../lib/edge/invalidate.ts";
import { Hono } from "hono";
import { ConfigError, loadConfigOrExit } from "../lib/config.ts";
import { createLogger } from "../lib/log.ts";
import { recordJob } from "../lib/job_metrics.ts";
import { createMetrics } from "../lib/metrics.ts";
import { openServices } from "../lib/services.ts";
import { healthRoutes } from "../routes/health.ts";
import { createWorker } from "./create_worker.ts";
import { enqueueStaleImports } from "./reparse.ts";

// Worker entry: config, clients, the consumer (with its reclaim loop) and a small server on
// WORKER_PORT for /health, /ready and /metrics. SIGTERM → finish or release the job → close.
const config = loadConfigOrExit((config) => {
  if (!config.databaseUrl || !config.redis) {
    throw new ConfigError(
      "Invalid environment:\n  DATABASE_URL and UPSTASH_REDIS_REST_URL/_TOKEN: a separate worker needs both " +
        "(the embedded mode runs its worker inside the web process)",
    );
  }
});
const logger = createLogger(config.logLevel, { service: "worker" });
const services = await openServices(config, logger);
// A parser upgrade re-parses the stored originals it outdated (claimed once across workers).
await enqueueStaleImports(services.db, services.queue, logger).catch((err) =>
  logger.error("re-parse after parser upgrade failed", { error: (err as Error).message })
);
const metrics = createMetrics(() => services.queue.stats());
const stop = new AbortController();
const running = createWorker({
  ...services,
  logger,
  edge: createEdgeInvalidator({ cloudFront: config.cloudFront, logger }),
  concurrency: config.workerConcurrency,
  userCap: config.userImportConcurrency,
  onJob: recordJob(metrics),
}).run(stop.signal);

const app = new Hono()
  .route("/", healthRoutes({ ...services, logger }))
  .get(
    "/metrics",
    async (c) =>
      c.text(await metrics.registry.metrics(), 200, {
        "Content-Type": metrics.registry.contentType,
      }),
  );
const server = Deno.serve({
  port: config.workerPort,
  hostname: config.host,
  onListen: ({ port }) => logger.info("worker health server listening", { port }),
}, app.fetch);

async function shutdown(signal: string) {
  logger.info("shutting down", { signal });
  stop.abort();
  await running;
  await server.shutdown();
  await services.close();
  Deno.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  Deno.addSignalListener(signal, () => void shutdown(signal));
}
