/**
 * Full-text search over the user's messages: language-neutral and accent-insensitive
 * (`simple_unaccent`, migration 00002), newest first by instant, with the matches highlighted.
 * The index is `message_search` (migration 00006, built after each import:
 * lib/db/search_index.ts).
 *
 * @module
 */
import {
  markTerms,
  parseHighlights,
  queryTerms,
  type Snippet,
  START_SEL,
  STOP_SEL,
} from "../format/highlight.ts";
import type postgres from "postgres";
import type { Sql } from "./client.ts";
import { countUnindexed } from "./search_index.ts";
import {
  afterCursor,
  cursorInstant,
  instantText,
  type SearchCursor,
  type WallCursor,
} from "./search_cursor.ts";
import { nextDay, startOfDay } from "../time/day.ts";

export { decodeCursor, encodeCursor, type SearchCursor, type WallCursor } from "./search_cursor.ts";

/** A chat's zone in SQL: its name, or `c.time_zone` where the conversation is joined. */
type ZoneExpr = string | postgres.Fragment;

/** What to search for and where. Dates are days (`YYYY-MM-DD`), both ends included. */
export interface SearchOptions {
  /** Words as a web search takes them: `"exact phrase"`, `or`, `-excluded`. */
  query: string;
  conversationId?: string;
  /** A participant's name, case-insensitive. */
  author?: string;
  from?: string;
  to?: string;
  /**
   * The zone `from`/`to` are days in (the reader's). Without it they are each chat's own wall
   * clock days. With it they become instants, compared with each chat's wall clocks read in
   * its zone (`message_search` holds wall clocks, and its date index stays usable).
   */
  zone?: string;
  limit: number;
  /** Only hits older than this one, in the results' order (the `next` of a previous search). */
  before?: SearchCursor | WallCursor;
  /** Candidates from which the date walk is chosen (tests set 1 to exercise it on small data). */
  denseAt?: number;
  /** Most conversations the date walk takes (tests lower it to exercise the fallback). */
  maxBranches?: number;
}

