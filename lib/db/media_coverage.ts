import type { Sql } from "./client.ts";

/** How many of a conversation's media the export holds, for the import report. */
export interface MediaCoverage {
  /** Media files in the conversation (from its export's zip). */
  files: number;
  /** Messages that name a file. */
  referenced: number;
  /** Of those, messages whose file is not in the zip (skipped by WhatsApp, or removed). */
  missing: number;
  /** The first of them (at most {@link MISSING_SAMPLES}), in timeline order. */
  missingSamples: { ref: number; name: string }[];
  /** Placeholders of media left out of an export "without media" (`<Media omitted>`…). */
  omitted: number;
}

/** How many missing files the report names. */
export const MISSING_SAMPLES = 20;

/**
 * The media coverage of a conversation: files, references, references without a file, and
 * omitted-media placeholders (kind media or contact without an attachment).
 *
 * @example
 * ```ts
 * const { missing, missingSamples } = await mediaCoverage(sql, conversationId);
 * ```
 */
export async function mediaCoverage(sql: Sql, conversationId: string): Promise<MediaCoverage> {
  const absent = sql`
    m.attachment is not null and not exists (
      select 1 from media f where f.conversation_id = m.conversation_id and f.name = m.attachment)`;
  const [[counts], samples] = await Promise.all([
    sql<{ files: number; referenced: number; missing: number; omitted: number }[]>`
      select
        (select count(*)::int from media where conversation_id = ${conversationId}) as files,
        count(*) filter (where m.attachment is not null)::int as referenced,
        count(*) filter (where ${absent})::int as missing,
        count(*) filter (
          where m.attachment is null and m.kind in ('media', 'contact'))::int as omitted
      from messages m where m.conversation_id = ${conversationId}`,
    sql<{ ref: number; name: string }[]>`
      select coalesce(m.ref, m.seq) as ref, m.attachment as name from messages m
      where m.conversation_id = ${conversationId} and ${absent}
      order by m.seq limit ${MISSING_SAMPLES}`,
  ]);
  return { ...counts, missingSamples: samples.map((s) => ({ ref: s.ref, name: s.name })) };
}
