/**
 * Days as a reader means them: "10 March" in Tokyo starts at a different instant than in
 * Berlin. Used by jump-to-date and the search's date filters.
 *
 * @module
 */
import { resolveWallClock } from "./zone.ts";

/**
 * The instant (ISO, UTC) at which `day` (`YYYY-MM-DD`) starts in `zone`: its midnight, or,
 * where midnight is skipped by a DST change (a gap, as in Santiago or Havana), the moment the
 * clocks jump; where midnight happens twice (a fold), the first time.
 *
 * @example
 * ```ts
 * startOfDay("2024-03-10", "Asia/Tokyo"); // "2024-03-09T15:00:00.000Z"
 * startOfDay("2024-03-10", "America/New_York"); // "2024-03-10T05:00:00.000Z"
 * ```
 */
export function startOfDay(day: string, zone: string): string {
  const local = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(local)) {
    throw new RangeError(`Cannot read day: expected YYYY-MM-DD, got '${day}'`);
  }
  if (zone === "UTC") return new Date(local).toISOString();
  const r = resolveWallClock(zone, `${day}T00:00:00`);
  // In a gap, the old offset gives the instant of the change itself (the day's first moment).
  const offset = r.kind === "unique" ? r.offset : r.kind === "fold" ? r.earlier : r.before;
  return new Date(local - offset * 1000).toISOString();
}

/** The day after `day` (`YYYY-MM-DD`), for "up to and including" ranges. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** True for a real wall clock written `YYYY-MM-DDTHH:MM:SS` (`2024-02-30T…` and `T25:00:00` are not). */
export function isWallClock(s: string): boolean {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(s)) return false;
  const d = new Date(`${s}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === s;
}

/**
 * The instant (ISO, UTC) of a wall clock `YYYY-MM-DDTHH:MM:SS` read in `zone`, for values that
 * have no stored instant (a conversation's first and last date). A fold takes the earlier
 * instant, a gap the moment of the change, as {@link startOfDay} does.
 */
export function wallToInstant(wall: string, zone: string): string {
  const local = Date.parse(`${wall.slice(0, 19)}Z`);
  if (zone === "UTC") return new Date(local).toISOString();
  const r = resolveWallClock(zone, wall.slice(0, 19));
  const offset = r.kind === "unique" ? r.offset : r.kind === "fold" ? r.earlier : r.before;
  return new Date(local - offset * 1000).toISOString();
}
