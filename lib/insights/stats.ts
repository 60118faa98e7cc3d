/**
 * Small pure computations over aggregated rows: medians of histograms, streaks and silences
 * of calendar days, whole-month ranges.
 *
 * @module
 */

/**
 * The median of a histogram of `[value, count]` pairs sorted by value: the middle value, or
 * the mean of the two middle values for an even total; null when empty.
 *
 * @example
 * ```ts
 * medianOfHistogram([[1, 2], [5, 1], [9, 1]]); // 3 (values 1, 1, 5, 9)
 * ```
 */
export function medianOfHistogram(
  histogram: readonly (readonly [number, number])[],
): number | null {
  const total = histogram.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const nth = (k: number) => { // k-th value, 0-based
    let seen = 0;
    for (const [value, n] of histogram) {
      seen += n;
      if (k < seen) return value;
    }
    return histogram[histogram.length - 1][0];
  };
  return total % 2 === 1 ? nth((total - 1) / 2) : (nth(total / 2 - 1) + nth(total / 2)) / 2;
}

/** A run of calendar days, both ends included. */
export interface DayRun {
  from: string;
  to: string;
  days: number;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `day` (YYYY-MM-DD) moved by `n` days. */
export function addDays(day: string, n: number): string {
  return toDay(toMs(day) + n * DAY_MS);
}

/**
 * The longest streak of consecutive active days and the longest silence (days without a
 * message between two active days); the earliest wins a tie. `days` must be sorted, distinct.
 *
 * @example
 * ```ts
 * streaks(["2024-01-01", "2024-01-02", "2024-01-06"]);
 * // { longestStreak: { from: "2024-01-01", to: "2024-01-02", days: 2 },
 * //   longestSilence: { from: "2024-01-03", to: "2024-01-05", days: 3 } }
 * ```
 */
export function streaks(days: readonly string[]): {
  longestStreak: DayRun | null;
  longestSilence: DayRun | null;
} {
  let longestStreak: DayRun | null = null, longestSilence: DayRun | null = null;
  let start = 0;
  for (let i = 0; i < days.length; i++) {
    const next = i + 1 < days.length ? Math.round((toMs(days[i + 1]) - toMs(days[i])) / DAY_MS) : 0;
    if (next === 1) continue;
    const length = i - start + 1;
    if (!longestStreak || length > longestStreak.days) {
      longestStreak = { from: days[start], to: days[i], days: length };
    }
    if (next > 1 && (!longestSilence || next - 1 > longestSilence.days)) {
      longestSilence = { from: addDays(days[i], 1), to: addDays(days[i + 1], -1), days: next - 1 };
    }
    start = i + 1;
  }
  return { longestStreak, longestSilence };
}

/**
 * The months a day range covers whole, as `[from, to)` of month starts (`-infinity` /
 * `infinity` for open ends); `from >= to` when it covers none.
 *
 * @example
 * ```ts
 * wholeMonths("2024-01-15", "2024-03-31"); // { from: "2024-02-01", to: "2024-04-01" }
 * wholeMonths(null, "2024-03-30"); // { from: "-infinity", to: "2024-03-01" }
 * ```
 */
export function wholeMonths(from: string | null, to: string | null): { from: string; to: string } {
  const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
  const nextMonth = (day: string) => {
    const d = new Date(toMs(monthStart(day)));
    d.setUTCMonth(d.getUTCMonth() + 1);
    return toDay(d.getTime());
  };
  return {
    from: from === null ? "-infinity" : from.endsWith("-01") ? from : nextMonth(from),
    to: to === null ? "infinity" : addDays(to, 1).endsWith("-01") ? addDays(to, 1) : monthStart(to),
  };
}

/** Every month (`YYYY-MM`) from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
    months.push(month);
    if (month >= end) return months;
    if (++m > 12) m = 1, y++;
  }
}
