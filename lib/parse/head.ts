/**
 * Low-level scanning of a header line without regex captures: reading the date and time numbers,
 * and rewriting a head that carries bidi marks or non-ASCII digits into a form the header regex
 * can match (then mapping positions back to the original line).
 *
 * @module
 */
import { asciiDigit, isForeignDigit } from "./clock.ts";

/** How many characters of a line {@link normalizeHead} looks at: headers are far shorter. */
export const HEAD_SPAN = 120;

/**
 * True for the invisible formatting characters a header may carry: LRM, RLM, ALM (U+061C),
 * U+202A–U+202E, U+2066–U+2069 and the BOM.
 */
export function isMark(c: number): boolean {
  return c === 0x200e || c === 0x200f || c === 0x61c || c === 0xfeff ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * The first {@link HEAD_SPAN} characters of `text[from, to)` without marks and with every digit
 * in ASCII. The result is as long as the original minus the marks removed.
 *
 * @example
 * ```ts
 * normalizeHead("\u200F١٢/٠١/٢٠٢٣، ١٠:٠٥ م - x", 0, 25); // "12/01/2023، 10:05 م - x"
 * ```
 */
export function normalizeHead(text: string, from: number, to: number): string {
  const end = Math.min(to, from + HEAD_SPAN);
  const codes: number[] = [];
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isMark(c)) continue;
    codes.push(isForeignDigit(c) ? asciiDigit(c) : c);
  }
  return String.fromCharCode(...codes);
}

/** Index in `text` just after the `kept`-th character that {@link normalizeHead} kept from `from`. */
export function mapBack(text: string, from: number, kept: number): number {
  let i = from;
  let n = 0;
  while (n < kept) {
    if (!isMark(text.charCodeAt(i))) n++;
    i++;
  }
  return i;
}

/**
 * True when a line starting at `from` may need {@link normalizeHead}: it starts with a mark or a
 * foreign digit, or one of those occurs within its first 48 characters.
 */
export function needsNormalizing(text: string, from: number, to: number): boolean {
  const end = Math.min(to, from + 48);
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x600 && (isMark(c) || isForeignDigit(c))) return true;
  }
  return false;
}

/**
 * Reads the numbers of a header already validated by the format regex. Fills `out` with
 * `[d1, d2, d3, hour, minute, second, len(d1), len(d3), dateEnd, hourStart, timeEnd]` (positions in
 * `s`) and returns how many digit runs were found (5 without seconds, 6 with). `timeFirst`: the
 * header writes the time before the date (`14:05 15/1/24`).
 */
export function readNumbers(
  s: string,
  from: number,
  to: number,
  out: Int32Array,
  timeFirst = false,
): number {
  if (timeFirst) return readTimeFirst(s, from, to, out);
  let n = 0;
  let i = from;
  out[5] = 0;
  while (i < to && n < 6) {
    let c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    const start = i;
    let v = c - 48;
    i++;
    while (i < to && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      v = v * 10 + c - 48;
      i++;
    }
    out[n] = v;
    if (n === 0) out[6] = i - start;
    else if (n === 2) {
      out[7] = i - start;
      out[8] = i;
    } else if (n === 3) out[9] = start;
    n++;
    out[10] = i;
  }
  return n;
}

/** The next run of ASCII digits in `s[from, to)`: `[value, start, end]`, or null. */
function digitRun(s: string, from: number, to: number): [number, number, number] | null {
  let i = from;
  while (i < to && (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57)) i++;
  if (i >= to) return null;
  const start = i;
  let v = 0;
  for (let c = s.charCodeAt(i); i < to && c >= 48 && c <= 57; c = s.charCodeAt(++i)) {
    v = v * 10 + c - 48;
  }
  return [v, start, i];
}

/**
 * {@link readNumbers} for a time written first: the time's runs are those joined by one `:` or
 * `.` (2 or 3), then come the date's three.
 */
function readTimeFirst(s: string, from: number, to: number, out: Int32Array): number {
  let run = digitRun(s, from, to);
  if (run === null) return 0;
  out[3] = run[0], out[9] = run[1], out[4] = 0, out[5] = 0;
  let n = 1;
  for (let k = 4; k <= 5; k++) {
    const c = s.charCodeAt(run[2]);
    if (c !== 58 && c !== 46) break;
    const next = digitRun(s, run[2], to);
    if (next === null || next[1] !== run[2] + 1) break;
    run = next;
    out[k] = run[0];
    n++;
  }
  out[10] = run[2];
  for (let k = 0; k < 3; k++) {
    const next = digitRun(s, run[2], to);
    if (next === null) return n;
    run = next;
    out[k] = run[0];
    if (k === 0) out[6] = run[2] - run[1];
    n++;
  }
  out[7] = run[2] - run[1];
  out[8] = run[2];
  return n;
}
