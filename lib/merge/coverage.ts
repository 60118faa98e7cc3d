/**
 * The coverage of a conversation (issue 9): which date ranges its exports cover, where the
 * gaps between them are, and which carried media — from `conversation_sources`, one row per
 * fused export (a few rows: no scan of the messages).
 *
 * @module
 */
import type { Sql } from "../db/client.ts";

/** One export fused into the conversation. */
export interface Source {
  importId: string;
  filename: string | null;
  /** Wall clocks `YYYY-MM-DDTHH:MM:SS`; null for an export without messages. */
  firstDate: string | null;
  lastDate: string | null;
  messageCount: number;
  addedCount: number;
  mediaCount: number;
}

/** A stretch of days, `YYYY-MM-DD` inclusive. */
export interface DayRange {
  first: string;
  last: string;
}

/** What {@link coverageOf} computes. */
export interface Coverage {
  sources: Source[];
  /** The whole span, first to last day of any source (null: no messages). */
  span: DayRange | null;
  /** Whole days no export covers, between covered ranges. */
  gaps: DayRange[];
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(day.slice(0, 10) + "T00:00:00Z") / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/**
 * The span and the gaps of some sources: a gap is at least one whole calendar day that lies
 * between the covered ranges (an export ending on the 10th and the next starting on the 11th
 * leave none).
 *
 * @example
 * ```ts
 * coverageRanges([{ firstDate: "2024-01-01T09:00:00", lastDate: "2024-01-05T10:00:00" },
 *   { firstDate: "2024-01-09T08:00:00", lastDate: "2024-01-12T08:00:00" }]);
 * // { span: { first: "2024-01-01", last: "2024-01-12" },
 * //   gaps: [{ first: "2024-01-06", last: "2024-01-08" }] }
 * ```
 */
export function coverageRanges(
  sources: readonly Pick<Source, "firstDate" | "lastDate">[],
): Pick<Coverage, "span" | "gaps"> {
  const ranges = sources
    .flatMap((s) =>
      s.firstDate && s.lastDate ? [[dayNumber(s.firstDate), dayNumber(s.lastDate)]] : []
    )
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (ranges.length === 0) return { span: null, gaps: [] };
  const gaps: DayRange[] = [];
  let end = ranges[0][1];
  for (const [first, last] of ranges.slice(1)) {
    if (first > end + 1) gaps.push({ first: dayOf(end + 1), last: dayOf(first - 1) });
    end = Math.max(end, last);
  }
  return { span: { first: dayOf(ranges[0][0]), last: dayOf(end) }, gaps };
}

/**
 * The coverage of one conversation (the caller checked it is the user's).
 *
 * @example
 * ```ts
 * const { sources, gaps } = await coverageOf(sql, conversationId);
 * ```
 */
export async function coverageOf(sql: Sql, conversationId: string): Promise<Coverage> {
  const sources = await sql<Source[]>`
    select s.import_id, i.filename,
      to_char(s.first_date, 'YYYY-MM-DD"T"HH24:MI:SS') as first_date,
      to_char(s.last_date, 'YYYY-MM-DD"T"HH24:MI:SS') as last_date,
      s.message_count, s.added_count, s.media_count
    from conversation_sources s left join imports i on i.id = s.import_id
    where s.conversation_id = ${conversationId}
    order by s.first_date nulls last, s.created_at`;
  return { sources, ...coverageRanges(sources) };
}
