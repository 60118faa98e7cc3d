/**
 * "Jumbo" emoji: a message of only one to three emoji is shown large, as WhatsApp does.
 *
 * @module
 */

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const KEYCAP = /^[#*0-9]\uFE0F?\u20E3$/u;
const FLAG = /^\p{Regional_Indicator}{2}$/u;
const TAG_FLAG = /^\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}$/u;
/** A pictographic base, then only presentation selectors, skin tones and ZWJ-joined pictographs. */
const PICTO =
  /^\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]*(?:\u200D\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]*)*$/u;
/** Typographic symbols (©, ®, ™, ‼, arrows) count only with the emoji presentation selector. */
const TYPOGRAPHIC = /^[\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA]$/u;

/** True when a single grapheme cluster is an emoji. */
export function isEmoji(grapheme: string): boolean {
  if (KEYCAP.test(grapheme) || FLAG.test(grapheme) || TAG_FLAG.test(grapheme)) return true;
  if (!PICTO.test(grapheme)) return false;
  return !TYPOGRAPHIC.test(grapheme);
}

/**
 * True when `text` is one to three emoji and nothing else (whitespace aside).
 *
 * @example
 * ```ts
 * isJumboEmoji("👍"); // true
 * isJumboEmoji("👨‍👩‍👧 🇳🇱"); // true
 * isJumboEmoji("ok 👍"); // false
 * ```
 */
export function isJumboEmoji(text: string): boolean {
  // 3 emoji of at most ~11 code units each (families, tag flags) and some spaces.
  if (text.length === 0 || text.length > 48) return false;
  // Fast path for the common case: letters never occur in emoji (digits do, in keycaps).
  if (/\p{L}/u.test(text)) return false;
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/u.test(segment)) continue;
    if (!isEmoji(segment) || ++count > 3) return false;
  }
  return count > 0;
}
