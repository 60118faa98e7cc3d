// Which real services the suite may use, and the rule for when one is missing:
// skipped with the reason on a developer machine, a failure when CI=true.

/** True when a TCP connection to host:port succeeds within a second. */
export async function reachable(hostname: string, port: number): Promise<boolean> {
  try {
    const conn = await Promise.race([
      Deno.connect({ hostname, port }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 1000)),
    ]);
    conn.close();
    return true;
  } catch {
    return false;
  }
}

/** In CI every service-backed test must run: a missing service is an error, never a skip. */
export function requireInCi(service: string, available: boolean): void {
  if (!available && Deno.env.get("CI") === "true") {
    throw new Error(`${service} is not reachable, and CI=true forbids skipping its tests`);
  }
}
