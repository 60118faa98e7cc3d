/**
 * Visual layout of one line of the PDF transcript by the Unicode Bidirectional Algorithm (UAX #9,
 * npm `bidi-js`): embedding levels for the paragraph (its direction given, or found from its first
 * strong character; computed once, so an embedding or isolate carries across a line break), then
 * per line: whitespace at its end (L1), reordering by levels (L2), mirrored brackets in RTL runs,
 * and runs placed left to right with measured widths. Lines are wrapped before this (pdf_text.ts).
 *
 * fontkit shapes each run and itself reverses a run whose first letter is of a right-to-left
 * script (Arabic, Hebrew…). So a run is handed to it in logical order when fontkit will reverse it
 * and the run is RTL (Arabic stays joined), and reversed by grapheme here only when the two
 * disagree (an RTL run of neutrals such as "!?" or emoji, or Arabic-Indic digits at an LTR level),
 * so that no run is reversed twice or not at all.
 *
 * @module
 */
import bidiFactory, { type Bidi } from "bidi-js";

// The package is CommonJS whose `module.exports` is the factory; its types declare an ES default.
const bidi = (bidiFactory as unknown as () => Bidi)();

/** A line's base direction: `auto` takes the first strong character's (UAX #9 P2–P3). */
export type Direction = "ltr" | "rtl" | "auto";

/** The characters that can make a line anything but plain left to right. */
const MAYBE_RTL =
  /[\u0590-\u08FF\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFE\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
/** Explicit bidi formatting characters: they steer the algorithm and are never drawn. */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, "gu");
/** The scripts fontkit lays out right to left (its Script.direction), by the first one met. */
const RTL_SCRIPT = new RegExp(
  "[" + [
    "Arabic",
    "Hebrew",
    "Syriac",
    "Thaana",
    "Cypriot",
    "Kharoshthi",
    "Phoenician",
    "Nko",
    "Lydian",
    "Avestan",
    "Imperial_Aramaic",
    "Inscriptional_Pahlavi",
    "Inscriptional_Parthian",
    "Old_South_Arabian",
    "Old_Turkic",
    "Samaritan",
    "Mandaic",
    "Meroitic_Cursive",
    "Meroitic_Hieroglyphs",
    "Manichaean",
    "Mende_Kikakui",
    "Nabataean",
    "Old_North_Arabian",
    "Palmyrene",
    "Psalter_Pahlavi",
  ].map((s) => `\\p{Script=${s}}`).join("") + "]",
  "u",
);
// Script=Unknown is exactly the unassigned, private-use and surrogate code points.
const FIRST_SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}\p{Cn}\p{Co}\p{Cs}]/u;
const TRAILING = new Set(["WS", "LRI", "RLI", "FSI", "PDI"]);
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Whether fontkit will lay `text` out right to left (its first non-common script is RTL). */
export function fontkitReverses(text: string): boolean {
  return RTL_SCRIPT.test(text.match(FIRST_SCRIPTED)?.[0] ?? "");
}

/** `text` with its grapheme clusters (emoji sequences, letters with marks) in reverse order. */
function reverseGraphemes(text: string): string {
  return [...graphemes.segment(text)].map((g) => g.segment).reverse().join("");
}

/** A character of each bidi class that a code point outside the BMP can have. */
const STAND_IN: Record<string, string> = {
  L: "a",
  R: "\u05D0",
  AL: "\u0627",
  EN: "0",
  AN: "\u0660",
  NSM: "\u0300",
  BN: "\u200B",
  WS: " ",
};
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;

/**
 * `text` with each code point outside the BMP (emoji, Adlam…) written as two BMP characters of
 * its bidi class. bidi-js classifies UTF-16 code units, so it takes a surrogate half for a
 * strong L, which tore emoji out of RTL text (lojjic/bidi-js#9); the length stays the same.
 */
function bidiInput(text: string): string {
  return text.replace(ASTRAL, (ch) => (STAND_IN[bidi.getBidiCharTypeName(ch)] ?? "!").repeat(2));
}

/** The direction of a paragraph: `rtl` when its first strong character is right to left. */
export function paragraphDirection(text: string): "ltr" | "rtl" {
  if (!MAYBE_RTL.test(text)) return "ltr";
  return bidi.getEmbeddingLevels(bidiInput(text), "auto").paragraphs[0].level & 1 ? "rtl" : "ltr";
}

/** Embedding levels of a paragraph, or of one of its lines (a slice), and its own level. */
export interface Levels {
  levels: Uint8Array;
  level: number;
}

/**
 * The embedding levels of a paragraph (UAX #9 up to I2), for {@link layoutLine} to lay out each
 * of its lines with (`slice` of the line's offsets); null for a paragraph that can only be plain
 * left to right.
 */
