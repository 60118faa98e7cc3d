/**
 * Low-level scanning of a header line without regex captures: reading the date and time numbers
 * (a Japanese era year such as `R4` read as its Gregorian year), and rewriting a head that carries
 * bidi marks or non-ASCII digits into a form the header regex can match (then mapping positions
 * back to the original line).
 *
 * @module
 */
import { asciiDigit, isForeignDigit } from "./clock.ts";
import { ERAS } from "./date_order.ts";

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

/** Value, start and end of each digit run {@link readNumbers} found (6 at most). */
const RUNS = new Int32Array(18);

/**
 * Reads the numbers of a header already validated by the format regex. Fills `out` with
 * `[d1, d2, d3, hour, minute, second, len(d1), len(d3), dateEnd, hourStart, timeEnd]` (positions in
 * `s`) and returns how many digit runs were found (5 without seconds, 6 with). `timeFirst`: the
 * header writes the time before the date (`14:05 15/1/24`): its first 2 or 3 runs are the time.
 * A Japanese era year (`3/18/R4`, `R4/3/18`) comes out as its Gregorian year with length 4
 * (2022, 4), so that the date code sees an unmistakable year (see {@link eraYear}).
 */
export function readNumbers(
  s: string,
  from: number,
  to: number,
  out: Int32Array,
  timeFirst = false,
): number {
  let n = 0;
  for (let i = from; i < to && n < 6;) {
    let c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    const start = i;
    let v = 0;
    while (i < to && (c = s.charCodeAt(i)) >= 48 && c <= 57) v = v * 10 + c - 48, i++;
    RUNS[n * 3] = v, RUNS[n * 3 + 1] = start, RUNS[n * 3 + 2] = i;
    n++;
  }
  const date = timeFirst ? n - 3 : 0, time = timeFirst ? 0 : 3, timeRuns = n - 3;
  for (let k = 0; k < 3 && date + k < n; k++) out[k] = RUNS[(date + k) * 3];
  out[3] = RUNS[time * 3], out[4] = RUNS[time * 3 + 3];
  out[5] = timeRuns === 3 ? RUNS[time * 3 + 6] : 0;
  out[6] = RUNS[date * 3 + 2] - RUNS[date * 3 + 1];
  out[7] = RUNS[date * 3 + 8] - RUNS[date * 3 + 7];
  out[8] = RUNS[date * 3 + 8];
  out[9] = RUNS[time * 3 + 1];
  out[10] = RUNS[(time + timeRuns - 1) * 3 + 2];
  const era1 = eraYear(s, RUNS[date * 3 + 1], out[0]),
    era3 = eraYear(s, RUNS[date * 3 + 7], out[2]);
  if (era1 > 0) out[0] = era1, out[6] = 4;
  if (era3 > 0) out[2] = era3, out[7] = 4;
  return n;
}

/**
 * The Gregorian year of a date component whose digits start at `start`, when an era letter of
 * {@link ERAS} stands right before them (`R4` → 2022, `H31` → 2019); else -1. Only the year's
 * place can hold a letter in a header the format regex accepted (header.ts ERA_YEAR), so a letter
 * before the first or last component is an era, never part of a separator or a word.
 */
function eraYear(s: string, start: number, value: number): number {
  const base = start > 0 ? ERAS.get(s[start - 1]) : undefined;
  return base === undefined ? -1 : base + value;
}
