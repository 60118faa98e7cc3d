/**
 * Where an import's time goes in PostgreSQL: the export parsed and COPYed (lib/db/copy.ts) in one
 * transaction into a fresh database with every migration (the conversation is readable at that
 * commit), then the search index built for those rows (lib/db/search_index.ts, after the commit,
 * as the worker does), timing the wall clock and the server backend's CPU (read from /proc: the
 * database must run on this machine, else null).
 *
 * @module
 */
import postgres from "postgres";
import { createSql, type Sql } from "../lib/db/client.ts";
import { copyMessages } from "../lib/db/copy.ts";
import { migrate } from "../lib/db/migrate.ts";
import { rebuildSearchIndex } from "../lib/db/search_index.ts";
import { parseChat } from "../lib/parse/parser.ts";
import { ADMIN_URL } from "./_services.ts";

/** The cost of one step of the import in PostgreSQL. */
export interface CopyCost {
  schema: "parse + COPY in one transaction (readable)" | "search index, after the commit";
  rows: number;
  wallS: number;
  /** CPU time of the PostgreSQL backend that ran the step, or null when not on this machine. */
  backendCpuS: number | null;
}

function cpuSeconds(pid: number): number | null {
  try {
    const fields = Deno.readTextFileSync(`/proc/${pid}/stat`).split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Runs `step` on the single connection of `sql`, timing it and its backend's CPU. */
async function timed(
  sql: Sql,
  schema: CopyCost["schema"],
  step: () => Promise<number>,
): Promise<CopyCost> {
  const [{ pid }] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const rows = await step();
  const wallS = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(pid);
  return {
    schema,
    rows,
    wallS: Math.round(wallS * 100) / 100,
    backendCpuS: cpu0 === null || cpu1 === null ? null : Math.round((cpu1 - cpu0) * 100) / 100,
  };
}

/** The import's COPY of the export at `path`, then its search index, in a fresh database. */
export async function copyCost(path: string): Promise<CopyCost[]> {
  const name = `wcr_bench_copy_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    await migrate(url.href);
    const sql = createSql(url.href, { max: 1 });
    try {
      const [user] =
        await sql`insert into users (email, password_hash) values ('b@x.io', 'x') returning id`;
      const id = crypto.randomUUID();
      const copy = await timed(
        sql,
        "parse + COPY in one transaction (readable)",
        () =>
          sql.begin(async (tx) => {
            await tx`
            insert into conversations (id, user_id, title) values (${id}, ${user.id}, 'copy')`;
            const file = await Deno.open(path);
            return await copyMessages(tx as unknown as Sql, id, parseChat(file.readable).batches());
          }),
      );
      const index = await timed(sql, "search index, after the commit", async () => {
        await rebuildSearchIndex(sql, id);
        return copy.rows;
      });
      return [copy, index];
    } finally {
      await sql.end();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
