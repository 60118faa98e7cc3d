/**
 * `deno run bench/zone.ts [--messages=N]`: cost of turning wall clocks into instants on the
 * import's hot path (lib/time/zone.ts `instantConverter`), per zone, for 1,000,000 messages.
 *
 * The wall clocks are a chat's: file order, ~6 years (so ~12 DST changes and ~2,200 days),
 * bursts of messages a few seconds to hours apart. Goal: well under 0.5 s per 1M messages.
 * The best of three runs is kept (the first warms the JIT); prints a Markdown table.
 */
import { instantConverter } from "../lib/time/zone.ts";

const n = Number(Deno.args.find((a) => a.startsWith("--messages="))?.slice(11) ?? 1_000_000);

/** `n` wall clocks from 2019-01-01, ~3 minutes apart on average (a deterministic walk). */
function wallClocks(count: number): string[] {
  const out = new Array<string>(count);
  let t = Date.UTC(2019, 0, 1), seed = 42;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    t += (seed % 360) * 1000;
    out[i] = new Date(t).toISOString().slice(0, 19);
  }
  return out;
}

const walls = wallClocks(n);
console.log(`${n.toLocaleString("en")} wall clocks, ${walls[0]} → ${walls.at(-1)}\n`);
console.log("| zone | best of 3 (s) | ns / message |");
console.log("|---|---:|---:|");
for (const zone of ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]) {
  let best = Infinity, sink = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const at = instantConverter(zone);
    for (const w of walls) sink += at(w).length;
    best = Math.min(best, performance.now() - t0);
  }
  if (sink === 0) throw new Error("unreachable");
  console.log(`| ${zone} | ${(best / 1000).toFixed(3)} | ${(best * 1e6 / n).toFixed(0)} |`);
}
