// The entry points with a bad environment — the web app (main.ts), the worker (worker/main.ts)
// and `deno task migrate` (lib/db/migrate_cli.ts) —: each names the variable on stderr and exits
// with code 2 (lib/config.ts loadConfigOrExit), never an uncaught error with a stack trace, and
// before opening any service.
import assert from "node:assert/strict";

const ENTRIES = {
  web: "../main.ts",
  worker: "../worker/main.ts",
  migrate: "../lib/db/migrate_cli.ts",
} as const;

async function run(entry: keyof typeof ENTRIES, env: Record<string, string>) {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", new URL(ENTRIES[entry], import.meta.url).pathname],
    // Empty means unset (lib/config.ts): nothing inherited from the machine counts.
    env: {
      NO_COLOR: "1",
      DATABASE_URL: "",
      JWT_SECRET: "",
      UPSTASH_REDIS_REST_URL: "",
      UPSTASH_REDIS_REST_TOKEN: "",
      S3_BUCKET: "",
      ...env,
    },
    stdout: "null",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stderr);
  assert.equal(code, 2, text);
  assert.doesNotMatch(text, /Uncaught|\n\s+at /);
  return text;
}

const SECRET = "x".repeat(32);
const DB = "postgres://postgres@127.0.0.1:1/none";

Deno.test("entry points: a bad environment names the variable and exits 2", async (t) => {
  await t.step("web: a PORT that is no number", async () => {
    assert.match(await run("web", { PORT: "eighty" }), /^Invalid environment:\n {2}PORT: /);
  });
  await t.step("web: DATABASE_URL without JWT_SECRET", async () => {
    assert.match(
      await run("web", { DATABASE_URL: DB }),
      /^Invalid environment:\n {2}JWT_SECRET: is required/,
    );
  });
  await t.step("worker: no DATABASE_URL nor Redis", async () => {
    assert.match(
      await run("worker", {}),
      /^Invalid environment:\n {2}DATABASE_URL and UPSTASH_REDIS_REST_URL\/_TOKEN: /,
    );
  });
  await t.step("worker: a WORKER_CONCURRENCY of 0", async () => {
    assert.match(
      await run("worker", { WORKER_CONCURRENCY: "0", DATABASE_URL: DB, JWT_SECRET: SECRET }),
      /^Invalid environment:\n {2}WORKER_CONCURRENCY: /,
    );
  });
  await t.step("migrate: DATABASE_URL without JWT_SECRET", async () => {
    assert.match(
      await run("migrate", { DATABASE_URL: DB }),
      /^Invalid environment:\n {2}JWT_SECRET: is required/,
    );
  });
  await t.step("migrate: a DATABASE_URL that is no postgres:// URL", async () => {
    assert.match(
      await run("migrate", { DATABASE_URL: "http://db.example.com", JWT_SECRET: SECRET }),
      /^Invalid environment:\n {2}DATABASE_URL: must be a postgres:\/\/ URL/,
    );
  });
  await t.step("migrate: no DATABASE_URL", async () => {
    assert.match(await run("migrate", {}), /^Invalid environment:\n {2}DATABASE_URL: is required/);
  });
});
