/**
 * A fused header scanner for the common formats: it validates a header and reads its numbers in
 * one pass over the line, without a regex call. It accepts a SUBSET of what the format's regex
 * accepts (single-character date separator, joiner made of `,`/`،` and spaces, AM/PM in the Latin
 * `am`/`a.m.`/`a. m.` family after the time): when it says no, the caller falls back to the
 * regex, so the regex stays the single definition of a header.
 *
 * @module
 */
import type { HeaderFormat } from "./header.ts";

/** A scanner for one format: `(text, pos, out) → header end`, or -1 to fall back to the regex. */
export type HeaderScanner = (text: string, pos: number, out: Int32Array) => number;

function isSpace(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f;
}

function isPrefixMark(c: number): boolean {
  return c === 0x200e || c === 0x200f || c === 0xfeff || c === 0x61c ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * The fused scanner of a format, or null when the format is outside the supported family. The
 * scanner fills `out` like readNumbers (`[d1, d2, d3, h, mi, s, len1, len3, dateEnd, hourStart,
 * timeEnd]`) and, for 12-hour formats, `out[11]` with the meridiem (1 AM, 2 PM).
 */
export function compileScanner(f: HeaderFormat): HeaderScanner | null {
  if (f.bare || f.markerBefore || f.timeFirst || f.sep.length !== 1) return null;
  const joiner = f.joiner;
  for (let k = 0; k < joiner.length; k++) {
    const c = joiner.charCodeAt(k);
    if (!isSpace(c) && c !== 44 && c !== 0x60c) return null;
  }
  const sep = f.sep.charCodeAt(0);
  const ios = f.layout === "ios", old = f.layout === "ios-old", h12 = f.clock === "12h";
  // Time runs (`:MM`, `:SS`) wanted, at least and at most; null seconds: either.
  const minRuns = f.seconds === true ? 2 : 1, maxRuns = f.seconds === false ? 1 : 2;
  // Digits allowed in each date component: the year's place has 3–4, the others 1–2 (any 1–4
  // when the year's place is unknown).
  const y = f.year;
  const minLen = y === null ? [1, 1, 1] : [y === "first" ? 3 : 1, 1, y === "last" ? 3 : 1];
  const maxLen = y === null ? [4, 4, 4] : [y === "first" ? 4 : 2, 2, y === "last" ? 4 : 2];

  return (text, pos, out) => {
    let i = pos, c = text.charCodeAt(i);
    while (isPrefixMark(c)) c = text.charCodeAt(++i);
    if (ios) {
      if (c !== 91) return -1;
      c = text.charCodeAt(++i);
      while (isPrefixMark(c)) c = text.charCodeAt(++i);
    }
    // DATE: \d{1,2} sep \d{1,2} sep \d{1,2} \.?, the year's place with 3–4 digits
    for (let part = 0; part < 3; part++) {
      const start = i;
      let v = 0;
      while (c >= 48 && c <= 57) v = v * 10 + c - 48, c = text.charCodeAt(++i);
      const len = i - start;
      if (len < minLen[part] || len > maxLen[part]) return -1;
      out[part] = v;
      if (part === 0) out[6] = len;
      if (part < 2) {
        if (c !== sep) return -1;
        c = text.charCodeAt(++i);
      } else out[7] = len;
    }
    out[8] = i;
    if (c === 46) c = text.charCodeAt(++i);
    // JOINER, literally (spaces of any kind match each other)
    for (let k = 0; k < joiner.length; k++) {
      const j = joiner.charCodeAt(k);
      if (isSpace(j) ? !isSpace(c) : c !== j) return -1;
      c = text.charCodeAt(++i);
    }
    // TIME: \d{1,2} [:.] \d{2}, then [:.] \d{2} when the format has seconds, \.?
    out[9] = i;
    if (c < 48 || c > 57) return -1;
    let h = c - 48;
    c = text.charCodeAt(++i);
    if (c >= 48 && c <= 57) h = h * 10 + c - 48, c = text.charCodeAt(++i);
    out[3] = h;
    let runs = 0;
    out[5] = 0;
    while (runs < maxRuns && (c === 58 || c === 46)) {
      const a = text.charCodeAt(i + 1) - 48, b = text.charCodeAt(i + 2) - 48;
      if (a < 0 || a > 9 || b < 0 || b > 9) break;
      out[4 + runs] = a * 10 + b;
      i += 3;
      c = text.charCodeAt(i);
      runs++;
    }
    if (runs < minRuns) return -1;
    out[10] = i;
    if (c === 46) c = text.charCodeAt(++i);
    if (h12) {
      while (isSpace(c)) c = text.charCodeAt(++i);
      const am = c === 97 || c === 65, pm = c === 112 || c === 80;
      if (!am && !pm) return -1;
      c = text.charCodeAt(++i);
      if (c === 46) c = text.charCodeAt(++i);
      if (isSpace(c)) c = text.charCodeAt(++i);
      if (c !== 109 && c !== 77) return -1;
      c = text.charCodeAt(++i);
      if (c === 46) c = text.charCodeAt(++i);
      out[11] = am ? 1 : 2;
    }
    // END
    if (ios) {
      while (isPrefixMark(c)) c = text.charCodeAt(++i);
      if (c !== 93) return -1;
      c = text.charCodeAt(++i);
      return isSpace(c) ? i + 1 : i;
    }
    if (old) {
      if (c !== 58) return -1;
      c = text.charCodeAt(++i);
      return c === 32 || c === 0xa0 ? i + 1 : c === 10 || c === 13 || c !== c ? i : -1;
    }
    if (!isSpace(c)) return -1;
    while (isSpace(c)) c = text.charCodeAt(++i);
    if (c !== 45 && c !== 0x2013) return -1;
    c = text.charCodeAt(++i);
    return c === 32 || c === 0xa0 ? i + 1 : c === 10 || c === 13 || c !== c ? i : -1;
  };
}
