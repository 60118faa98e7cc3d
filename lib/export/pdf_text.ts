/**
 * Text preparation for the PDF transcript: what the embedded font cannot draw, and line
 * wrapping by measured width.
 *
 * @module
 */

/** What replaces a character (or a whole emoji sequence) the font has no glyph for. */
export const MISSING_GLYPH = "\u25A1";

// An emoji as users type it: a flag (two regional indicators), a keycap, or a pictograph with
// its modifiers (skin tones, VS16, tags) and ZWJ-joined parts. One sequence → one box, so a
// family emoji is one □, not four.
const EMOJI =
  /\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|[\uFE0E\uFE0F\u{E0020}-\u{E007F}]|\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}?\uFE0F?)*/gu;
// Invisible formatting (bidi marks, joiners, BOM) carries no glyph: dropped, not boxed.
const FORMAT = /[[\p{Cf}\p{Cc}]--[\n]]/gv;

/**
 * The text with every emoji sequence the font cannot draw replaced by {@link MISSING_GLYPH}
 * (a single pictograph the font has, like ☺ or ♥, is kept), invisible formatting characters
 * removed, tabs as spaces, and any other character outside `charset` boxed.
 *
 * @example
 * ```ts
 * printable("hi 👋🏼\u200E", new Set([..."hi □"].map((c) => c.codePointAt(0)!))); // "hi □"
 * ```
 */
export function printable(text: string, charset: ReadonlySet<number>): string {
  const emojiFree = text.replaceAll("\t", "    ").replace(EMOJI, (seq) => {
    const base = seq.replace(/[\uFE0E\uFE0F]/g, "");
    const cp = base.codePointAt(0)!;
    return base.length === String.fromCodePoint(cp).length && charset.has(cp)
      ? base
      : MISSING_GLYPH;
  }).replace(FORMAT, "");
  let out = "";
  for (const ch of emojiFree) {
    out += ch === "\n" || charset.has(ch.codePointAt(0)!) ? ch : MISSING_GLYPH;
  }
  return out;
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

/** A width function summing cached per-character advances (shaping and kerning ignored). */
export function charWidths(measure: (ch: string) => number): (s: string) => number {
  const cache = new Map<string, number>();
  return (s) => {
    let w = 0;
    for (const ch of s) {
      let cw = cache.get(ch);
      if (cw === undefined) cache.set(ch, cw = measure(ch));
      w += cw;
    }
    return w;
  };
}
