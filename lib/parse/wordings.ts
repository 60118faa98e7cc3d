/**
 * Localised wordings WhatsApp writes into exports: deleted notices, omitted-media placeholders,
 * attachment keywords, the edited marker, live location, and system-event phrases, in English,
 * Spanish, Portuguese, German, French, Italian, Dutch and Turkish. English and a few others are
 * attested (FORMAT.md §5); most translations are [C]: the classifier never depends on them alone
 * (attachments are also recognised by shape, iOS events by the U+200E signal). Some (fr/it/pt-PT
 * iOS placeholders, live location) come from the lists the Dart package whats_json says it took
 * from WhatsApp's own iOS Localizable.strings and Android strings.xml.
 *
 * @module
 */
import type { MessageKind } from "./types.ts";

/** A whole-body wording: the kind it implies and its language. */
export interface Wording {
  kind: MessageKind;
  lang: string;
}

const DELETED: Record<string, string[]> = {
  en: ["This message was deleted", "You deleted this message", "You deleted this message as admin"],
  es: ["Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado"],
  pt: [
    "Esta mensagem foi apagada",
    "Você apagou esta mensagem",
    "Apagaste esta mensagem",
    "Apagou esta mensagem",
    "Mensagem apagada",
  ],
  de: ["Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht"],
  fr: ["Ce message a été supprimé", "Vous avez supprimé ce message"],
  it: ["Questo messaggio è stato eliminato", "Hai eliminato questo messaggio"],
  nl: [
    "Dit bericht is verwijderd",
    "Je hebt dit bericht verwijderd",
    "U hebt dit bericht verwijderd",
  ],
  tr: ["Bu mesaj silindi", "Bu mesajı sildiniz", "Bu mesajı sildin"],
};

const MEDIA: Record<string, string[]> = {
  en: [
    "<Media omitted>",
    "<Video note omitted>",
    "<image omitted>",
    "<video omitted>",
    "<audio omitted>",
    "<sticker omitted>",
    "<GIF omitted>",
    "<document omitted>",
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "GIF omitted",
    "document omitted",
    "Video note omitted",
  ],
  es: [
    "<Multimedia omitido>",
    "<Archivo omitido>",
    "<Multimedia omitida>",
    "imagen omitida",
    "video omitido",
    "audio omitido",
    "sticker omitido",
    "GIF omitido",
    "documento omitido",
  ],
  pt: [
    "<Mídia oculta>",
    "<Arquivo de mídia oculto>",
    "<Mídia omitida>",
    "<Multimédia omitida>",
    "<Ficheiro omitido>",
    "imagem ocultada",
    "vídeo ocultado",
    "áudio ocultado",
    "figurinha omitida",
    "GIF ocultado",
    "documento ocultado",
    "imagem omitida",
    "vídeo omitido",
    "áudio omitido",
    "<Ficheiro não revelado>",
    "imagem não revelada",
    "vídeo não revelado",
    "ficheiro de áudio não revelado",
    "sticker não revelado",
    "GIF não revelada",
    "documento não revelado",
  ],
  de: [
    "<Medien ausgeschlossen>",
    "<Medien weggelassen>",
    "<Medien nicht enthalten>",
    "Bild weggelassen",
    "Video weggelassen",
    "Audio weggelassen",
    "Sticker weggelassen",
    "GIF weggelassen",
    "Dokument weggelassen",
  ],
  fr: [
    "<Médias omis>",
    "<Fichier omis>",
    "image omise",
    "vidéo omise",
    "audio omis",
    "autocollant omis",
    "sticker omis",
    "GIF omis",
    "document omis",
    "image absente",
    "vidéo absente",
    "GIF retiré",
    "document manquant",
  ],
  it: [
    "<Media omessi>",
    "<File omesso>",
    "immagine omessa",
    "video omesso",
    "audio omesso",
    "sticker omesso",
    "GIF omessa",
    "documento omesso",
    "<Media omesso>",
    "sticker non incluso",
    "GIF esclusa",
  ],
  nl: [
    "<Media weggelaten>",
    "<Bestand weggelaten>",
    "afbeelding weggelaten",
    "video weggelaten",
    "audio weggelaten",
    "sticker weggelaten",
    "GIF weggelaten",
    "document weggelaten",
  ],
  he: ["<המדיה לא נכללה>"],
  tr: [
    "<Medya dahil edilmedi>",
    "<Medya atlandı>",
    "<Medya atlanmış>",
    "görüntü dahil edilmedi",
    "video dahil edilmedi",
    "ses dahil edilmedi",
    "çıkartma dahil edilmedi",
    "GIF dahil edilmedi",
    "belge dahil edilmedi",
  ],
};

