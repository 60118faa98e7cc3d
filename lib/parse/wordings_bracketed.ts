/**
 * Omitted-media placeholders in angle brackets, per language: Android's one `<Media omitted>` for
 * any media type (written when a chat is exported without media), and the English per-type and
 * view-once ones. Some locales open the bracket with `‹` (U+2039: `‹Без медиафайлов>`,
 * `‹המדיה לא נכללה>`); `variants()` in wordings.ts adds that form to every entry. A bracketed
 * placeholder is the whole body (or its first line, a document's name following): it never ends a
 * body after a title, unlike iOS's bare ones (wordings_omitted.ts).
 *
 * Sources, per language (see wordings.ts): S = whats_json's list from WhatsApp's Android
 * `strings.xml` (`email_media_omitted`), R = a real export.
 *
 * @module
 */

/** Bracketed omitted-media placeholders, language → wordings. */
export const BRACKETED_MEDIA: Record<string, string[]> = {
  // en…tr: FORMAT.md §5.3 and S; en view-once: seen in ≥ 5 parsers' code (the team's survey)
  en: [
    "<Media omitted>",
    "<Video note omitted>",
    "<View once voice message omitted>",
    "<View once photo omitted>",
    "<View once video omitted>",
    "<image omitted>",
    "<video omitted>",
    "<audio omitted>",
    "<sticker omitted>",
    "<GIF omitted>",
    "<document omitted>",
  ],
  es: ["<Multimedia omitido>", "<Archivo omitido>", "<Multimedia omitida>"],
  pt: [
    "<Mídia oculta>",
    "<Arquivo de mídia oculto>",
    "<Mídia omitida>",
    "<Multimédia omitida>",
    "<Ficheiro omitido>",
    "<Ficheiro não revelado>",
  ],
  de: ["<Medien ausgeschlossen>", "<Medien weggelassen>", "<Medien nicht enthalten>"],
  fr: ["<Médias omis>", "<Fichier omis>"],
  it: ["<Media omessi>", "<File omesso>", "<Media omesso>"],
  nl: ["<Media weggelaten>", "<Bestand weggelaten>"],
  tr: ["<Medya dahil edilmedi>", "<Medya atlandı>", "<Medya atlanmış>"],
  // he: FORMAT.md §5.3, S; R (the team's real Android export: `‹המדיה לא נכללה>`)
  he: ["<המדיה לא נכללה>", "<מדיה הושמטה>"],
  // ru: S; R (the team's real Android export: `‹Без медиафайлов>`)
  ru: ["<Без медиафайлов>", "<Файл пропущен>"],
  // ar: S; R (the team's real Android export: `‹تم استبعاد الوسائط>`)
  ar: ["<تم استبعاد الوسائط>"],
  // fa: R (the team's real Android export: `‹رسانه حذف شد>`), S (an older wording)
  fa: ["<رسانه حذف شد>", "< پيوست نما/آهنگ حذف شد >"],
  // S
  uk: ["<Медіа пропущено>"],
  el: ["<Εξαίρεση πολυμέσων>"],
  bn: ["<মিডিয়া বাদ দেওয়া হয়েছে>"],
  zh: ["<忽略多媒體檔>", "<省略多媒体文件>"],
  ur: ["<میڈیا چھوڑ دیا گیا>"],
  vi: ["<Bỏ qua Media>"],
  th: ["<สื่อถูกลบ>"],
  ja: ["<メディアは含まれていません>"],
  sv: ["<Media har utelämnats>"],
  sk: ["<Médiá vynechané>"],
  pl: ["<pliki pominięto>"],
  ro: ["<Conținut media omis>"],
  nb: ["<Uten vedlegg>"],
  ms: ["<Media disingkirkan>"],
  mr: ["<मीडिया वगळले>"],
  ko: ["<미디어 파일을 생략한 대화내용>"],
  hu: ["<Hiányzó médiafájl>"],
  id: ["<Media tidak disertakan>"],
  hr: ["<Medijski zapis izostavljen>"],
  hi: ["<मीडिया के बिना>"],
  gu: ["<મીડિયા અવગણાયું>"],
  fi: ["<Media jätetty pois>"],
  da: ["<Mediefil udeladt>"],
  cs: ["<Média vynechány>", "<Média vynechána>"],
  ca: ["<Mitjans omesos>"],
  tl: ["<Walang kalakip na media>"],
  lv: ["<Bez multivides>"],
  kk: ["<Файл қосылған жоқ>"],
  uz: ["<Fayl o‘tkazib yuborildi>"],
  sl: ["<Medij izpuščen>"],
  sw: ["<Media imerukwa>"],
  ta: ["< ஊடகங்கள் நீக்கப்பட்டது >"],
  lt: ["<Praleistas medijos turinys>"],
  et: ["<Meedia ära jäetud>"],
  bg: ["<Без файл>"],
  af: ["<Media weggelaat>"],
  az: ["<Media çıxarılmışdır>"],
  ml: ["<മീഡിയ ഒഴിവാക്കി>"],
  mk: ["<Без фајл>"],
  kn: ["<ಮೀಡಿಯಾ ಕೈಬಿಡಲಾಗಿದೆ>"],
  sr: ["<медији су изостављени>"],
  pa: ["<ਮੀਡੀਆ ਛੱਡਿਆ ਗਿਆ>"],
  te: ["<మాధ్యమం విస్మరించబడింది>"],
  sq: ["<Pa media>"],
};
