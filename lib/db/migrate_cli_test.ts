// `deno task migrate` (lib/db/migrate_cli.ts) with a bad environment: the variable is named on
// stderr and the exit code is 2, as for the web app and the worker; never an uncaught error.
import assert from "node:assert/strict";

const CLI = new URL("./migrate_cli.ts", import.meta.url).pathname;

async function migrateWith(env: Record<string, string>) {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI],
    // Empty means unset (lib/config.ts): nothing inherited from the machine counts.
    env: { NO_COLOR: "1", DATABASE_URL: "", JWT_SECRET: "", ...env },
    stdout: "null",
    stderr: "piped",
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

Deno.test("migrate CLI: a bad environment names the variable and exits 2", async (t) => {
  await t.step("DATABASE_URL without JWT_SECRET", async () => {
    const r = await migrateWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^Invalid environment:\n {2}JWT_SECRET: is required/);
    assert.doesNotMatch(r.stderr, /Uncaught|\n\s+at /);
  });
  await t.step("a DATABASE_URL that is no postgres:// URL", async () => {
    const r = await migrateWith({
      DATABASE_URL: "http://db.example.com",
      JWT_SECRET: "x".repeat(32),
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^Invalid environment:\n {2}DATABASE_URL: must be a postgres:\/\/ URL/);
    assert.doesNotMatch(r.stderr, /Uncaught|\n\s+at /);
  });
  await t.step("no DATABASE_URL", async () => {
    const r = await migrateWith({});
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^Invalid environment:\n {2}DATABASE_URL: is required/);
  });
});
