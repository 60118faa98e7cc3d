/**
 * Date order (DMY, MDY, YMD) inference and date formatting.
 *
 * The order is not written in the file (FORMAT.md §3). Each header eliminates the orders under
 * which its date is impossible (month > 12, day > days in month); a 4-digit first component means
 * YMD. When one order is left it is **certain**. A file where no date ever eliminates DMY or MDY
 * is settled by chronology: the order under which consecutive messages go back in time less often
 * wins; on a tie, the component that changes more often is the day (**inferred**). A file with a
 * single date falls back to a default (**guessed**): MDY for `M/D/YY` 12-hour files (en-US), else DMY.
 * Year-first with a 2-digit year (`23. 1. 5.`) is assumed only for the CJK locales (AM/PM word
 * before the time) and for the Korean `yy. M. d.` shape (`. ` separators, 2-digit year) on a
 * 24-hour clock; otherwise it needs `dateOrder: "YMD"`. A non-English AM/PM word (`π.μ.`, `PG`,
 * `ص`) is not en-US: its file falls back to DMY.
 *
 * Years of other calendars (iOS writes the phone's calendar): a 4-digit year from
 * {@link BUDDHIST_FROM} on is a Buddhist Era year (`3/18/2565 BE`, or a Thai export without the
 * suffix) and is converted in {@link fullYear}, before the date is validated (BE 29/2/2567 is
 * 2024-02-29); a Japanese era year (`3/18/R4`) is turned into its Gregorian year, 4 digits long,
 * where the header is read (head.ts readNumbers, with {@link ERAS}), so `R4` is never a day or a
 * month. A 2-digit year stays 20YY whatever the calendar (FORMAT.md §2.2).
 *
 * @module
 */
import type { Certainty, DateOrder } from "./types.ts";

/** Bit of an order in a candidate set. */
export const ORDER_BIT: Record<DateOrder, number> = { DMY: 1, MDY: 2, YMD: 4 };
/** Every order a file may still have before its first header. */
export const ALL_ORDERS = 7;
/** Numbers stored per pending message: d1, d2, d3, len(d1), len(d3), hour (24h), minute, second. */
export const STRIDE = 8;

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a real calendar date (leap years included). */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > DAYS[m]) return false;
  return m !== 2 || d < 29 || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
}

/**
 * The first Buddhist Era year read as such: BE 2400 is 1857 CE, so no chat export is dated from
 * 2400 on in the Gregorian calendar, while every BE year of the WhatsApp era (2552 = 2009 on) is.
 */
export const BUDDHIST_FROM = 2400;
/** Buddhist Era year − this = Gregorian year (Thai solar calendar, `2565 BE` = 2022). */
const BUDDHIST_OFFSET = 543;

/**
 * Japanese imperial eras as iOS abbreviates them (`R4`, `H31`) → the Gregorian year before the
 * era's year 1. Only the eras WhatsApp (2009 on) can date: Heisei (H21 = 2009 … H31 = 2019) and
 * Reiwa (R1 = 2019 on); Shōwa and older cannot occur.
 */
export const ERAS: ReadonlyMap<string, number> = new Map([["H", 1988], ["R", 2018]]);

/**
 * The year written with `len` digits: `23` → 2023, `2023` → 2023, a Buddhist Era year (from
 * {@link BUDDHIST_FROM}) → its Gregorian year (`2565` → 2022), other lengths → -1.
 */
export function fullYear(v: number, len: number): number {
  if (len === 4) return v >= BUDDHIST_FROM ? v - BUDDHIST_OFFSET : v;
  return len === 2 ? 2000 + v : -1;
}

/**
 * Writes `[year, month, day]` of the components under `order` into `out`; false when that date
 * is impossible under that order.
 */
export function resolveDate(
  order: number,
  d1: number,
  d2: number,
  d3: number,
  len1: number,
  len3: number,
  out: Int32Array,
): boolean {
  let y: number, m: number, d: number;
  if (order === 4) {
    y = fullYear(d1, len1), m = d2, d = d3;
  } else {
    if (len1 > 2) return false;
    y = fullYear(d3, len3);
    if (order === 1) m = d2, d = d1;
    else m = d1, d = d2;
  }
  if (y < 0 || !isValidDate(y, m, d)) return false;
  out[0] = y, out[1] = m, out[2] = d;
  return true;
}

const SCRATCH = new Int32Array(3);

