/**
 * Localised wordings WhatsApp writes into exports: deleted notices, omitted-media placeholders,
 * attachment keywords, the edited marker, live location, and system-event phrases, in 57
 * languages (ISO 639-1 codes; zh-HK/zh-TW/zh-CN are `zh`, pt-BR/pt-PT `pt`). The tables live in
 * one file per concept and are put together here:
 *
 * - wordings_deleted.ts: "This message was deleted" / "You deleted this message";
 * - wordings_omitted.ts, wordings_contact.ts: iOS's bare per-type placeholders (`image omitted`)
 *   and contact cards;
 * - wordings_bracketed.ts: Android's `<Media omitted>` and the other bracketed placeholders;
 * - wordings_location.ts: live location and the `location: URL` labels;
 * - wordings_calls.ts: call rows (`Missed voice call`, iOS `Voice call, 6 min`);
 * - wordings_edited.ts: the edited marker (`<This message was edited>`);
 * - wordings_system.ts: notices and events, for system lines and the language guess.
 *
 * Sources, noted per language in each table: English and a few others are attested (FORMAT.md
 * §5, the team's real exports: R); most translations come from the lists the Dart package
 * whats_json (starkdmi/whats_json, `lib/src/patterns.dart`) says it took from WhatsApp's own iOS
 * `Localizable.strings` (L) and Android `strings.xml` (S), several confirmed by the real exports
 * in its `test/data/` (R). The classifier never depends on a wording alone where it can help it
 * (attachments are also recognised by shape, iOS events by the U+200E signal).
 *
 * @module
 */
import type { MessageKind } from "./types.ts";
import { BRACKETED_MEDIA } from "./wordings_bracketed.ts";
import { DELETED, DELETED_BY_ANY_ADMIN } from "./wordings_deleted.ts";
import { LIVE_LOCATION } from "./wordings_location.ts";
import { CALLS, SHARED_CALLS } from "./wordings_calls.ts";
import { BRACKETED_CONTACT, CONTACT } from "./wordings_contact.ts";
import { MEDIA } from "./wordings_omitted.ts";

export { EDITED } from "./wordings_edited.ts";
export { LOCATION_LABELS } from "./wordings_location.ts";
export {
  ACTOR_EVENT,
  NOTICE,
  SYSTEM_ANY,
  SYSTEM_PHRASES,
  systemLanguage,
} from "./wordings_system.ts";

/** A whole-body wording: the kind it implies and its language (null: listed for several). */
export interface Wording {
  kind: MessageKind;
  lang: string | null;
}

/**
 * The forms a wording is exported in: as listed and with iOS's trailing period, each with its
 * first letter upper and lower case (after a `<`); a `<…>` placeholder also opened by `‹`
 * (U+2039), as Hebrew, Persian, Arabic and Russian Android exports write it (`‹Без медиафайлов>`).
 */
function variants(s: string): string[] {
  const out = [s, s + "."];
  const first = s[0] === "<" ? 1 : 0;
  const up = s.slice(0, first) + s[first].toUpperCase() + s.slice(first + 1);
  const low = s.slice(0, first) + s[first].toLowerCase() + s.slice(first + 1);
  for (const v of [up, low]) out.push(v, v + ".");
  if (first === 1) out.push(...out.map((v) => "\u2039" + v.slice(1)));
  return out;
}

/**
 * WhatsApp's placeholder for a message it could not decrypt yet: it stands in a participant's
 * message, so it stays `text` with its sender — listed so that iOS's U+200E before it does not make
 * it a system line. Android `Waiting for this message` (R: a real Kenyan export), iOS
 * `‎Waiting for this message. This may take a while.`
 */
const PENDING: Record<string, string[]> = {
  en: ["Waiting for this message", "Waiting for this message. This may take a while"],
};

function exactTable(): Map<string, Wording> {
  const map = new Map<string, Wording>();
  // `cased`: also with the first letter's case changed (call rows are written one way only).
  const add = (table: Record<string, string[]>, kind: MessageKind, cased = true) => {
    for (const [lang, list] of Object.entries(table)) {
      for (const s of list) {
        for (const v of cased ? variants(s) : [s, s + "."]) {
          const had = map.get(v);
          if (had === undefined) map.set(v, { kind, lang: SHARED_CALLS.has(s) ? null : lang });
          else if (had.lang !== lang) had.lang = null; // several languages': votes for none
        }
      }
    }
  };
  add(DELETED, "deleted");
  add(DELETED_BY_ANY_ADMIN, "deleted");
  add(BRACKETED_MEDIA, "media");
  add(MEDIA, "media");
  add(CONTACT, "contact");
  add(BRACKETED_CONTACT, "contact");
  add(LIVE_LOCATION, "location");
  add(PENDING, "text");
  add(CALLS, "system", false);
  return map;
}

/** Whole bodies (after invisible marks are removed) that decide a message's kind. */
export const EXACT: Map<string, Wording> = exactTable();

/**
 * iOS placeholders that END a body after a document title (`Title.pdf • 3 pages document omitted`),
 * exactly as listed (no case variants: body.ts tries every phrase whose last four characters
 * match, so each extra form costs time on ordinary messages).
 */
export const OMITTED_ENDINGS: [string, Wording][] = [
  ...new Set([MEDIA, CONTACT].flatMap((table) => Object.values(table).flat())),
].map((k): [string, Wording] => [k, EXACT.get(k)!])
  .filter(([, w]) => w.kind === "media" || w.kind === "contact");

/**
 * Attachment keywords, lower case → language: Android `(file attached)` and its translations,
 * iOS `<attached: …>` keywords, the Turkish `<… eklendi>` and old iOS `… <attached>`.
 */
export const ATTACH_KEYWORDS = new Map<string, string>([
  ["file attached", "en"],
  ["attached", "en"],
  ["archivo adjunto", "es"],
  ["adjunto", "es"],
  ["arquivo anexado", "pt"],
  ["ficheiro anexado", "pt"],
  ["anexado", "pt"],
  ["anexo", "pt"],
  ["datei angehängt", "de"],
  ["anhang", "de"],
  ["fichier joint", "fr"],
  ["pièce jointe", "fr"],
  ["file allegato", "it"],
  ["allegato", "it"],
  ["bestand bijgevoegd", "nl"],
  ["bijlage", "nl"],
  ["dosya ekli", "tr"],
  ["eklendi", "tr"],
  ["קובץ מצורף", "he"],
]);
