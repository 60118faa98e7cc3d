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

/** A word as the search index splits a text that holds links or addresses (migration 00010). */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Text folded as `simple_unaccent` folds it: accents removed, lower case. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The terms of a web-search query that must match (`websearch_to_tsquery` syntax: a quoted
 * phrase gives its words, `-term` excludes, `or` is an operator), folded, without the
 * punctuation around them: `example.com` stays one term, `hello!` is `hello`.
 *
 * @example
 * ```ts
 * queryTerms('Café -tea "see you" or bye example.com'); // ["cafe", "see", "you", "bye", "example.com"]
 * ```
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  // A quoted phrase, or a bare token; a `-` right before either excludes it.
  for (const m of query.matchAll(/(-?)(?:"([^"]*)"?|([^\s"]+))/g)) {
    if (m[1] === "-" || (m[3] !== undefined && m[3].toLowerCase() === "or")) continue;
    for (const token of (m[2] ?? m[3]).split(/\s+/)) {
      const words = [...token.matchAll(WORD)];
      if (words.length === 0) continue;
      const last = words[words.length - 1];
      terms.add(fold(token.slice(words[0].index, last.index + last[0].length)));
    }
  }
  return [...terms];
}

/**
 * The snippet with every occurrence of a query term also highlighted, where PostgreSQL's
 * `ts_headline` could not: it marks whole tokens, and a link or an address is one token
 * (`example` is found inside `https://example.com` — the index holds its words — but was not
 * marked). An occurrence starts and ends at word boundaries and is compared folded (`Exämple`
 * for `example`); existing highlights are kept.
 *
 * @example
 * ```ts
 * markTerms({ text: "see https://example.com", highlights: [] }, ["example"]);
 * // { text: "see https://example.com", highlights: [[12, 19]] }
 * ```
 */
export function markTerms(snippet: Snippet, terms: string[]): Snippet {
  if (terms.length === 0) return snippet;
  // Each term by the number of words it spans (`example.com`: 2).
  const byWords = new Map<number, Set<string>>();
  for (const term of terms) {
    const n = term.match(WORD)?.length ?? 0;
    if (n > 0) (byWords.get(n) ?? byWords.set(n, new Set()).get(n)!).add(term);
  }
  const words = [...snippet.text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]);
  const ranges = snippet.highlights.map(([a, b]): [number, number] => [a, b]);
  const before = ranges.length;
  for (const [n, wanted] of byWords) {
    for (let i = 0; i + n <= words.length; i++) {
      const start = words[i][0], end = words[i + n - 1][1];
      if (!wanted.has(fold(snippet.text.slice(start, end)))) continue;
      if (ranges.some(([a, b]) => a < end && start < b)) continue;
      ranges.push([start, end]);
    }
  }
  if (ranges.length === before) return snippet;
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && last[1] >= r[0]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return { text: snippet.text, highlights: merged };
}
