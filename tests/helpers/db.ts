import postgres from "postgres";
import { createSql, type Sql } from "../../lib/db/client.ts";
import { type EmbeddedServer, startEmbeddedPostgres } from "../../lib/db/embedded.ts";
import { migrate } from "../../lib/db/migrate.ts";
import { reachable, requireInCi } from "./services.ts";

/** The machine's PostgreSQL (CI and our machines), or TEST_DATABASE_URL. */
const ADMIN_URL = Deno.env.get("TEST_DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/postgres";

let embedded: Promise<EmbeddedServer> | null = null;

/** Starts (once per test process) an embedded PostgreSQL in a temporary directory. */
export function embeddedServer(): Promise<EmbeddedServer> {
  embedded ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "wcr-pg-" });
    if (Deno.uid() === 0) await Deno.chmod(dir, 0o777);
    const server = await startEmbeddedPostgres(`${dir}/pg`, { persistent: false });
    globalThis.addEventListener("unload", () => server.stop());
    return server;
  })();
  return embedded;
}

async function adminUrl(kind: "real" | "embedded" | "auto"): Promise<string> {
  if (kind === "embedded") return (await embeddedServer()).url;
  const url = new URL(ADMIN_URL);
  const up = await reachable(url.hostname, Number(url.port || 5432));
  if (kind === "real" || Deno.env.get("CI") === "true") requireInCi("PostgreSQL", up);
  if (up) return ADMIN_URL;
  if (kind === "real") throw new Error(`PostgreSQL is not reachable at ${url.host}`);
  return (await embeddedServer()).url;
}

/** A fresh, migrated database for one test; `drop()` removes it. */
export interface TestDb {
  url: string;
  sql: Sql;
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on the real PostgreSQL when it is reachable (always in
 * CI), else on an embedded server; `kind: "embedded"` forces the embedded one.
 */
export async function createTestDb(kind: "real" | "embedded" | "auto" = "auto"): Promise<TestDb> {
  const admin = await adminUrl(kind);
  const name = `wcr_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const adminSql = postgres(admin, { max: 1, onnotice: () => {} });
  await adminSql.unsafe(`create database ${name}`);
  await adminSql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  await migrate(url.href);
  const sql = createSql(url.href, { max: 4 });
  return {
    url: url.href,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const a = postgres(admin, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
