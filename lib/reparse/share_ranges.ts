/**
 * Share ranges across a re-import of a stored original (a re-parse after a parser upgrade or a
 * forced date order). A share holds refs, and a re-import numbers the messages again from ref 1:
 * had the new parse split the chat differently, the same refs would name other messages, some
 * never shared. So, in the re-import's transaction, the old messages' exact keys are read before
 * they go (only when a share has a bound), and after the new ones are written each bounded share
 * is moved to the new refs of the first and the last of its messages that came back unchanged.
 *
 * Never wider than what was shared: matched pairs are kept monotone in both parses, so a message
 * between two of them comes from between them in the old parse; a boundary message whose content
 * changed (it absorbed a line from outside the range) is no anchor, and the range shrinks. A
 * share none of whose messages came back (or whose refs were already dangling) is deleted. An open
 * end (null: the conversation's start or end) stays open. Memory: one MD5 per message and side,
 * never a text; when nothing changed (the common case) no alignment runs and nothing is written.
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import type { Logger } from "../log.ts";
import { alignMessages, longestIncreasing } from "../merge/align.ts";

/** A conversation's messages in file order, as a re-import compares them. */
export interface ExactKeys {
  refs: Int32Array;
  /**
   * MD5 of (author, kind, text, attachment, edited): what a share shows of a message. The date is
   * left out: a re-parse with a forced date order re-reads every date, and the messages are still
   * the ones shared (monotone matching keeps repeated texts apart).
   */
  digests: string[];
}

/** A share's range in refs (null: the conversation's start or end). */
export interface ShareRange {
  id: string;
  fromSeq: number | null;
  toSeq: number | null;
}

/** Reads the exact keys of a conversation's messages, 10,000 rows at a time. */
async function exactKeys(sql: Sql, conversationId: string): Promise<ExactKeys> {
  const refs: number[] = [], digests: string[] = [];
  const rows = sql<{ ref: number; digest: string }[]>`
    select ref, md5(row(author, kind, text, attachment, edited)::text) as digest
    from messages where conversation_id = ${conversationId} order by seq`;
  for await (const batch of rows.cursor(10_000)) {
    for (const r of batch) {
      refs.push(r.ref);
      digests.push(r.digest);
    }
  }
  return { refs: Int32Array.from(refs), digests };
}

/** Whether two key lists are the same messages with the same refs. */
function sameKeys(a: ExactKeys, b: ExactKeys): boolean {
  if (a.digests.length !== b.digests.length) return false;
  for (let i = 0; i < a.digests.length; i++) {
    if (a.digests[i] !== b.digests[i] || a.refs[i] !== b.refs[i]) return false;
  }
  return true;
}

/** Position of `ref` in `refs`, or -1 (refs equal positions + 1 until a merge). */
function positionOf(refs: Int32Array, ref: number): number {
  return refs[ref - 1] === ref ? ref - 1 : refs.indexOf(ref);
}

/**
 * Per old position: the new position of the same message when it anchors (exact match,
 * monotone in both lists), else -1. The common head and tail are matched in place; the rest
 * is aligned by `alignMessages` on the digests alone (one occurrence count over the whole list).
 *
 * @example
 * ```ts
 * exactAnchors(["a", "b", "c"], ["a", "bc"]); // Int32Array [0, -1, -1]
 * ```
 */
export function exactAnchors(old: readonly string[], now: readonly string[]): Int32Array {
  const anchor = new Int32Array(old.length).fill(-1);
  const n = Math.min(old.length, now.length);
  let head = 0, tail = 0;
  for (; head < n && old[head] === now[head]; head++) anchor[head] = head;
  for (; tail < n - head && old[old.length - 1 - tail] === now[now.length - 1 - tail]; tail++) {
    anchor[old.length - 1 - tail] = now.length - 1 - tail;
  }
  // A constant date and a kind compared by its body: the key is the exact digest.
  const key = (body: string) => ({ date: "", author: null, kind: "exact", body });
  const { match } = alignMessages(
    old.slice(head, old.length - tail).map(key),
    now.slice(head, now.length - tail).map(key),
  );
  for (const i of longestIncreasing(match)) anchor[head + match[i]] = head + i;
  return anchor;
}

