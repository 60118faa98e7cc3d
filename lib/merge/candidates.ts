/**
 * Which of the user's conversations look like other exports of the same chat (issue 9): the
 * reader offers to merge them. Finding them is cheap (titles and date ranges of the user's
 * conversations); counting the messages two of them share is one join, done on the merge page.
 *
 * @module
 */
import type { Sql } from "../db/client.ts";

/** Another conversation that may be the same chat. */
export interface Candidate {
  id: string;
  title: string;
  messageCount: number;
  firstDate: string | null;
  lastDate: string | null;
  sameTitle: boolean;
  /** Their date ranges overlap, and at least half of all their participants are in both. */
  overlaps: boolean;
}

/**
 * The user's other conversations with the same title (case-insensitive), or with an overlapping
 * date range and mostly the same people (at least half of the participants of both are in
 * both), best first. Dates alone are no sign: the user's other chats run in the same years, and
 * the exporter is in all of them; another export of a 1:1 chat, from the other phone, has the
 * other title and the same two people. `olderOnly`: only those imported before this one (the
 * offer is made on the newer export's page).
 *
 * @example
 * ```ts
 * const [best] = await mergeCandidates(sql, userId, conversationId, { olderOnly: true });
 * ```
 */
export async function mergeCandidates(
  sql: Sql,
  userId: string,
  conversationId: string,
  options: { olderOnly?: boolean; limit?: number } = {},
): Promise<Candidate[]> {
  return await sql<Candidate[]>`
    select o.id, o.title, o.message_count,
      to_char(o.first_date, 'YYYY-MM-DD"T"HH24:MI:SS') as first_date,
      to_char(o.last_date, 'YYYY-MM-DD"T"HH24:MI:SS') as last_date,
      f.same_title, f.overlaps
    from conversations me join conversations o on o.user_id = me.user_id and o.id <> me.id
    cross join lateral (
      select count(a.name) filter (where b.name is not null)::int as shared,
        count(*)::int as everyone
      from (select name from participants where conversation_id = me.id) a
      full join (select name from participants where conversation_id = o.id) b
        on a.name = b.name
    ) p
    cross join lateral (
      select lower(o.title) = lower(me.title) as same_title,
        coalesce(o.first_date <= me.last_date and o.last_date >= me.first_date, false)
          and p.shared > 0 and 2 * p.shared >= p.everyone as overlaps
    ) f
    where me.id = ${conversationId} and me.user_id = ${userId}
      and (f.same_title or f.overlaps)
      and (${!options.olderOnly} or o.created_at < me.created_at)
    order by f.same_title desc, o.last_date desc nulls last, o.id
    limit ${options.limit ?? 5}`;
}

/**
 * About how many messages of `a` conversation `b` has too: same minute, author and text
 * (any two files count as the same). One indexed probe per message of `a`.
 */
export async function overlapCount(sql: Sql, a: string, b: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from messages s
    where s.conversation_id = ${a} and exists (
      select 1 from messages x
      where x.conversation_id = ${b}
        and x.date >= date_trunc('minute', s.date)
        and x.date < date_trunc('minute', s.date) + interval '1 minute'
        and x.author is not distinct from s.author
        and (x.text = s.text
          or (x.kind in ('media', 'contact') and s.kind in ('media', 'contact'))))`;
  return row.n;
}

/** The user's other conversations (the merge page's explicit choice), by title. */
export async function otherConversations(sql: Sql, userId: string, conversationId: string) {
  return await sql<{ id: string; title: string; messageCount: number }[]>`
    select id, title, message_count from conversations
    where user_id = ${userId} and id <> ${conversationId}
    order by lower(title), created_at`;
}

/**
 * What the merge page offers (and the API answers): the look-alikes, each with about how many
 * of this conversation's messages it has ({@link overlapCount}), and every other conversation.
 */
export async function mergeChoices(sql: Sql, userId: string, conversationId: string) {
  const [candidates, others] = await Promise.all([
    mergeCandidates(sql, userId, conversationId),
    otherConversations(sql, userId, conversationId),
  ]);
  const shared = await Promise.all(candidates.map((x) => overlapCount(sql, conversationId, x.id)));
  return { candidates: candidates.map((x, i) => ({ ...x, shared: shared[i] })), others };
}
