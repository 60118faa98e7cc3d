/**
 * Reads a conversation's insights from the aggregates under a filter: a handful of small
 * queries run in parallel, each reading pre-aggregated rows (never the messages).
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import { participantColor } from "../format/participant.ts";
import type { InsightsFilter } from "./filter.ts";
import { MEDIA_TYPES, type MediaCounts, type MediaType } from "./media.ts";
import { medianOfHistogram, monthsBetween, streaks, wholeMonths } from "./stats.ts";
import type { Insights, Monologue, ParticipantInsights, TermCount, TopTerms } from "./types.ts";

const TOP = 10;
const MEDIA_SUMS = MEDIA_TYPES.map((t) => `sum(media_${t})::int as ${t}`).join(", ");
const HOUR_SUMS = Array.from({ length: 24 }, (_, h) => `sum(h${String(h).padStart(2, "0")})::int`)
  .join(", ");
const KIND_NAMES = { e: "emoji", w: "words", d: "domains" } as const;

const share = (n: number, total: number) => total === 0 ? 0 : Math.round((n / total) * 1e4) / 1e4;
const zeroMedia = (): MediaCounts =>
  Object.fromEntries(MEDIA_TYPES.map((t) => [t, 0])) as MediaCounts;

type AuthorRow = {
  author: string;
  messages: number;
  words: number;
  emoji: number;
  links: number;
  deleted: number;
} & MediaCounts;

/**
 * The insights of a conversation under `filter`. `conversation.participants` (most active
 * first) decides who is listed; the filter's authors narrow it.
 *
 * @example
 * ```ts
 * const insights = await loadInsights(sql, conversation, { from: null, to: null, authors: [], gap: 6 });
 * ```
 */
