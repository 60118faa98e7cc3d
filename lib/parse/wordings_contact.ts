/**
 * iOS's omitted contact card (`Contact card omitted`) per language: a `contact` message. Bare
 * words like the media placeholders (wordings_omitted.ts), with the same sources.
 *
 * @module
 */

/** iOS omitted contact cards, language → wordings. */
export const CONTACT: Record<string, string[]> = {
  // en…tr: FORMAT.md §5.4 and L
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
  // L; ru, uk, ja, th, vi also R (whats_json test/data/ios)
  he: ["כרטיס איש קשר הושמט"],
  ru: ["Карточка контакта отсутствует"],
  uk: ["Картка контакту відсутня"],
  el: ["Η κάρτα επαφής παραλήφθηκε"],
  ar: ["لم يتم إدراج بطاقة جهة اتصال"],
  bn: ["পরিচিতির কার্ড বাদ দেওয়া হয়েছে"],
  zh: ["聯絡人卡片已略去", "聯絡人卡片已省略", "联系人卡片已忽略"],
  vi: ["Bỏ qua thẻ liên lạc"],
  ur: ["رابطہ کارڈ نظر انداز"],
  th: ["บัตรรายชื่อที่ละเว้น"],
  sv: ["Kontaktkort uteslutet"],
  sk: ["Karta kontaktu vynechaná"],
  pl: ["Pominięta wizytówka kontaktu"],
  ro: ["Carte de vizită contact omisă"],
  nb: ["Kontaktkort sløyfet"],
  ms: ["Kad kenalan tidak dimasukkan"],
  mr: ["संपर्क कार्ड वगळले"],
  ko: ["연락처 카드 생략됨"],
  ja: ["連絡先カードを省略"],
  hu: ["Névjegykártya kihagyva"],
  id: ["Kartu kontak tidak disertakan"],
  hr: ["Posjetnica izostavljena"],
  hi: ["कॉन्टैक्ट कार्ड छोड़ा गया"],
  gu: ["સંપર્કનું કાર્ડ પડતું મૂકાયું"],
  ga: ["Cárta teagmhála ar lár"],
  fi: ["Yhteystietokortti jätettiin pois"],
  fa: ["برگ مخاطب حذف شد"],
  da: ["Kontaktkort udeladt"],
  cs: ["Vizitka vynechána"],
  ca: ["Targeta de contacte omesa"],
};

/**
 * The contact card in angle brackets, as iOS wrote its placeholders until about 2018 (old iOS
 * `DATE, TIME: NAME: <image omitted>`; the other types are in wordings_bracketed.ts): a `contact`
 * message. Source: nating/whatsapp-stats README.md, the table of an old iOS export's lines
 * (`<user>: <Contact card omitted>` beside `<image omitted>`, `<audio omitted>`).
 */
export const BRACKETED_CONTACT: Record<string, string[]> = {
  en: ["<Contact card omitted>"],
};
