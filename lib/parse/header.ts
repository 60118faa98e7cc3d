/**
 * Message headers: the format of a file (layout, date separator, joiner, clock; and its shape,
 * seconds and year length, when 3 in 4 of those lines agree) is detected by vote over its first
 * header-like lines, then compiled into ONE sticky regex used for every line.
 *
 * Generic grammar (FORMAT.md §2): `DATE<joiner>TIME[ AMPM]` followed by ` - ` (Android), wrapped in
 * `[…] ` (iOS), followed by `: ` (old iOS) or, for the H31 style, by a plain space; Vietnamese
 * writes `TIME[ AMPM] DATE` (CLDR's vi date-time pattern is `{0} {1}`: time first). The file regex
 * is specialised to the detected separator, joiner, clock and shape so that a body line such as
 * `26/09/2022 09:00 dentist` or a pasted header of another format is not taken for a message.
 *
 * Other calendars (iOS): the year's place may hold a Japanese era year (`[3/18/R4, 14:56:01]`,
 * ja `[R4/3/18 14:56:01]`), which counts as a written-out year (shape `last`/`first`); a Buddhist
 * `2565 BE` is a 4-digit year whose ` BE` is part of the joiner (` BE, `), as Bulgarian `г.,` is.
 * The years are converted by head.ts readNumbers (eras) and date_order.ts fullYear (BE); the
 * fused scanner (scan.ts) reads neither shape, so these rare files take the regex path. An
 * Android line starting with an era letter (`R4/3/18, 14:56 - `) is not read: the hot loop looks
 * at lines starting with a digit, `[` or a mark only (detect.ts isHeadStart).
 *
 * @module
 */
import { isDayPeriod, MARKER_SOURCE, markerLanguage } from "./clock.ts";
import { ERAS } from "./date_order.ts";
import type { Clock, Layout } from "./types.ts";
import { needsNormalizing, normalizeHead } from "./head.ts";

/** The header format of one export, as detected from its first header lines. */
export interface HeaderFormat {
  layout: Layout;
  /** H31 style: nothing but a space between the time and the author (reported as `ios-old`). */
  bare: boolean;
  /** Date separator as written: `/`, `.`, `-` or `. ` (with a space). */
  sep: string;
  /** What stands between date and time: `, `, ` `, ` à `, ` klo `, `، `… (marker excluded). */
  joiner: string;
  clock: Clock;
  /** True when the AM/PM word precedes the time (ko/zh/ja, H34). */
  markerBefore: boolean;
  /**
   * The time has seconds (iOS headers do, Android ones mostly not): fixed within an export, as
   * one locale formatter writes every header; null when the file's first headers disagreed
   * (then both are accepted).
   */
  seconds: boolean | null;
  /**
   * Where the year's 3–4 digits or era year stand (`first`: 2023/12/20, `last`: 20/12/2023,
   * 3/18/R4), or `short` for a 2-digit year (every component 1–2 digits); null when the first
   * headers disagreed.
   */
  year: "first" | "last" | "short" | null;
  /**
   * The Korean `yy. M. d.` shape (`. ` separators, a dot after the last component, 2-digit
   * year): the year comes first even on a 24-hour clock (Slovenian `d. MM. yy` has no last dot).
   */
  yearFirstShort: boolean;
  /** The time comes before the date (vi: CLDR's `{0} {1}`, `14:05 15/1/24 - `). */
  timeFirst: boolean;
}

/** One header-like line seen during detection. */
export interface Candidate {
  format: HeaderFormat;
  /** Language suggested by the header itself (`à` → fr, `klo` → fi, `م` → ar), or null. */
  lang: string | null;
  /** How many votes it counts for (default 1; the file's first line counts for more: detect.ts). */
  weight?: number;
}

