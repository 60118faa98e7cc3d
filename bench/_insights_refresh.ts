// The refresh half of `bench/insights.ts`, in a process of its own so that its peak RSS (VmHWM)
// is the refresh's alone, as in the worker: DATABASE_URL and CONVERSATION_ID from the
// environment; prints JSON (time, steps, peak RSS, load average) on stdout.
import { createSql } from "../lib/db/client.ts";
import { refreshInsights } from "../lib/insights/refresh.ts";

const sql = createSql(Deno.env.get("DATABASE_URL")!, { max: 1 });
const id = Deno.env.get("CONVERSATION_ID")!;
const mb = (kb: string | undefined) => Math.round(Number(kb ?? 0) / 1024);
const status = () => {
  const text = Deno.readTextFileSync("/proc/self/status");
  const field = (name: string) => new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1];
  return { rssMb: mb(field("VmRSS")), peakRssMb: mb(field("VmHWM")) };
};
try {
  await sql`select 1`;
  const before = status();
  const steps: Record<string, number> = {};
  const started = performance.now();
  await refreshInsights(sql, id, {
    onStep: (name, ms) => {
      steps[name] = ms;
    },
  });
  const ms = Math.round(performance.now() - started);
  const after = status();
  console.log(JSON.stringify({
    ms,
    steps,
    rssBeforeMb: before.rssMb,
    peakRssMb: after.peakRssMb,
    heapUsedMb: Math.round(Deno.memoryUsage().heapUsed / 2 ** 20),
    loadAverage: Deno.loadavg(),
  }));
} finally {
  await sql.end();
}
