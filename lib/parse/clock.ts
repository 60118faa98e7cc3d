/**
 * Clock details of a header: the AM/PM words of 12-hour exports and non-ASCII digits.
 *
 * The marker words come from FORMAT.md §2.2 (`AM`, `am`, `a.m.`, `a. m.` with U+00A0 inside,
 * U+202F or U+0020 before them, Arabic `ص`/`م`) plus the CJK words written before the time (H34),
 * the CLDR short day periods of other 12-hour locales (Persian, Greek, Vietnamese, Malay,
 * Afrikaans, Albanian, Hindi, Bengali, Thai, Hebrew), and German's CLDR flexible day periods
 * ({@link DAY_PERIODS}: German Android's `9:00 abends`): tolerant by design, unverified for most.
 *
 * @module
 */

const AM = 1;
const PM = 2;

/** Marker value: 0 unknown/none, 1 AM, 2 PM. */
export type Meridiem = 0 | 1 | 2;

/**
 * CLDR's flexible day periods (the `B` of `h:mm B`: Intl's `dayPeriod`, short and long widths)
 * that a 12-hour clock writes instead of AM/PM, as `[language, AM words, PM words]`,
 * `|`-separated: German Android (`01.03.24, 9:00 abends - `: nachts 00–05, morgens, vorm.;
 * mittags 12, nachm., abends); zh-TW's (`晚上9:00`) are among the hand-written {@link MARKERS}.
 * `12:15 nachts` is 00:15 and `12:30 mittags` 12:30, as `12:15 AM` and `12:30 PM` are.
 *
 * Left out, by decision: the day periods of ~45 other CLDR languages (Intl has them; no export
 * is known to write them): with them the header regexes grew ~300 words and every parse paid
 * ~30 ms more to compile them, for files never seen; and words whose hours span midnight or noon
 * (ru `ночи`), which one AM/PM value cannot read.
 */
const DAY_PERIODS: [string, string, string][] = [
  ["de", "nachts|morgens|vorm.|vormittags", "mittags|nachm.|nachmittags|abends"],
];

/**
 * The marker words as written, with their meridiem and a language hint (null for the Latin
 * `AM/PM`). When matching, a written dot or space is optional and ASCII letters match in either
 * case (`a. m.` also reads `AM`, `a.m.`, `am`; not the day periods, see AS_WRITTEN);
 * {@link WORDS} and {@link MARKER_SOURCE} are derived from this one list (the day periods
 * appended from {@link DAY_PERIODS}).
 */
const MARKERS: [string, Meridiem, string | null][] = [
  ["a. m.", AM, null],
  ["p. m.", PM, null],
  ["ص", AM, "ar"],
  ["م", PM, "ar"],
  ["ق.ظ.", AM, "fa"],
  ["ب.ظ.", PM, "fa"],
  ["오전", AM, "ko"],
  ["오후", PM, "ko"],
  ["上午", AM, "zh"],
  ["下午", PM, "zh"],
  // zh-Hant day periods (CLDR `Bh:mm`): midnight, small hours, morning; noon (12:xx), evening.
  ["午夜", AM, "zh"],
  ["凌晨", AM, "zh"],
  ["清晨", AM, "zh"],
  ["早上", AM, "zh"],
  ["中午", PM, "zh"],
  ["晚上", PM, "zh"],
  ["午前", AM, "ja"],
  ["午後", PM, "ja"],
  ["π. μ.", AM, "el"],
  ["μ. μ.", PM, "el"],
  ["SA", AM, "vi"],
  ["CH", PM, "vi"],
  ["vm.", AM, "af"],
  ["nm.", PM, "af"],
  ["PTG", PM, "ms"],
  ["PG", AM, "ms"],
  ["e paradites", AM, "sq"],
  ["e pasdites", PM, "sq"],
  ["पूर्वाह्न", AM, "hi"],
  ["अपराह्न", PM, "hi"],
  ["পূর্বাহ্ণ", AM, "bn"],
  ["অপরাহ্ণ", PM, "bn"],
  ["ก่อนเที่ยง", AM, "th"],
  ["หลังเที่ยง", PM, "th"],
  ["לפנה״צ", AM, "he"],
  ["אחה״צ", PM, "he"],
  ["ጥዋት", AM, "am"],
  ["ከሰዓት", PM, "am"],
  // CLDR's words of 12-hour clocks in locales that default to 24 hours (ICU, which Android's
  // date formats use; read off Deno's Intl): a phone switched to 12 hours writes them.
  ["пр.об.", AM, "bg"],
  ["сл.об.", PM, "bg"],
  ["dop.", AM, "cs"],
  ["odp.", PM, "cs"],
  ["pop.", PM, "sl"],
  ["قبل\u200Cازظهر", AM, "fa"],
  ["بعدازظهر", PM, "fa"],
  ["ap.", AM, "fi"],
  ["ip.", PM, "fi"],
  ["de.", AM, "hu"],
  ["du.", PM, "hu"],
  ["priešpiet", AM, "lt"],
  ["popiet", PM, "lt"],
  ["priekšpusdienā", AM, "lv"],
  ["pēcpusdienā", PM, "lv"],
  ["da manhã", AM, "pt"],
  ["da tarde", PM, "pt"],
  ["fm", AM, "sv"],
  ["em", PM, "sv"],
  ["ÖÖ", AM, "tr"],
  ["ÖS", PM, "tr"],
  ["дп", AM, "uk"],
  ["пп", PM, "uk"],
  ...DAY_PERIODS.flatMap(([lang, am, pm]): [string, Meridiem, string | null][] => [
    ...am.split("|").map((w): [string, Meridiem, string | null] => [w, AM, lang]),
    ...pm.split("|").map((w): [string, Meridiem, string | null] => [w, PM, lang]),
  ]),
];

