/**
 * Sleeps `ms`, waking early (and resolving, never rejecting) when `signal` aborts: the loops of
 * the worker (queue reads, retention and search sweeps, deferred jobs) stop at once on SIGTERM.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * while (!stop.signal.aborted) await sleep(60_000, stop.signal);
 * ```
 */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    // Already aborted: "abort" will not fire again, so the timer alone would hold the loop.
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
