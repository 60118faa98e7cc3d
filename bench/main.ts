/**
 * `deno task bench [--quick] [--no-zip] [--zip-gb=N] [--only=parse,copy,embedded,real,memory]
 * [--child-v8-flags=FLAGS]`: the scale benchmark, in one run.
 *
 * 1. Parse: bench/parse.ts (ours vs whatsapp-chat-parser on 1M messages) as a subprocess;
 *    `--quick` parses the 100k export in-process and runs the baseline on it.
 * 2. Where the import's time goes: parse + COPY in one transaction, with every migration and
 *    without migration 00002's search column and index (PostgreSQL backend CPU from /proc).
 * 3. Import of a 1M-message export (100k with --quick), upload → readable, through the HTTP API
 *    of the real entry points: embedded (one process: embedded PostgreSQL, in-process queue and
 *    worker) and real (PostgreSQL, Redis stream through the REST bridge, separate worker).
 * 4. Reads on real PostgreSQL with 10 conversations of that size for one user (the import plus
 *    9 copies made inside PostgreSQL): first page and messages API one request at a time
 *    (≈ server time), the same under concurrent load beside `/health` (the ceiling), and search
 *    across all the user's chats.
 * 5. Memory: a ~2 GB "with media" zip (0.2 GB with --quick) streamed through `POST /api/imports`
 *    and imported by a separate worker; peak RSS (VmHWM) of the web and worker processes.
 *
 * Writes bench/out/results.json and bench/RESULTS.md; prints the table. Child logs are in
 * bench/out/logs/. The machine's load average is recorded with each phase: the numbers are
 * only as good as the machine was quiet.
 */
import { parseChat } from "../lib/parse/parser.ts";
import { copyCost } from "./_copy_cost.ts";
import { cloneConversation, RARE_WORD, waitForInsights } from "./_seed.ts";
import { peakRssMB, type Proc, type Stack, startStack, WORKER_V8_FLAGS } from "./_services.ts";
import { writeExportZip } from "./_zip.ts";
import { type BenchUser, ensureExport, importFile, signUp } from "./import.ts";
import { loadTest, sequential } from "./load.ts";
import { renderResults, type Results } from "./_report.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const OUT = `${ROOT}bench/out/`;
const args = Deno.args;
const quick = args.includes("--quick");
const zipGb = Number(args.find((a) => a.startsWith("--zip-gb="))?.slice(9) ?? (quick ? 0.2 : 2));
const MESSAGES = quick ? 100_000 : 1_000_000;
const CHATS = 10;
const LOAD_SECONDS = quick ? 4 : 10;
const CONNECTIONS = 16;
/** V8 flags for the app's processes (DENO_V8_FLAGS), e.g. `--max-semi-space-size=1,--heap-growing-percent=50`. */
const childV8 = args.find((a) => a.startsWith("--child-v8-flags="))?.slice(17);
const childEnv: Record<string, string> = childV8 ? { DENO_V8_FLAGS: childV8 } : {};

const loadavg = () => Deno.readTextFileSync("/proc/loadavg").split(" ").slice(0, 3).map(Number);
const log = (msg: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

const results: Results = {
  date: new Date().toISOString(),
  mode: quick ? "quick" : "full",
  messages: MESSAGES,
  machine: { cores: navigator.hardwareConcurrency, loadavgStart: loadavg(), phases: {} },
  childV8Flags: childV8 ?? null,
  parse: null,
  copy: null,
  import: {},
  reads: null,
  memory: null,
  notes: [
    "upload → readable: from the first byte of `POST /api/imports` (curl, with Content-Length, " +
    "as a browser sends a File) until `/c/:id` answered 200 once the import was done (polled " +
    "every 100 ms).",
    "One at a time ≈ server time: one keep-alive connection from a Deno client on the same " +
    "machine. Under load: 16 connections from the same client; `/health` is the ceiling.",
    "Peak RSS: the web process's VmRSS sampled every 100 ms; the importing process's VmHWM as " +
    "the worker logs it at the commit (before the insights start).",
    "The copies for the read phase are made inside PostgreSQL (INSERT … SELECT), each with the " +
    "word `quokka` in 5 messages.",
  ],
};
const phase = (name: string) => {
  results.machine.phases[name] = loadavg();
  log(`${name} (load ${loadavg().join(" ")})`);
};

async function parsePhase(path: string) {
  phase("parse");
  if (!quick) {
    const { code, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "bench/parse.ts"],
      cwd: ROOT,
      stdout: "null",
      stderr: "piped",
    }).output();
    if (code !== 0) throw new Error(`bench/parse.ts failed:\n${new TextDecoder().decode(stderr)}`);
    const report = JSON.parse(await Deno.readTextFile(`${OUT}parse.json`));
    const by = Object.fromEntries(report.runs.map((r: { name: string }) => [r.name, r]));
    results.parse = {
      source: "bench/parse.ts (separate processes, wall time incl. start-up)",
      messages: report.file.messages,
      mb: round(report.file.bytes / 1e6, 1),
      oursMBs: round(by.ours.mbPerS, 1),
      oursMessagesPerS: Math.round(by.ours.messagesPerS),
      oursPeakRssMB: Math.round(by.ours.peakRssMB),
      baselineMBs: round(by.baseline.mbPerS, 1),
      baselinePeakRssMB: Math.round(by.baseline.peakRssMB),
      ratio: round(report.ratios.throughputVsBaseline, 2),
    };
    return;
  }
  const bytes = (await Deno.stat(path)).size;
  const t0 = performance.now();
  let n = 0;
  for await (const batch of parseChat((await Deno.open(path)).readable).batches()) {
    n += batch.length;
  }
  const oursS = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const base = await new Deno.Command("node", { args: ["bench/baseline_wcp.mjs", path], cwd: ROOT })
    .output();
  const baseS = (performance.now() - t1) / 1000;
  if (base.code !== 0) throw new Error(new TextDecoder().decode(base.stderr));
  results.parse = {
    source: "in-process parse vs node bench/baseline_wcp.mjs (--quick)",
    messages: n,
    mb: round(bytes / 1e6, 1),
    oursMBs: round(bytes / 1e6 / oursS, 1),
    oursMessagesPerS: Math.round(n / oursS),
    oursPeakRssMB: null,
    baselineMBs: round(bytes / 1e6 / baseS, 1),
    baselinePeakRssMB: null,
    ratio: round(baseS / oursS, 2),
  };
}

