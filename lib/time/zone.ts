/**
 * Wall clocks to instants in an IANA time zone, for the import's hot path.
 *
 * An export writes local wall clocks without a zone; the import knows the phone's zone
 * (`imports.time_zone`). Most wall clocks map to exactly one instant. Near a DST change:
 * - in the spring gap (Berlin 2024-03-31 02:30 never happened) the clock is shifted forward by
 *   the gap (03:30 +02:00), as JavaScript's Date and Temporal's `"compatible"` do;
 * - in the autumn fold (Berlin 2024-10-27 02:00–02:59 happened twice) the file order decides:
 *   the first pass through the fold is the earlier instant (+02:00), and once the wall clock goes
 *   backwards within the fold (02:50, then 02:10) the later one (+01:00).
 *
 * @module
 */
import { type ToInstant, utcInstant } from "../db/copy.ts";
import { offsetAt, offsetSuffix } from "./offset.ts";

const DAY_MS = 86_400_000;

/** Milliseconds of a wall clock `YYYY-MM-DDTHH:MM:SS` read as if it were UTC. */
function wallMs(wall: string): number {
  const d = new Date(0);
  d.setUTCFullYear(+wall.slice(0, 4), +wall.slice(5, 7) - 1, +wall.slice(8, 10));
  d.setUTCHours(+wall.slice(11, 13), +wall.slice(14, 16), +wall.slice(17, 19));
  return d.getTime();
}

/** How a wall clock maps to instants in a zone: offsets in seconds. */
export type Resolution =
  | { kind: "unique"; offset: number }
  | { kind: "fold"; earlier: number; later: number }
  | { kind: "gap"; before: number; after: number };

/**
 * The offsets at which `wall` happened in `zone`: one, two (a fold) or none (a gap).
 *
 * @example
 * ```ts
 * resolveWallClock("Europe/Berlin", "2024-10-27T02:30:00");
 * // { kind: "fold", earlier: 7200, later: 3600 }
 * ```
 */
export function resolveWallClock(zone: string, wall: string): Resolution {
  const local = wallMs(wall);
  const before = offsetAt(zone, local - DAY_MS);
  const after = offsetAt(zone, local + DAY_MS);
  // The offset at `local` itself covers two changes within two days (rare, but cheap to ask).
  const tries = new Set([before, after, offsetAt(zone, local)]);
  const valid = [...tries].filter((o) => offsetAt(zone, local - o * 1000) === o);
  if (valid.length === 0) return { kind: "gap", before, after };
  if (valid.length === 1) return { kind: "unique", offset: valid[0] };
  const hi = Math.max(...valid), lo = Math.min(...valid);
  // A larger offset means an earlier instant for the same wall clock.
  return { kind: "fold", earlier: hi, later: lo };
}

/** A wall clock plus `seconds` written as `YYYY-MM-DDTHH:MM:SS`. */
function shiftWall(wall: string, seconds: number): string {
  return new Date(wallMs(wall) + seconds * 1000).toISOString().slice(0, 19);
}

/** One wall-clock day's window of instants: one offset, or one change at `change` (ms). */
type Window = { suffix: string } | { before: number; after: number; change: number };

/**
 * A converter for the wall clocks of one export, called in FILE ORDER (it remembers where it is
 * in a DST fold). Returns ISO instants with the offset in force (`2024-10-27T02:10:00+01:00`).
 *
 * Cost: `Intl` is slow (~30 µs a call), so it is asked about once per wall-clock day: the
 * offsets at the UTC midnights a day before and two days after (memoised, so consecutive days
 * share them). Equal offsets: the whole day has that offset (a string concatenation per
 * message). Different: the change is found by bisection (~18 calls) and the day's wall clocks
 * are resolved by arithmetic. Assumes at most one offset change within three days, which holds
 * for the tz database since 1970 apart from a few one-off corrections.
 *
 * @example
 * ```ts
 * const at = instantConverter("Europe/Berlin");
 * at("2024-10-27T02:50:00"); // "2024-10-27T02:50:00+02:00" (first pass)
 * at("2024-10-27T02:10:00"); // "2024-10-27T02:10:00+01:00" (went backwards: second pass)
 * at("2024-03-31T02:30:00"); // "2024-03-31T03:30:00+02:00" (gap: shifted forward)
 * ```
 */
export function instantConverter(zone: string): ToInstant {
  if (zone === "UTC") return utcInstant;
  const samples = new Map<number, number>();
  const sample = (ms: number) => {
    let o = samples.get(ms);
    if (o === undefined) samples.set(ms, o = offsetAt(zone, ms));
    return o;
  };
  const days = new Map<string, Window>();
  let lastKey = "";
  let last: Window = { suffix: "" };
  // Where the file is within a fold: which fold, its last wall clock, and whether it went back.
  let foldId = "";
  let foldLast = "";
  let secondPass = false;

  const windowOf = (day: string): Window => {
    const midnight = wallMs(day + "T00:00:00");
    // A day's instants lie within [midnight - 14 h, midnight + 36 h]: inside this window.
    let lo = midnight - DAY_MS, hi = midnight + 2 * DAY_MS;
    const before = sample(lo), after = sample(hi);
    if (before === after) return { suffix: offsetSuffix(before) };
    // Bisect to the second: `change` is the first instant with the new offset.
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offsetAt(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    return { before, after, change: hi };
  };

  const slow = (wall: string, w: { before: number; after: number; change: number }): string => {
    const local = wallMs(wall);
    const first = local - w.before * 1000 < w.change; // happened with the old offset
    const second = local - w.after * 1000 >= w.change; // happened with the new offset
    if (first !== second) return wall + offsetSuffix(first ? w.before : w.after);
    if (!first) {
      // The gap: read with the old offset the instant lands after the change.
      return shiftWall(wall, w.after - w.before) + offsetSuffix(w.after);
    }
    const id = String(w.change);
    if (id !== foldId) {
      foldId = id;
      secondPass = false;
    } else if (wall < foldLast) {
      secondPass = true;
    }
    foldLast = wall;
    // Clocks went back (before > after): the old offset is the earlier instant.
    const earlier = Math.max(w.before, w.after), later = Math.min(w.before, w.after);
    return wall + offsetSuffix(secondPass ? later : earlier);
  };

  return (wall) => {
    const key = wall.slice(0, 10);
    if (key !== lastKey) {
      let w = days.get(key);
      if (w === undefined) days.set(key, w = windowOf(key));
      lastKey = key;
      last = w;
    }
    return "suffix" in last ? wall + last.suffix : slow(wall, last);
  };
}