const NOISE_G = /[.\s\u00A0\u202F\u200C\u200E\u200F\u061C]/g;
/** A marker word without dots, spaces and marks, lower case: the key of {@link WORDS}. */
const normalise = (word: string) => word.replace(NOISE_G, "").toLowerCase();

/**
 * The day periods match in CLDR's case only (`abends`, vi `TR`): a phone writes them so, while a
 * capitalised word after a time is more likely a name (`09:25:15 Sabah: hi`, H31 style).
 */
const AS_WRITTEN = new Set(
  DAY_PERIODS.flatMap(([, am, pm]) => [...am.split("|"), ...pm.split("|")]),
);

/**
 * Normalised spelling → meridiem, a language hint, and whether it is a day period (the first
 * listed wins: a hand-written marker is no day period).
 */
const WORDS = new Map<string, [Meridiem, string | null, boolean]>();
for (const [word, meridiem, lang] of MARKERS) {
  const key = normalise(word);
  if (!WORDS.has(key)) WORDS.set(key, [meridiem, lang, AS_WRITTEN.has(word)]);
}

/**
 * Regex source of one written marker: its dots and spaces optional, ASCII letters either case
 * (but for {@link AS_WRITTEN}).
 */
function writtenSource(word: string): string {
  const caseless = !AS_WRITTEN.has(word);
  return [...word].map((ch) =>
    ch === "."
      ? "\\.?"
      : ch === " "
      ? "[ \\u00A0\\u202F]?"
      : ch === "\u200C"
      ? "\\u200C?"
      : caseless && /[a-z]/i.test(ch)
      ? `[${ch.toLowerCase()}${ch.toUpperCase()}]`
      : ch
  ).join("") + (word.endsWith(".") ? "" : "\\.?");
}

/**
 * Regex source (no capture groups, no flags needed) matching one AM/PM marker in any supported
 * spelling; longer words first (`PTG` before `PG`), so that backtracking is rare.
 */
export const MARKER_SOURCE = [...new Set(MARKERS.map(([word]) => word))]
  .sort((a, b) => b.length - a.length).map(writtenSource).join("|");

const MARKER_RE = new RegExp(`(?:${MARKER_SOURCE})`);

/**
 * Meridiem of a marker as written (`"p. m."`, `"PM"`, `"م"`, `"오후"`), 0 when unknown.
 *
 * @example
 * ```ts
 * markerValue("p.\u00A0m."); // 2
 * ```
 */
export function markerValue(word: string): Meridiem {
  const entry = WORDS.get(normalise(word));
  return entry === undefined ? 0 : entry[0];
}

/**
 * True when a marker is one of CLDR's flexible day periods (`abends`, `pagi`), not an AM/PM word:
 * such words are only read in the layouts of the phones that write them (header.ts: not in the
 * old iOS layout, which predates them, where a name after the time is likelier).
 */
export function isDayPeriod(word: string): boolean {
  return WORDS.get(normalise(word))?.[2] ?? false;
}

