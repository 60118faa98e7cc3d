/**
 * Highlighted search snippets: PostgreSQL's `ts_headline` marks matches with sentinel
 * characters that cannot occur in stored text (they are removed from it first), and this
 * module turns that into plain text plus highlight ranges — never into markup.
 *
 * @module
 */

/** Marks the start of a highlighted match (the `StartSel` of `ts_headline`). */
export const START_SEL = "\u0001";
/** Marks the end of a highlighted match (the `StopSel` of `ts_headline`). */
export const STOP_SEL = "\u0002";

/**
 * A snippet: plain text and the highlighted ranges, as `[start, end)` offsets in UTF-16 code
 * units (JavaScript string indices), sorted and not overlapping.
 */
export interface Snippet {
  text: string;
  highlights: [number, number][];
}

/**
 * Splits sentinel-marked text into a {@link Snippet}. Unbalanced marks are tolerated: a
 * stray stop is dropped, a missing stop ends the highlight at the end of the text.
 *
 * @example
 * ```ts
 * parseHighlights("say \u0001hello\u0002 there");
 * // { text: "say hello there", highlights: [[4, 9]] }
 * ```
 */
export function parseHighlights(marked: string): Snippet {
  let text = "";
  const highlights: [number, number][] = [];
  let open = -1;
  // deno-lint-ignore no-control-regex
  for (const part of marked.split(/([\u0001\u0002])/u)) {
    if (part === START_SEL) {
      if (open < 0) open = text.length;
    } else if (part === STOP_SEL) {
      if (open >= 0 && text.length > open) highlights.push([open, text.length]);
      open = -1;
    } else text += part;
  }
  if (open >= 0 && text.length > open) highlights.push([open, text.length]);
  // Adjacent matches ("a" "b" with nothing between) read better as one.
  const merged: [number, number][] = [];
  for (const h of highlights) {
    const last = merged.at(-1);
    if (last && last[1] === h[0]) last[1] = h[1];
    else merged.push([h[0], h[1]]);
  }
  return { text, highlights: merged };
}

/** A snippet as alternating plain and highlighted segments, for rendering. */
export function snippetSegments(snippet: Snippet): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start > at) out.push({ text: snippet.text.slice(at, start), mark: false });
    out.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.text.length) out.push({ text: snippet.text.slice(at), mark: false });
  return out;
}
