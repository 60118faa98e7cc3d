/**
 * Fills a conversation's insights aggregates (migration 00004) from its messages in one pass:
 * a cursor in file order (the media type decided by SQL as it reads), every aggregate
 * accumulated in TypeScript (words and emoji need Intl.Segmenter; gaps, replies and runs need
 * the previous message), written back with COPY. The cursor is a SQL one (DECLARE … FETCH),
 * not a protocol portal, so that COPYs can run on the same connection between two fetches: the
 * bulky rows (terms, monologues) are written as the scan goes and memory stays flat.
 *
 * @module
 */
import { routeCopyErrors } from "../db/copy.ts";
import type postgres from "postgres";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Sql } from "../db/client.ts";
import { InsightsAccumulator, type ScanRow } from "./accumulate.ts";
import { KEEP_TERMS } from "./accumulate_terms.ts";
import { chatLanguages } from "./languages.ts";
import { MEDIA_TYPE_SQL } from "./media.ts";
import { stopWordsFor } from "./stopwords/mod.ts";

/** A connection or transaction of the app's postgres.js client. */
export type Db = postgres.ISql<Record<string, never>>;

/**
 * Version of what refreshInsights computes: bump it when that changes, and every chat is
 * recomputed on its next view (see `ensureInsights`); it is also part of the ETag.
 */
export const INSIGHTS_FORMAT = 2;

/** Messages per FETCH: large enough to amortise a round trip and a segmenter call. */
const FETCH_ROWS = 2_000;
/** Pending TSV characters (terms, monologues) that trigger a write-back during the scan. */
const WRITE_CHARS = 2_000_000;

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
  /**
   * Called after each step (`clear`, `languages`, `scan`, `copy`, maybe `merge terms`) with its
   * name and duration (for benchmarks and logs); when it returns a promise, the refresh waits for
   * it (tests use this to act at a precise point).
   */
  onStep?: (step: string, ms: number) => void | Promise<void>;
  /** Pending TSV characters that trigger a write-back during the scan (tests set it low). */
  writeChars?: number;
  /** Messages per FETCH (tests set it low). */
  fetchRows?: number;
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
  const step = async (name: string) => {
    await options.onStep?.(name, Math.round(performance.now() - last));
    last = performance.now();
  };
  for (const table of ["days", "starts", "replies", "runs", "terms", "state"]) {
    await tx`delete from ${tx(`insights_${table}`)} where conversation_id = ${id}`;
  }
  await step("clear");
  const [conv] = await tx<{ language: string | null }[]>`
    select summary->>'language' as language from conversations where id = ${id}`;
  const language = conv?.language ?? null;
  // The stop words of every language the messages are written in, not only the export's.
  const used = await chatLanguages(tx, id, language);
  await step("languages");
  const acc = new InsightsAccumulator(id, stopWordsFor(language, used), language);
  await tx`
    declare insights_scan no scroll cursor for
    select seq, extract(epoch from date)::float8 as t, author, kind,
      case when kind = 'text' or (kind = 'media' and attachment is not null) then text end as text,
      ${tx.unsafe(MEDIA_TYPE_SQL)} as media
    from messages where conversation_id = ${id} and author is not null
    order by seq`;
  let merging = false;
  // Terms rows of a day or month that came back (the phone's clock moved) repeat: from the
  // first repeat on, they go to a temporary table, summed and pruned again at the end.
  const writeOut = async () => {
    const { terms, runs, needsMerge } = acc.drain();
    if (needsMerge && !merging) {
      await tx`create temp table insights_tmp_terms (like insights_terms) on commit drop`;
      merging = true;
    }
    await copyInto(tx, merging ? "insights_tmp_terms" : "insights_terms", terms);
    await copyInto(tx, "insights_runs", runs);
  };
  for (;;) {
    const rows = await tx<ScanRow[]>`fetch ${
      tx.unsafe(String(options.fetchRows ?? FETCH_ROWS))
    } from insights_scan`;
    if (rows.length === 0) break;
    acc.addMany(rows);
    if (acc.pendingSize >= (options.writeChars ?? WRITE_CHARS)) await writeOut();
  }
  await tx`close insights_scan`;
  const out = acc.finish();
  await step("scan");
  await copyInto(tx, "insights_days", out.days.take());
  await copyInto(tx, "insights_starts", out.starts.take());
  await copyInto(tx, "insights_replies", out.replies.take());
  await writeOut();
  await step("copy");
  if (merging) {
    await tx`
      with moved as (delete from insights_terms where conversation_id = ${id} returning *)
      insert into insights_tmp_terms select * from moved`;
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
    await step("merge terms");
  }
  await tx`
    insert into insights_state (conversation_id, format) values (${id}, ${INSIGHTS_FORMAT})`;
}

async function copyInto(tx: Db, table: string, chunks: string[]) {
  if (chunks.length === 0) return;
  const query = tx`copy ${tx(table)} from stdin`;
  const writable = await query.writable();
  routeCopyErrors(query, writable);
  await pipeline(Readable.from(chunks), writable);
}
