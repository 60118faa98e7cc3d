/**
 * UTC offsets of IANA zones from the engine's own tz data (`Intl`), no library: V8's ICU data is
 * kept current with every Deno release, and the import needs only "offset at instant".
 *
 * @module
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * The offset of `zone` from UTC, in seconds, at the instant `ms` (epoch milliseconds).
 *
 * @example
 * ```ts
 * offsetAt("Europe/Berlin", Date.UTC(2024, 6, 1)); // 7200
 * ```
 */
export function offsetAt(zone: string, ms: number): number {
  const t = Math.floor(ms / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(t)) p[part.type] = part.value;
  const year = p.era === "BC" || p.era === "B" ? 1 - Number(p.year) : Number(p.year);
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second));
  return (d.getTime() - t) / 1000;
}

/** `+02:00`, `-04:00`, or `+00:19:32` for an offset in seconds (PostgreSQL reads all three). */
export function offsetSuffix(seconds: number): string {
  const sign = seconds < 0 ? "-" : "+";
  const a = Math.abs(seconds);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0");
  const mm = String(Math.floor(a / 60) % 60).padStart(2, "0");
  const ss = a % 60;
  return `${sign}${hh}:${mm}` + (ss ? ":" + String(ss).padStart(2, "0") : "");
}
