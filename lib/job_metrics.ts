import type { Metrics } from "./metrics.ts";

/** The worker's `onJob` hook that feeds the import metrics. */
export function recordJob(metrics: Metrics) {
  return (outcome: "done" | "failed" | "retry", ms: number, messages: number) => {
    metrics.jobs.inc({ outcome });
    metrics.jobDuration.observe({ outcome }, ms / 1000);
    if (messages) metrics.messagesImported.inc(messages);
  };
}
