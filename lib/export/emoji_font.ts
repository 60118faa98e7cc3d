/**
 * The monochrome emoji font of the PDF transcript: Noto Emoji from npm `@fontsource/noto-emoji`,
 * which ships it cut into 11 unicode-range subsets (`files/noto-emoji-N-400-normal.woff`, 5–125
 * KB each; `unicode.json` lists each one's code points). Only the subsets a document needs are
 * read, lazily, once per process. Each subset keeps the ligatures of the sequences whose parts it
 * holds (ZWJ families, skin tones, flags, keycaps), so a sequence is drawn whole when one subset
 * shapes it to a single glyph, else as its base emoji.
 *
 * WOFF, not WOFF2: fontkit reads both, but pdf-lib's subsetter copies raw `glyf` records, which
 * WOFF2 stores transformed.
 *
 * @module
 */
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { withoutVariation } from "./pdf_text.ts";

const require = createRequire(import.meta.url);
const PACKAGE = "@fontsource/noto-emoji";

/** One subset file: its id in `unicode.json` and its inclusive code point ranges. */
interface Subset {
  id: string;
  ranges: [number, number][];
}

let subsets: Subset[] | undefined;
/** The subsets and their ranges, read from the package's `unicode.json` on first use. */
function allSubsets(): Subset[] {
  if (subsets) return subsets;
  const json: Record<string, string> = JSON.parse(
    Deno.readTextFileSync(require.resolve(`${PACKAGE}/unicode.json`)),
  );
  return subsets = Object.entries(json).map(([key, list]) => ({
    id: key.replace(/^\[|\]$/g, ""),
    ranges: list.split(",").map((r) => {
      const [lo, hi = lo] = r.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(lo, 16), parseInt(hi, 16)] as [number, number];
    }),
  }));
}

const covers = (s: Subset, cp: number) => s.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** The ids of the subsets that have a glyph for every code point of `text`. */
export function emojiSubsetsFor(text: string): string[] {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  return allSubsets().filter((s) => cps.every((cp) => covers(s, cp))).map((s) => s.id);
}

/** Whether some subset has a glyph for `codePoint` (no file is read). */
export function emojiHas(codePoint: number): boolean {
  return allSubsets().some((s) => covers(s, codePoint));
}

/** What is used of a fontkit font (the package has no types). */
interface ShapingFont {
  layout(text: string): { glyphs: { id: number }[] };
}

/** A subset file's bytes (for `embedFont`) and its parsed font (for shaping checks). */
export interface EmojiFace {
  id: string;
  bytes: Uint8Array;
  font: ShapingFont;
}

const faces = new Map<string, Promise<EmojiFace>>();
/** Reads and parses subset `id` once per process. */
export function loadEmojiFace(id: string): Promise<EmojiFace> {
  let face = faces.get(id);
  if (!face) {
    face = Deno.readFile(require.resolve(`${PACKAGE}/files/noto-emoji-${id}-400-normal.woff`))
      .then((bytes) => ({ id, bytes, font: fontkit.create(bytes as never) as ShapingFont }));
    faces.set(id, face);
  }
  return face;
}

/** How an emoji sequence is drawn: `text` (the sequence, or its base) in subset `id`. */
export interface EmojiChoice {
  id: string;
  text: string;
}

const choices = new Map<string, Promise<EmojiChoice | undefined>>();

/**
 * The subset that draws `sequence` as one glyph, or else the one that has its base emoji (the
 * sequence's first code point), or undefined when no subset has even that. Cached per sequence.
 *
 * @example
 * ```ts
 * await chooseEmoji("👍🏽"); // { id: "9", text: "👍🏽" }: one glyph
 * ```
 */
export function chooseEmoji(sequence: string): Promise<EmojiChoice | undefined> {
  let choice = choices.get(sequence);
  if (!choice) choices.set(sequence, choice = choose(sequence));
  return choice;
}

async function choose(sequence: string): Promise<EmojiChoice | undefined> {
  const bare = withoutVariation(sequence);
  const tries = [sequence, ...(bare !== sequence ? [bare] : [])];
  for (const text of tries) {
    for (const id of emojiSubsetsFor(text)) {
      const { font } = await loadEmojiFace(id);
      const glyphs = font.layout(text).glyphs;
      if (glyphs.length === 1 && glyphs[0].id !== 0) return { id, text };
    }
  }
  const base = String.fromCodePoint(sequence.codePointAt(0)!);
  const [id] = emojiSubsetsFor(base);
  return id === undefined ? undefined : { id, text: base };
}
