/**
 * How a participant looks in group chats: a stable colour slot and initials for the avatar.
 *
 * @module
 */

/** Number of participant colour slots (`.p0` … `.p15` in static/app.css). */
export const PARTICIPANT_COLORS = 16;

/**
 * The colour slot of a name: FNV-1a (32-bit) of its NFC form, modulo 16. Stable across
 * conversations, processes and themes (the theme only changes the slot's lightness).
 *
 * @example
 * ```ts
 * participantColor("Ann") === participantColor("Ann"); // true, 0..15
 * ```
 */
export function participantColor(name: string): number {
  let slot = colors.get(name);
  if (slot === undefined) {
    if (colors.size > 1000) colors.clear();
    colors.set(name, slot = hash(name.normalize("NFC")) % PARTICIPANT_COLORS);
  }
  return slot;
}

// A page shows a few names many times: remember them (bounded).
const colors = new Map<string, number>();

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });
const firstGrapheme = (s: string) =>
  segmenter.segment(s)[Symbol.iterator]().next().value?.segment ?? "";

/**
 * Up to two initials: the first letters of the first and last words that start with a letter;
 * "#" for names without letters (phone numbers).
 *
 * @example
 * ```ts
 * initials("Ann Marie Smith"); // "AS"
 * initials("+44 7700 900123"); // "#"
 * initials("ümit"); // "Ü"
 * ```
 */
export function initials(name: string): string {
  let found = initialsCache.get(name);
  if (found === undefined) {
    if (initialsCache.size > 1000) initialsCache.clear();
    initialsCache.set(name, found = computeInitials(name));
  }
  return found;
}

const initialsCache = new Map<string, string>();

function computeInitials(name: string): string {
  const words = name.split(/\s+/u).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return "#";
  const first = firstGrapheme(words[0]).toLocaleUpperCase();
  if (words.length === 1) return first;
  return first + firstGrapheme(words[words.length - 1]).toLocaleUpperCase();
}
