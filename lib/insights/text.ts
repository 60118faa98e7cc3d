/**
 * What a message's text contributes to the insights: its word count, the words worth ranking
 * (stop words, numbers and one-letter words left out), its emoji (whole grapheme clusters, so
 * ZWJ families, skin tones and flags count once each) and the domains of its links.
 *
 * @module
 */
import { isEmoji } from "../format/emoji.ts";
import { findLinks } from "../format/links.ts";

/** The terms of one message. */
export interface TextTerms {
  /** Every word (letters or digits), stop words included: the "words" total. */
  wordCount: number;
  /** Lower-cased words to rank: no stop words, no numbers, at least two characters. */
  words: string[];
  /** Emoji in a canonical form (see {@link canonicalEmoji}). */
  emoji: string[];
  /** Host names of the links, lower-cased, without a leading `www.`. */
  domains: string[];
}

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
/** A cheap gate: only texts with a pictograph, a regional indicator or a keycap are segmented. */
const MAYBE_EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u20E3]/u;
const MAYBE_LINK = /https?:\/\/|www\./i;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;
const LETTER = /\p{L}/u;
// deno-lint-ignore no-control-regex
const NON_ASCII = /[^\u0000-\u007f]/;
const SINGLE_PICTOGRAPH = /^(\p{Extended_Pictographic})\uFE0F?$/u;
const PRESENTATION = /^\p{Emoji_Presentation}$/u;

/**
 * One spelling per emoji: a lone pictograph with or without the presentation selector
 * (`❤` and `❤️`) becomes the emoji-style form; sequences (families, skin tones, flags) are kept
 * as written.
 *
 * @example
 * ```ts
 * canonicalEmoji("❤") === canonicalEmoji("❤️"); // true
 * canonicalEmoji("👍🏽"); // "👍🏽"
 * ```
 */
export function canonicalEmoji(grapheme: string): string {
  const m = SINGLE_PICTOGRAPH.exec(grapheme);
  if (m === null) return grapheme;
  return PRESENTATION.test(m[1]) ? m[1] : `${m[1]}\uFE0F`;
}

/**
 * The terms of a message's text. `stopWords` holds lower-cased NFC words (see
 * `stopwords/mod.ts`); `language` picks the lower-casing rules (Turkish dotted and dotless i).
 *
 * @example
 * ```ts
 * const t = textTerms("See https://www.example.com/x 👨‍👩‍👧 the Cats!", new Set(["the"]));
 * // t.wordCount === 3, t.words = ["see", "cats"], t.emoji = ["👨‍👩‍👧"], t.domains = ["example.com"]
 * ```
 */
export function textTerms(
  text: string,
  stopWords: ReadonlySet<string>,
  language: string | null = null,
): TextTerms {
  return textTermsOfMany([text], stopWords, language)[0];
}

/**
 * {@link textTerms} of many texts at once: the emoji-bearing parts of all of them go through
 * one `Intl.Segmenter` call (a call costs ~5 µs however short its text; joined, ~0.4 µs each).
 */
export function textTermsOfMany(
  texts: readonly string[],
  stopWords: ReadonlySet<string>,
  language: string | null = null,
): TextTerms[] {
  const out: TextTerms[] = [];
  const rests: string[] = [];
  // Emoji candidates: the text from the start of the word holding the first pictograph (a
  // grapheme never spans whitespace); emoji mostly end a message, the rest is left alone.
  const tails: { index: number; head: string; tail: string }[] = [];
  for (const text of texts) {
    const domains: string[] = [];
    let rest = text;
    if (MAYBE_LINK.test(text)) {
      const links = findLinks(text);
      if (links.length > 0) {
        let plain = "", at = 0;
        for (const link of links) {
          domains.push(new URL(link.href).hostname.toLowerCase().replace(/^www\./, ""));
          plain += text.slice(at, link.start) + " ";
          at = link.end;
        }
        rest = plain + text.slice(at);
      }
    }
    const candidate = rest.search(MAYBE_EMOJI);
    if (candidate >= 0) {
      const from = Math.max(rest.lastIndexOf(" ", candidate), rest.lastIndexOf("\n", candidate)) +
        1;
      tails.push({ index: out.length, head: rest.slice(0, from), tail: rest.slice(from) });
    }
    out.push({ wordCount: 0, words: [], emoji: [], domains });
    rests.push(rest);
  }
  if (tails.length > 0) {
    // NUL (a control character, absent from PostgreSQL text) always breaks graphemes on both
    // sides and never joins a neighbour, unlike "\n" after "\r".
    const joined = tails.map((t) => t.tail).join("\u0000");
    let k = 0, end = tails[0].tail.length, plain = tails[0].head;
    const close = () => {
      rests[tails[k].index] = plain;
      k++;
      if (k < tails.length) {
        end += 1 + tails[k].tail.length;
        plain = tails[k].head;
      }
    };
    for (const { segment, index } of segmenter.segment(joined)) {
      while (k < tails.length && index >= end) close();
      if (segment === "\u0000") continue;
      if (isEmoji(segment)) {
        out[tails[k].index].emoji.push(canonicalEmoji(segment));
        plain += " ";
      } else plain += segment;
    }
    while (k < tails.length) close();
  }
  for (let i = 0; i < out.length; i++) countWords(rests[i], out[i], stopWords, language);
  return out;
}

function countWords(
  rest: string,
  into: TextTerms,
  stopWords: ReadonlySet<string>,
  language: string | null,
) {
  // Lower-case, compose and straighten apostrophes once per text, not per word.
  let lower = language === "tr" || language === "az"
    ? rest.toLocaleLowerCase("tr")
    : rest.toLowerCase();
  if (NON_ASCII.test(lower)) lower = lower.normalize("NFC").replaceAll("’", "'");
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    into.wordCount++;
    let word = m[0];
    const first = word.charCodeAt(0);
    if (first >= 48 && first <= 57 && !LETTER.test(word)) continue; // a number
    if (word.charCodeAt(word.length - 1) === 39) word = word.replace(/'+$/, "");
    if (word.length < 2 || word.length > 40 || stopWords.has(word)) continue;
    into.words.push(word);
  }
}
