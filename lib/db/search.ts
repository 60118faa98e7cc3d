/**
 * Full-text search over the user's messages: language-neutral and accent-insensitive
 * (`simple_unaccent`, migration 00002), newest first, with the matches highlighted.
 *
 * @module
 */
import { parseHighlights, type Snippet, START_SEL, STOP_SEL } from "../format/highlight.ts";
import type { Sql } from "./client.ts";

/** What to search for and where. Dates are days (`YYYY-MM-DD`), both ends included. */
export interface SearchOptions {
  /** Words as a web search takes them: `"exact phrase"`, `or`, `-excluded`. */
  query: string;
  conversationId?: string;
  /** A participant's name, case-insensitive. */
  author?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** One matching message. */
export interface SearchHit {
  conversationId: string;
  title: string;
  seq: number;
  /** Wall clock `YYYY-MM-DDTHH:MM:SS`. */
  date: string;
  author: string | null;
  kind: string;
  snippet: Snippet;
}

// Short texts are shown whole; long ones as up to two fragments around the matches.
const SHORT = 300;
const WHOLE = `StartSel=${START_SEL}, StopSel=${STOP_SEL}, HighlightAll=true`;
const FRAGMENTS =
  `StartSel=${START_SEL}, StopSel=${STOP_SEL}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** Stands in for "<" while ts_headline runs (it drops anything that looks like an HTML tag). */
const LT = "\u0003";
/** Removed from texts before highlighting, so that a message can never fake a highlight. */
const SENTINELS = `${START_SEL}${STOP_SEL}${LT}`;

/**
 * The newest `limit` messages matching the query in the user's conversations (another user's
 * messages are never considered), and whether there are more.
 *
 * Planning matters on a million rows: a rare word must use the GIN index, a common one must
 * walk `messages_date_idx` backwards and stop at the limit. The planner can only tell them
 * apart when it sees the query's words, so the statement is planned with its actual
 * parameters (`plan_cache_mode = force_custom_plan`; a prepared statement's generic plan
 * would guess one selectivity for every word).
 *
 * @example
 * ```ts
 * const { hits } = await searchMessages(sql, userId, { query: "cafe", limit: 20 });
 * // hits[0].snippet: { text: "Meet at the Café?", highlights: [[12, 16]] }
 * ```
 */
export async function searchMessages(
  sql: Sql,
  userId: string,
  options: SearchOptions,
): Promise<{ hits: SearchHit[]; more: boolean }> {
  const { query, conversationId, author, from, to, limit } = options;
  const rows = await sql.begin(async (tx) => {
    await tx`set local plan_cache_mode = force_custom_plan`;
    return await tx<(Omit<SearchHit, "snippet"> & { headline: string })[]>`
      select h.conversation_id, h.title, h.seq, to_char(h.date, 'YYYY-MM-DD"T"HH24:MI:SS') as date,
        h.author, h.kind,
        ts_headline('public.simple_unaccent', replace(translate(h.text, ${SENTINELS}, ''), '<', ${LT}),
          websearch_to_tsquery('public.simple_unaccent', ${query}),
          case when length(h.text) <= ${SHORT} then ${WHOLE} else ${FRAGMENTS} end) as headline
      from (
        select c.id as conversation_id, c.title, m.seq, m.date, m.author, m.kind, m.text
        from conversations c
        cross join lateral (
          select m.seq, m.date, m.author, m.kind, m.text from messages m
          where m.conversation_id = c.id
            and m.tsv @@ websearch_to_tsquery('public.simple_unaccent', ${query})
            ${author ? tx`and lower(m.author) = lower(${author})` : tx``}
            ${from ? tx`and m.date >= ${from}::date` : tx``}
            ${to ? tx`and m.date < ${to}::date + 1` : tx``}
          order by m.date desc, m.seq desc
          limit ${limit + 1}
        ) m
        where c.user_id = ${userId} ${conversationId ? tx`and c.id = ${conversationId}` : tx``}
        order by m.date desc, c.id, m.seq desc
        limit ${limit + 1}
      ) h
      order by h.date desc, h.conversation_id, h.seq desc`;
  });
  const hits = rows.slice(0, limit).map(({ headline, ...hit }) => {
    const snippet = parseHighlights(headline);
    return { ...hit, snippet: { ...snippet, text: snippet.text.replaceAll(LT, "<") } };
  });
  return { hits, more: rows.length > limit };
}
