/**
 * The structured message kinds of a WhatsApp export, read from their text: polls, shared
 * locations and contact cards (see ../../../shared/FORMAT.md §5.4). Pure.
 *
 * @module
 */
import { attachmentDisplayName } from "./attachment_name.ts";
import { findLinks } from "./links.ts";

/** A poll: its question and options with vote counts. */
export interface Poll {
  question: string;
  options: { text: string; votes: number }[];
}

const POLL_HEAD = /^\p{Lu}+ ?:$/u;
const POLL_OPTION = /^\p{Lu}+ ?: (.*?) ?\((\d+)[^()\n]*\)$/u;

/**
 * Reads a poll body (`POLL:` / question / `OPTION: text (n votes)` lines), or null when the
 * text is not one.
 *
 * @example
 * ```ts
 * parsePoll("POLL:\nLunch?\nOPTION: Pizza (2 votes)\nOPTION: Sushi (0 votes)");
 * // { question: "Lunch?", options: [{ text: "Pizza", votes: 2 }, { text: "Sushi", votes: 0 }] }
 * ```
 */
export function parsePoll(text: string): Poll | null {
  const lines = text.split("\n");
  if (lines.length < 3 || !POLL_HEAD.test(lines[0])) return null;
  const first = lines.findIndex((l, i) => i > 1 && POLL_OPTION.test(l));
  if (first < 0) return null;
  const options: Poll["options"] = [];
  for (const line of lines.slice(first)) {
    const m = POLL_OPTION.exec(line);
    if (m) options.push({ text: m[1], votes: Number(m[2]) });
    else if (options.length > 0) options[options.length - 1].text += `\n${line}`;
  }
  return { question: lines.slice(1, first).join("\n"), options };
}

/** A shared location: the map link (safe href, or null for a live location), coordinates. */
export interface Location {
  href: string | null;
  lat: number | null;
  lng: number | null;
  /** Text besides the `label: URL` line (a place name or address), possibly empty. */
  note: string;
}

const COORDS = /(-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)/;

/**
 * Reads a location message (`location: https://maps.google.com/?q=LAT,LNG`, or a live
 * location notice without a link).
 *
 * @example
 * ```ts
 * parseLocation("location: https://maps.google.com/?q=52.37,4.89");
 * // { href: "https://maps.google.com/?q=52.37,4.89", lat: 52.37, lng: 4.89, note: "" }
 * ```
 */
export function parseLocation(text: string): Location {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => findLinks(l).length > 0);
  if (at < 0) return { href: null, lat: null, lng: null, note: "" };
  const href = findLinks(lines[at])[0].href;
  let lat: number | null = null, lng: number | null = null;
  let query = "";
  try {
    const url = new URL(href);
    query = url.searchParams.get("q") ?? url.searchParams.get("ll") ??
      url.searchParams.get("query") ??
      decodeURIComponent(url.pathname.match(/@(-?[\d.]+,-?[\d.]+)/)?.[1] ?? "");
  } catch { /* href is always a valid URL */ }
  const m = COORDS.exec(query);
  if (m && Math.abs(Number(m[1])) <= 90 && Math.abs(Number(m[2])) <= 180) {
    lat = Number(m[1]);
    lng = Number(m[2]);
  }
  const note = lines.filter((_, i) => i !== at).join("\n").trim();
  return { href, lat, lng, note };
}

/** A contact card: the name, and phone numbers when the `.vcf` file was read. */
export interface Contact {
  name: string;
  phones: string[];
}

/**
 * The contact's name from the attached file's name (`Jane Doe.vcf`, iOS
 * `00000004-Peter.vcf`).
 *
 * @example
 * ```ts
 * contactNameFromFile("00000004-Peter Pan.vcf"); // "Peter Pan"
 * ```
 */
export function contactNameFromFile(fileName: string): string {
  return attachmentDisplayName(fileName).replace(/\.vcf$/i, "").trim();
}

/**
 * Reads the formatted name (`FN`, else `N`) and phone numbers (`TEL`) of the first card of a
 * vCard file. Folded lines are unfolded; escapes (`\,`, `\;`, `\n`) decoded.
 *
 * @example
 * ```ts
 * parseVcard("BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nTEL;type=CELL:+31 6 1234 5678\nEND:VCARD");
 * // { name: "Jane Doe", phones: ["+31 6 1234 5678"] }
 * ```
 */
export function parseVcard(vcf: string): Contact | null {
  const lines = vcf.replace(/\r\n?/g, "\n").replace(/\n[ \t]/g, "").split("\n");
  let fn = "", n = "";
  const phones: string[] = [];
  const unescape = (v: string) =>
    v.replace(/\\([,;\\nN])/g, (_, c) => (c === "n" || c === "N" ? " " : c));
  for (const line of lines) {
    if (/^END:VCARD/i.test(line) && (fn || n || phones.length)) break;
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).replace(/^item\d+\./i, "").split(";")[0].toUpperCase();
    const value = unescape(line.slice(colon + 1)).trim();
    if (key === "FN" && !fn) fn = value;
    else if (key === "N" && !n) n = value.split(";").filter(Boolean).reverse().join(" ").trim();
    else if (key === "TEL" && value && phones.length < 5) phones.push(value.replace(/^tel:/i, ""));
  }
  const name = fn || n;
  return name || phones.length ? { name, phones } : null;
}

/** The most cards of one file shown (a shared address book can hold hundreds). */
export const MAX_CARDS = 20;

/**
 * Every card of a vCard file (WhatsApp writes one file for a message sharing several
 * contacts), at most {@link MAX_CARDS}; cards with neither a name nor a number are skipped.
 *
 * @example
 * ```ts
 * parseVcards("BEGIN:VCARD\nFN:Ann\nEND:VCARD\nBEGIN:VCARD\nFN:Bob\nEND:VCARD").length; // 2
 * ```
 */
export function parseVcards(vcf: string): Contact[] {
  const cards: Contact[] = [];
  for (const m of vcf.matchAll(/BEGIN:VCARD[\s\S]*?(?:END:VCARD|$)/gi)) {
    const card = parseVcard(m[0]);
    if (card) cards.push(card);
    if (cards.length === MAX_CARDS) break;
  }
  return cards;
}
