/**
 * The app as deployed, for the benchmark: real entry points (`main.ts`, `worker/main.ts`, the
 * Redis REST bridge) started as child processes, so each one's peak RSS (VmHWM) is its own.
 *
 * - "embedded": `main.ts` alone (embedded PostgreSQL, in-process queue and worker, files).
 * - "real": a fresh database on the machine's PostgreSQL, the REST bridge to the machine's
 *   Redis, `main.ts` (web only) and `worker/main.ts`; blobs in a shared directory.
 *
 * Child logs go to `bench/out/logs/`.
 *
 * @module
 */
import postgres from "postgres";

const ROOT = new URL("../", import.meta.url).pathname;
const LOGS = `${ROOT}bench/out/logs/`;
export const ADMIN_URL = Deno.env.get("TEST_DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = Deno.env.get("TEST_REDIS_URL") ?? "redis://127.0.0.1:6379";

/** A child process of the benchmark. */
export interface Proc {
  name: string;
  pid: number;
  /** Peak resident set so far (VmHWM), in MB. */
  peakRssMB(): number;
  /** Resident set now (VmRSS), in MB (0 once the process is gone). */
  rssMB(): number;
  /** The log file's text so far. */
  log(): string;
  stop(): Promise<void>;
}

/** A running stack: the web app's URL, its processes, and a database handle for seeding. */
export interface Stack {
  kind: "embedded" | "real";
  url: string;
  web: Proc;
  /** The separate worker ("real"); in "embedded" the worker runs inside `web`. */
  worker: Proc | null;
  /** The database URL (the embedded one is read from the web process's log). */
  databaseUrl: string | null;
  dataDir: string;
  close(): Promise<void>;
}

export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

function statusField(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const status = Deno.readTextFileSync(`/proc/${pid}/status`);
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A process's peak resident set (VmHWM) in MB, 0 when it is gone. */
export const peakRssMB = (pid: number) => statusField(pid, "VmHWM");

async function spawn(name: string, args: string[], env: Record<string, string>): Promise<Proc> {
  await Deno.mkdir(LOGS, { recursive: true });
  const logPath = `${LOGS}${name}.log`;
  const logFile = await Deno.open(logPath, { write: true, create: true, truncate: true });
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...args],
    cwd: ROOT,
    env: { ...env, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // FsFile.write, not FsFile.writable: the latter only reached the disk at close here, and the
  // benchmark reads the logs while the processes run.
  let writing = Promise.resolve();
  const write = (chunk: Uint8Array) =>
    writing = writing.then(async () => {
      for (let off = 0; off < chunk.length;) off += await logFile.write(chunk.subarray(off));
    });
  const pump = async (s: ReadableStream<Uint8Array>) => {
    for await (const chunk of s) await write(chunk);
  };
  const pumping = Promise.all([pump(child.stdout), pump(child.stderr)])
    .then(() => writing)
    .finally(() => logFile.close());
  let peak = 0;
  return {
    name,
    pid: child.pid,
    peakRssMB: () => (peak = Math.max(peak, peakRssMB(child.pid))),
    rssMB: () => statusField(child.pid, "VmRSS"),
    log: () => {
      try {
        return Deno.readTextFileSync(logPath);
      } catch {
        return "";
      }
    },
    async stop() {
      peak = Math.max(peak, peakRssMB(child.pid));
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      const timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* gone */ }
      }, 15_000);
      await child.status;
      clearTimeout(timer);
      await pumping.catch(() => {});
    },
  };
}

async function waitReady(url: string, proc: Proc, ms = 180_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${url}/ready`);
      await res.body?.cancel();
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${proc.name} not ready at ${url} after ${ms} ms:\n${proc.log().slice(-2000)}`);
}

const COMMON_ENV = {
  HOST: "127.0.0.1",
  LOG_LEVEL: "info",
  RATE_LIMIT_SIGNIN: "off",
  RATE_LIMIT_SIGNUP: "off",
  RATE_LIMIT_UPLOAD: "off",
  RATE_LIMIT_HEAVY: "off",
  MAX_UPLOAD_BYTES: String(4 * 1024 ** 3),
};

