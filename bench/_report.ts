/**
 * The benchmark's results (bench/out/results.json) and their Markdown table (bench/RESULTS.md),
 * with each figure beside its goal.
 *
 * @module
 */
import type { CopyCost } from "./_copy_cost.ts";
import type { LoadResult } from "./load.ts";

interface ImportResult {
  messages: number;
  mb: number;
  uploadS: number;
  doneS: number;
  readableS: number;
  insightsAfterS: number | null;
  /**
   * Peak RSS until readable: the web process's VmRSS sampled every 100 ms; the importing
   * process's VmHWM as logged at the commit (embedded: one process, the latter).
   */
  webPeakRssMB: number;
  workerPeakRssMB: number | null;
  /** The worker's peak VmRSS afterwards, while it computes the insights (lib/insights). */
  insightsWorkerPeakRssMB: number | null;
  /** The worker's VmHWM after import, search index and insights (null: worker in-process). */
  workerJobPeakRssMB: number | null;
  workerV8Flags: string | null;
  load: number[];
}

/** Everything one run of bench/main.ts measured. */
export interface Results {
  date: string;
  mode: "quick" | "full";
  messages: number;
  machine: {
    cores: number;
    loadavgStart: number[];
    loadavgEnd?: number[];
    phases: Record<string, number[]>;
  };
  /** DENO_V8_FLAGS given to the app's processes (null: V8's defaults). */
  childV8Flags: string | null;
  parse: {
    source: string;
    messages: number;
    mb: number;
    oursMBs: number;
    oursMessagesPerS: number;
    oursPeakRssMB: number | null;
    baselineMBs: number;
    baselinePeakRssMB: number | null;
    ratio: number;
  } | null;
  copy: CopyCost[] | null;
  import: Partial<Record<"embedded" | "real", ImportResult>>;
  reads: {
    conversations: number;
    messagesEach: number;
    seedS: number;
    sequential: { firstPage: LoadResult; messagesApi: LoadResult };
    load: {
      connections: number;
      seconds: number;
      health: LoadResult;
      firstPage: LoadResult;
      messagesApi: LoadResult;
    };
    search: Record<string, unknown>;
    load_avg: number[];
  } | null;
  /** One run per worker configuration: V8's defaults, then the recommended flags. */
  memory: {
    zipGB: number;
    mediaFiles: number;
    messages: number;
    uploadS: number;
    readableS: number;
    webPeakRssMB: number;
    workerPeakRssMB: number;
    insightsWorkerPeakRssMB: number | null;
    workerJobPeakRssMB: number;
    /** `--v8-flags` of the worker process (null: V8's defaults). */
    workerV8Flags: string | null;
    store: string;
    load: number[];
  }[] | null;
  notes: string[];
}

const ok = (met: boolean) => (met ? "met" : "**not met**");
const n = (x: number) => x.toLocaleString("en");

