/**
 * How the insights sections (routes/_components/insights_sections.tsx) write numbers, shares,
 * days and durations.
 *
 * @module
 */
import { formatDay } from "./dates.ts";

export const num = (n: number) => n.toLocaleString("en");
export const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
export const day = (d: string) => formatDay(d);

/** Minutes as "7 min", "2 h 5 min", "3 d 4 h". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
  const m = Math.round(minutes);
  if (m < 1440) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ""}`;
  const h = Math.round(m / 60);
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ""}`;
}
