/**
 * `deno task bench:parse [--big] [--runs=N]`: parser throughput and memory, one process per run.
 *
 * 1. Generates (cached in bench/out/, gitignored) a 1,000,000-message Android export (~87 MB):
 *    multi-line messages, media, system lines, emoji, RTL text, 20 participants.
 * 2. Measures, each as its own process under `/usr/bin/time -v` (peak RSS; /proc polling else):
 *    (a) ours: `deno run --allow-read lib/parse/cli.ts FILE --count`;
 *    (b) baseline: `node bench/baseline_wcp.mjs FILE` (whatsapp-chat-parser 4.0.2 `parseString`);
 *    (c) floor: a Deno process that reads, decodes and splits the file into lines, nothing else,
 *        once with 64 KiB reads (ours) and once with 1 MiB reads; the faster of the two is the
 *        floor (which is faster depends on the machine: 0.42 against 0.58 s on one), so the
 *        ratio is never flattered by a slow read size;
 *    (d) floor + objects (information, not a goal): the 64 KiB floor, plus one six-field message
 *        object per line made of three slices of it — what any parser handing out messages pays
 *        at least.
 * 3. Prints a Markdown table and the ratios against the goals; writes bench/out/parse.json.
 *
 * `--big` generates ~1 GB (11.5M messages) and measures our RSS only (goal < 200 MB).
 * Decisions: wall time is the whole process (start-up included) for all three; each command is
 * warmed up once on a small file (Deno's module cache); with `--runs=N` the fastest run is kept.
 */
import { generateExport, type GenerateOptions } from "../lib/parse/generate.ts";

const OUT = new URL("./out/", import.meta.url).pathname;
const ROOT = new URL("../", import.meta.url).pathname;
const big = Deno.args.includes("--big");
const runs = Number(Deno.args.find((a) => a.startsWith("--runs="))?.slice(7) ?? 1);

interface Run {
  name: string;
  wallS: number;
  peakRssMB: number;
  messages: number;
  messagesPerS: number;
  mbPerS: number;
}

/** Generates the export once; reuses it when the cached size matches the recorded one. */
async function ensureExport(name: string, options: GenerateOptions): Promise<string> {
  const path = `${OUT}${name}.txt`;
  const metaPath = `${OUT}${name}.json`;
  try {
    const meta = JSON.parse(await Deno.readTextFile(metaPath));
    if (meta.bytes === (await Deno.stat(path)).size) return path;
  } catch { /* not cached yet */ }
  await Deno.mkdir(OUT, { recursive: true });
  const started = performance.now();
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  let bytes = 0;
  for await (const chunk of generateExport(options).bytes()) {
    for (let off = 0; off < chunk.length;) off += await file.write(chunk.subarray(off));
    bytes += chunk.length;
  }
  file.close();
  await Deno.writeTextFile(metaPath, JSON.stringify({ options, bytes }));
  const s = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `generated ${path}: ${options.messages} messages, ${(bytes / 1e6).toFixed(1)} MB, ${s} s`,
  );
  return path;
}

const FLOOR = (path: string, readSize: number) => `
const file = await Deno.open(${JSON.stringify(path)});
const buf = new Uint8Array(${readSize});
const decoder = new TextDecoder();
let carry = "", lines = 0;
for (let n; (n = await file.read(buf)) !== null;) {
  const parts = (carry + decoder.decode(buf.subarray(0, n), { stream: true })).split("\\n");
  carry = parts.pop();
  lines += parts.length;
}
console.log(JSON.stringify({ messages: lines + (carry ? 1 : 0) }));`;

/** The plain floor: the whole file read, decoded and split at once. */
const WHOLE_FILE_FLOOR = (path: string) => `
const text = new TextDecoder().decode(await Deno.readFile(${JSON.stringify(path)}));
const lines = text.split("\\n");
console.log(JSON.stringify({ messages: lines.length - (lines[lines.length - 1] === "" ? 1 : 0) }));`;

/** The floor, plus one message-shaped object per line (three slices: no parsing at all). */
const OBJECTS_FLOOR = (path: string) =>
  FLOOR(path, 1 << 16).replace(
    "lines += parts.length;",
    `for (const line of parts) {
    out.push({ date: line.slice(0, 17), author: line.slice(20, 25), text: line.slice(25),
      kind: "text", attachment: null, edited: false });
  }
  lines += parts.length;
  if (out.length > 512) out = [];`,
  ).replace('let carry = "", lines = 0;', 'let carry = "", lines = 0, out = [];');

function commands(path: string): Record<string, string[]> {
  const deno = Deno.execPath();
  return {
    ours: [deno, "run", "--allow-read", "lib/parse/cli.ts", path, "--count"],
    baseline: ["node", "bench/baseline_wcp.mjs", path],
    "floor (64 KiB reads)": [deno, "eval", FLOOR(path, 1 << 16)],
    "floor (1 MiB reads)": [deno, "eval", FLOOR(path, 1 << 20)],
    "floor + objects": [deno, "eval", OBJECTS_FLOOR(path)],
    "whole-file floor": [deno, "eval", WHOLE_FILE_FLOOR(path)],
  };
}

const hasTime = await Deno.stat("/usr/bin/time").then(() => true, () => false);

