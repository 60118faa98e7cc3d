/**
 * A small stand-in for the Unicode bidi algorithm, enough for chat lines: a line is cut into
 * right-to-left runs (Arabic, Hebrew… letters and what lies between them) and the rest; fontkit
 * lays out each RTL run right to left, and the runs are placed in visual order (reversed, and
 * the line right-aligned, when its first letter is RTL and the direction is `auto`). Numbers inside an RTL run and nested
 * embeddings are not reordered.
 *
 * @module
 */

const RTL_LETTER = "\\p{Script=Arabic}\\p{Script=Hebrew}\\p{Script=Syriac}\\p{Script=Thaana}";
const HAS_RTL = new RegExp(`[${RTL_LETTER}]`, "u");
const RTL_RUN = new RegExp(
  `[${RTL_LETTER}](?:[${RTL_LETTER}\\p{M}\\p{N}\\p{P}\\p{Zs}]*[${RTL_LETTER}\\p{M}])?`,
  "gu",
);
const FIRST_LETTER = /\p{L}/u;

/** A piece of a line and where it starts, relative to the line's left edge. */
export interface Run {
  text: string;
  x: number;
}

/**
 * The runs of a line in visual order with their x offsets; `width` measures a run.
 *
 * @example
 * ```ts
 * visualRuns("#5 · דנה כהן", 500, (s) => s.length * 5); // [{ text: "#5 · ", x: 0 }, { text: "דנה כהן", x: 25 }]
 * ```
 */
export function visualRuns(
  line: string,
  maxWidth: number,
  width: (s: string) => number,
  direction: "auto" | "ltr" = "auto",
): Run[] {
  if (!HAS_RTL.test(line)) return [{ text: line, x: 0 }];
  const runs: string[] = [];
  let at = 0;
  for (const m of line.matchAll(RTL_RUN)) {
    if (m.index > at) runs.push(line.slice(at, m.index));
    runs.push(m[0]);
    at = m.index + m[0].length;
  }
  if (at < line.length) runs.push(line.slice(at));
  const rtl = direction === "auto" && HAS_RTL.test(line.match(FIRST_LETTER)?.[0] ?? "");
  if (rtl) runs.reverse();
  const widths = runs.map(width);
  let x = rtl ? Math.max(0, maxWidth - widths.reduce((a, b) => a + b, 0)) : 0;
  return runs.map((text, i) => {
    const run = { text, x };
    x += widths[i];
    return run;
  });
}