/** Peak VmRSS of the stack's processes, sampled every 100 ms while `fn` runs. */
async function sampled<T>(stack: Stack, fn: () => Promise<T>): Promise<[T, number, number | null]> {
  let web = 0, worker = 0;
  const sample = () => {
    web = Math.max(web, stack.web.rssMB());
    worker = Math.max(worker, stack.worker?.rssMB() ?? 0);
  };
  const timer = setInterval(sample, 100);
  try {
    const value = await fn();
    sample();
    return [value, Math.round(web), stack.worker ? Math.round(worker) : null];
  } finally {
    clearInterval(timer);
  }
}

/**
 * The importing process's peak RSS when the import committed: VmHWM, logged by the worker with
 * "import done" (sampling from outside would also catch the insights that start right after).
 */
function peakAtCommit(proc: Proc, importId: string): number | null {
  for (const line of proc.log().split("\n")) {
    if (!line.includes('"import done"') || !line.includes(importId)) continue;
    try {
      return JSON.parse(line).peakRssMB ?? null;
    } catch { /* not JSON */ }
  }
  return null;
}

/** A stack with one imported conversation, for the read phase. */
interface Imported {
  stack: Stack;
  user: BenchUser;
  conversationId: string;
}

async function importPhase(kind: "embedded" | "real", path: string): Promise<Imported> {
  phase(`import-${kind}`);
  const stack = await startStack(kind, { env: childEnv });
  try {
    const user = await signUp(stack.url);
    const [t, webSampled, workerSampled] = await sampled(
      stack,
      () => importFile(stack.url, user, path),
    );
    const committed = peakAtCommit(stack.worker ?? stack.web, t.importId);
    const webMB = stack.worker ? webSampled : committed ?? webSampled;
    const workerMB = stack.worker ? committed ?? workerSampled : null;
    log(
      `${kind}: ${t.messages} messages readable in ${t.readableS.toFixed(1)} s, ` +
        `searchable in ${t.searchableS.toFixed(1)} s (load ${loadavg().join(" ")})`,
    );
    const [insightsS, , insightsMB] = stack.databaseUrl
      ? await sampled(stack, () => waitForInsights(stack.databaseUrl!, t.importId, 900_000))
      : [null, 0, null];
    // The whole job (import, search index, insights) in one worker process: its VmHWM now.
    const jobMB = stack.worker ? Math.round(peakRssMB(stack.worker.pid)) : null;
    results.import[kind] = {
      messages: t.messages,
      mb: round(t.bytes / 1e6, 1),
      uploadS: round(t.uploadedS),
      doneS: round(t.doneS),
      readableS: round(t.readableS),
      insightsAfterS: insightsS === null ? null : round(insightsS, 1),
      webPeakRssMB: webMB,
      workerPeakRssMB: workerMB,
      insightsWorkerPeakRssMB: insightsMB,
      workerJobPeakRssMB: jobMB,
      workerV8Flags: stack.worker ? WORKER_V8_FLAGS : null,
      load: loadavg(),
    };
    return { stack, user, conversationId: t.importId };
  } catch (err) {
    await stack.close();
    throw err;
  }
}