/** Runs one command; wall time from the parent, peak RSS from time -v or /proc VmHWM polling. */
async function measure(
  argv: string[],
): Promise<{ wallS: number; rssKB: number; out: string; err: string }> {
  const full = hasTime ? ["/usr/bin/time", "-v", ...argv] : argv;
  const started = performance.now();
  const child = new Deno.Command(full[0], {
    args: full.slice(1),
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let polled = 0;
  const poll = hasTime ? undefined : setInterval(async () => {
    const status = await Deno.readTextFile(`/proc/${child.pid}/status`).catch(() => "");
    polled = Math.max(polled, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  }, 20);
  const { code, stdout, stderr } = await child.output();
  const wallS = (performance.now() - started) / 1000;
  clearInterval(poll);
  const out = new TextDecoder().decode(stdout);
  const err = new TextDecoder().decode(stderr);
  if (code !== 0) throw new Error(`${argv.slice(0, 4).join(" ")} exited ${code}:\n${err}`);
  const rssKB = hasTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1])
    : polled;
  return { wallS, rssKB, out, err };
}

function countOf(name: string, out: string, err: string): number {
  if (name === "ours") return Number(/messages:\s+(\d+)/.exec(err)?.[1] ?? NaN);
  return JSON.parse(out.trim().split("\n").pop()!).messages;
}

async function bench(path: string, names: string[], messages: number): Promise<Run[]> {
  const bytes = (await Deno.stat(path)).size;
  const result: Run[] = [];
  for (const name of names) {
    let best: Run | null = null;
    for (let i = 0; i < runs; i++) {
      const { wallS, rssKB, out, err } = await measure(commands(path)[name]);
      const counted = countOf(name, out, err);
      const run: Run = {
        name,
        wallS,
        peakRssMB: rssKB / 1024,
        messages: counted,
        messagesPerS: messages / wallS,
        mbPerS: bytes / 1e6 / wallS,
      };
      console.error(
        `${name}: ${wallS.toFixed(2)} s, ${run.peakRssMB.toFixed(0)} MB, ${counted} counted`,
      );
      if (!best || run.wallS < best.wallS) best = run;
    }
    result.push(best!);
  }
  return result;
}

const base = { layout: "android", dateOrder: "DMY", clock: "24h", seed: 1 } as const;
const small = await ensureExport("android-1k", { ...base, messages: 1000 });
for (const argv of Object.values(commands(small))) await measure(argv); // warm-up

const messages = big ? 11_500_000 : 1_000_000;
const path = await ensureExport(big ? "android-big" : "android-1m", { ...base, messages });
const bytes = (await Deno.stat(path)).size;
const results = await bench(
  path,
  big ? ["ours"] : Object.keys(commands(path)),
  messages,
);
/**
 * The issue's floor (~0.45 s, measured next to a baseline parsing the 86–90 MB export at ~40 MB/s)
 * scaled by how fast this machine runs the same baseline: information, not the goal's floor.
 */
function issueScaledFloorS(baselineS: number, bytes: number): number {
  const issueBaselineS = bytes / 1e6 / 40;
  return 0.45 * baselineS / issueBaselineS;
}

const by = Object.fromEntries(results.map((r) => [r.name, r]));
const floorS = big
  ? NaN
  : Math.min(by["floor (64 KiB reads)"].wallS, by["floor (1 MiB reads)"].wallS);
const ratios = big ? { oursPeakRssMB: by.ours.peakRssMB, goalRss: by.ours.peakRssMB < 200 } : {
  throughputVsBaseline: by.ours.messagesPerS / by.baseline.messagesPerS,
  goalThroughput: by.ours.messagesPerS / by.baseline.messagesPerS >= 5,
  timeVsFloor: by.ours.wallS / floorS,
  goalFloor: by.ours.wallS / floorS <= 1.5,
  objectsFloorVsFloor: by["floor + objects"].wallS / floorS,
  timeVsObjectsFloor: by.ours.wallS / by["floor + objects"].wallS,
  timeVsWholeFileFloor: by.ours.wallS / by["whole-file floor"].wallS,
  timeVsIssueScaledFloor: by.ours.wallS / issueScaledFloorS(by.baseline.wallS, bytes),
};
const report = {
  date: new Date().toISOString(),
  file: { path: path.slice(ROOT.length), bytes, messages },
  peakRssSource: hasTime ? "/usr/bin/time -v" : "/proc/PID/status VmHWM",
  runs: results,
  ratios,
};
await Deno.writeTextFile(
  `${OUT}parse${big ? "-big" : ""}.json`,
  JSON.stringify(report, null, 2) + "\n",
);

const rows = results.map((r) =>
  `| ${r.name} | ${r.wallS.toFixed(2)} | ${Math.round(r.messagesPerS).toLocaleString("en")} | ` +
  `${r.mbPerS.toFixed(1)} | ${r.peakRssMB.toFixed(0)} | ${r.messages.toLocaleString("en")} |`
);
console.log(`${(bytes / 1e6).toFixed(1)} MB, ${messages.toLocaleString("en")} messages\n`);
console.log("| run | wall s | messages/s | MB/s | peak RSS MB | counted |");
console.log("|---|---:|---:|---:|---:|---:|");
console.log(rows.join("\n"));
console.log();
for (const [k, v] of Object.entries(ratios)) {
  console.log(`- ${k}: ${typeof v === "number" ? v.toFixed(2) : v ? "met" : "NOT met"}`);
}