const CONTACT: Record<string, string[]> = {
  en: ["Contact card omitted"],
  es: ["Tarjeta de contacto omitida"],
  pt: [
    "Cartão de contato omitido",
    "Cartão de contacto omitido",
    "Cartão do contato omitido",
    "Contacto não revelado",
  ],
  de: ["Kontaktkarte weggelassen", "Kontaktkarte ausgelassen"],
  fr: ["Carte de contact omise", "Fiche contact omise", "Fiche contact manquante"],
  it: ["Scheda contatto omessa"],
  nl: ["Contactkaart weggelaten", "Visitekaartje weggelaten"],
  tr: ["Kişi kartı dahil edilmedi"],
};

const LIVE_LOCATION: Record<string, string[]> = {
  en: ["live location shared"],
  es: ["Ubicación en tiempo real compartida"],
  pt: [
    "Localização em tempo real compartilhada",
    "localização atual compartilhada",
    "Está a partilhar a sua localização",
  ],
  de: ["Live-Standort geteilt", "Live-Standort wird geteilt"],
  fr: ["Position en direct partagée", "Localisation en direct partagée"],
  it: ["Posizione attuale condivisa"],
  nl: ["Live locatie gedeeld"],
  tr: ["Canlı konum paylaşıldı", "Mevcut konum paylaşıldı"],
};

function variants(s: string): string[] {
  const out = [s, s + "."];
  const first = s[0] === "<" ? 1 : 0;
  const up = s.slice(0, first) + s[first].toUpperCase() + s.slice(first + 1);
  const low = s.slice(0, first) + s[first].toLowerCase() + s.slice(first + 1);
  for (const v of [up, low]) out.push(v, v + ".");
  return out;
}

function exactTable(): Map<string, Wording> {
  const map = new Map<string, Wording>();
  const add = (table: Record<string, string[]>, kind: MessageKind) => {
    for (const [lang, list] of Object.entries(table)) {
      for (const s of list) {
        for (const v of variants(s)) if (!map.has(v)) map.set(v, { kind, lang });
      }
    }
  };
  add(DELETED, "deleted");
  add(MEDIA, "media");
  add(CONTACT, "contact");
  add(LIVE_LOCATION, "location");
  return map;
}

/** Whole bodies (after invisible marks are removed) that decide a message's kind. */
export const EXACT: Map<string, Wording> = exactTable();

/** iOS placeholders that END a body after a document title (`Title.pdf • 3 pages document omitted`). */
export const OMITTED_ENDINGS: [string, Wording][] = [...EXACT.entries()].filter(([k, w]) =>
  k[0] !== "<" && (w.kind === "media" || w.kind === "contact") && !k.endsWith(".")
);

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

/** The edited marker's inner text (without `<` `>`) → language. */
export const EDITED = new Map<string, string>([
  ["This message was edited", "en"],
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
]);

/** Location labels (`location: https://maps…`) → language. */
export const LOCATION_LABELS = new Map<string, string>([
  ["location", "en"],
  ["ubicación", "es"],
  ["localização", "pt"],
  ["standort", "de"],
  ["position", "fr"],
  ["localisation", "fr"],
  ["posizione", "it"],
  ["locatie", "nl"],
  ["konum", "tr"],
]);

/**
 * System texts per language (notices and events), for the language guess and for recognising
 * system lines that a `": "` or a pseudo-author would otherwise make look like a user message.
 */
