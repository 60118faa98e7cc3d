/**
 * WhatsApp-format `.txt` export that this app's parser reads back to the same messages.
 *
 * The layout is Android's (`DATE, TIME - Author: text`, LF line ends, bodies as
 * lib/parse/generate.ts renders them: `name (file attached)` then the caption, the
 * `<This message was edited>` marker, system lines without an author), with an unambiguous
 * year-first date and seconds: `2024-01-02, 09:05:07 - Ann: hi` (a real en-CA shape, plus
 * seconds so no time is rounded). Year first is detected as such with certainty, so no
 * day/month guess is involved when the file is imported again.
 *
 * Not representable (as in WhatsApp's own exports): a continuation line of a multi-line text
 * that is itself a complete header of this layout (`2024-01-02, 09:05:07 - Bob: …`) is read
 * back as a new message.
 *
 * @module
 */
import { renderHeader, renderMessage, type RenderStyle } from "../parse/generate.ts";
import type { Message } from "../parse/types.ts";

const STYLE: RenderStyle = { layout: "android", dateOrder: "YMD", clock: "24h" };

/** The header of a message: `2024-01-02, 09:05:07 - `. */
export function txtHeader(date: string): string {
  return `${date.slice(0, 10)}, ${date.slice(11, 19)} - `;
}

/**
 * One message as WhatsApp (Android) writes it, ended by LF.
 *
 * @example
 * ```ts
 * txtMessage({ date: "2024-01-02T09:05:07", author: "Ann", text: "hi", kind: "text",
 *   attachment: null, edited: false }); // "2024-01-02, 09:05:07 - Ann: hi\n"
 * ```
 */
export function txtMessage(m: Message): string {
  // generate.ts owns how each kind of body is written; only its header (minutes, no
  // seconds, for Android) is replaced by ours.
  const line = renderMessage(m, STYLE);
  return txtHeader(m.date) + line.slice(renderHeader(m.date, STYLE).length);
}