const SP = "[ \\u00A0\\u202F]";
/** Invisible marks tolerated before a header and inside the iOS bracket. */
export const MARKS = "[\\uFEFF\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]*";
/** Between hour and minute: `:` or `.`, or fr-CA's ` h ` (`21 h 40`). */
const H_SEP = `(?:[:.]|${SP}h${SP})`;
/** Between minute and second: `:` or `.`, or fr-CA's ` min ` (then ` s` after the seconds). */
const M_SEP = `(?:[:.]|${SP}min${SP})`;
const S_END = `(?:${SP}s)?`;
const TIME = `\\d{1,2}${H_SEP}\\d{2}\\.?`;
const TIME_SECONDS = `\\d{1,2}${H_SEP}\\d{2}${M_SEP}\\d{2}${S_END}\\.?`;
const TIME_ANY = `\\d{1,2}${H_SEP}\\d{2}(?:${M_SEP}\\d{2}${S_END})?\\.?`;
const EOL = "(?:[ \\u00A0]|(?=\\r?\\n)|$)";
/** A Japanese era year (`R4`, `H31`: see ERAS); it stands only where a written-out year can. */
const ERA_YEAR = `[${[...ERAS.keys()].join("")}]\\d{1,2}`;
const END: Record<string, string> = {
  android: `${SP}+[-\u2013]${EOL}`,
  ios: `${MARKS}\\]${SP}?`,
  "ios-old": `:${EOL}`,
  bare: `[ \\u00A0]+`,
};

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&").replace(/[ \u00A0\u202F]/g, SP);
}

/** Regex source (unanchored, no flags) of the headers of one format. */
export function formatSource(f: HeaderFormat): string {
  const sep = escape(f.sep);
  // The year's place holds 3–4 digits or an era year; the other places 1–2 digits.
  const place = (p: "first" | "last") =>
    f.year === null
      ? `(?:\\d{1,4}|${ERA_YEAR})`
      : f.year === p
      ? `(?:\\d{3,4}|${ERA_YEAR})`
      : "\\d{1,2}";
  const d1 = place("first"), d3 = place("last");
  const date = `${d1}${sep}\\d{1,${f.year === null ? 4 : 2}}${sep}${d3}\\.?`;
  const marker = `(?:${MARKER_SOURCE})`;
  let time = f.seconds === null ? TIME_ANY : f.seconds ? TIME_SECONDS : TIME;
  if (f.clock === "12h") {
    time = f.markerBefore ? `${marker}${SP}*${time}` : `${time}${SP}*${marker}`;
  }
  const open = f.layout === "ios" ? `\\[${MARKS}` : "";
  const stamp = f.timeFirst
    ? `${time}${escape(f.joiner)}${date}`
    : `${date}${escape(f.joiner)}${time}`;
  return `${MARKS}${open}${stamp}${END[f.bare ? "bare" : f.layout]}`;
}

/** The compiled regexes of a format: sticky for the hot loop, anchored for normalised heads. */
export interface CompiledFormat {
  format: HeaderFormat;
  /** Use with `lastIndex = lineStart; sticky.test(text)`; `lastIndex` is then the header end. */
  sticky: RegExp;
  /** `^`-anchored twin, for heads rewritten by {@link normalizeHead}. */
  anchored: RegExp;
}

/** Compiles a format's regexes once per file. */
export function compileFormat(format: HeaderFormat): CompiledFormat {
  const src = formatSource(format);
  return { format, sticky: new RegExp(src, "y"), anchored: new RegExp(`^${src}`) };
}

// Detection: liberal regexes with captures, tried in this order on a normalised head.
// The separator is a named group: the date comes second in the time-first detectors.
const DATE_CAP =
  `(\\d{1,4}|${ERA_YEAR})(?<sep>[/.\\-]|\\.[ \\u00A0])(\\d{1,4})\\k<sep>(\\d{1,4}|${ERA_YEAR})(\\.?)`;
// A word may stand between date and time (`à`, `klo`), and a comma after it (bg `3.11.23 г., 9:15`).
const JOIN_CAP =
  "((?:[,\u060C][ \\u00A0]*|[ \\u00A0]+)(?:[^\\d\\s\\[\\]:,\\-]{1,10},?[ \\u00A0\\u202F]*)?)";
