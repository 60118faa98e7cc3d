/**
 * Phone numbers masked in redacted shares: every run of digits that looks like a phone number
 * (7 or more digits, optionally with `+`/`00`, spaces, dashes, dots and parentheses between
 * them) has each of its digits replaced by `•`, so the shape stays readable and no digit of
 * the original survives. Dates (`2020-01-05`, `05.01.2020`) are left alone. Over-masking (an
 * order number of 8 digits) is accepted: a share must never leak a number.
 *
 * @module
 */

// A digit, then at least 5 digits or separators, then a digit: 7+ characters, counted below.
// Separators include the bidi marks WhatsApp wraps numbers in (U+200E, U+202A…U+202E, U+2066…).
const SEP = "\\d \\u00a0\\u202f\\u2011().\\-\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
const CANDIDATE = new RegExp(`\\+?\\(?\\d[${SEP}]{5,}\\d\\)?`, "g");
const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const MIN_DIGITS = 7;

/** The mask of one number: digits → `•`, everything else kept. */
const mask = (s: string) => s.replace(/\d/g, "•");

/**
 * `text` with every phone-number-like digit sequence masked.
 *
 * @example
 * ```ts
 * maskPhones("call +44 7700 900123"); // "call +•• •••• ••••••"
 * ```
 */
export function maskPhones(text: string): string {
  return text.replace(CANDIDATE, (match) => {
    const digits = match.replace(/\D/g, "").length;
    if (digits < MIN_DIGITS || DATE.test(match.trim())) return match;
    return mask(match);
  });
}

/** True when `name` is a phone number (an author WhatsApp knew only by number). */
export function isPhoneNumber(name: string): boolean {
  return new RegExp(`^[+\\d][${SEP}]*$`).test(name.trim()) &&
    name.replace(/\D/g, "").length >= MIN_DIGITS;
}
