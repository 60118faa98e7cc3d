import client from "prom-client";

/** The Prometheus metrics of one process (web or worker), in a registry of its own. */
export interface Metrics {
  registry: client.Registry;
  requests: client.Counter<"method" | "route" | "status">;
  requestDuration: client.Histogram<"method" | "route">;
  jobs: client.Counter<"outcome">;
  jobDuration: client.Histogram<"outcome">;
  messagesImported: client.Counter;
  queueLength: client.Gauge;
  queuePending: client.Gauge;
  deadLetters: client.Gauge;
}

/** Creates the metrics; `collectQueue` refreshes the queue gauges at scrape time. */
export function createMetrics(
  collectQueue?: () => Promise<{ length: number; pending: number; deadLetters: number }>,
): Metrics {
  const registry = new client.Registry();
  const registers = [registry];
  const queueLength = new client.Gauge({
    name: "app_queue_length",
    help: "Entries in the import stream",
    registers,
    async collect() {
      if (!collectQueue) return;
      const s = await collectQueue().catch(() => null);
      if (!s) return;
      this.set(s.length);
      queuePending.set(s.pending);
      deadLetters.set(s.deadLetters);
    },
  });
  const queuePending = new client.Gauge({
    name: "app_queue_pending",
    help: "Import jobs delivered but not acknowledged",
    registers,
  });
  const deadLetters = new client.Gauge({
    name: "app_queue_dead_letters",
    help: "Import jobs in the dead-letter stream",
    registers,
  });
  return {
    registry,
    queueLength,
    queuePending,
    deadLetters,
    requests: new client.Counter({
      name: "app_requests_total",
      help: "HTTP requests by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers,
    }),
    requestDuration: new client.Histogram({
      name: "app_request_duration_seconds",
      help: "HTTP request duration by method and route pattern",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    jobs: new client.Counter({
      name: "app_import_jobs_total",
      help: "Import jobs by outcome (done, failed, retry)",
      labelNames: ["outcome"],
      registers,
    }),
    jobDuration: new client.Histogram({
      name: "app_import_job_duration_seconds",
      help: "Import job duration by outcome",
      labelNames: ["outcome"],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    }),
    messagesImported: new client.Counter({
      name: "app_import_messages_total",
      help: "Messages written by imports",
      registers,
    }),
  };
}
