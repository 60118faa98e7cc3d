/**
 * System texts per language (notices and events): for the language guess, and for recognising
 * system lines that a `": "` or a pseudo-author would otherwise make look like a user message.
 *
 * Sources (see wordings.ts): FORMAT.md §4–5 and the team's real exports for en…tr and the older
 * notices; whats_json's lists (L/S) for the other languages: the end-to-end notice (current iOS
 * wording, and Android's older "Your messages and calls are secured…") and "Your security code
 * with X changed". Call rows (missed voice/video calls, iOS's `Voice call, 6 min`) are those of
 * wordings_calls.ts, appended to each language's pattern. whats_json lists group events (created,
 * added, removed…) in English only, so other languages are guessed from those texts; the few
 * events of other languages come from real exports (nl `heeft de groep X gemaakt`, he
 * `X הסיר/ה את Y`, pt `fixou uma mensagem`).
 *
 * @module
 */
import { CALLS, IOS_CALL_START, IOS_CALLS, SHARED_CALLS } from "./wordings_calls.ts";

/**
 * System texts other than call rows, language → pattern, in the order {@link SYSTEM_PHRASES}
 * tries them. Call rows come from wordings_calls.ts.
 */
const PHRASES: [string, RegExp][] = [
  [
    "en",
    /end-to-end encrypted|with end-to-end encryption|created (?:this )?group|changed (?:the subject|the group (?:name|description)|this group's icon)|deleted this group's icon| added | removed |^You were added| left$|joined using this group's invite link|security code with|disappearing messages|changed their phone number|This business uses|pinned a message/,
  ],
  [
    "es",
    /cifrad[oa]s? de extremo a extremo|creó (?:el|este) grupo|cambió (?:el asunto|el nombre|el ícono|la imagen|la descripción)| añadió | agregó | eliminó a | salió$|se unió usando|código de seguridad|mensajes temporales|cambió su número|Esta empresa usa/,
  ],
  [
    "pt",
    /ponta[- ]a[- ]ponta|ponto a ponto|completamente encriptadas|criou (?:o|este) grupo|mudou (?:o assunto|o nome|a imagem|o ícone|a descrição)|alterou (?:o assunto|o nome|a imagem|a descrição)| adicionou | removeu | saiu$|entrou usando|código de segurança|mensagens temporárias|mudou seu número|Esta empresa usa|fixou uma mensagem/,
  ],
  [
    "de",
    /Ende-zu-Ende-verschlüsselt|Ende-zu-Ende-Verschlüsselung|hat (?:die|diese) Gruppe .*erstellt|hat (?:den Betreff|den Gruppennamen|das Gruppenbild|die Gruppenbeschreibung)| hinzugefügt$| entfernt$|hat die Gruppe verlassen|über den Einladungslink|Sicherheitsnummer|selbstlöschende Nachrichten|Telefonnummer geändert|Dieses Unternehmen nutzt/,
  ],
  [
    "fr",
    /chiffrés de bout en bout|chiffrement de bout en bout|a créé (?:le|ce) groupe|a (?:changé|modifié) (?:le sujet|le nom|l['’]icône|la description|le nom du groupe)| a ajouté | a retiré |est parti|a rejoint|code de sécurité|messages éphémères|a changé de numéro|Cette entreprise utilise/,
  ],
  [
    "it",
    /crittografa(?:ti|te|zione|ia) end-to-end|ha creato (?:il|questo) gruppo|ha (?:cambiato|modificato) (?:l['’]oggetto|il nome|l['’]immagine|la descrizione)| ha aggiunto | ha rimosso | è uscit[oa]|si è unit[oa]|codice di sicurezza|messaggi effimeri|ha cambiato numero|Questa azienda usa/,
  ],
  [
    "nl",
    /end-to-end versleuteld|end-to-end encryptie|heeft (?:de |deze )?groep .*(?:aan)?gemaakt| toegevoegd$| verwijderd$|is vertrokken|via de uitnodigingslink|beveiligingscode|verdwijnende berichten|nummer gewijzigd|Dit bedrijf gebruikt/,
  ],
  [
    "tr",
    /uçtan uca şifreli|uçtan uca şifreleme|grubunu oluşturdu|bu grubu oluşturdu| ekledi$| çıkardı$| ayrıldı$|değiştirdi$|güvenlik kodu|süreli mesajlar|Bu işletme/,
  ],
  // The languages below: L/S (end-to-end notice, security code), plus R where noted.
  ["he", /מקצה[- ]לקצה|קוד האבטחה עם|הסיר\/ה את /], // R: removal
  [
    "ru",
    /защищены сквозным шифрованием|Ваш код безопасности с контактом/,
  ],
  [
    "uk",
    /захищено наскрізним шифруванням|Код безпеки з контактом/,
  ],
  [
    "el",
    /κρυπτογραφούνται πλήρως|ασφαλή με κρυπτογράφηση|Ο κωδικός ασφαλείας σας με/,
  ],
  [
    "ar",
    /مشفرة تمامًا بين الطرفين|التشفير التام بين الطرفين|تغيّر رمز أمانك/,
  ],
  [
    "bn",
    /এন্ড-টু-এন্ড এনক্রিপ্টেড|এনক্রিপশানের মাধ্যমে নিরাপদ|আপনার নিরাপত্তা কোড পরিবর্তিত/,
  ],
  [
    "zh",
    /端對端加密|端到端加密|端對端的加密|端对端的加密|安全代碼已變更|安全碼已變更|安全代码已更改/,
  ],
  ["vi", /mã hóa đầu cuối|mã hoá đầu-cuối|Mã bảo mật của bạn với/],
  [
    "ur",
    /اینڈ ٹو اینڈ اینکرپشن|رمزکاری کے ذریعے محفوظ|آپ کا سیکیورٹی کوڈ تبدیل/,
  ],
  ["th", /เข้ารหัสจากต้นทางถึงปลายทาง|รหัสความปลอดภัยของคุณกับ/],
  [
    "sv",
    /komplett krypterade|säkrade med komplett kryptering/,
  ],
  [
    "sk",
    /šifrovaním počas celého spojenia|Bezpečnostný kód, ktorý zdieľate/,
  ],
  [
    "pl",
    /w pełni zaszyfrowane|zabezpieczone przez pełne szyfrowanie|Twój kod zabezpieczeń z użytkownikiem/,
  ],
  [
    "ro",
    /criptate integral|criptare integrală|Codul dvs\. de securitate cu/,
  ],
  [
    "nb",
    /ende-til-ende-krypterte|kryptering fra ende til ende|Sikkerhetskoden med/,
  ],
  [
    "ms",
    /disulitkan hujung ke hujung|penyulitan hujung ke hujung|Kod keselamatan anda dengan/,
  ],
  [
    "mr",
    /एन्ड-टू-एन्ड एन्क्रिप्शनने|संपूर्णपणे कूटबद्ध|संबंधित सुरक्षा कोड बदलला/,
  ],
  ["ko", /종단간 암호화|암호화되어 안전합니다|님과의 보안 코드가 변경/],
  ["ja", /エンドツーエンド|とのセキュリティコードが変更/],
  [
    "hu",
    /végpontok közötti titkosítással|titkosítottak a végpontok között|biztonsági kódja megváltozott/,
  ],
  [
    "id",
    /terenkripsi secara end-to-end|diamankan dengan enkripsi end-to-end|Kode keamanan Anda dengan/,
  ],
  [
    "hr",
    /zaštićeni su potpunom enkripcijom|šifrirane su end-to-end|Vaš sigurnosni kôd za kontakt/,
  ],
  [
    "hi",
    /एंड-टू-एंड एन्क्रिप्टेड|शुरू से अंत तक एन्क्रिप्शन|के लिए आपका सुरक्षा कोड बदल गया/,
  ],
  [
    "gu",
    /શરૂથી અંત સુધી સુરક્ષિત|શરૂઆતથી અંત સુધી ગુપ્તીકરણ|સાથેનો તમારો સુરક્ષા કોડ બદલાઈ/,
  ],
  [
    "ga",
    /criptiúchán ó cheann go ceann|Athraíodh an cód slándála/,
  ],
  ["fi", /salataan täysin|Turvanumerosi muuttui/],
  [
    "fa",
    /سرتاسر رمزگذاری|رمزگذاری سرتاسری|کد امنیتی شما با/,
  ],
  [
    "da",
    /end-to-end-krypterede|sikret med kryptering|Din sikkerhedskode for/,
  ],
  [
    "cs",
    /opatřeny koncovým šifrováním|zabezpečeny koncovým šifrováním|Bezpečnostní kód mezi vámi a uživatelem/,
  ],
  [
    "ca",
    /xifrats d'extrem a extrem|encriptació d'extrem a extrem|El teu codi de seguretat amb/,
  ],
  // S only (Android): the older end-to-end notice
  ["tl", /Ang inyong mga mensahe at tawag ay secured/],
  ["lv", /aizsargāti ar pilnīgu šifrēšanu/],
  ["kk", /толығымен шифрлау арқылы/],
  ["uz", /boshidan oxirigacha shifrlash/],
  ["sl", /šifriranjem od konca do konca/],
  ["sw", /ufumbaji wa mwisho-kwa-mwisho/],
  ["ta", /முழு மறையாக்கத்துடன்/],
  ["lt", /apsaugoti ištisiniu šifravimu/],
  ["et", /otsast otsani krüpteerimisega/],
  ["bg", /криптиране от край до край/],
  ["af", /end-tot-end enkripsie/],
  ["az", /bir başdan digərinə qədər şifrələnir/],
  ["ml", /ആദ്യാവസാന എൻക്രിപ്ഷൻ/],
  ["mk", /шифрирање крај-до-крај/],
  ["kn", /ಕೊನೆಯಿಂದ-ಕೊನೆವರೆಗೆ ಎನ್ಕ್ರಿಪ್ಷನ್/],
  ["sr", /шифровањем од почетка-до-краја/],
  ["pa", /ਸਿਰੇ ਤੋਂ ਸਿਰੇ ਤੱਕ ਇੰਕ੍ਰਿਪਸ਼ਨ/],
  ["te", /ఎండ్ టు ఎండ్ ఎన్క్రిప్షన్/],
  ["sq", /të koduara fund-e-krye/],
];

/** `s` as a pattern that matches it literally. */
const literal = (s: string) => s.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");

/**
 * A language's pattern with its call rows (wordings_calls.ts, Android's and iOS's; not those
 * another language lists too) appended: the wordings found anywhere in a text, and iOS's
 * `Voice call, ` for English.
 */
function withCalls(lang: string, source: string | null): RegExp {
  const parts = [...(CALLS[lang] ?? []), ...(IOS_CALLS[lang] ?? [])]
    .filter((w) => !SHARED_CALLS.has(w)).map(literal);
  if (lang === IOS_CALL_START[0]) parts.push(IOS_CALL_START[1]);
  if (source !== null) parts.unshift(source);
  return new RegExp(parts.join("|") || "(?!)"); // nothing left: matches nothing
}

/**
 * System texts, language → pattern (its notices and events, then its call rows); the first
 * language whose pattern matches wins. A language with call rows only would come last.
 */
export const SYSTEM_PHRASES: [string, RegExp][] = [
  ...PHRASES.map(([lang, re]): [string, RegExp] => [lang, withCalls(lang, re.source)]),
  ...Object.keys(CALLS).filter((lang) => !PHRASES.some(([l]) => l === lang))
    .map((lang): [string, RegExp] => [lang, withCalls(lang, null)]),
];

/** Any language's system phrase (union of {@link SYSTEM_PHRASES} and the shared call rows). */
export const SYSTEM_ANY = new RegExp(
  [...SYSTEM_PHRASES.map(([, re]) => re.source), ...[...SHARED_CALLS].map(literal)]
    .map((source) => `(?:${source})`).join("|"),
);

/**
 * The rest of an iOS line attributed to its actor (`Name: Name created this group`), after the
 * name: event verbs anchored where the language puts them (Turkish verbs end the sentence).
 */
export const ACTOR_EVENT =
  /^(?:created (?:this )?group|changed (?:the subject|the group (?:name|description)|this group's icon|their phone number)|deleted this group's icon|added |removed |left$|joined using|turned (?:on|off) disappearing|pinned a message|creó |cambió |añadió |agregó |eliminó a |salió$|se unió|criou |mudou |alterou |adicionou |removeu |saiu$|entrou |fixou uma mensagem|hat (?:die|diese|den|das) |a créé |a changé |a modifié |a ajouté |a retiré |est parti|a rejoint|ha creato |ha cambiato |ha modificato |ha aggiunto |ha rimosso |è uscit|si è unit|heeft (?:groep|de groep|deze groep|het onderwerp|de groepsnaam|het groepspictogram|de groepsbeschrijving)|is vertrokken|הסיר\/ה את |.*(?:oluşturdu|değiştirdi|ekledi|çıkardı|ayrıldı|katıldı)\.?$)/;

/**
 * Notices that open a chat and are system even when a pseudo-author precedes them: the start of
 * each language's end-to-end notice (current and older wordings) and the business notice.
 */
export const NOTICE = new RegExp(
  "^(?:" + [
    // en…tr: FORMAT.md §5.2, L/S; older en, es, pt-PT, nl wordings: the team's real exports
    "Messages and calls are end-to-end encrypted",
    "Messages to this (?:group|chat) are now secured",
    "Messages to this chat and calls are now secured",
    "Messages you send to this (?:group|chat) are now secured",
    "This business uses",
    "Los mensajes y las llamadas están cifrados",
    "Los mensajes y llamadas en este chat",
    "Los mensajes de este (?:grupo|chat)",
    "Tus mensajes y llamadas ahora están protegidos",
    "Esta empresa usa",
    "As mensagens e (?:as )?(?:chamadas|ligações) são (?:protegidas|encriptadas)",
    "Mensagens e ligações são protegidas",
    "Suas chamadas e mensagens estão seguras",
    "Quando é possível, as mensagens que enviar",
    "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    "Deine Nachrichten und Anrufe werden",
    "Dieses Unternehmen nutzt",
    "Les messages et les appels sont chiffrés",
    "Vos messages et vos appels sont protégés",
    "Cette entreprise utilise",
    "I messaggi e le chiamate sono crittografati",
    "I tuoi messaggi e le tue chiamate sono protetti",
    "Questa azienda usa",
    "Berichten en (?:gesprekken|oproepen) worden end-to-end versleuteld",
    "Uw oproepen en berichten zijn beveiligd",
    "Dit bedrijf gebruikt",
    "Mesajlar ve aramalar uçtan uca şifrelidir",
    "Mesajlarınız artık uçtan uca",
    "Bu işletme",
    // L (the current iOS wording); he also R
    "ההודעות והשיחות מוצפנות",
    "ההודעות שהנך שולח",
    "Сообщения и звонки защищены",
    "Ваши сообщения и звонки защищены",
    "Повідомлення й дзвінки захищено",
    "Ваші повідомлення та дзвінки захищено",
    "Τα μηνύματα και οι κλήσεις (?:κρυπτογραφούνται|σας)",
    "الرسائل والمكالمات مشفرة",
    "মেসেজ এবং কল এন্ড-টু-এন্ড",
    "訊息和通話經端對端加密",
    "訊息已受端對端加密保護",
    "消息和通话都进行端到端加密",
    "Tin nhắn và cuộc gọi được mã hóa",
    "میسجز اور کالز اینڈ ٹو اینڈ",
    "ข้อความและการโทรได้รับการเข้ารหัส",
    "Meddelanden och samtal är komplett krypterade",
    "Správy a hovory sú zabezpečené",
    "Wiadomości i połączenia są w pełni zaszyfrowane",
    "Mesajele și apelurile sunt criptate",
    "Meldinger og samtaler er ende-til-ende-krypterte",
    "Mesej dan panggilan disulitkan",
    "मेसेजेस आणि कॉल्स एन्ड-टू-एन्ड",
    "메시지 및 전화는 (?:종단간 )?암호화",
    "メッセージと通話は(?:、)?エンドツーエンド",
    "Az üzenetek és hívások végpontok közötti",
    "Pesan dan panggilan terenkripsi",
    "Poruke i pozivi zaštićeni su",
    "मैसेजेस और कॉल्स एंड-टू-एंड",
    "મેસેજ અને કૉલ શરૂથી અંત સુધી",
    "Déantar criptiúchán ó cheann go ceann",
    "Viestit ja puhelut salataan",
    "پیام\u200c?ها و تماس\u200c?ها سرتاسر",
    "Beskeder og opkald er end-to-end-krypterede",
    "Zprávy a hovory jsou opatřeny",
    "Els missatges i les trucades estan xifrats",
  ].join("|") + ")",
);

/** Language of a system text, or null when no phrase matches. */
export function systemLanguage(text: string): string | null {
  for (const [lang, re] of SYSTEM_PHRASES) if (re.test(text)) return lang;
  return null;
}
