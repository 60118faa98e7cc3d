/**
 * IANA zone names: validation, canonical spelling and the list the forms offer.
 *
 * The engine's tz data decides (`Intl`): a name is a zone when `Intl.DateTimeFormat` accepts it
 * and it looks like an IANA name. Aliases are accepted and stored in the engine's canonical
 * spelling (`Asia/Kolkata` → `Asia/Calcutta` in V8, `US/Eastern` → `America/New_York`), so what
 * a browser reports always matches an entry of the list. Bare offsets (`+01:00`), which newer
 * engines also accept, are refused: they carry no DST rules.
 *
 * @module
 */

// Area/Location names, `UTC`, `GMT`, `EST5EDT`, `Etc/GMT+5`: letters, digits, `_`, `-`, `+`, `/`.
const IANA_LIKE = /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/;

const canonical = new Map<string, string | null>();

/**
 * The canonical spelling of an IANA zone name, or null when it is not one.
 *
 * @example
 * ```ts
 * canonicalZone("europe/berlin"); // "Europe/Berlin"
 * canonicalZone("Mars/Olympus"); // null
 * ```
 */
export function canonicalZone(name: string): string | null {
  let zone = canonical.get(name);
  if (zone !== undefined) return zone;
  zone = null;
  if (name.length <= 64 && IANA_LIKE.test(name)) {
    try {
      zone = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      // RangeError: not a zone the engine knows.
    }
  }
  if (canonical.size < 2000) canonical.set(name, zone);
  return zone;
}

/**
 * True for an IANA time zone name the engine knows (`Europe/Berlin`, `UTC`, aliases).
 *
 * @example
 * ```ts
 * isTimeZone("America/New_York"); // true
 * isTimeZone("+02:00"); // false
 * ```
 */
export function isTimeZone(name: string): boolean {
  return canonicalZone(name) !== null;
}

let names: string[] | undefined;

/** Every zone the forms offer: `UTC` first, then `Intl.supportedValuesOf("timeZone")`. */
export function timeZoneNames(): string[] {
  names ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return names;
}