/** The Markdown report of a run. */
export function renderResults(r: Results): string {
  const lines: string[] = [];
  const m = r.messages.toLocaleString("en");
  lines.push(
    `# Scale benchmark (${r.mode})`,
    "",
    `\`deno task bench${r.mode === "quick" ? " --quick" : ""}\` — ${r.date.slice(0, 16)}Z, ` +
      `${r.machine.cores} cores, load average at start ${r.machine.loadavgStart.join(" ")} ` +
      `(the machine is shared: see each phase's load in bench/out/results.json).` +
      (r.childV8Flags ? ` App processes ran with \`DENO_V8_FLAGS=${r.childV8Flags}\`.` : ""),
    "",
    "| what | result | goal |",
    "|---|---|---|",
  );
  if (r.parse) {
    lines.push(
      `| parse ${n(r.parse.messages)} messages (${r.parse.mb} MB) | ${r.parse.oursMBs} MB/s, ` +
        `${
          n(r.parse.oursMessagesPerS)
        } msg/s; whatsapp-chat-parser ${r.parse.baselineMBs} MB/s → ` +
        `**${r.parse.ratio}×** | ≥ 5× |`,
    );
  }
  for (const c of r.copy ?? []) {
    lines.push(
      `| ${n(c.rows)} messages: ${c.schema} | ${c.wallS} s, ` +
        `PostgreSQL backend CPU ${c.backendCpuS ?? "?"} s | (where the import's time goes) |`,
    );
  }
  for (const kind of ["embedded", "real"] as const) {
    const i = r.import[kind];
    if (!i) continue;
    const rss = i.workerPeakRssMB === null
      ? `web+worker ${i.webPeakRssMB} MB`
      : `web ${i.webPeakRssMB} MB, worker ${i.workerPeakRssMB} MB`;
    lines.push(
      `| import ${m} messages, ${kind} PostgreSQL: upload → readable | **${i.readableS} s** ` +
        `(upload ${i.uploadS} s, done ${i.doneS} s; load ${i.load.join(" ")}) | < 15 s: ` +
        `${ok(i.readableS < 15)} |`,
      `| … peak RSS during it | ${rss} | < 256 MB each |`,
    );
    if (i.insightsAfterS !== null) {
      lines.push(
        `| … then insights (lib/insights, after the commit) | ${i.insightsAfterS} s, worker peak ` +
          `${i.insightsWorkerPeakRssMB ?? "-"} MB | off the critical path |`,
      );
    }
    if (i.workerJobPeakRssMB !== null) {
      lines.push(
        `| … worker peak over the whole job (import, index, insights; ` +
          `\`--v8-flags=${i.workerV8Flags}\`) | **${i.workerJobPeakRssMB} MB** | ` +
          `< 256 MB: ${ok(i.workerJobPeakRssMB < 256)} |`,
      );
    }
  }
  if (r.reads) {
    const s = r.reads.sequential, l = r.reads.load;
    lines.push(
      `| reads: ${r.reads.conversations} conversations × ${
        n(r.reads.messagesEach)
      } messages, one user | ` +
        `seeded in ${r.reads.seedS} s | |`,
      `| first page \`/c/:id\`, one at a time | p50 ${s.firstPage.p50Ms} ms, p99 **${s.firstPage.p99Ms} ms** | ` +
        `p99 < 30 ms: ${ok(s.firstPage.p99Ms < 30)} |`,
      `| messages API (100, deep keyset), one at a time | p50 ${s.messagesApi.p50Ms} ms, p99 ${s.messagesApi.p99Ms} ms | |`,
      `| \`/health\` under load (${l.connections} connections) | ${
        n(l.health.rps)
      } req/s, p50 ${l.health.p50Ms} ms, ` +
        `p99 ${l.health.p99Ms} ms | ceiling |`,
      `| first page under load | ${n(l.firstPage.rps)} req/s, p50 ${l.firstPage.p50Ms} ms, ` +
        `p99 ${l.firstPage.p99Ms} ms (${l.firstPage.errors} errors) | |`,
      `| messages API under load | ${n(l.messagesApi.rps)} req/s, p50 ${l.messagesApi.p50Ms} ms, ` +
        `p99 ${l.messagesApi.p99Ms} ms (${l.messagesApi.errors} errors) | |`,
    );
    for (const [name, v] of Object.entries(r.reads.search)) {
      const q = v as { q: string; hits: number; p50Ms: number; p95Ms: number };
      lines.push(
        `| search all chats, ${name} \`${q.q}\` (${q.hits} hits) | p50 ${q.p50Ms} ms, p95 **${q.p95Ms} ms** | ` +
          `p95 < 100 ms: ${ok(q.p95Ms < 100)} |`,
      );
    }
  }
  for (const z of r.memory ?? []) {
    const worker = z.workerV8Flags
      ? `worker with \`--v8-flags=${z.workerV8Flags}\``
      : "worker with V8's defaults";
    lines.push(
      `| ${z.zipGB} GB zip (${n(z.mediaFiles)} media, ${n(z.messages)} messages) through ` +
        `\`POST /api/imports\`, ${worker} | upload ${z.uploadS} s, readable ${z.readableS} s; ${z.store} | |`,
      `| … peak RSS while importing | web **${z.webPeakRssMB} MB**, worker **${z.workerPeakRssMB} MB** | ` +
        `< 256 MB each: ${ok(z.webPeakRssMB < 256 && z.workerPeakRssMB < 256)} |`,
      `| … then insights (lib/insights) | worker peak ${z.insightsWorkerPeakRssMB ?? "-"} MB; ` +
        `whole job ${z.workerJobPeakRssMB} MB | < 256 MB: ${ok(z.workerJobPeakRssMB < 256)} |`,
    );
  }
  if (r.notes.length) lines.push("");
  for (const note of r.notes) lines.push(`- ${note}`);
  return lines.join("\n") + "\n";
}
