/**
 * Fusing one conversation into another (issue 9), in one transaction: the messages of `from`
 * the target lacks are inserted where they belong, a text-only placeholder gains the file of
 * the with-media export, media rows, sources and imports move to the target, and `from` is
 * deleted, leaving aliases behind so that its links redirect (lib/merge/aliases.ts).
 *
 * Memory: only keys are loaded (lib/merge/keys.ts), of all of `from` and of the part of the
 * target its dates span; messages are copied inside PostgreSQL (`insert … select`).
 *
 * @module
 */
import type { Sql } from "../db/client.ts";
import { rebuildSearchIndex } from "../db/search_index.ts";
import { AppError, notFound } from "../errors.ts";
import { alignMessages } from "./align.ts";
import { messageKeys, overlapWindow } from "./keys.ts";

/** What a merge did. */
export interface MergeResult {
  /** The fused conversation (the target). */
  conversationId: string;
  /** Messages of `from`, and how many of them were new to the target. */
  messages: number;
  added: number;
  /** Placeholders (`<Media omitted>`) that gained the file of the other export. */
  mediaAttached: number;
  /** Messages of the fused conversation. */
  messageCount: number;
  /** Blobs of `from` whose file the target already had: delete them after the commit. */
  orphanBlobKeys: string[];
}

const CHUNK = 20_000;

/** Runs `fn` over `rows` in slices (arrays sent as one parameter each). */
async function chunked<T>(rows: T[], fn: (slice: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await fn(rows.slice(i, i + CHUNK));
}

/**
 * Merges conversation `from` into `into` (both the user's, else 404; the same one: 400).
 * Returns what was done; `orphanBlobKeys` are for the caller to delete once committed.
 *
 * @example
 * ```ts
 * const r = await mergeConversations(sql, { userId, into: oldId, from: newId });
 * for (const key of r.orphanBlobKeys) await blobs.delete(key);
 * ```
 */
export async function mergeConversations(
  sql: Sql,
  options: { userId: string; into: string; from: string },
): Promise<MergeResult> {
  const { userId, into, from } = options;
  if (into === from) {
    throw new AppError(400, "invalid_request", "from: must be another conversation");
  }
  return await sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    // Both rows locked in one order (no deadlock with a merge the other way round).
    const convs = await tx<{ id: string; firstDate: string | null; lastDate: string | null }[]>`
      select id, to_char(first_date, 'YYYY-MM-DD"T"HH24:MI:SS') as first_date,
        to_char(last_date, 'YYYY-MM-DD"T"HH24:MI:SS') as last_date
      from conversations where user_id = ${userId} and id in (${into}, ${from})
      order by id for update`;
    const source = convs.find((c) => c.id === from);
    if (convs.length !== 2 || !source) throw notFound("conversation");

    const incoming = await messageKeys(tx, from);
    const window = source.firstDate && source.lastDate
      ? await overlapWindow(tx, into, { first: source.firstDate, last: source.lastDate })
      : await overlapWindow(tx, into, { first: "infinity", last: "infinity" });
    const existing = await messageKeys(tx, into, window);
    const a = alignMessages(existing, incoming);
    const [{ maxRef }] = await tx<{ maxRef: number }[]>`
      select coalesce(max(ref), 0)::int as max_ref from messages where conversation_id = ${into}`;

    // New positions: the window becomes window.lo … window.hi + added, in merged order.
    const oldSeqs: number[] = [], newSeqs: number[] = [];
    const srcSeqs: number[] = [], srcNewSeqs: number[] = [], srcRefs: number[] = [];
    const refOfIncoming = new Int32Array(incoming.length);
    let nextRef = maxRef;
    a.order.forEach((k, pos) => {
      const seq = window.lo + pos;
      if (k >= 0) {
        if (existing[k].seq !== seq) oldSeqs.push(existing[k].seq), newSeqs.push(seq);
      } else {
        const m = incoming[-k - 1];
        srcSeqs.push(m.seq), srcNewSeqs.push(seq), srcRefs.push(++nextRef);
        refOfIncoming[-k - 1] = nextRef;
      }
    });
    const attachRefs: number[] = [], attachFrom: number[] = [];
    const oldRefs: number[] = [], aliasRefs: number[] = [];
    incoming.forEach((m, i) => {
      const j = a.match[i];
      oldRefs.push(m.ref);
      aliasRefs.push(j >= 0 ? existing[j].ref : refOfIncoming[i]);
      if (j >= 0 && m.hasFile && !existing[j].hasFile) {
        attachRefs.push(existing[j].ref), attachFrom.push(m.seq);
      }
    });

    // Renumber without colliding with the primary key: negate, then set the final seqs.
    if (a.added > 0) {
      await tx`update messages set seq = -seq
        where conversation_id = ${into} and seq >= ${window.lo}`;
      await tx`update messages set seq = -seq + ${a.added}
        where conversation_id = ${into} and seq < ${-window.hi}`;
      await chunked(
        oldSeqs.map((s, i) => [s, newSeqs[i]]),
        (rows) =>
          tx`update messages m set seq = u.new
          from unnest(${rows.map((r) => r[0])}::int[], ${rows.map((r) => r[1])}::int[])
            as u(old, new)
          where m.conversation_id = ${into} and m.seq = -u.old`,
      );
      await tx`update messages set seq = -seq where conversation_id = ${into} and seq < 0`;
    }
    await chunked(
      srcSeqs.map((_, i) => i),
      (idx) =>
        tx`insert into messages (conversation_id, seq, ref, date, at, author, text, kind,
          attachment, edited)
        select ${into}, u.seq, u.ref, m.date, m.at, m.author, m.text, m.kind, m.attachment,
          m.edited
        from unnest(${idx.map((i) => srcSeqs[i])}::int[], ${idx.map((i) => srcNewSeqs[i])}::int[],
          ${idx.map((i) => srcRefs[i])}::int[]) as u(src, seq, ref)
        join messages m on m.conversation_id = ${from} and m.seq = u.src`,
    );
    let mediaAttached = 0;
    await chunked(attachRefs.map((_, i) => i), async (idx) => {
      const rows = await tx`update messages t
        set attachment = s.attachment, kind = s.kind, text = s.text
        from unnest(${idx.map((i) => attachRefs[i])}::int[], ${
        idx.map((i) => attachFrom[i])
      }::int[])
          as u(ref, src)
        join messages s on s.conversation_id = ${from} and s.seq = u.src
        where t.conversation_id = ${into} and t.ref = u.ref
        returning 1`;
      mediaAttached += rows.length;
    });

    const orphans = await tx<{ blobKey: string }[]>`
      select s.blob_key from media s join media t on t.conversation_id = ${into} and t.name = s.name
      where s.conversation_id = ${from} and s.blob_key <> t.blob_key`;
    await tx`insert into media (conversation_id, name, blob_key, size, content_type, width, height)
      select ${into}, name, blob_key, size, content_type, width, height from media
      where conversation_id = ${from}
      on conflict (conversation_id, name) do nothing`;

    await moveSources(tx, { into, from, added: a.added });
    await tx`update imports set conversation_id = ${into}, merge_into = ${into}
      where user_id = ${userId} and (conversation_id = ${from} or id = ${from})`;
    await moveAliases(tx, { userId, into, from, oldRefs, refs: aliasRefs });

    await tx`delete from participants where conversation_id = ${into}`;
    await tx`insert into participants (conversation_id, name, message_count, first_seq)
      select ${into}, author, count(*), min(seq) from messages
      where conversation_id = ${into} and author is not null group by author`;
    const [conv] = await tx<{ messageCount: number }[]>`
      update conversations c set message_count = s.n, first_date = s.first, last_date = s.last,
        updated_at = now()
      from (select count(*)::int as n, min(date) as first, max(date) as last from messages
        where conversation_id = ${into}) s
      where c.id = ${into} returning c.message_count`;
    // Shares of `from` pointed at refs there: they go with it (an owner can share again).
    await tx`delete from shares where conversation_id = ${from}`;
    await tx`delete from conversations where id = ${from}`;
    await tx`delete from insights_state where conversation_id = ${into}`;
    await rebuildSearchIndex(tx, into);
    return {
      conversationId: into,
      messages: incoming.length,
      added: a.added,
      mediaAttached,
      messageCount: conv.messageCount,
      orphanBlobKeys: orphans.map((o) => o.blobKey),
    };
  });
}

