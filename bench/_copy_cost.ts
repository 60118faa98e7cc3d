/**
 * Where an import's time goes in PostgreSQL: the export parsed and COPYed (lib/db/copy.ts) in one
 * transaction into a fresh database with every migration, then into one without the search
 * column and index of migration 00002 (only its date index), timing the wall clock and the
 * server backend's CPU (read from /proc: the database must run on this machine, else null).
 *
 * @module
 */
import postgres from "postgres";
import { createSql, type Sql } from "../lib/db/client.ts";
import { copyMessages } from "../lib/db/copy.ts";
import { migrate } from "../lib/db/migrate.ts";
import { parseChat } from "../lib/parse/parser.ts";
import { ADMIN_URL } from "./_services.ts";

const MIGRATIONS = new URL("../lib/db/migrations/", import.meta.url);

/** The cost of one COPY of the export. */
export interface CopyCost {
  schema: "all migrations" | "without 00002's tsv + GIN";
  rows: number;
  wallS: number;
  /** CPU time of the PostgreSQL backend that ran the COPY, or null when not on this machine. */
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

async function measure(url: string, path: string, schema: CopyCost["schema"]): Promise<CopyCost> {
  const sql = createSql(url, { max: 1 });
  try {
    const [user] =
      await sql`insert into users (email, password_hash) values ('b@x.io', 'x') returning id`;
    const id = crypto.randomUUID();
    return await sql.begin(async (tx) => {
      const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      await tx`insert into conversations (id, user_id, title) values (${id}, ${user.id}, 'copy')`;
      const cpu0 = cpuSeconds(pid);
      const t0 = performance.now();
      const file = await Deno.open(path);
      const rows = await copyMessages(tx as unknown as Sql, id, parseChat(file.readable).batches());
      const wallS = (performance.now() - t0) / 1000;
      const cpu1 = cpuSeconds(pid);
      return {
        schema,
        rows,
        wallS: Math.round(wallS * 100) / 100,
        backendCpuS: cpu0 === null || cpu1 === null ? null : Math.round((cpu1 - cpu0) * 100) / 100,
      };
    });
  } finally {
    await sql.end();
  }
}

/** COPY of the export at `path` with and without migration 00002's search column and index. */
export async function copyCost(path: string): Promise<CopyCost[]> {
  const out: CopyCost[] = [];
  for (const schema of ["all migrations", "without 00002's tsv + GIN"] as const) {
    const name = `wcr_bench_copy_${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      if (schema === "all migrations") await migrate(url.href);
      else {
        const db = postgres(url.href, { max: 1, onnotice: () => {} });
        await db.unsafe(await Deno.readTextFile(new URL("00001_init.sql", MIGRATIONS)));
        await db`create index messages_date_idx on messages (conversation_id, date, seq)`;
        await db.end();
      }
      out.push(await measure(url.href, path, schema));
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return out;
}
