/**
 * Import benchmark helpers: a cached generated export, a user, and one import through the
 * HTTP API as a browser does it — the file streamed to `POST /api/imports`, the import polled
 * until done, then the conversation's first page fetched ("readable").
 *
 * @module
 */
import { generateExport, type GenerateOptions } from "../lib/parse/generate.ts";

const OUT = new URL("./out/", import.meta.url).pathname;

/** The generator options of the benchmark's exports (the same as bench/parse.ts). */
export const EXPORT_OPTIONS = {
  layout: "android",
  dateOrder: "DMY",
  clock: "24h",
  seed: 1,
} as const;

/**
 * `bench/out/android-<n>.txt` with `messages` messages (shared with bench/parse.ts's cache: the
 * same options give the same bytes); generated once, reused while its recorded size matches.
 */
export async function ensureExport(messages: number): Promise<string> {
  const name = messages % 1_000_000 === 0
    ? `android-${messages / 1_000_000}m`
    : `android-${messages}`;
  const path = `${OUT}${name}.txt`;
  const metaPath = `${OUT}${name}.json`;
  const options: GenerateOptions = { ...EXPORT_OPTIONS, messages };
  try {
    const meta = JSON.parse(await Deno.readTextFile(metaPath));
    const same = JSON.stringify(meta.options) === JSON.stringify(options);
    if (same && meta.bytes === (await Deno.stat(path)).size) return path;
  } catch { /* not cached yet */ }
  await Deno.mkdir(OUT, { recursive: true });
  const file = await Deno.open(path, { write: true, create: true, truncate: true });
  let bytes = 0;
  for await (const chunk of generateExport(options).bytes()) {
    for (let off = 0; off < chunk.length;) off += await file.write(chunk.subarray(off));
    bytes += chunk.length;
  }
  file.close();
  await Deno.writeTextFile(metaPath, JSON.stringify({ options, bytes }));
  return path;
}

/** A signed-up user of a running app: its id and bearer headers. */
export interface BenchUser {
  userId: string;
  headers: Record<string, string>;
}

export async function signUp(url: string): Promise<BenchUser> {
  const res = await fetch(`${url}/api/auth/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `bench-${crypto.randomUUID()}@example.com`,
      password: "correct horse battery",
    }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const { token, userId } = await res.json();
  return { userId, headers: { authorization: `Bearer ${token}` } };
}

/** Timings of one import, in seconds from the start of the upload. */
export interface ImportTiming {
  importId: string;
  bytes: number;
  messages: number;
  /** The upload's answer (202): the file is in the blob store and the job queued. */
  uploadedS: number;
  /** The import's status became "done" (polled every 100 ms). */
  doneS: number;
  /** The conversation's first page answered 200: upload → readable. */
  readableS: number;
  /**
   * Search covers the conversation: `/api/search` says no conversation is still `indexing`
   * (the index is built after the import's commit; polled every 100 ms).
   */
  searchableS: number;
}

/**
 * POSTs a file as the raw request body with its Content-Length, as a browser sends a File, and
 * returns the new import's id. curl streams it from disk; Deno's fetch is the fallback (it sends
 * a stream body chunked, ~6 MB/s here, and made the server's RSS grow: not what browsers do).
 */
async function upload(url: string, path: string, headers: Record<string, string>): Promise<string> {
  const hasCurl = await new Deno.Command("curl", { args: ["--version"], stdout: "null" }).output()
    .then((o) => o.success, () => false);
  if (hasCurl) {
    const args = ["-sS", "-X", "POST", "-T", path, "-w", "\n%{http_code}", url];
    for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}: ${v}`);
    const out = await new Deno.Command("curl", { args, stdout: "piped", stderr: "piped" }).output();
    const text = new TextDecoder().decode(out.stdout);
    const status = text.slice(text.lastIndexOf("\n") + 1);
    const body = text.slice(0, text.lastIndexOf("\n"));
    if (status !== "202") {
      throw new Error(`upload failed: ${status} ${body} ${new TextDecoder().decode(out.stderr)}`);
    }
    return JSON.parse(body).id;
  }
  const file = await Deno.open(path);
  const res = await fetch(url, { method: "POST", headers, body: file.readable });
  if (res.status !== 202) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}

/** Streams `path` to `POST /api/imports` and waits until its conversation is readable. */
export async function importFile(
  url: string,
  user: BenchUser,
  path: string,
  options: { filename?: string; timeoutMs?: number } = {},
): Promise<ImportTiming> {
  const filename = options.filename ?? "WhatsApp Chat with Bob.txt";
  const bytes = (await Deno.stat(path)).size;
  const t0 = performance.now();
  const s = () => (performance.now() - t0) / 1000;
  const id = await upload(`${url}/api/imports?filename=${encodeURIComponent(filename)}`, path, {
    ...user.headers,
    "content-type": "application/octet-stream",
  });
  const uploadedS = s();
  const until = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let status: { status: string; error: string | null; conversationId: string | null } = {
    status: "queued",
    error: null,
    conversationId: null,
  };
  while (status.status !== "done") {
    if (status.status === "failed") throw new Error(`import failed: ${status.error}`);
    if (Date.now() > until) throw new Error(`import not done in time: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 100));
    const poll = await fetch(`${url}/api/imports/${id}`, { headers: user.headers });
    status = await poll.json();
  }
  const doneS = s();
  const page = await fetch(`${url}/c/${status.conversationId}`, { headers: user.headers });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`first page: ${page.status} ${html.slice(0, 200)}`);
  const readableS = s();
  const searchUrl = `${url}/api/search?q=indexed&conversation=${status.conversationId}`;
  while ((await (await fetch(searchUrl, { headers: user.headers })).json()).indexing !== 0) {
    if (Date.now() > until) throw new Error("conversation not indexed for search in time");
    await new Promise((r) => setTimeout(r, 100));
  }
  const searchableS = s();
  const conv = await (await fetch(`${url}/api/conversations/${id}`, { headers: user.headers }))
    .json();
  return {
    importId: id,
    bytes,
    messages: conv.messageCount,
    uploadedS,
    doneS,
    readableS,
    searchableS,
  };
}