export const SYSTEM_PHRASES: [string, RegExp][] = [
  [
    "en",
    /end-to-end encrypt|created (?:this )?group|changed (?:the subject|the group (?:name|description)|this group's icon)|deleted this group's icon| added | removed |^You were added| left$|joined using this group's invite link|security code with|disappearing messages|changed their phone number|Missed (?:voice|video) call|This business uses/,
  ],
  [
    "es",
    /cifrad[oa]s de extremo a extremo|creó (?:el|este) grupo|cambió (?:el asunto|el nombre|el ícono|la imagen|la descripción)| añadió | agregó | eliminó a | salió$|se unió usando|código de seguridad|mensajes temporales|cambió su número|Llamada (?:de voz|de video) perdida|Esta empresa usa/,
  ],
  [
    "pt",
    /ponta a ponta|criou (?:o|este) grupo|mudou (?:o assunto|o nome|a imagem|o ícone|a descrição)|alterou (?:o assunto|o nome|a imagem|a descrição)| adicionou | removeu | saiu$|entrou usando|código de segurança|mensagens temporárias|mudou seu número|Chamada de (?:voz|vídeo) perdida|Esta empresa usa/,
  ],
  [
    "de",
    /Ende-zu-Ende-verschlüsselt|hat (?:die|diese) Gruppe .*erstellt|hat (?:den Betreff|den Gruppennamen|das Gruppenbild|die Gruppenbeschreibung)| hinzugefügt$| entfernt$|hat die Gruppe verlassen|über den Einladungslink|Sicherheitsnummer|selbstlöschende Nachrichten|Telefonnummer geändert|Verpasster (?:Sprach|Video)anruf|Dieses Unternehmen nutzt/,
  ],
  [
    "fr",
    /chiffrés de bout en bout|a créé (?:le|ce) groupe|a (?:changé|modifié) (?:le sujet|le nom|l['’]icône|la description|le nom du groupe)| a ajouté | a retiré |est parti|a rejoint|code de sécurité|messages éphémères|a changé de numéro|Appel (?:vocal|vidéo) manqué|Cette entreprise utilise/,
  ],
  [
    "it",
    /crittografa(?:ti|te|zione) end-to-end|ha creato (?:il|questo) gruppo|ha (?:cambiato|modificato) (?:l['’]oggetto|il nome|l['’]immagine|la descrizione)| ha aggiunto | ha rimosso | è uscit[oa]|si è unit[oa]|codice di sicurezza|messaggi effimeri|ha cambiato numero|Chiamata (?:vocale|video) persa|Questa azienda usa/,
  ],
  [
    "nl",
    /end-to-end versleuteld|heeft (?:de )?groep .*aangemaakt|heeft deze groep aangemaakt|heeft (?:het onderwerp|de groepsnaam|het groepspictogram|de groepsbeschrijving)| toegevoegd$| verwijderd$|is vertrokken|via de uitnodigingslink|beveiligingscode|verdwijnende berichten|nummer gewijzigd|Gemiste (?:spraak|video)oproep|Dit bedrijf gebruikt/,
  ],
  [
    "tr",
    /uçtan uca şifreli|grubunu oluşturdu|bu grubu oluşturdu| ekledi$| çıkardı$| ayrıldı$|değiştirdi$|güvenlik kodu|süreli mesajlar|Cevapsız (?:sesli|görüntülü) arama|Bu işletme/,
  ],
];

/** Any language's system phrase (union of {@link SYSTEM_PHRASES}). */
export const SYSTEM_ANY = new RegExp(SYSTEM_PHRASES.map(([, re]) => `(?:${re.source})`).join("|"));

/**
 * The rest of an iOS line attributed to its actor (`Name: Name created this group`), after the
 * name: event verbs anchored where the language puts them (Turkish verbs end the sentence).
 */
export const ACTOR_EVENT =
  /^(?:created (?:this )?group|changed (?:the subject|the group (?:name|description)|this group's icon|their phone number)|deleted this group's icon|added |removed |left$|joined using|turned (?:on|off) disappearing|creó |cambió |añadió |agregó |eliminó a |salió$|se unió|criou |mudou |alterou |adicionou |removeu |saiu$|entrou |hat (?:die|diese|den|das) |a créé |a changé |a modifié |a ajouté |a retiré |est parti|a rejoint|ha creato |ha cambiato |ha modificato |ha aggiunto |ha rimosso |è uscit|si è unit|heeft (?:groep|deze groep|het onderwerp|de groepsnaam|het groepspictogram|de groepsbeschrijving)|is vertrokken|.*(?:oluşturdu|değiştirdi|ekledi|çıkardı|ayrıldı|katıldı)\.?$)/;

/** Notices that open a chat and are system even when a pseudo-author precedes them. */
export const NOTICE =
  /^(?:Messages and calls are end-to-end encrypted|Messages to this (?:group|chat) are now secured|This business uses|Los mensajes y las llamadas están cifrados|Los mensajes de este (?:grupo|chat)|Esta empresa usa|As mensagens e (?:as )?(?:chamadas|ligações) são protegidas|Mensagens e ligações são protegidas|Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt|Dieses Unternehmen nutzt|Les messages et les appels sont chiffrés|Cette entreprise utilise|I messaggi e le chiamate sono crittografati|Questa azienda usa|Berichten en gesprekken worden end-to-end versleuteld|Dit bedrijf gebruikt|Mesajlar ve aramalar uçtan uca şifrelidir|Bu işletme)/;

/** Language of a system text, or null when no phrase matches. */
export function systemLanguage(text: string): string | null {
  for (const [lang, re] of SYSTEM_PHRASES) if (re.test(text)) return lang;
  return null;
}
