/**
 * Edge-first (issue 6): with S3 and Upstash configured, the web entry needs no local disk. The
 * real `main.ts` runs in a child process with the filesystem write permission denied
 * (`--deny-write`), against real PostgreSQL, Redis through the REST bridge and an S3 server,
 * and serves pages and the API: a sign-up, the library page, an upload (to S3) and the queue.
 */
import assert from "node:assert/strict";
import { createTestDb } from "./helpers/db.ts";
import { withRedisBridge } from "./helpers/redis.ts";
import { startS3rver } from "./helpers/s3.ts";
import { TEST_SECRET } from "./helpers/app.ts";

/** A free TCP port on 127.0.0.1. */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/**
 * Reads the child's stdout until `needle` shows up (or the process ends), then keeps draining it
 * in the background: a closed pipe would kill the child at its next line of output.
 */
async function waitFor(stream: ReadableStream<Uint8Array>, needle: string): Promise<string> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  let seen = "";
  while (!seen.includes(needle)) {
    const { value, done } = await reader.read();
    if (done) return seen;
    seen += decoder.decode(value, { stream: true });
  }
  (async () => {
    while (!(await reader.read()).done) { /* drain */ }
  })().catch(() => {});
  return seen;
}

Deno.test("edge: main.ts serves pages and API with --deny-write (S3 + Upstash configured)", async () => {
  const db = await createTestDb("real");
  const redis = await withRedisBridge();
  const s3 = await startS3rver();
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--deny-write",
      "--allow-read",
      "--allow-net",
      "--allow-env",
      "--allow-sys",
      "main.ts",
    ],
    cwd: new URL("..", import.meta.url),
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_SECRET,
      UPSTASH_REDIS_REST_URL: redis.url,
      UPSTASH_REDIS_REST_TOKEN: redis.token,
      QUEUE_STREAM: redis.stream,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
      // a directory that does not exist: nothing may be written under it
      DATA_DIR: "/nonexistent-edge-data",
      LOG_LEVEL: "warn",
      // The sign-up limit (per address) counts in the machine's Redis, which outlives a test
      // run: each run comes from an address of its own, through one trusted proxy hop.
      TRUST_PROXY_HOPS: "1",
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const stderr = new Response(child.stderr).text();
  try {
    const out = await waitFor(child.stdout, "listening on");
    if (!out.includes("listening on")) {
      throw new Error(`main.ts did not start: ${out}\n${await killed(child, stderr)}`);
    }
    const base = `http://127.0.0.1:${port}`;
    const health = await fetch(`${base}/health`);
    assert.equal(health.status, 200);
    await health.body?.cancel();

    const email = `edge${crypto.randomUUID()}@example.com`;
    const address = `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join(".")}`;
    const signup = await fetch(`${base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ email, password: "correct horse battery" }),
    });
    assert.equal(signup.status, 201, await signup.clone().text());
    const { token } = await signup.json();
    const auth = { authorization: `Bearer ${token}` };

    const page = await fetch(`${base}/`, { headers: auth });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/);

    const form = new FormData();
    form.append("file", new File(["01/02/2024, 10:00 - Ann: hello\n"], "chat.txt"));
    const upload = await fetch(`${base}/api/imports`, {
      method: "POST",
      headers: auth,
      body: form,
    });
    assert.equal(upload.status, 202, await upload.clone().text());
    const { id } = await upload.json();
    // the upload went to S3 and the job onto the Redis stream, not to disk
    assert.equal(await redis.command("XLEN", redis.stream), 1);
    const listed = await fetch(`${s3.endpoint}/${s3.bucket}?list-type=2`);
    assert.match(await listed.text(), new RegExp(id));
  } finally {
    await killed(child, stderr);
    await s3.close();
    await redis.close();
    await db.drop();
  }
});

/** Stops the child (if still running) and returns what it wrote to stderr. */
async function killed(child: Deno.ChildProcess, stderr: Promise<string>): Promise<string> {
  try {
    child.kill("SIGTERM");
  } catch { /* already gone */ }
  await child.status;
  return await stderr;
}
