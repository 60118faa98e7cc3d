/**
 * CSV export (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a comma,
 * a double quote, CR or LF (quotes doubled). The file starts with a UTF-8 byte order mark:
 * without it Excel reads the file in the legacy code page and garbles every non-Latin name,
 * while CSV libraries (and LibreOffice, Numbers, pandas with `utf-8-sig`) skip it.
 *
 * Cells are written exactly as the chat has them: a text starting with `=` is not defused
 * (prefixing `'` would change what the user exported); spreadsheet apps warn before running
 * formulas from a file.
 *
 * @module
 */
import type { ExportMessage } from "./source.ts";

/** The columns, in order. */
export const CSV_COLUMNS = [
  "seq",
  "ref",
  "date",
  "at",
  "author",
  "kind",
  "text",
  "attachment",
  "edited",
] as const;

/** The UTF-8 byte order mark the file starts with (see the module doc). */
export const CSV_BOM = "\uFEFF";

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: null is empty, booleans `true`/`false`.
 *
 * @example
 * ```ts
 * csvField('say "hi", Ann'); // '"say ""hi"", Ann"'
 * ```
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const s = String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The header row, CRLF-terminated (without the BOM). */
export function csvHeader(): string {
  return CSV_COLUMNS.join(",") + "\r\n";
}

/** One message as a CRLF-terminated row. */
export function csvRow(m: ExportMessage): string {
  return CSV_COLUMNS.map((c) => csvField(m[c])).join(",") + "\r\n";
}