async function readsPhase({ stack, user, conversationId }: Imported) {
  phase("seed");
  const t0 = performance.now();
  const copies = await cloneConversation(stack.databaseUrl!, conversationId, CHATS - 1, (i, s) => {
    log(`copy ${i + 1}/${CHATS - 1}: ${s.toFixed(1)} s`);
  });
  const seedS = (performance.now() - t0) / 1000;
  const ids = [conversationId, ...copies];
  const headers = user.headers;
  const pick = () => ids[Math.floor(Math.random() * ids.length)];
  const deep = () => Math.floor(Math.random() * (MESSAGES - 100));
  const url = stack.url;
  const page = () => `${url}/c/${pick()}`;
  const api = () => `${url}/api/conversations/${pick()}/messages?after=${deep()}&limit=100`;
  phase("reads");
  const firstPage = await sequential(page, 200, headers);
  const messagesApi = await sequential(api, 200, headers);
  const health = await loadTest(() => `${url}/health`, {
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
  });
  const pageLoad = await loadTest(page, {
    connections: CONNECTIONS,
    seconds: LOAD_SECONDS,
    headers,
  });
  const apiLoad = await loadTest(api, { connections: CONNECTIONS, seconds: LOAD_SECONDS, headers });
  phase("search");
  const queries = {
    common: "dinner",
    accent: "cafe",
    phrase: '"sounds good"',
    rare: RARE_WORD,
    absent: "zanzibar",
  };
  const search: Record<string, unknown> = {};
  for (const [name, q] of Object.entries(queries)) {
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`, { headers });
    const body = await res.json();
    const r = await sequential(() => `${url}/api/search?q=${encodeURIComponent(q)}`, 40, headers);
    search[name] = { q, hits: body.results?.length ?? 0, p50Ms: r.p50Ms, p95Ms: r.p95Ms };
  }
  results.reads = {
    conversations: ids.length,
    messagesEach: MESSAGES,
    seedS: round(seedS, 1),
    sequential: { firstPage, messagesApi },
    load: {
      connections: CONNECTIONS,
      seconds: LOAD_SECONDS,
      health,
      firstPage: pageLoad,
      messagesApi: apiLoad,
    },
    search,
    load_avg: loadavg(),
  };
}

async function memoryPhase() {
  phase("memory-zip");
  const path = `${OUT}bench-export.zip`;
  const t0 = performance.now();
  const info = await writeExportZip(path, {
    messages: quick ? 100_000 : 500_000,
    totalBytes: zipGb * 1e9,
    mediaBytes: 2e6,
  });
  log(
    `zip: ${(info.bytes / 1e9).toFixed(2)} GB, ${info.mediaFiles} media, ${
      ((performance.now() - t0) / 1000).toFixed(0)
    } s`,
  );
  results.memory = [];
  try {
    // The worker as deployed (its V8 flags), then with V8's defaults for comparison.
    for (const workerV8Flags of [WORKER_V8_FLAGS, null]) {
      const stack = await startStack("real", {
        tag: workerV8Flags ? "zip-flags" : "zip",
        env: childEnv,
        workerV8Flags,
      });
      try {
        const user = await signUp(stack.url);
        const [t, webMB, workerSampled] = await sampled(
          stack,
          () => importFile(stack.url, user, path, { filename: "WhatsApp Chat with Bob.zip" }),
        );
        const workerMB = peakAtCommit(stack.worker!, t.importId) ?? workerSampled;
        const [, , insightsMB] = await sampled(
          stack,
          () => waitForInsights(stack.databaseUrl!, t.importId, 900_000),
        );
        results.memory.push({
          zipGB: round(info.bytes / 1e9),
          mediaFiles: info.mediaFiles,
          messages: t.messages,
          uploadS: round(t.uploadedS, 1),
          readableS: round(t.readableS, 1),
          webPeakRssMB: webMB,
          workerPeakRssMB: workerMB!,
          workerV8Flags,
          insightsWorkerPeakRssMB: insightsMB,
          workerJobPeakRssMB: Math.round(peakRssMB(stack.worker!.pid)),
          store: "files (DATA_DIR); queue: Redis stream",
          load: loadavg(),
        });
      } finally {
        await stack.close();
      }
    }
  } finally {
    await Deno.remove(path).catch(() => {});
  }
}

const only = args.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const run = (name: string) => !only || only.includes(name);
const path = await ensureExport(MESSAGES);
if (run("parse")) await parsePhase(path);
if (run("copy")) {
  phase("copy");
  results.copy = await copyCost(path);
}
if (run("embedded")) {
  const embedded = await importPhase("embedded", path);
  await embedded.stack.close();
}
if (run("real")) {
  const real = await importPhase("real", path);
  try {
    await readsPhase(real);
  } finally {
    await real.stack.close();
  }
}
if (run("memory") && zipGb > 0 && !args.includes("--no-zip")) await memoryPhase();
results.machine.loadavgEnd = loadavg();

await Deno.mkdir(OUT, { recursive: true });
await Deno.writeTextFile(`${OUT}results.json`, JSON.stringify(results, null, 2) + "\n");
const markdown = renderResults(results);
if (!quick && !only) await Deno.writeTextFile(`${ROOT}bench/RESULTS.md`, markdown);
console.log(markdown);