const TIME_CAP =
  `(\\d{1,2})${H_SEP}(\\d{2})(?:${M_SEP}(\\d{2})${S_END})?\\.?(?:${SP}*(${MARKER_SOURCE}))?`;
/** Between a time written first and its date: a space or a comma. */
const TIME_FIRST_JOIN_CAP = "((?:,[ \\u00A0]*|[ \\u00A0]+))";
/** [layout, bare, time first, regex]. */
const DETECTORS: [Layout, boolean, boolean, RegExp][] = [
  ["android", false, false, new RegExp(`^${DATE_CAP}${JOIN_CAP}${TIME_CAP}${END.android}`)],
  ["ios", false, false, new RegExp(`^\\[${DATE_CAP}${JOIN_CAP}${TIME_CAP}${END.ios}`)],
  ["ios-old", false, false, new RegExp(`^${DATE_CAP}${JOIN_CAP}${TIME_CAP}${END["ios-old"]}`)],
  ["ios-old", true, false, new RegExp(`^${DATE_CAP}${JOIN_CAP}${TIME_CAP}${END.bare}`)],
  [
    "android",
    false,
    true,
    new RegExp(`^${TIME_CAP}${TIME_FIRST_JOIN_CAP}${DATE_CAP}${END.android}`),
  ],
  ["ios", false, true, new RegExp(`^\\[${TIME_CAP}${TIME_FIRST_JOIN_CAP}${DATE_CAP}${END.ios}`)],
];
const MARKER_AT_END = new RegExp(`(?:${MARKER_SOURCE})${SP}*$`);
const JOINER_LANG: Record<string, string> = {
  "à": "fr",
  klo: "fi",
  um: "de",
  alle: "it",
  om: "nl",
  "г": "bg",
};

/** True for a date component written as a year: 3–4 digits, or an era year (`R4`). */
function isYear(component: string): boolean {
  return component.length > 2 || ERAS.has(component[0]);
}

/**
 * The header format a line would have if it were a message header of any known layout, or null.
 * Used to detect a file's format and to recognise header-like lines that do not fit it.
 *
 * @example
 * ```ts
 * candidateOf("[1/4/23, 7:02:11\u202FPM] Ann: hi")?.format.layout; // "ios"
 * ```
 *
 * `loose`: a time or date out of range (`25:00`, `10:61`, `29/29/18`, `2024-32-32`) does not
 * disqualify the line — to count a header-like line that does not fit as unplaced, as a
 * `31/02/2021` one is; detection keeps the strict reading.
 */
export function candidateOf(line: string, loose = false): Candidate | null {
  const head = needsNormalizing(line, 0, line.length) ? normalizeHead(line, 0, line.length) : line;
  for (const [layout, bare, timeFirst, re] of DETECTORS) {
    const m = re.exec(head);
    if (m === null) continue;
    const [d1, sep, d2, d3, dot, rawJoiner, h, mi, s, after] = timeFirst
      ? [m[6], m[7], m[8], m[9], m[10], m[5], m[1], m[2], m[3], m[4]]
      : m.slice(1);
    if (!loose) {
      if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)) continue;
      if (d2.length > 2 || +d2 > 31 || (isYear(d1) && isYear(d3))) continue;
      if (!isYear(d1) && +d1 > 12 && +d2 > 12) continue;
    }
    if (bare && line.indexOf(": ", m[0].length) < 0) continue;
    let joiner = rawJoiner;
    let before: string | null = null;
    const mb = MARKER_AT_END.exec(joiner);
    if (mb !== null && after === undefined) {
      before = mb[0];
      joiner = joiner.slice(0, mb.index);
    }
    const marker = after ?? before;
    // No 12-hour time has hour 21: `21:25:15 Em: hi` is H31 with an author named like sv `em`.
    if (!loose && marker && +h > 12) continue;
    // Old iOS (and H31) files predate day periods: `09:26:15 TR: yo` is an author named TR.
    if (marker && layout === "ios-old" && isDayPeriod(marker)) continue;
    const word = joiner.replace(/[\s,\u060C.]/g, "");
    const lang = marker ? markerLanguage(marker) : JOINER_LANG[word] ?? null;
    const format: HeaderFormat = {
      layout,
      bare,
      sep,
      joiner,
      clock: marker ? "12h" : "24h",
      markerBefore: before !== null,
      seconds: s !== undefined,
      year: isYear(d1) ? "first" : isYear(d3) ? "last" : "short",
      yearFirstShort: sep === ". " && dot === "." && !isYear(d1) && !isYear(d3),
      timeFirst,
    };
    return { format, lang };
  }
  return null;
}