/**
 * Bit set of the orders under which a date is possible (see {@link ORDER_BIT}). Year-first is a
 * candidate only with a 4-digit first component, unless `yearFirst` says the locale writes the
 * year first anyway (ko `23. 1. 5.`), in which case it is the only candidate (but for a date
 * whose last component has 4 digits).
 */
export function possibleOrders(
  d1: number,
  d2: number,
  d3: number,
  len1: number,
  len3: number,
  yearFirst = false,
): number {
  // A 4-digit LAST component is the year whatever the locale (zh-HK `15/1/2024 上午9:16`).
  if ((yearFirst && len3 !== 4) || len1 === 4) {
    return resolveDate(4, d1, d2, d3, len1, len3, SCRATCH) ? 4 : 0;
  }
  let bits = 0;
  if (resolveDate(1, d1, d2, d3, len1, len3, SCRATCH)) bits |= 1;
  if (resolveDate(2, d1, d2, d3, len1, len3, SCRATCH)) bits |= 2;
  return bits;
}

/** The order of a single-bit candidate set, else null. */
export function orderOf(bits: number): DateOrder | null {
  return bits === 1 ? "DMY" : bits === 2 ? "MDY" : bits === 4 ? "YMD" : null;
}

function key(order: number, n: ArrayLike<number>, i: number): number {
  if (!resolveDate(order, n[i], n[i + 1], n[i + 2], n[i + 3], n[i + 4], SCRATCH)) return -1;
  return ((((SCRATCH[0] * 13 + SCRATCH[1]) * 32 + SCRATCH[2]) * 24 + n[i + 5]) * 60 + n[i + 6]) *
      60 +
    n[i + 7];
}

/** How many times consecutive messages go back in time under `order` ({@link STRIDE} numbers each). */
export function countInversions(order: number, nums: ArrayLike<number>, count: number): number {
  let inversions = 0;
  let prev = -1;
  for (let i = 0; i < count; i++) {
    const k = key(order, nums, i * STRIDE);
    if (prev >= 0 && k >= 0 && k < prev) inversions++;
    if (k >= 0) prev = k;
  }
  return inversions;
}

/**
 * Settles the order of a file whose dates left several candidates, from the buffered numbers
 * ({@link STRIDE} per message). `fallback` is used when the dates cannot tell.
 */
export function settleOrder(
  candidates: number,
  nums: ArrayLike<number>,
  count: number,
  fallback: DateOrder,
): { order: DateOrder; certainty: Certainty } {
  const single = orderOf(candidates);
  if (single !== null) return { order: single, certainty: "certain" };
  if ((candidates & 3) === 3) {
    const dmy = countInversions(1, nums, count);
    const mdy = countInversions(2, nums, count);
    if (dmy !== mdy) return { order: dmy < mdy ? "DMY" : "MDY", certainty: "inferred" };
    let first = 0, second = 0;
    for (let i = STRIDE; i < count * STRIDE; i += STRIDE) {
      if (nums[i] !== nums[i - STRIDE]) first++;
      if (nums[i + 1] !== nums[i + 1 - STRIDE]) second++;
    }
    if (first !== second) return { order: first > second ? "DMY" : "MDY", certainty: "inferred" };
  }
  const allowed = (candidates & ORDER_BIT[fallback]) !== 0 || candidates === 0;
  return { order: allowed ? fallback : orderOf(candidates & -candidates)!, certainty: "guessed" };
}

/**
 * The default order of a file whose dates cannot tell: MDY for the en-US shape (12-hour clock
 * with the Latin AM/PM, `/` separator, 2-digit year), DMY otherwise (most locales). `markerLang`:
 * the language of the file's AM/PM word when it is not the Latin one (markerLanguage).
 */
export function defaultOrder(
  clock12: boolean,
  sep: string,
  len3: number,
  markerLang: string | null = null,
): DateOrder {
  return clock12 && markerLang === null && sep === "/" && len3 === 2 ? "MDY" : "DMY";
}

/** `"00"`…`"99"`. */
const PAD: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? "0" : "") + i);

/** `YYYY-MM-DD` of a date. */
export function formatDay(y: number, m: number, d: number): string {
  return `${y}-${PAD[m]}-${PAD[d]}`;
}

/** `THH:MM:SS` of a time (the `T` included). */
export function formatTime(h: number, mi: number, s: number): string {
  return `T${PAD[h]}:${PAD[mi]}:${PAD[s]}`;
}