export function paragraphLevels(paragraph: string, direction: Direction): Levels | null {
  if (direction !== "rtl" && !MAYBE_RTL.test(paragraph)) return null;
  const result = bidi.getEmbeddingLevels(bidiInput(paragraph), direction);
  return { levels: result.levels, level: result.paragraphs[0].level };
}

/** A stretch of the line, `start` to `end` (UTF-16 offsets, end excluded), in one font. */
export interface Span<F> {
  start: number;
  end: number;
  font: F;
}

/** A run to draw: `text` in `font`, as fontkit must receive it, starting `x` from the left. */
export interface Run<F> {
  text: string;
  font: F;
  x: number;
  /** Whether the run reads right to left (odd embedding level). */
  rtl: boolean;
}

/** How to lay out a line. */
export interface LayoutOptions<F> {
  /** The paragraph's direction; an RTL line is right-aligned to `maxWidth`. */
  direction: Direction;
  maxWidth: number;
  /** The drawn width of `text` in `font`. */
  width(text: string, font: F): number;
  /**
   * The line's embedding levels, from its paragraph's ({@link paragraphLevels}); when absent,
   * the line is taken as a paragraph of its own.
   */
  levels?: Levels | null;
}

/**
 * The runs of `line` in visual order (left to right) with their x offsets. `spans` cover the line
 * in logical order, one font each (see pdf_fonts.ts); a run never crosses a span or a level.
 *
 * @example
 * ```ts
 * const w = { direction: "ltr", maxWidth: 100, width: (s: string) => s.length } as const;
 * layoutLine("Hello שלום 123", [{ start: 0, end: 14, font: "f" }], w).map((r) => r.text);
 * // ["Hello ", "123", "שלום "]: fontkit draws the Hebrew run right to left
 * ```
 */
export function layoutLine<F>(line: string, spans: Span<F>[], options: LayoutOptions<F>): Run<F>[] {
  const given = options.levels;
  const { pieces, rtl } = given === null ||
      (given === undefined && options.direction !== "rtl" && !MAYBE_RTL.test(line))
    ? {
      pieces: spans.map((s) => ({ text: line.slice(s.start, s.end), font: s.font, rtl: false })),
      rtl: false,
    }
    : bidiPieces(line, spans, options.direction, given);
  let x = 0;
  const runs: Run<F>[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i], text = piece.text.replace(BIDI_CONTROLS, "");
    if (text === "") continue;
    runs.push({ ...piece, text, x });
    // Measuring is fontkit shaping the run (as costly as drawing it): a left-aligned line's
    // last run needs no width (most lines are one such run).
    if (rtl || i < pieces.length - 1) x += options.width(text, piece.font);
  }
  const shift = rtl ? Math.max(0, options.maxWidth - x) : 0;
  for (const run of runs) run.x += shift;
  return runs;
}

interface Piece<F> {
  text: string;
  font: F;
  rtl: boolean;
}

/** Levels (given, or the line's own), L1, L2 reordering and mirroring: pieces in visual order. */
function bidiPieces<F>(
  line: string,
  spans: Span<F>[],
  direction: Direction,
  given: Levels | undefined,
): { pieces: Piece<F>[]; rtl: boolean } {
  const input = bidiInput(line);
  // Not null: layoutLine comes here only for an RTL paragraph or a line that may hold RTL.
  const own = given ?? paragraphLevels(line, direction)!;
  const paragraph = own.level;
  const levels = own.levels.slice();
  const paragraphs = [{ start: 0, end: line.length - 1, level: paragraph }];
  // L1: whitespace and isolate controls at the end of the line take the paragraph's level.
  for (let i = line.length - 1; i >= 0 && TRAILING.has(bidi.getBidiCharTypeName(input[i])); i--) {
    levels[i] = paragraph;
  }
  const fontAt: number[] = new Array(line.length);
  spans.forEach((s, n) => fontAt.fill(n, s.start, s.end));
  const order = bidi.getReorderedIndices(input, { levels, paragraphs });

  const pieces: Piece<F>[] = [];
  let lo = order[0], hi = order[0];
  const flush = () => {
    const rtl = (levels[lo] & 1) === 1;
    let text = "";
    for (let i = lo; i <= hi; i++) {
      text += (rtl ? bidi.getMirroredCharacter(line[i]) : null) ?? line[i];
    }
    if (rtl !== fontkitReverses(text)) text = reverseGraphemes(text);
    pieces.push({ text, font: spans[fontAt[lo]].font, rtl });
  };
  for (let k = 1; k < order.length; k++) {
    const i = order[k];
    const same = levels[i] === levels[lo] && fontAt[i] === fontAt[lo];
    if (same && (levels[i] & 1 ? i === lo - 1 : i === hi + 1)) {
      if (i < lo) lo = i;
      else hi = i;
      continue;
    }
    flush();
    lo = hi = i;
  }
  if (line.length > 0) flush();
  return { pieces, rtl: (paragraph & 1) === 1 };
}
