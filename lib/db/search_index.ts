/**
 * The full-text index of a conversation (`message_search`, migration 00006), built after its
 * messages are written rather than inside the import's transaction: the conversation is
 * readable at the import's commit and searchable a few seconds later. Until then it has no
 * `message_search_state` row, and search reports it as still indexing. Rows built by an older
 * definition of the vector (`tsv_version` below {@link TSV_VERSION}) stay searchable until the
 * worker's sweep rebuilds them.
 *
 * @module
 */
import type { Sql } from "./client.ts";

/**
 * The definition of the search vector (`message_tsv`, migration 00010) rows are built with now.
 * 1: `to_tsvector` alone (00002); 2: plus the words inside links, addresses and markup.
 */
export const TSV_VERSION = 2;

/** What a rebuild did. */
export interface RebuildResult {
  /** False when nothing was done: the conversation is gone, or (onlyIfPending) already indexed. */
  indexed: boolean;
  /** Messages indexed. */
  rows: number;
}

/** Options of {@link rebuildSearchIndex}. */
export interface RebuildOptions {
  /**
   * Skip a conversation that is already indexed with the current {@link TSV_VERSION} (the
   * worker's sweep). Default false.
   */
  onlyIfPending?: boolean;
  /**
   * Refresh the planner's statistics afterwards when at least this many rows were indexed
   * (default 100,000; only when `sql` is not a transaction). The plans that keep rare and common
   * words fast depend on them; autovacuum would get there, but up to a minute later.
   */
  analyzeAtRows?: number;
}

/**
 * Advisory lock class of rebuilds (the two-int form, a key space of its own), taken as
 * `pg_advisory_xact_lock(SEARCH_LOCK_CLASS, hashtext(conversationId))`.
 */
export const SEARCH_LOCK_CLASS = 727_274_006;

function isTransaction(sql: Sql): boolean {
  return typeof (sql as unknown as { savepoint?: unknown }).savepoint === "function";
}

/**
 * (Re)builds one conversation's search rows from its messages and marks it indexed. Idempotent;
 * concurrent rebuilds of a conversation run one after the other. Pass a transaction (e.g. a
 * merge's, after rewriting the messages) to index within it; else it runs in its own.
 *
 * Locks: the conversation row `for key share` first (waits for an import or merge holding it
 * `for update`, blocks neither renames nor other readers), then the advisory lock.
 *
 * @example
 * ```ts
 * await sql.begin(async (tx) => {
 *   // … rewrite the conversation's messages …
 *   await rebuildSearchIndex(tx, conversationId);
 * });
 * ```
 */
export async function rebuildSearchIndex(
  sql: Sql,
  conversationId: string,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const work = async (tx: Sql): Promise<RebuildResult> => {
    const [conv] = await tx`
      select 1 from conversations where id = ${conversationId} for key share`;
    if (!conv) return { indexed: false, rows: 0 };
    await tx`select pg_advisory_xact_lock(${SEARCH_LOCK_CLASS}::int, hashtext(${conversationId}))`;
    if (options.onlyIfPending) {
      // Another rebuild may have finished while this one waited for the lock.
      const [done] = await tx`
        select 1 from message_search_state
        where conversation_id = ${conversationId} and tsv_version >= ${TSV_VERSION}`;
      if (done) return { indexed: false, rows: 0 };
    }
    await tx`delete from message_search where conversation_id = ${conversationId}`;
    const { count } = await tx`
      insert into message_search (conversation_id, ref, date, tsv)
      select conversation_id, ref, date, message_tsv(text)
      from messages where conversation_id = ${conversationId}`;
    await tx`
      insert into message_search_state (conversation_id, rows, tsv_version)
      values (${conversationId}, ${count}, ${TSV_VERSION})
      on conflict (conversation_id) do update
        set rows = excluded.rows, indexed_at = now(), tsv_version = excluded.tsv_version`;
    return { indexed: true, rows: count };
  };
  if (isTransaction(sql)) return await work(sql);
  const result = await sql.begin((tx) => work(tx as unknown as Sql));
  if (result.indexed && result.rows >= (options.analyzeAtRows ?? 100_000)) {
    await sql`analyze message_search`;
  }
  return result;
}

/**
 * Conversations to (re)index, oldest first: those without a search index (their import or
 * merge committed but the rebuild after it never ran or failed: a worker died in between),
 * then those indexed by an older {@link TSV_VERSION}.
 */
export async function listUnindexed(sql: Sql, limit = 100): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select c.id from conversations c
    left join message_search_state s on s.conversation_id = c.id
    where s.conversation_id is null or s.tsv_version < ${TSV_VERSION}
    order by s.conversation_id is not null, c.created_at
    limit ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * How many of the user's conversations (or of the one given) are not indexed yet: their
 * messages are missing from search results for now.
 */
export async function countUnindexed(
  sql: Sql,
  userId: string,
  conversationId?: string,
): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`
    select count(*)::int as n from conversations c
    where c.user_id = ${userId} ${conversationId ? sql`and c.id = ${conversationId}` : sql``}
      and not exists (select 1 from message_search_state s where s.conversation_id = c.id)`;
  return n;
}