export async function loadInsights(
  sql: Sql,
  conversation: { id: string; version: number; participants: string[] },
  filter: InsightsFilter,
): Promise<Insights> {
  const id = conversation.id;
  const from = filter.from ?? "-infinity", to = filter.to ?? "infinity";
  const who = filter.authors.length > 0
    ? sql`and author = any(${sql.array(filter.authors)}::text[])`
    : sql``;
  const days =
    sql`conversation_id = ${id} and day between ${from}::text::date and ${to}::text::date ${who}`;
  const whole = wholeMonths(filter.from, filter.to);
  const grains = filter.from === null && filter.to === null ? sql`grain = 'a'` : sql`(
    (grain = 'm' and period >= ${whole.from}::text::date and period < ${whole.to}::text::date)
    or (grain = 'd' and period between ${from}::text::date and ${to}::text::date
      and not (period >= ${whole.from}::text::date and period < ${whole.to}::text::date)))`;
  const names = filter.authors.length > 0
    ? conversation.participants.filter((p) => filter.authors.includes(p))
    : conversation.participants;

  const [
    authorRows,
    monthRows,
    dayRows,
    hourRows,
    startRows,
    replyRows,
    runRows,
    longest,
    termRows,
  ] = await Promise.all([
    sql<AuthorRow[]>`
        select author, sum(messages)::int as messages, sum(words)::int as words,
          sum(emoji)::int as emoji, sum(links)::int as links, sum(deleted)::int as deleted,
          ${sql.unsafe(MEDIA_SUMS)}
        from insights_days where ${days} group by author`,
    sql<{ month: string; author: string; n: number }[]>`
        select to_char(month, 'YYYY-MM') as month, author, n from (
          select date_trunc('month', day) as month, author, sum(messages)::int as n
          from insights_days where ${days} group by 1, 2
        ) m`,
    sql<{ day: string; n: number }[]>`
        select to_char(day, 'YYYY-MM-DD') as day, n from (
          select day, sum(messages)::int as n from insights_days where ${days} group by day
        ) d
        order by d.day`,
    sql<{ dow: number; hours: number[] }[]>`
        select extract(isodow from day)::int as dow, array[${sql.unsafe(HOUR_SUMS)}] as hours
        from insights_days where ${days} group by 1`,
    sql<{ author: string; n: number }[]>`
        select author, sum(n)::int as n from insights_starts
        where ${days} and (gap_hours is null or gap_hours >= ${filter.gap}) group by author`,
    sql<{ author: string; minutes: number; n: number }[]>`
        select author, minutes, sum(n)::int as n from insights_replies
        where conversation_id = ${id} and ${grains} and minutes < ${filter.gap * 60} ${who}
        group by author, minutes order by author, minutes`,
    sql<Monologue[]>`
        select author, length, start_seq,
          (select m.ref from messages m
            where m.conversation_id = ${id} and m.seq = insights_runs.start_seq) as start_ref,
          to_char(first_date, 'YYYY-MM-DD"T"HH24:MI:SS') as "from",
          to_char(last_date, 'YYYY-MM-DD"T"HH24:MI:SS') as "to"
        from insights_runs
        where conversation_id = ${id} and first_date::date between ${from}::text::date and ${to}::text::date
          ${who}
        order by length desc, start_seq limit ${TOP}`,
    sql<{ author: string; n: number | null }[]>`
        select a.author, (
          select r.length from insights_runs r
          where r.conversation_id = ${id} and r.author = a.author
            and r.first_date::date between ${from}::text::date and ${to}::text::date
          order by r.length desc limit 1
        ) as n
        from unnest(${sql.array(names)}::text[]) as a(author)`,
    sql<{ kind: keyof typeof KIND_NAMES; author: string | null; term: string; n: number }[]>`
        with t as (
          select kind, author, term, sum(n)::int as n from insights_terms
          where conversation_id = ${id} and ${grains} ${who}
          group by grouping sets ((kind, author, term), (kind, term))
        )
        select kind, author, term, n from (
          select t.*, row_number() over (
            partition by kind, author order by n desc, term collate "C"
          ) as rank
          from t
        ) r
        where rank <= ${TOP} order by kind, author nulls first, rank`,
  ]);

  const byAuthor = new Map(authorRows.map((r) => [r.author, r]));
  const starts = new Map(startRows.map((r) => [r.author, r.n]));
  const longestOf = new Map(longest.map((r) => [r.author, r.n ?? 0]));
  const replies = new Map<string, [number, number][]>();
  for (const r of replyRows) {
    const list = replies.get(r.author) ?? [];
    list.push([r.minutes, r.n]);
    replies.set(r.author, list);
  }
  const sum = (f: (r: AuthorRow) => number) => authorRows.reduce((s, r) => s + f(r), 0);
  const totalMessages = sum((r) => r.messages), totalWords = sum((r) => r.words);
  const totalStarts = startRows.reduce((s, r) => s + r.n, 0);
  const media = zeroMedia();
  for (const t of MEDIA_TYPES) media[t] = sum((r) => r[t]);

  const participants: ParticipantInsights[] = names.map((name) => {
    const r = byAuthor.get(name);
    const histogram = replies.get(name) ?? [];
    const mine = starts.get(name) ?? 0;
    return {
      name,
      color: participantColor(name),
      messages: r?.messages ?? 0,
      messageShare: share(r?.messages ?? 0, totalMessages),
      words: r?.words ?? 0,
      wordShare: share(r?.words ?? 0, totalWords),
      emoji: r?.emoji ?? 0,
      links: r?.links ?? 0,
      deleted: r?.deleted ?? 0,
      media: Object.fromEntries(
        MEDIA_TYPES.map((t) => [t, r?.[t as MediaType] ?? 0]),
      ) as MediaCounts,
      starts: mine,
      startShare: share(mine, totalStarts),
      replies: histogram.reduce((s, [, n]) => s + n, 0),
      medianReplyMinutes: medianOfHistogram(histogram),
      longestMonologue: longestOf.get(name) ?? 0,
    };
  });
  // Most active first within the filter; the conversation's order breaks ties.
  participants.sort((a, b) => b.messages - a.messages);

  const span = dayRows.length > 0
    ? { from: dayRows[0].day, to: dayRows[dayRows.length - 1].day }
    : null;
  const perMonth = new Map<string, Record<string, number>>();
  for (const r of monthRows) {
    const m = perMonth.get(r.month) ?? {};
    m[r.author] = r.n;
    perMonth.set(r.month, m);
  }
  const months = span
    ? monthsBetween(span.from, span.to).map((month) => {
      const counts = perMonth.get(month) ?? {};
      const byParticipant = Object.fromEntries(
        participants.map((p) => [p.name, counts[p.name] ?? 0]),
      );
      return { month, total: Object.values(counts).reduce((s, n) => s + n, 0), byParticipant };
    })
    : [];
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const r of hourRows) heatmap[r.dow - 1] = r.hours;

  const terms = {
    emoji: { all: [], byParticipant: {} } as TopTerms,
    words: { all: [], byParticipant: {} } as TopTerms,
    domains: { all: [], byParticipant: {} } as TopTerms,
  };
  for (const p of participants) {
    for (const kind of Object.values(KIND_NAMES)) terms[kind].byParticipant[p.name] = [];
  }
  for (const r of termRows) {
    const entry: TermCount = { term: r.term, count: r.n };
    const top = terms[KIND_NAMES[r.kind]];
    if (r.author === null) top.all.push(entry);
    else (top.byParticipant[r.author] ??= []).push(entry);
  }

  return {
    conversationId: id,
    version: conversation.version,
    filter,
    span,
    totals: {
      messages: totalMessages,
      words: totalWords,
      emoji: sum((r) => r.emoji),
      links: sum((r) => r.links),
      deleted: sum((r) => r.deleted),
      media,
      starts: totalStarts,
      replies: participants.reduce((s, p) => s + p.replies, 0),
      activeDays: dayRows.length,
    },
    participants,
    months,
    heatmap,
    calendar: {
      days: dayRows.map((r) => ({ day: r.day, messages: r.n })),
      ...streaks(dayRows.map((r) => r.day)),
    },
    monologues: runRows.map((r) => ({ ...r })),
    terms,
  };
}
