/**
 * Which languages a chat's messages are written in, for the stop words of its "most used words".
 * The export's language (the parser's guess, from its headers and system lines) says nothing of
 * what people write: an English-headed export of a bilingual couple is half Spanish, and then
 * "que", "de", "la" top the list unless Spanish stop words go too.
 *
 * Decided before the refresh's scan, from a bounded sample spread over the whole chat: the scan
 * writes each day's and month's terms as it goes, pruned to the most used (see
 * `accumulate_terms.ts`), so a language found at the end could no longer take its stop words
 * out of what was written, nor give their places back to the words they pushed out.
 *
 * @module
 */
import type postgres from "postgres";
import { bump } from "./accumulate_terms.ts";
import { MARKERS } from "./stopwords/markers.ts";
import { textTermsOfMany } from "./text.ts";

/** Stretches of consecutive messages read, evenly spread over the chat… */
export const SAMPLE_RUNS = 100;
/** …of this many messages each: at most 10,000 messages, ~60 ms whatever the chat's length. */
export const SAMPLE_RUN_LENGTH = 100;
/**
 * A language is used when its marker words make up this share of the sample's words. Markers
 * are ~10% of a text in their language, so this is a language writing ~5% of the words, about
 * where its commonest function words ("que": ~3.5% of Spanish) would reach the top ten; quoting
 * a few foreign words stays far below.
 */
export const USED_SHARE = 0.005;
/** …and at least this many marker words (a tiny chat's one foreign sentence is no language). */
export const MIN_MARKERS = 10;

const MARKER_LANGUAGE = new Map<string, string>(
  Object.entries(MARKERS).flatMap(([lang, words]) => words.map((w) => [w, lang])),
);
const NO_STOP_WORDS: ReadonlySet<string> = new Set();

/**
 * The languages with a stop-word list that `texts` are written in, by the share of their marker
 * words (see `stopwords/markers.ts`); `language` is the export's, for lower-casing only.
 *
 * @example
 * ```ts
 * const texts = new Array(5).fill("jaja pero qué bueno, el perro está muy bien");
 * languagesUsed(texts, "en"); // ["es"]
 * ```
 */
export function languagesUsed(texts: readonly string[], language: string | null): string[] {
  const hits = new Map<string, number>();
  let words = 0;
  for (const terms of textTermsOfMany(texts, NO_STOP_WORDS, language)) {
    words += terms.wordCount;
    for (const word of terms.words) {
      const lang = MARKER_LANGUAGE.get(word);
      if (lang !== undefined) bump(hits, lang);
    }
  }
  return [...hits]
    .filter(([, n]) => n >= MIN_MARKERS && n >= USED_SHARE * words)
    .map(([lang]) => lang);
}

/**
 * The languages a conversation's messages are written in ({@link languagesUsed}), from at most
 * {@link SAMPLE_RUNS} × {@link SAMPLE_RUN_LENGTH} authored messages with text, in runs evenly
 * spread over the chat (a chat that changes language on the way is seen whole; a short one is
 * read whole). Each run is one range of the primary key.
 */
export async function chatLanguages(
  tx: postgres.ISql<Record<string, never>>,
  conversationId: string,
  language: string | null,
): Promise<string[]> {
  const [span] = await tx<{ first: number | null; last: number | null }[]>`
    select min(seq) as first, max(seq) as last from messages
    where conversation_id = ${conversationId}`;
  if (span?.first == null || span.last == null) return [];
  const step = Math.max(
    SAMPLE_RUN_LENGTH,
    Math.ceil((span.last - span.first + 1) / SAMPLE_RUNS),
  );
  const rows = await tx<{ text: string }[]>`
    select m.text
    from generate_series(${span.first}::int, ${span.last}::int, ${step}::int) as run(start)
    cross join lateral (
      select text from messages
      where conversation_id = ${conversationId}
        and seq >= run.start and seq < run.start + ${SAMPLE_RUN_LENGTH}::int
        and author is not null and text <> ''
        and (kind = 'text' or (kind = 'media' and attachment is not null))
    ) m`;
  return languagesUsed(rows.map((r) => r.text), language);
}
