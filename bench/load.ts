/**
 * A small HTTP load generator (no wrk needed): `connections` keep-alive loops fetch URLs for
 * `seconds` and record each request's latency; plus a sequential mode (one request at a time,
 * so latency ≈ server time + loopback) for the "server time" figures. It shares the machine's
 * cores with the server: compare a route with `/health` measured the same way in the same run.
 *
 * @module
 */

/** Latency percentiles (ms) and throughput of a run. */
export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** The q-quantile (0..1) of sorted values (nearest rank). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summarize(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: sorted.length,
    errors,
    rps: Math.round(sorted.length / seconds),
    p50Ms: r(quantile(sorted, 0.5)),
    p95Ms: r(quantile(sorted, 0.95)),
    p99Ms: r(quantile(sorted, 0.99)),
  };
}

/**
 * Runs `connections` concurrent loops for `seconds` (after a 1 s warm-up that is not counted),
 * each fetching `next()` and reading the whole body. Non-2xx answers count as errors.
 */
export async function loadTest(
  next: () => string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const client = Deno.createHttpClient({ poolMaxIdlePerHost: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const warmUntil = performance.now() + 1000;
  const stopAt = warmUntil + options.seconds * 1000;
  const loop = async () => {
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      try {
        const res = await fetch(next(), { headers: options.headers, client });
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (t0 < warmUntil) continue;
        if (res.ok) latencies.push(ms);
        else errors++;
      } catch {
        if (t0 >= warmUntil) errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  client.close();
  return summarize(latencies, errors, options.seconds);
}

/** `n` requests one after another (after 5 unmeasured ones). */
export async function sequential(
  next: () => string,
  n: number,
  headers?: Record<string, string>,
): Promise<LoadResult> {
  const client = Deno.createHttpClient({ poolMaxIdlePerHost: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = -5; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(next(), { headers, client });
    await res.arrayBuffer();
    if (i < 0) continue;
    if (res.ok) latencies.push(performance.now() - t0);
    else errors++;
  }
  client.close();
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}
