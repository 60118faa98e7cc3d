/**
 * Seeding for the read benchmark: copies of an imported conversation for the same user, made
 * inside PostgreSQL (INSERT … SELECT: the same indexes as an import, and search rows copied from
 * the source's), each with a rare word (`quokka`) in a few messages so that a rare-word search
 * has hits in every chat.
 *
 * @module
 */
import postgres from "postgres";

/** The word planted in 5 messages of each copy. */
export const RARE_WORD = "quokka";

/** Copies conversation `sourceId` `copies` times for its owner; returns the new ids. */
export async function cloneConversation(
  databaseUrl: string,
  sourceId: string,
  copies: number,
  onCopy?: (i: number, seconds: number) => void,
): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const ids: string[] = [];
  try {
    // The source's search index is built after its import's commit: wait for it.
    const until = Date.now() + 600_000;
    while (
      (await sql`select 1 from message_search_state where conversation_id = ${sourceId}`)
        .length === 0
    ) {
      if (Date.now() > until) throw new Error(`conversation ${sourceId} never got indexed`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const [{ count }] = await sql<{ count: number }[]>`
      select message_count as count from conversations where id = ${sourceId}`;
    const every = Math.max(1, Math.floor(count / 5));
    for (let i = 0; i < copies; i++) {
      const id = crypto.randomUUID();
      const t0 = performance.now();
      await sql.begin(async (tx) => {
        await tx`
          insert into conversations
            (id, user_id, title, message_count, first_date, last_date, view_as, summary)
          select ${id}, user_id, title || ' (copy ' || ${i + 1} || ')', message_count,
            first_date, last_date, view_as, summary
          from conversations where id = ${sourceId}`;
        await tx`
          insert into messages
            (conversation_id, seq, ref, date, at, author, text, kind, attachment, edited)
          select ${id}, seq, ref, date, at, author,
            case when ref % ${every} = 0 then text || ' ' || ${RARE_WORD} else text end,
            kind, attachment, edited
          from messages where conversation_id = ${sourceId}`;
        // The search rows as rebuildSearchIndex would write them, without re-running
        // to_tsvector on a million texts (tsvector || tsvector adds the planted word).
        await tx`
          insert into message_search (conversation_id, ref, date, tsv)
          select ${id}, ref, date, case when ref % ${every} = 0
            then tsv || to_tsvector('public.simple_unaccent', ${RARE_WORD}) else tsv end
          from message_search where conversation_id = ${sourceId}`;
        await tx`
          insert into message_search_state (conversation_id, rows, tsv_version)
          select ${id}, rows, tsv_version from message_search_state
          where conversation_id = ${sourceId}`;
        await tx`
          insert into participants (conversation_id, name, message_count, first_seq)
          select ${id}, name, message_count, first_seq from participants
          where conversation_id = ${sourceId}`;
      });
      ids.push(id);
      onCopy?.(i, (performance.now() - t0) / 1000);
    }
    await sql`analyze messages`;
    await sql`analyze message_search`;
    await sql`analyze conversations`;
  } finally {
    await sql.end();
  }
  return ids;
}

/** Waits until the worker has computed a conversation's insights (null if it never does). */
export async function waitForInsights(
  databaseUrl: string,
  conversationId: string,
  timeoutMs: number,
): Promise<number | null> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const t0 = performance.now();
  try {
    while (performance.now() - t0 < timeoutMs) {
      const rows = await sql`
        select 1 from insights_state where conversation_id = ${conversationId}`.catch(() => null);
      if (rows === null) return null; // no insights in this schema
      if (rows.length > 0) return (performance.now() - t0) / 1000;
      await new Promise((r) => setTimeout(r, 250));
    }
    return null;
  } finally {
    await sql.end();
  }
}
