import { formatInZone } from "../../lib/time/format.ts";

const DAY = new Intl.DateTimeFormat("en", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const SHORT_DAY = new Intl.DateTimeFormat("en", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** A wall-clock date (`YYYY-MM-DDTHH:MM:SS`, no zone) as a day label, without any zone shift. */
export function formatDay(date: string): string {
  const day = date.slice(0, 10);
  let label = days.get(day);
  if (label === undefined) {
    if (days.size > 5000) days.clear();
    days.set(day, label = DAY.format(new Date(`${day}T00:00:00Z`)));
  }
  return label;
}

// Every message's title names its day: a page has a few days, formatted once each (bounded).
const days = new Map<string, string>();

/** A wall-clock date as a short day ("2 Jan 2024"), for cards and search results. */
export function formatShortDay(date: string): string {
  return SHORT_DAY.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

/** The `HH:MM` of a wall-clock date. */
export const formatTime = (date: string) => date.slice(11, 16);

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * What a reader sees of a message's time: its instant as the wall clock of `zone` with the
 * offset (`YYYY-MM-DDTHH:MM:SS±HH:MM`, lib/time/format.ts), or, without a zone or an instant,
 * the wall clock as exported. The first 19 characters work with the formatters above.
 */
export function shownAt(m: { date: string; at?: string }, zone?: string | null): string {
  return zone && m.at ? formatInZone(m.at, zone) : m.date;
}
