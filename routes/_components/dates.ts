const DAY = new Intl.DateTimeFormat("en", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** A wall-clock date (`YYYY-MM-DDTHH:MM:SS`, no zone) as a day label, without any zone shift. */
export function formatDay(date: string): string {
  return DAY.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}
