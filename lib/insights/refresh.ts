/**
 * Fills a conversation's insights aggregates (migration 00004) from its messages in one pass:
 * a cursor in file order (the media type decided by SQL as it reads), every aggregate
 * accumulated in TypeScript (words and emoji need Intl.Segmenter; gaps, replies and runs need
 * the previous message), written back with COPY; terms pruned in SQL.
 *
 * @module
 */
import { routeCopyErrors } from "../db/copy.ts";
import type postgres from "postgres";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "../db/client.ts";
import { InsightsAccumulator, KEEP_TERMS, type Lines, type ScanRow } from "./accumulate.ts";
import { MEDIA_TYPE_SQL } from "./media.ts";
import { stopWordsFor } from "./stopwords/mod.ts";

/** A connection or transaction of the app's postgres.js client. */
export type Db = postgres.ISql<Record<string, never>>;

/**
 * Version of what refreshInsights computes: bump it when that changes, and every chat is
 * recomputed on its next view (see `ensureInsights`); it is also part of the ETag.
 */
export const INSIGHTS_FORMAT = 1;

const CURSOR_ROWS = 5_000;

/**
 * Recomputes the insights of one conversation, replacing what was there. Pass the import's
 * transaction (`refreshInsights(tx, id)`) or the pool, which runs it in a transaction of its
 * own (it uses temporary tables). Streams the messages; never holds them all in memory.
 *
 * @example
 * ```ts
 * await sql.begin((tx) => refreshInsights(tx, conversationId));
 * ```
 */
export async function refreshInsights(
  sql: Sql | postgres.TransactionSql<Record<string, never>>,
  conversationId: string,
  options: RefreshOptions = {},
): Promise<void> {
  if ("begin" in sql) {
    await sql.begin((tx) => refreshIn(tx, conversationId, options));
  } else {
    await refreshIn(sql, conversationId, options);
  }
}

/** Options of {@link refreshInsights}. */
export interface RefreshOptions {
  /** Called after each step with its name and duration (for benchmarks and logs). */
  onStep?: (step: string, ms: number) => void;
}

/**
 * Makes sure a conversation's insights exist in the current format (chats imported before
 * insights existed, or by older code, are computed now, once, under an advisory lock).
 */
export async function ensureInsights(sql: Sql, conversationId: string): Promise<void> {
  const fresh = async (db: Db) =>
    (await db`
      select 1 from insights_state
      where conversation_id = ${conversationId} and format = ${INSIGHTS_FORMAT}`).length > 0;
  if (await fresh(sql)) return;
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${`insights:${conversationId}`}))`;
    if (!(await fresh(tx))) await refreshIn(tx, conversationId);
  });
}

async function refreshIn(tx: Db, id: string, options: RefreshOptions = {}): Promise<void> {
  let last = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    options.onStep?.(name, Math.round(now - last));
    last = now;
  };
  for (const table of ["days", "starts", "replies", "runs", "terms", "state"]) {
    await tx`delete from ${tx(`insights_${table}`)} where conversation_id = ${id}`;
  }
  const [conv] = await tx<{ language: string | null }[]>`
    select summary->>'language' as language from conversations where id = ${id}`;
  const language = conv?.language ?? null;
  const acc = new InsightsAccumulator(id, stopWordsFor(language), language);
  const cursor = tx<ScanRow[]>`
    select seq, extract(epoch from date)::float8 as t, author, kind,
      case when kind = 'text' or (kind = 'media' and attachment is not null) then text end as text,
      ${tx.unsafe(MEDIA_TYPE_SQL)} as media
    from messages where conversation_id = ${id} and author is not null
    order by seq`.cursor(CURSOR_ROWS);
  for await (const rows of cursor) acc.addMany(rows);
  const out = acc.finish();
  step("scan");
  await copyInto(tx, "insights_days", out.days);
  await copyInto(tx, "insights_starts", out.starts);
  await copyInto(tx, "insights_replies", out.replies);
  await copyInto(tx, "insights_runs", out.runs);
  if (!out.needsMerge) {
    await copyInto(tx, "insights_terms", out.terms);
    step("copy");
  } else {
    // A day or month came back (the phone's clock moved): sum its repeated rows, prune again.
    await tx`create temp table insights_tmp_terms (like insights_terms) on commit drop`;
    await copyInto(tx, "insights_tmp_terms", out.terms);
    step("copy");
    await tx`
      insert into insights_terms (conversation_id, grain, period, author, kind, term, n)
      select ${id}, grain, period, author, kind, term, n from (
        select grain, period, author, kind, term, sum(n)::int as n,
          row_number() over (
            partition by grain, period, author, kind order by sum(n) desc, term collate "C"
          ) as rank
        from insights_tmp_terms group by grain, period, author, kind, term
      ) t
      where rank <= case grain
        when 'd' then ${KEEP_TERMS.d}::int when 'm' then ${KEEP_TERMS.m}::int
        else ${KEEP_TERMS.a}::int end`;
    await tx`drop table insights_tmp_terms`;
    step("merge terms");
  }
  await tx`
    insert into insights_state (conversation_id, format) values (${id}, ${INSIGHTS_FORMAT})`;
}

async function copyInto(tx: Db, table: string, lines: Lines) {
  const query = tx`copy ${tx(table)} from stdin`;
  const writable = await query.writable();
  routeCopyErrors(query, writable);
  await pipeline(Readable.from(lines.chunks), writable);
}
