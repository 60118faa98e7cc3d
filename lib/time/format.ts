/**
 * Instants shown in a zone: what a reader sees when reading in a zone of their choice.
 *
 * Browser-safe (only `Intl`): the islands render messages with the same code as the server.
 *
 * @module
 */
import { offsetAt, offsetSuffix } from "./offset.ts";

const HOUR_MS = 3_600_000;
// Offsets by zone and UTC hour, for hours without a change (Intl costs ~30 µs a call; a page
// shows 100 messages over a few hours). Bounded: cleared when it grows past a few thousand.
const hours = new Map<string, number>();

function offsetOf(zone: string, ms: number): number {
  const hour = Math.floor(ms / HOUR_MS) * HOUR_MS;
  const key = zone + "@" + hour;
  const cached = hours.get(key);
  if (cached !== undefined) return cached;
  const start = offsetAt(zone, hour);
  if (start !== offsetAt(zone, hour + HOUR_MS - 1000)) return offsetAt(zone, ms);
  if (hours.size > 5000) hours.clear();
  hours.set(key, start);
  return start;
}

/**
 * An instant written as the wall clock of `zone` with its offset: `YYYY-MM-DDTHH:MM:SS±HH:MM`.
 * The first 19 characters are the reader's wall clock (day separators, `HH:MM`); the whole is a
 * valid ISO instant for `<time datetime>`.
 *
 * @example
 * ```ts
 * formatInZone("2024-10-27T01:10:00Z", "Europe/Berlin"); // "2024-10-27T02:10:00+01:00"
 * formatInZone("2024-10-27T01:10:00Z", "America/New_York"); // "2024-10-26T21:10:00-04:00"
 * ```
 */
export function formatInZone(at: string | Date, zone: string): string {
  const ms = Math.floor(new Date(at).getTime() / 1000) * 1000;
  if (Number.isNaN(ms)) throw new RangeError(`Cannot format instant: expected ISO, got '${at}'`);
  const offset = zone === "UTC" ? 0 : offsetOf(zone, ms);
  return new Date(ms + offset * 1000).toISOString().slice(0, 19) + offsetSuffix(offset);
}
