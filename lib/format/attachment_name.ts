/**
 * The name a reader is shown for an attachment. iOS exports number their files
 * (`00000002-PHOTO-2024-03-01-10-00-00.jpg`, `00000007-Report.pdf`): the stored name stays
 * exact (it is the file in the zip, and the chat text refers to it), while what is displayed
 * and offered as a download's file name drops that 8-digit numbering prefix.
 *
 * @module
 */

/**
 * WhatsApp's numbering of the files of an iOS export: 8 zero-padded digits (a counter, so it
 * starts with 0 in any real export). Requiring the leading 0 keeps a date-named Android
 * document (`20240102-minutes.pdf`) whole.
 */
const EXPORT_NUMBER = /^0\d{7}-/;

/**
 * An attachment's name as shown and downloaded: without WhatsApp's `00000002-` numbering
 * prefix (a name that would be left empty is kept whole).
 *
 * @example
 * ```ts
 * attachmentDisplayName("00000007-Report 2024.pdf"); // "Report 2024.pdf"
 * attachmentDisplayName("IMG-20240102-WA0001.jpg"); // unchanged
 * ```
 */
export function attachmentDisplayName(name: string): string {
  const shown = name.replace(EXPORT_NUMBER, "");
  return shown === "" ? name : shown;
}