/** Language hint of a marker (`"ar"` for `م`), or null for the Latin `AM/PM` family. */
export function markerLanguage(word: string): string | null {
  const entry = WORDS.get(normalise(word));
  return entry === undefined ? null : entry[1];
}

/**
 * Meridiem of the first marker found in `text[from, to)` (a header's span between time and end, or
 * between date and time), 0 when there is none. The Latin `am`/`a.m.`/`p. m.` spellings are
 * classified from their letters without allocating; any other word is looked up whole
 * ({@link markerEntry}); the regex search (all the words, tried at every position: ~10x slower)
 * only when that fails (a joiner word before the marker: `à 下午`).
 */
export function findMarker(text: string, from: number, to: number): Meridiem {
  let i = from;
  let c = 0;
  // Spaces and marks, and what ends a date before the word (`.`, `,`: ko `23. 1. 5. 오후`).
  while (i < to) {
    c = text.charCodeAt(i);
    if (
      c !== 32 && c !== 0xa0 && c !== 0x202f && c !== 0x200e && c !== 0x200f && c !== 46 &&
      c !== 44 && c !== 0x60c
    ) break;
    i++;
  }
  const a = c === 97 || c === 65; // a, A
  if (a || c === 112 || c === 80) { // p, P
    let j = i + 1;
    while (
      j < to &&
      (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)
    ) j++;
    const d = text.charCodeAt(j);
    if (d === 109 || d === 77) { // m, M: then the word must end
      if (text.charCodeAt(++j) === 46) j++;
      if (j >= to || !isLetter(text.charCodeAt(j))) return a ? AM : PM;
    }
  }
  const entry = markerEntry(text, i, to);
  if (entry !== undefined) return entry[0];
  const m = MARKER_RE.exec(text.slice(from, to));
  return m === null ? 0 : markerValue(m[0]);
}

/**
 * The {@link WORDS} entry of the word in `text[from, to)`: up to its first digit (the hour of
 * `下午3:04`, the date of vi `CH 15/1/24`), without the header's end (` - `, `] `, `: `) after
 * it; looked up as written (most are: `下午`, `abends`), then normalised.
 */
function markerEntry(
  text: string,
  from: number,
  to: number,
): [Meridiem, string | null, boolean] | undefined {
  let end = from;
  while (end < to && !(text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57)) end++;
  while (end > from && isHeaderEnd(text.charCodeAt(end - 1))) end--;
  const word = text.slice(from, end);
  return WORDS.get(word) ?? WORDS.get(normalise(word));
}

/** Spaces, `-`, `–`, `]`, `:` and bidi marks: what ends a header after its AM/PM word. */
function isHeaderEnd(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x202f || c === 45 || c === 0x2013 || c === 93 ||
    c === 58 || c === 0x200e || c === 0x200f;
}

/** True for an ASCII letter or a letter-range code unit (Latin-1 letters up to U+1FFF). */
function isLetter(c: number): boolean {
  const lower = c | 32;
  return (lower >= 97 && lower <= 122) || (c >= 0xc0 && c < 0x2000);
}

/**
 * Converts a 12-hour hour to 24-hour: `12 AM` → 0, `12 PM` → 12, `1 PM` → 13. Returns -1 when
 * the hour cannot be on a 12-hour clock. `0 AM` (seen in a fixture) stays 0.
 */
export function to24h(hour: number, meridiem: Meridiem): number {
  if (hour > 12 || meridiem === 0) return -1;
  if (meridiem === AM) return hour === 12 ? 0 : hour;
  return hour === 12 || hour === 0 ? 12 : hour + 12;
}

/**
 * True for a UTF-16 code unit that is a decimal digit of another script that exports use:
 * Arabic-Indic (U+0660…), Extended Arabic-Indic/Persian (U+06F0…), Devanagari, Bengali, fullwidth.
 */
export function isForeignDigit(c: number): boolean {
  return (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ||
    (c >= 0x966 && c <= 0x96f) || (c >= 0x9e6 && c <= 0x9ef) || (c >= 0xff10 && c <= 0xff19);
}

/** The ASCII digit for a foreign digit code unit (see {@link isForeignDigit}), else the input. */
export function asciiDigit(c: number): number {
  if (c >= 0x660 && c <= 0x669) return c - 0x660 + 48;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0 + 48;
  if (c >= 0x966 && c <= 0x96f) return c - 0x966 + 48;
  if (c >= 0x9e6 && c <= 0x9ef) return c - 0x9e6 + 48;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 48;
  return c;
}
