import type { Sql } from "./client.ts";

/**
 * A read-only share link of a conversation, or of the messages between the ones whose refs
 * (`messages.ref`, stable across merges) are `fromSeq` and `toSeq`, in the current timeline.
 */
export interface Share {
  id: string;
  conversationId: string;
  userId: string;
  /** Refs of the first and last message shared; null is the conversation's start or end. */
  fromSeq: number | null;
  toSeq: number | null;
  expiresAt: Date;
  /** Participants pseudonymised, numbers masked, media hidden (lib/redact). */
  redacted: boolean;
  /**
   * The conversation's highest ref when the share was made: only messages with a ref up to it
   * are shown, so a later merge never adds messages to a share (migration 00012).
   */
  maxRef: number;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Creates a share of one of the user's conversations; null when it is not theirs. */
export async function createShare(
  sql: Sql,
  share: {
    userId: string;
    conversationId: string;
    fromSeq?: number | null;
    toSeq?: number | null;
    expiresInHours: number;
    redacted?: boolean;
  },
) {
  const rows = await sql<Share[]>`
    insert into shares (conversation_id, user_id, from_seq, to_seq, expires_at, redacted, max_ref)
    select c.id, c.user_id, ${share.fromSeq ?? null}, ${share.toSeq ?? null},
      now() + make_interval(secs => ${Math.round(share.expiresInHours * 3600)}),
      ${share.redacted ?? false},
      coalesce((select max(m.ref) from messages m where m.conversation_id = c.id), 0)
    from conversations c where c.id = ${share.conversationId} and c.user_id = ${share.userId}
    returning *`;
  return rows[0] ?? null;
}

/**
 * The user's live (not revoked, not expired) shares, of one conversation or of all, with the
 * conversation's title and the wall-clock days (`YYYY-MM-DD`) of a range's first and last
 * message (null: an open end, or a message gone): how the owner's lists name the range.
 */
export function listShares(sql: Sql, userId: string, conversationId?: string) {
  return sql<(Share & { title: string; fromDay: string | null; toDay: string | null })[]>`
    select s.*, c.title,
      (select to_char(m.date, 'YYYY-MM-DD') from messages m
        where m.conversation_id = s.conversation_id and m.ref = s.from_seq) as from_day,
      (select to_char(m.date, 'YYYY-MM-DD') from messages m
        where m.conversation_id = s.conversation_id and m.ref = s.to_seq) as to_day
    from shares s join conversations c on c.id = s.conversation_id
    where s.user_id = ${userId} and s.revoked_at is null and s.expires_at > now()
      ${conversationId ? sql`and s.conversation_id = ${conversationId}` : sql``}
    order by s.created_at desc`;
}

/** Revokes one of the user's shares; false when there is no such live share of this user. */
export async function revokeShare(sql: Sql, userId: string, id: string, conversationId?: string) {
  const rows = await sql`
    update shares set revoked_at = now()
    where id = ${id} and user_id = ${userId} and revoked_at is null
      ${conversationId ? sql`and conversation_id = ${conversationId}` : sql``}
    returning id`;
  return rows.length > 0;
}

/**
 * A share that may be shown now — not revoked, not expired, its conversation still there —
 * with the conversation's title, version and view-as; null otherwise. Called on every request
 * of a shared page, so revoking works at once at the origin.
 */
export async function getLiveShare(sql: Sql, id: string) {
  const rows = await sql<
    (Share & {
      title: string;
      version: number;
      updatedAt: Date;
      viewAs: string | null;
      messageCount: number;
    })[]
  >`
    select s.*, c.title, c.version, c.updated_at, c.view_as, c.message_count
    from shares s join conversations c on c.id = s.conversation_id
    where s.id = ${id} and s.revoked_at is null and s.expires_at > now()`;
  return rows[0] ?? null;
}

/**
 * The seqs (current timeline positions) of a share's first and last message, from its refs;
 * null when a referenced message is gone (a re-import dropped it) or the conversation is empty.
 * Messages a merge added since the share (refs above `maxRef`) never bound it.
 */
export async function shareSeqRange(
  sql: Sql,
  share: Pick<Share, "conversationId" | "fromSeq" | "toSeq" | "maxRef">,
): Promise<{ first: number; last: number } | null> {
  const id = share.conversationId;
  const [r] = await sql<{ first: number | null; last: number | null }[]>`
    select
      ${
    share.fromSeq === null
      ? sql`(select min(seq) from messages where conversation_id = ${id} and ref <= ${share.maxRef})`
      : sql`(select seq from messages where conversation_id = ${id} and ref = ${share.fromSeq})`
  } as first,
      ${
    share.toSeq === null
      ? sql`(select max(seq) from messages where conversation_id = ${id} and ref <= ${share.maxRef})`
      : sql`(select seq from messages where conversation_id = ${id} and ref = ${share.toSeq})`
  } as last`;
  if (r.first === null || r.last === null) return null;
  // A merge may have put the two refs in the other order: the range is still between them.
  return { first: Math.min(r.first, r.last), last: Math.max(r.first, r.last) };
}

/**
 * The wall-clock days (`YYYY-MM-DD`) of the messages at two seqs: what a shared page's header
 * says of its range (positions would tell how many messages a merge put around it).
 */
export async function daysAt(sql: Sql, conversationId: string, seqs: [number, number]) {
  const rows = await sql<{ seq: number; day: string }[]>`
    select seq, to_char(date, 'YYYY-MM-DD') as day from messages
    where conversation_id = ${conversationId} and seq = any(${seqs})`;
  const day = (seq: number) => rows.find((r) => r.seq === seq)?.day ?? null;
  return [day(seqs[0]), day(seqs[1])] as const;
}

/**
 * Who wrote in a share (its seq range `first..last`, refs up to its `maxRef`), the most active
 * first as the conversation page's header lists them: only the people of what is shared, never
 * the rest of the chat. A whole-chat share that no merge has grown since reads the participants
 * table (counting a long chat's messages on every shared page cost 0.3 s per million).
 */
export async function sharePeople(
  sql: Sql,
  share: Pick<Share, "conversationId" | "fromSeq" | "toSeq" | "maxRef">,
  range: { first: number; last: number },
): Promise<string[]> {
  const id = share.conversationId;
  if (share.fromSeq === null && share.toSeq === null) {
    const [{ maxRef }] = await sql<{ maxRef: number | null }[]>`
      select max(ref) as max_ref from messages where conversation_id = ${id}`;
    if (maxRef !== null && maxRef <= share.maxRef) {
      const rows = await sql<{ name: string }[]>`
        select name from participants where conversation_id = ${id}
        order by message_count desc, name`;
      return rows.map((r) => r.name);
    }
  }
  const rows = await sql<{ name: string }[]>`
    select author as name from messages
    where conversation_id = ${id} and seq >= ${range.first} and seq <= ${range.last}
      and ref <= ${share.maxRef} and author is not null
    group by author order by count(*) desc, author`;
  return rows.map((r) => r.name);
}

/**
 * The refs bounding the messages written on the days `from`..`to` (`YYYY-MM-DD`, the chat's
 * own wall clock, both included; either may be missing: the chat's start or end): the first
 * message on or after `from`, the last before the day after `to`. Null for a bound with no
 * message there (the chat ends before `from`, or starts after `to`).
 */
export async function refsForDays(
  sql: Sql,
  conversationId: string,
  days: { from?: string; to?: string },
): Promise<{ from: { ref: number; seq: number } | null; to: { ref: number; seq: number } | null }> {
  type Bound = { ref: number; seq: number };
  const [from] = days.from
    ? await sql<Bound[]>`select ref, seq from messages where conversation_id = ${conversationId}
        and date >= ${days.from}::date order by date, seq limit 1`
    : [];
  const [to] = days.to
    ? await sql<Bound[]>`select ref, seq from messages where conversation_id = ${conversationId}
        and date < ${days.to}::date + 1 order by date desc, seq desc limit 1`
    : [];
  return { from: from ?? null, to: to ?? null };
}

/** Which of `refs` are messages of the conversation (to validate a share's range). */
export async function existingRefs(sql: Sql, conversationId: string, refs: number[]) {
  const rows = await sql<{ ref: number }[]>`
    select ref from messages where conversation_id = ${conversationId} and ref = any(${refs})`;
  return new Set(rows.map((r) => r.ref));
}

/**
 * The media file `name` when a message of the share (inside the seq range `first..last`, with a
 * ref up to `maxRef`) has it as its attachment, else null: a shared page serves only its own
 * messages' media (never a redacted share's: the caller checks).
 */
export async function shareMedia(
  sql: Sql,
  conversationId: string,
  range: { first: number; last: number; maxRef: number },
  name: string,
) {
  const rows = await sql<{ blobKey: string; contentType: string }[]>`
    select m.blob_key, m.content_type from media m
    where m.conversation_id = ${conversationId} and m.name = ${name}
      and exists (
        select 1 from messages
        where conversation_id = ${conversationId} and attachment = ${name}
          and seq >= ${range.first} and seq <= ${range.last} and ref <= ${range.maxRef}
      )`;
  return rows[0] ?? null;
}

/** Participants of a conversation in order of first appearance, and its system lines. */
export async function redactionSource(sql: Sql, conversationId: string) {
  const [participants, system] = await Promise.all([
    sql<{ name: string }[]>`
      select name from participants where conversation_id = ${conversationId}
      order by first_seq, name`,
    sql<{ text: string }[]>`
      select text from messages where conversation_id = ${conversationId} and kind = 'system'
      order by seq limit 5000`,
  ]);
  return { participants: participants.map((p) => p.name), systemTexts: system.map((s) => s.text) };
}