/**
 * The worker's V8 flags as deployed (deno.json's `worker` task, compose, k8s, helm). A small
 * young generation keeps short-lived garbage from piling up while gigabytes stream through, and
 * a fixed old-generation growing factor of 1.5 (V8 picks up to 4) stops the old generation from
 * growing to 4× its live size between collections — no hard cap, so a job that truly needs
 * more (a merge of two huge chats) still runs. Whole 2 GB zip job (import, search index,
 * insights), worker VmHWM: V8's defaults 417 MB; semi-space 2 MB alone 363–399 MB; these
 * 230–246 MB (3 runs; docs/operations.md).
 */
export const WORKER_V8_FLAGS = "--max-semi-space-size=1,--heap-growing-percent=50";

/** Starts a stack of `kind` (see the module doc); `close()` stops it and removes its data. */
export async function startStack(
  kind: "embedded" | "real",
  options: {
    env?: Record<string, string>;
    tag?: string;
    /** The worker's V8 flags: as deployed by default ({@link WORKER_V8_FLAGS}), null for V8's. */
    workerV8Flags?: string | null;
  } = {},
): Promise<Stack> {
  const tag = options.tag ?? kind;
  const workerV8Flags = options.workerV8Flags === undefined
    ? WORKER_V8_FLAGS
    : options.workerV8Flags;
  const dataDir = await Deno.makeTempDir({ prefix: `wcr-bench-${tag}-` });
  await Deno.chmod(dataDir, 0o777); // the embedded server runs as the `postgres` user under root
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const base = { ...COMMON_ENV, ...options.env, PORT: String(port), DATA_DIR: dataDir };
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
    await Deno.remove(dataDir, { recursive: true }).catch(() => {});
  };
  try {
    if (kind === "embedded") {
      const web = await spawn(`${tag}-web`, ["main.ts"], base);
      cleanups.push(() => web.stop());
      await waitReady(url, web);
      return { kind, url, web, worker: null, databaseUrl: null, dataDir, close };
    }
    const name = `wcr_bench_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    cleanups.push(async () => {
      const a = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    });
    const dbUrl = new URL(ADMIN_URL);
    dbUrl.pathname = `/${name}`;
    const token = crypto.randomUUID();
    const bridgePort = freePort();
    const bridge = await spawn(`${tag}-redis-rest`, [
      "--unstable-no-legacy-abort",
      "infra/redis_rest/main.ts",
    ], {
      REDIS_URL,
      REDIS_REST_TOKEN: token,
      REDIS_REST_PORT: String(bridgePort),
      REDIS_REST_HOSTNAME: "127.0.0.1",
    });
    cleanups.push(() => bridge.stop());
    const stream = `bench:${name}`;
    cleanups.push(async () => {
      const res = await fetch(`http://127.0.0.1:${bridgePort}/`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(["DEL", stream, `${stream}:dead`]),
      });
      await res.body?.cancel();
    });
    const env = {
      ...base,
      DATABASE_URL: dbUrl.href,
      JWT_SECRET: crypto.randomUUID() + crypto.randomUUID(),
      UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${bridgePort}`,
      UPSTASH_REDIS_REST_TOKEN: token,
      QUEUE_STREAM: stream,
      WORKER_IN_PROCESS: "false",
    };
    const web = await spawn(`${tag}-web`, ["main.ts"], env);
    cleanups.push(() => web.stop());
    await waitReady(url, web);
    const workerPort = freePort();
    const worker = await spawn(
      `${tag}-worker`,
      [...(workerV8Flags ? [`--v8-flags=${workerV8Flags}`] : []), "worker/main.ts"],
      {
        ...env,
        WORKER_PORT: String(workerPort),
      },
    );
    cleanups.push(() => worker.stop());
    await waitReady(`http://127.0.0.1:${workerPort}`, worker);
    return { kind, url, web, worker, databaseUrl: dbUrl.href, dataDir, close };
  } catch (err) {
    await close();
    throw err;
  }
}
