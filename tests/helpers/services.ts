// Which real services the suite may use, and the rule for when one is missing:
// skipped with the reason on a developer machine, a failure when CI=true.

/**
 * True when a TCP connection to host:port succeeds within 5 s (a refused one fails at once; the
 * wait only bounds a hang, and 1 s was too short on a loaded machine).
 */
export async function reachable(hostname: string, port: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const conn = await Promise.race([
      Deno.connect({ hostname, port }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), 5000);
      }),
    ]);
    conn.close();
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** In CI every service-backed test must run: a missing service is an error, never a skip. */
export function requireInCi(service: string, available: boolean): void {
  if (!available && Deno.env.get("CI") === "true") {
    throw new Error(`${service} is not reachable, and CI=true forbids skipping its tests`);
  }
}