/** A stable key of a format without its shape (seconds, year), for voting. */
export function formatKey(f: HeaderFormat): string {
  return `${f.layout}|${f.bare}|${f.sep}|${f.joiner}|${f.clock}|${f.markerBefore}|${f.timeFirst}`;
}

/** Share of the voted format's headers that must agree on seconds and year to enforce them. */
const SHAPE_AGREEMENT = 0.75;

/**
 * The shape (seconds, year) most of `same` share, or nulls when fewer than
 * {@link SHAPE_AGREEMENT} of them agree: a block of pasted headers among the first ones must not
 * decide a shape that would turn every real header into text.
 */
function shapeOf(same: Candidate[]): Pick<HeaderFormat, "seconds" | "year"> {
  const counts = new Map<string, number>();
  let top = same[0].format, n = 0;
  for (const { format } of same) {
    const k = `${format.seconds}|${format.year}`;
    const v = (counts.get(k) ?? 0) + 1;
    counts.set(k, v);
    if (v > n) top = format, n = v;
  }
  if (n < SHAPE_AGREEMENT * same.length) return { seconds: null, year: null };
  return { seconds: top.seconds, year: top.year };
}

/** How much one vote of a date-first, non-bare format weighs against a time-first one. */
const DATE_FIRST_WEIGHT = 3;

/**
 * Picks the format most of the candidates share (ties: the one seen first), or null for none.
 * A date-first non-bare format (nearly every export) beats the bare H31 style, unless that holds
 * the file's first line (weighted: detect.ts), as an H31 export's own header: then a body line
 * such as `13/06/2018, 21:30 - Bob: hi` must not decide, and they compete by score. It beats a
 * time-first one (Vietnamese) unless that has more than {@link DATE_FIRST_WEIGHT} times its
 * votes: a few body lines such as `14:05 15/1/24 - arrive` must not outvote the real headers,
 * while a Vietnamese file with a pasted date-first line is still read as Vietnamese. Bare and
 * time-first formats compete by count.
 */
export function voteFormat(candidates: Candidate[]): Candidate | null {
  // Each format's candidates, in order of first appearance.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = formatKey(c.format);
    const group = groups.get(k);
    if (group) group.push(c);
    else groups.set(k, [c]);
  }
  const dateFirst = (g: Candidate[]) => !g[0].format.bare && !g[0].format.timeFirst;
  // Bare, without the file's first line (its first candidate, when weighted).
  const bareNotFirst = (g: Candidate[]) => g[0].format.bare && (g[0].weight ?? 1) === 1;
  const votes = (g: Candidate[]) => g.reduce((n, c) => n + (c.weight ?? 1), 0);
  const score = (g: Candidate[]) => votes(g) * (dateFirst(g) ? DATE_FIRST_WEIGHT : 1);
  let best: Candidate[] | null = null;
  for (const g of groups.values()) {
    if (best === null) best = g;
    else if (bareNotFirst(best) && dateFirst(g)) best = g;
    else if (bareNotFirst(g) && dateFirst(best)) continue;
    else if (score(g) > score(best)) best = g;
  }
  if (best === null) return null;
  return { ...best[0], format: { ...best[0].format, ...shapeOf(best) } };
}
