/**
 * `deno task bench:read`: reading speed on a conversation of 1,000,000 messages.
 *
 * Seeds a fresh database (the test PostgreSQL, else an embedded one) with COPY — synthetic
 * group-chat messages with a Zipf vocabulary, a few accented words and some rare ones — then
 * measures server time of `app.request()` (middleware, auth, queries, SSR; no socket):
 * p50/p99 of the newest page, a permalink deep in the chat and a date jump, and p95 of
 * `/api/search` for common, rare and absent words, in the chat and across the user's chats.
 * It also times COPY of 200k rows into the messages table as migration 00001 left it and as
 * 00002 left it (generated tsv column, GIN index, date index); since 00006 the search index is a
 * table of its own, built after the COPY (rebuildSearchIndex, timed here too).
 *
 * Options: `--messages=N` (default 1,000,000), `--runs=N` (default 300 page requests).
 */
import process from "node:process";
import postgres from "postgres";
import { copyMessages } from "../lib/db/messages.ts";
import { rebuildSearchIndex } from "../lib/db/search_index.ts";
import { AUTHORS, syntheticMessages } from "./_synthetic.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";

const args = new Map(Deno.args.map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const TOTAL = Number(args.get("messages") ?? 1_000_000);
const RUNS = Number(args.get("runs") ?? 300);
interface Stats {
  name: string;
  runs: number;
  /** CPU time of this process per call (user + system): the app's own work, whatever the load. */
  cpu: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times `fn` `runs` times after a few warm-up calls; milliseconds. */
async function measure(name: string, runs: number, fn: () => Promise<void>): Promise<Stats> {
  for (let i = 0; i < Math.min(10, runs); i++) await fn();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  const stats = {
    name,
    runs,
    cpu: round((cpu.user + cpu.system) / 1000 / runs),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    max: round(times[times.length - 1]),
  };
  console.log(
    `${name.padEnd(58)} p50 ${stats.p50.toFixed(2).padStart(7)}  p95 ${
      stats.p95.toFixed(2).padStart(7)
    }  ` +
      `p99 ${stats.p99.toFixed(2).padStart(7)}  max ${stats.max.toFixed(2).padStart(7)} ms  (cpu ${
        stats.cpu.toFixed(2)
      } ms)`,
  );
  return stats;
}

/** A conversation of `count` synthetic messages for `userId`, written as the worker does. */
async function seedConversation(
  sql: postgres.Sql,
  userId: string,
  title: string,
  count: number,
  seed: number,
) {
  const id = crypto.randomUUID();
  await sql`insert into conversations (id, user_id, title) values (${id}, ${userId}, ${title})`;
  const start = performance.now();
  await copyMessages(sql as never, id, syntheticMessages(count, seed));
  const ms = performance.now() - start;
  const indexStart = performance.now();
  // Statistics are refreshed once, below, after every chat is seeded.
  await rebuildSearchIndex(sql as never, id, { analyzeAtRows: Infinity });
  const indexMs = performance.now() - indexStart;
  await sql`
    insert into participants (conversation_id, name, message_count, first_seq)
    select conversation_id, author, count(*), min(seq) from messages
    where conversation_id = ${id} and author is not null group by conversation_id, author`;
  await sql`
    update conversations c set message_count = ${count}, view_as = ${AUTHORS[0]},
      first_date = (select min(date) from messages where conversation_id = c.id),
      last_date = (select max(date) from messages where conversation_id = c.id)
    where id = ${id}`;
  return { id, ms, indexMs };
}

const BEFORE_SEARCH = `
  create table messages (
    conversation_id uuid not null references public.conversations (id) on delete cascade,
    seq int not null, ref int not null, date timestamp not null, at timestamptz not null,
    author text, text text not null, kind text not null,
    attachment text, edited boolean not null default false,
    primary key (conversation_id, seq))`;
const COPY_VARIANTS: [string, string][] = [
  ["00001 only (no search)", ""],
  [
    "+ tsv generated column",
    `alter table messages add column tsv tsvector
    generated always as (to_tsvector('public.simple_unaccent'::regconfig, text)) stored`,
  ],
  [
    "+ tsv + GIN",
    `alter table messages add column tsv tsvector
    generated always as (to_tsvector('public.simple_unaccent'::regconfig, text)) stored;
    create index on messages using gin (tsv)`,
  ],
  [
    "00002 (tsv + GIN + date index)",
    `alter table messages add column tsv tsvector
    generated always as (to_tsvector('public.simple_unaccent'::regconfig, text)) stored;
    create index on messages using gin (tsv);
    create index on messages (conversation_id, date, seq)`,
  ],
  [
    "00006 (ref + date indexes; search after)",
    `create unique index on messages (conversation_id, ref);
    create index on messages (conversation_id, date, seq)`,
  ],
];

/** COPY of 200k rows into the messages table as each migration leaves it (best of 3). */
async function copySpeed(url: string, conversationId: string) {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const results: { variant: string; ms: number; rowsPerSecond: number }[] = [];
  try {
    for (const [variant, extra] of COPY_VARIANTS) {
      const times: number[] = [];
      for (let run = 0; run < 3; run++) {
        await admin.unsafe(`drop schema if exists copy_bench cascade; create schema copy_bench;
          set search_path = copy_bench, public; ${BEFORE_SEARCH}; ${extra}; set search_path = public`);
        const sql = postgres(url, {
          max: 1,
          onnotice: () => {},
          connection: { search_path: "copy_bench, public" },
        });
        const rows = syntheticMessages(200_000, 7 + run);
        const start = performance.now();
        await copyMessages(sql as never, conversationId, rows);
        times.push(performance.now() - start);
        await sql.end();
      }
      const ms = Math.round(Math.min(...times));
      results.push({ variant, ms, rowsPerSecond: Math.round(200_000 / ms * 1000) });
      console.log(
        `COPY 200k rows, ${variant.padEnd(32)} ${String(ms).padStart(6)} ms  ${
          results.at(-1)!.rowsPerSecond
        } rows/s`,
      );
    }
  } finally {
    await admin.unsafe("drop schema if exists copy_bench cascade");
    await admin.end();
  }
  return results;
}

async function main() {
  const t = await createTestApp();
  const sql = postgres(t.db.url, { max: 2, onnotice: () => {} });
  try {
    const user = await signUp(t.app);
    const other = await signUp(t.app);
    console.log(`Seeding ${TOTAL.toLocaleString("en")} messages with COPY…`);
    const big = await seedConversation(sql, user.userId, "A million messages", TOTAL, 42);
    console.log(
      `COPY of ${TOTAL.toLocaleString("en")} rows: ${Math.round(big.ms)} ms, ` +
        `${Math.round(TOTAL / big.ms * 1000)} rows/s; search index built after it in ` +
        `${Math.round(big.indexMs)} ms`,
    );
    const small = await seedConversation(sql, user.userId, "A small chat", 2_000, 7);
    await seedConversation(sql, other.userId, "Another user's chat", Math.min(100_000, TOTAL), 9);
    let start = performance.now();
    // What autovacuum does after a big import: statistics for the planner, GIN pending list merged.
    await sql`vacuum (analyze) messages`;
    await sql`vacuum (analyze) message_search`;
    console.log(
      `vacuum (analyze) messages, message_search: ${Math.round(performance.now() - start)} ms`,
    );
    // The machine is shared: say how busy it was, since every wall-clock figure depends on it.
    const load = () => Deno.loadavg().map((l) => l.toFixed(2)).join(" ");
    console.log(
      `load average before measuring: ${load()} (${navigator.hardwareConcurrency} cores)\n`,
    );

    const request = (path: string, status = 200) => async () => {
      const res = await t.app.request(path, { headers: user.headers });
      await res.arrayBuffer();
      if (res.status !== status) throw new Error(`${path}: expected ${status}, got ${res.status}`);
    };
    const id = big.id, mid = Math.floor(TOTAL / 2);
    const [{ day }] = await sql`
      select to_char(date, 'YYYY-MM-DD') as day from messages where conversation_id = ${id} and seq = ${mid}`;
    // A running server has compiled its hot paths: warm every route up before measuring any.
    for (let i = 0; i < 100; i++) {
      await request(`/c/${id}?before=${Math.max(2, TOTAL - i * 1000)}`)();
      await request(`/c/${id}/m/${mid + i}`)();
      await request(`/api/search?q=warmup${i}`)();
    }
    const pages = [
      await measure("GET /c/:id (newest page)", RUNS, request(`/c/${id}`)),
      await measure(`GET /c/:id/m/${mid} (permalink)`, RUNS, request(`/c/${id}/m/${mid}`)),
      await measure(
        `GET /c/:id?before=${mid} (older page)`,
        RUNS,
        request(`/c/${id}?before=${mid}`),
      ),
      await measure(
        `GET /c/:id?date=${day} (jump: redirect)`,
        RUNS,
        request(`/c/${id}?date=${day}`, 302),
      ),
      await measure(
        `GET /api/…/messages?around=${mid}`,
        RUNS,
        request(`/api/conversations/${id}/messages?around=${mid}`),
      ),
      await measure("GET / (library)", RUNS, request("/")),
    ];
    console.log("");
    const searches: Stats[] = [];
    const words = [
      ["common: ok (~59% of messages)", "ok"],
      ["common: thanks", "thanks"],
      ["accented: cafe (matches café)", "cafe"],
      ["rare: zanzibar (5 messages)", "zanzibar"],
      ["rare: quokka (1 message)", "quokka"],
      ["absent: xylophone", "xylophone"],
      ['phrase: "ok the"', '"ok the"'],
    ];
    for (const [label, q] of words) {
      const query = encodeURIComponent(q);
      searches.push(
        await measure(`search all chats, ${label}`, 100, request(`/api/search?q=${query}`)),
      );
      searches.push(
        await measure(
          `search one chat, ${label}`,
          100,
          request(`/api/search?q=${query}&conversation=${id}`),
        ),
      );
    }
    searches.push(
      await measure(
        "search, common + author + one day",
        100,
        request(`/api/search?q=ok&author=Bob&from=${day}&to=${day}`),
      ),
    );
    searches.push(
      await measure("search, rare + author", 100, request(`/api/search?q=zanzibar&author=Ann`)),
    );
    searches.push(
      await measure(
        "search, small chat only, common",
        100,
        request(`/api/search?q=ok&conversation=${small.id}`),
      ),
    );
    searches.push(await measure("GET /search?q=ok (page)", 100, request("/search?q=ok")));
    console.log("");
    start = performance.now();
    const copy = await copySpeed(t.db.url, small.id);
    console.log(`(COPY comparison took ${Math.round((performance.now() - start) / 1000)} s)`);

    console.log(`load average after measuring: ${load()}`);
    const firstPage = pages[0];
    const worstSearch = Math.max(...searches.map((s) => s.p95));
    console.log(
      `\nfirst page p99 ${firstPage.p99} ms (target < 30 ms): ${
        firstPage.p99 < 30 ? "ok" : "MISSED"
      }`,
    );
    console.log(
      `worst search p95 ${worstSearch} ms (target < 100 ms): ${
        worstSearch < 100 ? "ok" : "MISSED"
      }`,
    );
    await Deno.mkdir("bench/out", { recursive: true });
    await Deno.writeTextFile(
      "bench/out/read.json",
      JSON.stringify(
        {
          messages: TOTAL,
          load: load(),
          seedCopyMs: Math.round(big.ms),
          searchIndexMs: Math.round(big.indexMs),
          pages,
          searches,
          copy,
        },
        null,
        2,
      ) + "\n",
    );
  } finally {
    await sql.end();
    await t.close();
  }
}

if (import.meta.main) await main();