/** One matching message. */
export interface SearchHit {
  conversationId: string;
  title: string;
  /** The message's place in the timeline now (a merge renumbers it). */
  seq: number;
  /** The message's stable reference (permalinks). */
  ref: number;
  /** Wall clock `YYYY-MM-DDTHH:MM:SS`. */
  date: string;
  /** The instant (ISO, UTC `…Z`). */
  at: string;
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
/**
 * Above this many candidate messages a query is "dense": walking the date index newest first
 * finds its hits sooner than sorting every candidate the GIN index gives (measured on 10 × 1M
 * messages: the probe costs ≤ 20 ms at this cap; sorting 5,000 GIN candidates ~20 ms).
 */
const DENSE = 5000;
/** Most conversations searched with the date walk (one UNION ALL branch each). */
const MAX_BRANCHES = 500;
/** Removed from texts before highlighting, so that a message can never fake a highlight. */
const SENTINELS = `${START_SEL}${STOP_SEL}${LT}`;

/**
 * The newest `limit` messages matching the query in the user's conversations (another user's
 * messages are never considered), whether there are more (and then `next`, the cursor of the
 * page after: pass it as `before`), and how many of the conversations searched are not indexed
 * yet (`indexing`: their messages are missing from the hits for now).
 *
 * Order: the instant, newest first, then conversation id, then `ref` newest first, so that chats
 * in different zones interleave as their messages happened. `message_search` holds wall clocks;
 * a hit's instant is its wall clock read in its chat's zone (`s.date at time zone <zone>`),
 * which within one chat keeps the wall clock's order, so each chat's date index still gives its
 * hits in order (and a one-conversation search keeps its plan and order). DST: a wall clock of
 * the autumn's repeated hour is read as its later instant (PostgreSQL's reading), so a chat's
 * messages of that hour stay in wall clock order and sit among other chats' messages of the hour
 * after the change — up to an hour off, while `at` in the hit is the instant the import settled
 * by file order; pages neither repeat nor skip there. A wall clock the spring gap skips (only in
 * a chat read in another zone than its phone's) is read an hour later, as the import reads it,
 * among the next hour's messages: there alone a chat's wall clocks and instants disagree, and a
 * page boundary inside that hour could skip a hit.
 *
 * Planning matters on millions of rows, and PostgreSQL cannot be left to choose: for a word
 * missing from its most-common-elements statistics it guesses a frequency (half the rarest
 * listed one) that, on 10M rows, made it walk the date index of every conversation for a word
 * that occurs 45 times (4 s). So the plan is ours, from one cheap probe: how many messages match
 * the query with its phrases loosened to AND (an upper bound, exact from the GIN index), up to
 * {@link DENSE}. Fewer: every candidate comes from the GIN index and is sorted by instant (a
 * rare word, a rare phrase). More: the word is common, so walking `message_search_date_idx`
 * backwards finds the newest hits after a few rows (bitmap scans off): one walk per
 * conversation (a UNION ALL branch each, with its id and zone as constants; planning costs
 * ~37 µs a conversation), the walks of one zone merged by wall clock, the zones' merges sorted
 * by instant. A cursor becomes, in each branch, a range of its date index (the cursor's instant
 * on that chat's clock) and an exact test of the instant (lib/db/search_cursor.ts). `messages`
 * is read only for the hits, by (conversation_id, ref), and for the author filter. Custom plans
 * throughout (`plan_cache_mode = force_custom_plan`): a generic plan would ignore the words.
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
): Promise<{ hits: SearchHit[]; more: boolean; next: SearchCursor | null; indexing: number }> {
  const {
    query,
    conversationId,
    author,
    from,
    to,
    zone,
    limit,
    before,
    denseAt = DENSE,
    maxBranches = MAX_BRANCHES,
  } = options;
  const [rows, indexing] = await sql.begin(async (tx) => {
    await tx`set local plan_cache_mode = force_custom_plan`;
    const sqlTx = tx as unknown as postgres.Sql;
    // A reader's day → the instant it starts → that instant on a chat's own clock.
    const since = (day: string, chatZone: ZoneExpr) =>
      tx`(${startOfDay(day, zone!)}::timestamptz at time zone ${chatZone})`;
    // The author is in `messages` only: checked per candidate, by (conversation_id, ref).
    const byAuthor = author
      ? tx`and exists (select 1 from messages a where a.conversation_id = s.conversation_id
          and a.ref = s.ref and lower(unaccent(a.author)) = lower(unaccent(${author})))`
      : tx``;
    const dates = (chatZone: ZoneExpr) =>
      tx`${
        from
          ? (zone ? tx`and s.date >= ${since(from, chatZone)}` : tx`and s.date >= ${from}::date`)
          : tx``
      } ${
        to
          ? (zone
            ? tx`and s.date < ${since(nextDay(to), chatZone)}`
            : tx`and s.date < ${to}::date + 1`)
          : tx``
      }`;
    const mine = tx`c.user_id = ${userId} ${
      conversationId ? tx`and c.id = ${conversationId}` : tx``
    }`;
    const [{ n }] = await tx<{ n: number }[]>`
      select count(*)::int as n from (
        select 1 from conversations c join message_search s on s.conversation_id = c.id
        where ${mine} and s.tsv @@ regexp_replace(
          websearch_to_tsquery('public.simple_unaccent', ${query})::text, '<(-|[0-9]+)>', '&', 'g'
        )::tsquery ${dates(tx`c.time_zone`)}
        limit ${denseAt}
      ) probe`;
    // The walk needs the user's chats, one branch each (a UNION ALL: ~37 µs of planning and
    // 7–13 parameters a chat); past `maxBranches` chats the GIN plan serves instead.
    const chats = n >= denseAt
      ? await tx<{ id: string; zone: string }[]>`
        select c.id, c.time_zone as zone from conversations c where ${mine}`
      : [];
    const dense = chats.length > 0 && chats.length <= maxBranches;
    await tx.unsafe(
      dense ? "set local enable_bitmapscan = off" : "set local enable_indexscan = off",
    );
    const match = (chatZone: ZoneExpr) =>
      tx`s.tsv @@ websearch_to_tsquery('public.simple_unaccent', ${query})
      ${byAuthor} ${dates(chatZone)}`;
    const cursor = before && await cursorInstant(sqlTx, userId, before);
    const after = (chat?: { id: string; zone: string }) => afterCursor(sqlTx, cursor, chat);
    const unionAll = (parts: postgres.Fragment[]) =>
      parts.slice(1).reduce((union, part) => tx`${union} union all ${part}`, parts[0]);
    let candidates;
    if (dense) {
      // One branch per conversation, each walking its date index newest first. The branches of
      // one zone are merged by wall clock (their instants' order): Merge Append reads them in
      // step and stops at the limit (a lateral join would find `limit` hits in EVERY
      // conversation: 6 ms against 35 ms for a phrase over 10 × 1M). The zones' merges, at most
      // `limit + 1` hits each, are then sorted by instant.
      const branch = (chat: { id: string; zone: string }) =>
        tx`(select s.conversation_id, s.ref, s.date from message_search s
          where s.conversation_id = ${chat.id} and ${match(chat.zone)} ${after(chat)}
          order by s.date desc, s.ref desc limit ${limit + 1})`;
      const zones = Map.groupBy(chats, (chat) => chat.zone);
      const merges = [...zones].map(([zone, group]) =>
        tx`(select z.*, z.date at time zone ${zone} as k from (
          select * from (${unionAll(group.map(branch))}) s
          order by s.date desc, s.conversation_id, s.ref desc limit ${limit + 1}) z)`
      );
      candidates = tx`
        select s.conversation_id, c.title, s.ref, s.k
        from (select * from (${unionAll(merges)}) s
          order by s.k desc, s.conversation_id, s.ref desc limit ${limit + 1}) s
        join conversations c on c.id = s.conversation_id`;
    } else {
      candidates = tx`
        select c.id as conversation_id, c.title, s.ref, s.date at time zone c.time_zone as k
        from conversations c join message_search s on s.conversation_id = c.id
        where ${mine} and ${match(tx`c.time_zone`)} ${after()}
        order by k desc, c.id, s.ref desc
        limit ${limit + 1}`;
    }
    type Row = Omit<SearchHit, "snippet"> & { headline: string; orderAt: string };
    const rows = await tx<Row[]>`
      select h.conversation_id, h.title, m.seq, m.ref,
        to_char(m.date, 'YYYY-MM-DD"T"HH24:MI:SS') as date,
        to_char(m.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, m.author, m.kind,
        ts_headline('public.simple_unaccent', replace(translate(m.text, ${SENTINELS}, ''), '<', ${LT}),
          websearch_to_tsquery('public.simple_unaccent', ${query}),
          case when length(m.text) <= ${SHORT} then ${WHOLE} else ${FRAGMENTS} end) as headline,
        ${instantText(sqlTx, tx`h.k`)} as order_at
      from (${candidates}) h
      join messages m on m.conversation_id = h.conversation_id and m.ref = h.ref
      order by h.k desc, h.conversation_id, h.ref desc`;
    return [rows, await countUnindexed(tx as unknown as Sql, userId, conversationId)] as const;
  });
  // ts_headline marks whole tokens; the words inside links and addresses are marked here.
  const terms = queryTerms(query);
  const hits = rows.slice(0, limit).map(({ headline, orderAt: _, ...hit }) => {
    const snippet = parseHighlights(headline);
    const text = snippet.text.replaceAll(LT, "<");
    return { ...hit, snippet: markTerms({ ...snippet, text }, terms) };
  });
  const more = rows.length > limit;
  const last = rows[limit - 1]; // there are `limit` hits when there are more
  const next = more
    ? { at: last.orderAt, conversationId: last.conversationId, ref: last.ref }
    : null;
  return { hits, more, next, indexing };
}
