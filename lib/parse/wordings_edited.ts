/**
 * The edited marker: WhatsApp ends an edited message's text with `<This message was edited>`
 * (iOS puts a U+200E before the `<`), in the export's language. body.ts looks its inner text up
 * after the last `<`, or `‹` (U+2039), when a body ends with `>`, marks the message edited and
 * removes the marker (and the whitespace before it) from the text.
 *
 * The opener: `<` in most languages; Hebrew writes `‹` (`‹ההודעה נערכה>`, the team's real
 * exports), as Hebrew, Persian, Arabic and Russian Android exports do for their placeholders
 * (`‹Без медиафайлов>`). body.ts takes either opener for every entry. Arabic exports put a U+200F
 * before the `<` (`\u200f<تم تعديل هذه الرسالة>`, a parser of Arabic exports below), removed
 * with the other marks.
 *
 * Sources, per language (see wordings.ts): R = a real export, or lines pasted from one; C = the
 * edited markers that parsers and analysers of exports strip (code written against real exports).
 * whats_json's lists of WhatsApp's own strings (L, S: wordings_calls.ts) hold no edited marker
 * (the stored `lib/src/patterns.dart` has none), so no entry here is L or S. Found in no source,
 * so not listed: ja, zh, ko, uk, fa, hi, vi, cs, sk, sv, da, nb, hu, el, ca, ms, th and the other
 * languages of the tables.
 *
 * @module
 */

/** The edited marker's inner text (without `<` `>`) → language. */
export const EDITED = new Map<string, string>([
  // en: the parser's spec (issue 2); R (Android lines users pasted, `03/06/2023, 6:12 am - author:
  // sample message <This message was edited>`, koftezz/whatsapp-chat-analyzer#18)
  ["This message was edited", "en"],
  // es, pt, de, fr, it, nl, tr: source not recorded (listed since the first parser); each is also
  // the marker that analysers of that language's exports strip (C); de and es both with and
  // without a final period (C)
  ["Se editó este mensaje.", "es"],
  ["Se editó este mensaje", "es"],
  ["Mensagem editada", "pt"],
  ["Esta mensagem foi editada", "pt"],
  ["Diese Nachricht wurde bearbeitet.", "de"],
  ["Diese Nachricht wurde bearbeitet", "de"],
  ["Ce message a été modifié", "fr"],
  ["Questo messaggio è stato modificato", "it"],
  ["Dit bericht is bewerkt", "nl"],
  ["Bu mesaj düzenlendi", "tr"],
  // he: R (the team's real iOS and Android exports, opened by `‹`)
  ["ההודעה נערכה", "he"],
  // ru: R (an Android export pasted into a C# test: `28.10.2025, 23:42 - Татьяна LP: … <Сообщение
  // изменено>`); C (several parsers and chat analysers of Russian exports)
  ["Сообщение изменено", "ru"],
  // ar: C (parsers of Arabic exports, one with the U+200F before the `<`)
  ["تم تعديل هذه الرسالة", "ar"],
  // id: C, both forms (several parsers each: `<Pesan ini diedit>`; `<Pesan ini telah diedit>`,
  // one in a Go test of an Android line `21/07/2026 03.16 - Budi: Jadi jam 8 ya <…>`)
  ["Pesan ini diedit", "id"],
  ["Pesan ini telah diedit", "id"],
  // pl: R (a real Android group export, `10.11.2025, 16:28 - +33 6 …: … <Ta wiadomość była
  // edytowana>`, with `<Pominięto multimedia>` and `dołączył(a) ze społeczności`)
  ["Ta wiadomość była edytowana", "pl"],
  // ro: R (couriers' Android lines quoted in a delivery-report tool's spec and tests: `Livrat X1
  // <Acest mesaj a fost editat>`); C (a Romanian chat analyser)
  ["Acest mesaj a fost editat", "ro"],
  // fi: C (a parser of Finnish exports, beside `<Mediaa ei sisällytetty>`)
  ["Tätä viestiä on muokattu", "fi"],
]);
