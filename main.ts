import { createTokenSigner } from "./lib/auth/tokens.ts";
import { localSecret } from "./lib/auth/local_secret.ts";
import { loadConfigOrExit } from "./lib/config.ts";
import { createLogger } from "./lib/log.ts";
import { createEdgeInvalidator } from "./lib/edge/invalidate.ts";
import { recordJob } from "./lib/job_metrics.ts";
import { createMetrics } from "./lib/metrics.ts";
import { createRateLimiter } from "./lib/ratelimit.ts";
import { openServices } from "./lib/services.ts";
import { createApp } from "./routes/app.ts";
import { createWorker } from "./worker/create_worker.ts";
import { enqueueOrphanedJobs } from "./worker/orphans.ts";
import { enqueueStaleImports } from "./worker/reparse.ts";

// Web entry: config → clients → createApp(deps) → Deno.serve; the worker runs in-process in
// the embedded mode (no Redis). SIGTERM/SIGINT: stop accepting, finish requests and the job
// in hand, close clients.
const config = loadConfigOrExit();
const logger = createLogger(config.logLevel, { service: "web" });
const services = await openServices(config, logger);
const tokens = createTokenSigner(config.jwtSecrets ?? await localSecret(config.dataDir));
const metrics = createMetrics(() => services.queue.stats());
const limiter = createRateLimiter(config.redis, logger);
const edge = createEdgeInvalidator({ cloudFront: config.cloudFront, logger });
const app = createApp({ ...services, config, tokens, logger, metrics, limiter, edge });

// The in-process queue lost its jobs with the previous process: what that process left queued,
// half-read or waiting to be merged is queued again (a Redis stream keeps and redelivers its own).
if (!config.redis) {
  await enqueueOrphanedJobs(services.db, services.queue, logger).catch((err) =>
    logger.error("queueing unfinished imports again failed", { error: (err as Error).message })
  );
}
// The in-process worker re-parses what a parser upgrade outdated (as worker/main.ts does).
if (config.workerInProcess) {
  await enqueueStaleImports(services.db, services.queue, logger).catch((err) =>
    logger.error("re-parse after parser upgrade failed", { error: (err as Error).message })
  );
}
const stop = new AbortController();
const worker = config.workerInProcess
  ? createWorker({
    ...services,
    logger: logger.child({ service: "worker" }),
    edge,
    concurrency: config.workerConcurrency,
    userCap: config.userImportConcurrency,
    onJob: recordJob(metrics),
  }).run(stop.signal)
  : null;

const server = Deno.serve({
  port: config.port,
  hostname: config.host,
  onListen: ({ port }) => {
    console.log(`WhatsApp Reader listening on http://localhost:${port}/`);
    console.log(`  database: ${services.where.database}`);
    console.log(`  queue:    ${services.where.queue}${worker ? " (worker in this process)" : ""}`);
    console.log(`  blobs:    ${services.where.blobs}`);
  },
}, app.fetch);

async function shutdown(signal: string) {
  logger.info("shutting down", { signal });
  stop.abort();
  await server.shutdown();
  await worker;
  await services.close();
  Deno.exit(0);
}
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  Deno.addSignalListener(signal, () => void shutdown(signal));
}