/**
 * Moves the coverage rows of `from` to the target. `added` is what `from` brought; with
 * several rows (`from` was itself fused) it is shared out in date order, each row at most
 * what it had added before.
 */
async function moveSources(tx: Sql, o: { into: string; from: string; added: number }) {
  const rows = await tx<{ importId: string; addedCount: number }[]>`
    select import_id, added_count from conversation_sources where conversation_id = ${o.from}
    order by first_date nulls last, created_at`;
  let left = o.added;
  for (const [i, r] of rows.entries()) {
    const added = i === rows.length - 1 ? left : Math.min(r.addedCount, left);
    left -= added;
    await tx`update conversation_sources set conversation_id = ${o.into}, added_count = ${added}
      where conversation_id = ${o.from} and import_id = ${r.importId}`;
  }
}

/**
 * Leaves `from` behind as an alias of the target (old ref → ref for every message), and moves
 * the aliases that pointed at `from` along, their refs translated.
 */
async function moveAliases(
  tx: Sql,
  o: { userId: string; into: string; from: string; oldRefs: number[]; refs: number[] },
) {
  await tx`insert into conversation_aliases (old_id, user_id, conversation_id)
    values (${o.from}, ${o.userId}, ${o.into})`;
  await chunked(
    o.oldRefs.map((_, i) => i),
    (idx) =>
      tx`insert into message_aliases (old_id, old_ref, ref)
      select ${o.from}, u.old_ref, u.ref
      from unnest(${idx.map((i) => o.oldRefs[i])}::int[], ${idx.map((i) => o.refs[i])}::int[])
        as u(old_ref, ref)`,
  );
  await tx`update message_aliases a set ref = m.ref
    from conversation_aliases c, message_aliases m
    where c.conversation_id = ${o.from} and a.old_id = c.old_id
      and m.old_id = ${o.from} and m.old_ref = a.ref`;
  await tx`update conversation_aliases set conversation_id = ${o.into}
    where conversation_id = ${o.from}`;
}
