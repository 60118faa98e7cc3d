/**
 * The redacted view of a shared conversation, computed at render time (never stored): authors
 * pseudonymised, names, e-mail addresses and phone numbers in texts replaced or masked, media,
 * contact cards and locations hidden (their file names and texts may name people or places),
 * title generic.
 *
 * @module
 */
import type { StoredMessage } from "../db/messages.ts";
import { maskEmails } from "./email.ts";
import { maskPhones } from "./phone.ts";
import { nameRedactor, namesInSystemLine } from "./names.ts";

/** The title every redacted share shows. */
export const REDACTED_TITLE = "Shared conversation";
/** What hidden media, contact cards and locations read as. */
export const HIDDEN = {
  media: "Media hidden",
  contact: "Contact card hidden",
  location: "Location hidden",
} as const;

/**
 * A system line with its quoted parts hidden: group subjects and descriptions (`created group
 * "Smith family"`, `changed the subject from "…" to "…"`) often name people or places.
 */
const hideQuoted = (s: string) => s.replace(/["“«„][^"”»“]*["”»“]/g, "“…”");

/** Redacts messages of one conversation consistently. */
export interface Redactor {
  /** A message as a redacted share shows it: no attachment, no name, no number. */
  message(m: StoredMessage): StoredMessage;
  /** Any free text (a caption, a poll). */
  text(s: string): string;
  /** A participant's pseudonym ("Participant 2"), as their messages are signed. */
  author(name: string): string;
}

/**
 * A redactor for a conversation whose participants are `participants` (in order of first
 * appearance) and whose system lines are `systemTexts` (people named only there are numbered
 * after the participants, in the order they appear).
 *
 * @example
 * ```ts
 * const r = createRedactor({ participants: ["Alice"], systemTexts: ["Alice added Bob"] });
 * r.text("Bob: +44 7700 900123"); // "Participant 2: +•• •••• ••••••"
 * ```
 */
export function createRedactor(
  options: { participants: string[]; systemTexts?: string[] },
): Redactor {
  const names = [...options.participants];
  for (const line of options.systemTexts ?? []) names.push(...namesInSystemLine(line));
  const people = nameRedactor(names);
  const text = (s: string) => maskPhones(people.replace(maskEmails(s)));
  return {
    text,
    author: (name) => people.label(name),
    message(m) {
      const author = m.author === null ? null : people.label(m.author);
      const hidden = m.kind === "media" || m.kind === "contact" || m.kind === "location"
        ? HIDDEN[m.kind]
        : m.attachment
        ? HIDDEN.media
        : null;
      // A media message's text is its caption only when the file is named (FORMAT.md §5).
      const caption = m.kind === "contact" || m.kind === "location"
        ? ""
        : hidden && m.kind === "media" && !m.attachment
        ? ""
        : m.text;
      if (m.kind === "system") return { ...m, author, text: text(hideQuoted(m.text)) };
      const body = hidden ? [hidden, caption && text(caption)].filter(Boolean).join("\n") : text(
        m.text,
      );
      return {
        ...m,
        author,
        text: body,
        kind: hidden ? "text" : m.kind,
        attachment: null,
      };
    },
  };
}
