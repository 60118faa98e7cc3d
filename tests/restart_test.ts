// The embedded default (`deno task start`: embedded PostgreSQL, in-process queue and worker)
// stopped with an import still queued: after a restart the import is read, not left "queued"
// for ever (its job was only in the stopped process's memory). Runs the real entry point,
// main.ts, twice on one DATA_DIR; the first run has no worker, so the import surely waits.
import assert from "node:assert/strict";

const MAIN = new URL("../main.ts", import.meta.url).pathname;
const CHAT = "01/02/2024, 10:00 - Ann: hello Bob\n01/02/2024, 10:01 - Bob: hi Ann\n";

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Starts main.ts on `dataDir`; the embedded mode whatever the machine's environment says. */
async function startReader(dataDir: string, env: Record<string, string> = {}) {
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", MAIN],
    env: {
      NO_COLOR: "1",
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      // Empty means unset (lib/config.ts): no inherited service turns the embedded mode off.
      DATABASE_URL: "",
      JWT_SECRET: "",
      UPSTASH_REDIS_REST_URL: "",
      UPSTASH_REDIS_REST_TOKEN: "",
      S3_ENDPOINT: "",
      S3_BUCKET: "",
      WORKER_IN_PROCESS: "",
      RATE_LIMIT_SIGNUP: "off",
      RATE_LIMIT_UPLOAD: "off",
      ...env,
    },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${base}/health`);
      await res.body?.cancel();
      if (res.ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      const { code, stderr } = await child.output();
      assert.equal(code, 0, new TextDecoder().decode(stderr));
    },
  };
}

Deno.test("restart: an import the embedded reader had queued is read after a restart", async () => {
  const dir = await Deno.makeTempDir({ prefix: "wcr-restart-" });
  // As root the embedded server runs as the `postgres` user, who must reach DATA_DIR/pg.
  if (Deno.uid() === 0) await Deno.chmod(dir, 0o777);
  try {
    // First run: no worker in the process, so the import stays queued until the stop.
    let reader = await startReader(dir, { WORKER_IN_PROCESS: "false" });
    let id: string, headers: Record<string, string>;
    try {
      const signup = await fetch(`${reader.base}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "restart@example.com", password: "correct horse" }),
      });
      assert.equal(signup.status, 201);
      headers = { authorization: `Bearer ${(await signup.json()).token}` };
      const upload = await fetch(`${reader.base}/api/imports?filename=chat.txt`, {
        method: "POST",
        headers: { ...headers, "content-type": "text/plain" },
        body: CHAT,
      });
      assert.equal(upload.status, 202);
      id = (await upload.json()).id;
      const status = await (await fetch(`${reader.base}/api/imports/${id}`, { headers })).json();
      assert.equal(status.status, "queued");
    } finally {
      await reader.stop();
    }

    // Second run, the default: the in-process worker reads what the first run left queued.
    reader = await startReader(dir);
    try {
      let status = { status: "queued" };
      for (let i = 0; i < 300 && status.status !== "done" && status.status !== "failed"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await (await fetch(`${reader.base}/api/imports/${id}`, { headers })).json();
      }
      assert.equal(status.status, "done", JSON.stringify(status));
    } finally {
      await reader.stop();
    }
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
});
