/**
 * Text preparation for the PDF transcript: what the embedded font cannot draw, and line
 * wrapping by measured width.
 *
 * @module
 */
import { BIDI_CONTROL } from "./pdf_bidi.ts";

/** What replaces a character (or a whole emoji sequence) the font has no glyph for. */
export const MISSING_GLYPH = "\u25A1";

/**
 * An emoji as users type it: a flag (two regional indicators), a keycap, or a pictograph with
 * its modifiers (skin tones, VS16, tags) and ZWJ-joined parts. One sequence → one unit: drawn
 * whole, as its base, or as one □ (a family emoji is one □, not four).
 */
export const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|[\uFE0E\uFE0F\u{E0020}-\u{E007F}]|\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)*/gu;
// Invisible formatting (joiners, BOM) carries no glyph: dropped, not boxed. Bidi controls (LRM,
// RLE…) are kept for the bidi algorithm (pdf_bidi.ts), which drops them after use.
const FORMAT = /[[\p{Cf}\p{Cc}]--[\n\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]]/v;
/** An emoji sequence (group 1) or any other code point. */
const UNIT = new RegExp(`(${EMOJI.source})|[^]`, "gu");
const PLAIN = /^[\x20-\x7E\n]*$/;
const VARIATION = /[\uFE0E\uFE0F]/g;
/** An emoji sequence without its variation selectors (VS15 text, VS16 emoji presentation). */
export const withoutVariation = (sequence: string) => sequence.replace(VARIATION, "");

/**
 * Whether an emoji sequence asks for emoji presentation: several code points, VS16, or a
 * pictograph shown as emoji by default (👍, not ☺ or ♥, which the text font draws).
 */
export function wantsEmoji(sequence: string): boolean {
  const bare = withoutVariation(sequence);
  return sequence.includes("\uFE0F") || [...bare].length > 1 ||
    /\p{Emoji_Presentation}/u.test(bare);
}

/**
 * The text as it will be drawn: every emoji sequence as `emoji(sequence)` returns it (the
 * sequence, its base emoji, or undefined for {@link MISSING_GLYPH}), a single pictograph the
 * text font has kept when it is not asked to be an emoji, invisible formatting characters other
 * than bidi controls removed, tabs as spaces, and any other character outside `charset` drawn as
 * `emoji(character)` (a character only the emoji font has) or boxed.
 *
 * @example
 * ```ts
 * printable("hi 👋🏼\u200B", new Set([..."hi □"].map((c) => c.codePointAt(0)!))); // "hi □"
 * ```
 */
export function printable(
  text: string,
  charset: ReadonlySet<number>,
  emoji: (sequence: string) => string | undefined = () => undefined,
): string {
  if (PLAIN.test(text)) return text;
  return text.replace(UNIT, (unit, seq?: string) => {
    if (seq === undefined) {
      if (unit === "\t") return "    ";
      if (unit === "\n" || charset.has(unit.codePointAt(0)!)) return unit;
      if (BIDI_CONTROL.test(unit)) return unit;
      return FORMAT.test(unit) ? "" : emoji(unit) ?? MISSING_GLYPH;
    }
    const bare = withoutVariation(seq);
    const cp = bare.codePointAt(0)!;
    const single = bare.length === String.fromCodePoint(cp).length;
    if (single && charset.has(cp) && !wantsEmoji(seq)) return bare;
    return emoji(seq) ?? (single && charset.has(cp) ? bare : MISSING_GLYPH);
  });
}

/** The sequences and characters {@link printable} would ask `emoji` about. */
export function emojiCandidates(text: string, charset: ReadonlySet<number>): Set<string> {
  const asked = new Set<string>();
  printable(text, charset, (seq) => void asked.add(seq));
  return asked;
}

/**
 * Splits text into lines no wider than `maxWidth`: at newlines, then between words; a word
 * wider than a line is cut between characters. `width` measures a string.
 */
export function wrap(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/(?<= )/)) {
      if (width((line + word).trimEnd()) <= maxWidth) {
        line += word;
        continue;
      }
      if (line !== "") lines.push(line.trimEnd());
      line = "";
      let rest = word;
      while (width(rest.trimEnd()) > maxWidth) {
        let cut = 1;
        const chars = [...rest];
        while (cut < chars.length && width(chars.slice(0, cut + 1).join("")) <= maxWidth) cut++;
        lines.push(chars.slice(0, cut).join(""));
        rest = chars.slice(cut).join("");
      }
      line = rest;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