/**
 * The new range of each share (null: delete it), from the old and new keys. A share whose
 * messages sit at the same positions unchanged keeps them without any alignment.
 *
 * @example
 * ```ts
 * const old = { refs: Int32Array.of(1, 2, 3), digests: ["a", "b", "c"] };
 * const now = { refs: Int32Array.of(1, 2), digests: ["ab", "c"] };
 * remapRanges(old, now, [{ id: "s", fromSeq: 2, toSeq: 3 }]); // Map { "s" => { fromSeq: 2, toSeq: 2 } }
 * ```
 */
export function remapRanges(
  old: ExactKeys,
  now: ExactKeys,
  shares: readonly ShareRange[],
): Map<string, Omit<ShareRange, "id"> | null> {
  const out = new Map<string, Omit<ShareRange, "id"> | null>();
  let anchors: Int32Array | null = null;
  for (const s of shares) {
    const lo = s.fromSeq === null ? 0 : positionOf(old.refs, s.fromSeq);
    const hi = s.toSeq === null ? old.refs.length - 1 : positionOf(old.refs, s.toSeq);
    if (lo < 0 || hi < 0) { // a dangling ref: it would name whatever message gets that number
      out.set(s.id, null);
      continue;
    }
    // A merge may have put the two refs in the other order: the range is still between them.
    const first = Math.min(lo, hi), last = Math.max(lo, hi);
    let a = first, b = last;
    let unchanged = last < now.digests.length;
    for (let p = first; unchanged && p <= last; p++) {
      unchanged = old.digests[p] === now.digests[p];
    }
    if (!unchanged) {
      anchors ??= exactAnchors(old.digests, now.digests);
      while (a <= last && anchors[a] < 0) a++;
      while (b >= a && anchors[b] < 0) b--;
      if (a > last) {
        out.set(s.id, null);
        continue;
      }
      a = anchors[a];
      b = anchors[b];
    }
    out.set(s.id, {
      fromSeq: s.fromSeq === null ? null : now.refs[a],
      toSeq: s.toSeq === null ? null : now.refs[b],
    });
  }
  return out;
}

/**
 * Before a re-import empties a conversation: its messages' exact keys when one of its shares has
 * a bound (a whole-conversation share needs nothing), else null. Call in the re-import's
 * transaction, with the conversation row locked.
 */
export async function keysBeforeReimport(
  sql: Sql,
  conversationId: string,
): Promise<ExactKeys | null> {
  const [bounded] = await sql`
    select 1 from shares where conversation_id = ${conversationId}
      and (from_seq is not null or to_seq is not null)
    limit 1`;
  return bounded ? await exactKeys(sql, conversationId) : null;
}

/**
 * After a re-import wrote the new messages: moves each bounded share to the new refs of its
 * messages (see the module doc), deleting those none of whose messages came back. Returns how
 * many moved and how many were deleted.
 */
export async function remapShares(
  sql: Sql,
  conversationId: string,
  old: ExactKeys,
  logger: Logger,
): Promise<{ moved: number; deleted: number }> {
  const now = await exactKeys(sql, conversationId);
  if (sameKeys(old, now)) return { moved: 0, deleted: 0 };
  const shares = await sql<ShareRange[]>`
    select id, from_seq, to_seq from shares where conversation_id = ${conversationId}
      and (from_seq is not null or to_seq is not null)
    for update`;
  let moved = 0, deleted = 0;
  const ranges = remapRanges(old, now, shares);
  for (const was of shares) {
    const id = was.id, range = ranges.get(id);
    if (range === undefined) continue;
    if (range === null) {
      await sql`delete from shares where id = ${id}`;
      logger.warn("share deleted: none of its messages came back from the re-import", {
        shareId: id,
      });
      deleted++;
    } else if (range.fromSeq !== was.fromSeq || range.toSeq !== was.toSeq) {
      await sql`update shares set from_seq = ${range.fromSeq}, to_seq = ${range.toSeq}
        where id = ${id}`;
      logger.info("share moved to the re-import's refs", {
        shareId: id,
        was: [was.fromSeq, was.toSeq],
        now: [range.fromSeq, range.toSeq],
      });
      moved++;
    }
  }
  return { moved, deleted };
}
