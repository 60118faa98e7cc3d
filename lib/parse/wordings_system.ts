/**
 * System texts per language (notices and events): for the language guess, and for recognising
 * system lines that a `": "` or a pseudo-author would otherwise make look like a user message.
 *
 * Sources (see wordings.ts): FORMAT.md §4–5 and the team's real exports for en…tr and the older
 * notices; whats_json's lists (L/S) for the other languages: the end-to-end notice (current iOS
 * wording, and Android's older "Your messages and calls are secured…"), "Your security code with
 * X changed" and the missed voice/video call rows. whats_json lists group events (created, added,
 * removed…) in English only, so other languages are guessed from those three texts; the few
 * events of other languages come from real exports (nl `heeft de groep X gemaakt`, he
 * `X הסיר/ה את Y`, pt `fixou uma mensagem`).
 *
 * @module
 */

/** System texts, language → pattern; the first language whose pattern matches wins. */
export const SYSTEM_PHRASES: [string, RegExp][] = [
  [
    "en",
    /end-to-end encrypted|with end-to-end encryption|created (?:this )?group|changed (?:the subject|the group (?:name|description)|this group's icon)|deleted this group's icon| added | removed |^You were added| left$|joined using this group's invite link|security code with|disappearing messages|changed their phone number|Missed (?:group )?(?:voice|video) call|^(?:Voice|Video) call, |This business uses|pinned a message/,
  ],
  [
    "es",
    /cifrad[oa]s? de extremo a extremo|creó (?:el|este) grupo|cambió (?:el asunto|el nombre|el ícono|la imagen|la descripción)| añadió | agregó | eliminó a | salió$|se unió usando|código de seguridad|mensajes temporales|cambió su número|Llamada (?:de voz |de video )?perdida|Videollamada perdida|Esta empresa usa/,
  ],
  [
    "pt",
    /ponta[- ]a[- ]ponta|ponto a ponto|completamente encriptadas|criou (?:o|este) grupo|mudou (?:o assunto|o nome|a imagem|o ícone|a descrição)|alterou (?:o assunto|o nome|a imagem|a descrição)| adicionou | removeu | saiu$|entrou usando|código de segurança|mensagens temporárias|mudou seu número|Chamada de (?:voz|vídeo) perdida|Videochamada perdida|Esta empresa usa|fixou uma mensagem/,
  ],
  [
    "de",
    /Ende-zu-Ende-verschlüsselt|Ende-zu-Ende-Verschlüsselung|hat (?:die|diese) Gruppe .*erstellt|hat (?:den Betreff|den Gruppennamen|das Gruppenbild|die Gruppenbeschreibung)| hinzugefügt$| entfernt$|hat die Gruppe verlassen|über den Einladungslink|Sicherheitsnummer|selbstlöschende Nachrichten|Telefonnummer geändert|Verpasster (?:Sprach|Video)anruf|Dieses Unternehmen nutzt/,
  ],
  [
    "fr",
    /chiffrés de bout en bout|chiffrement de bout en bout|a créé (?:le|ce) groupe|a (?:changé|modifié) (?:le sujet|le nom|l['’]icône|la description|le nom du groupe)| a ajouté | a retiré |est parti|a rejoint|code de sécurité|messages éphémères|a changé de numéro|Appel (?:vocal|vidéo) manqué|Cette entreprise utilise/,
  ],
  [
    "it",
    /crittografa(?:ti|te|zione|ia) end-to-end|ha creato (?:il|questo) gruppo|ha (?:cambiato|modificato) (?:l['’]oggetto|il nome|l['’]immagine|la descrizione)| ha aggiunto | ha rimosso | è uscit[oa]|si è unit[oa]|codice di sicurezza|messaggi effimeri|ha cambiato numero|Chiamata (?:vocale|video) persa|Videochiamata persa|Questa azienda usa/,
  ],
  [
    "nl",
    /end-to-end versleuteld|end-to-end encryptie|heeft (?:de |deze )?groep .*(?:aan)?gemaakt| toegevoegd$| verwijderd$|is vertrokken|via de uitnodigingslink|beveiligingscode|verdwijnende berichten|nummer gewijzigd|Gemiste (?:spraak|video-?)oproep|Gemist (?:spraak|video)gesprek|Dit bedrijf gebruikt/,
  ],
  [
    "tr",
    /uçtan uca şifreli|uçtan uca şifreleme|grubunu oluşturdu|bu grubu oluşturdu| ekledi$| çıkardı$| ayrıldı$|değiştirdi$|güvenlik kodu|süreli mesajlar|Cevapsız (?:sesli|görüntülü) (?:grup )?araması?|Bu işletme/,
  ],
  // The languages below: L/S (end-to-end notice, security code, missed calls), plus R where noted.
  ["he", /מקצה[- ]לקצה|קוד האבטחה עם|שיחה קולית שלא נענתה|שיחת וידאו שלא נענתה|הסיר\/ה את /], // R: removal
  [
    "ru",
    /защищены сквозным шифрованием|Ваш код безопасности с контактом|Пропущенный (?:аудио|видео)звонок/,
  ],
  [
    "uk",
    /захищено наскрізним шифруванням|Код безпеки з контактом|Пропущений (?:аудіо|відео)дзвінок/,
  ],
  [
    "el",
    /κρυπτογραφούνται πλήρως|ασφαλή με κρυπτογράφηση|Ο κωδικός ασφαλείας σας με|Αναπάντητη (?:φωνητική κλήση|βιντεοκλήση|κλήση)/,
  ],
  [
    "ar",
    /مشفرة تمامًا بين الطرفين|التشفير التام بين الطرفين|تغيّر رمز أمانك|مكالمة (?:صوتية|فيديو) فائتة/,
  ],
  [
    "bn",
    /এন্ড-টু-এন্ড এনক্রিপ্টেড|এনক্রিপশানের মাধ্যমে নিরাপদ|আপনার নিরাপত্তা কোড পরিবর্তিত|(?:ভয়েস|ভিডিও) কল মিস করেছেন|মিসড ভয়েস কল|মিস করা ভিডিও কল/,
  ],
  [
    "zh",
    /端對端加密|端到端加密|端對端的加密|端对端的加密|安全代碼已變更|安全碼已變更|安全代码已更改|未接(?:語音|視像)通話|未接(?:语音|视频)通话/,
  ],
  ["vi", /mã hóa đầu cuối|mã hoá đầu-cuối|Mã bảo mật của bạn với|Cuộc gọi nhỡ/],
  [
    "ur",
    /اینڈ ٹو اینڈ اینکرپشن|رمزکاری کے ذریعے محفوظ|آپ کا سیکیورٹی کوڈ تبدیل|مسڈ (?:وائس|ویڈیو) کال|چھوٹی ہوئی (?:صوتی|ویڈیو) کال/,
  ],
  ["th", /เข้ารหัสจากต้นทางถึงปลายทาง|รหัสความปลอดภัยของคุณกับ|สายที่ไม่ได้รับ|(?:วิดีโอคอล|สายโทรวิดีโอ)ที่ไม่ได้รับ/],
  [
    "sv",
    /komplett krypterade|säkrade med komplett kryptering|Missat (?:röstsamtal|videosamtal|samtal)/,
  ],
  [
    "sk",
    /šifrovaním počas celého spojenia|Bezpečnostný kód, ktorý zdieľate|Zmeškaný (?:hovor|videohovor)/,
  ],
  [
    "pl",
    /w pełni zaszyfrowane|zabezpieczone przez pełne szyfrowanie|Twój kod zabezpieczeń z użytkownikiem|Nieodebrane poł/,
  ],
  [
    "ro",
    /criptate integral|criptare integrală|Codul dvs\. de securitate cu|Apel (?:vocal|video) (?:ratat|nepreluat)/,
  ],
  [
    "nb",
    /ende-til-ende-krypterte|kryptering fra ende til ende|Sikkerhetskoden med|Tapt (?:taleanrop|videoanrop|videosamtale)/,
  ],
  [
    "ms",
    /disulitkan hujung ke hujung|penyulitan hujung ke hujung|Kod keselamatan anda dengan|Panggilan? (?:[Ss]uara|video) [Tt]erlepas/,
  ],
  [
    "mr",
    /एन्ड-टू-एन्ड एन्क्रिप्शनने|संपूर्णपणे कूटबद्ध|संबंधित सुरक्षा कोड बदलला|मिस्ड (?:व्हॉइस|व्हिडिओ) कॉल/,
  ],
  ["ko", /종단간 암호화|암호화되어 안전합니다|님과의 보안 코드가 변경|부재중 (?:전화|영상통화)/],
  ["ja", /エンドツーエンド|とのセキュリティコードが変更|不在着信/],
  [
    "hu",
    /végpontok közötti titkosítással|titkosítottak a végpontok között|biztonsági kódja megváltozott|Nem fogadott (?:hanghívás|videohívás|videóhívás)/,
  ],
  [
    "id",
    /terenkripsi secara end-to-end|diamankan dengan enkripsi end-to-end|Kode keamanan Anda dengan|Panggilan (?:suara|video) tak terjawab/,
  ],
  [
    "hr",
    /zaštićeni su potpunom enkripcijom|šifrirane su end-to-end|Vaš sigurnosni kôd za kontakt|Propušten(?:i)? (?:glasovni poziv|videopoziv|video poziv)/,
  ],
  [
    "hi",
    /एंड-टू-एंड एन्क्रिप्टेड|शुरू से अंत तक एन्क्रिप्शन|के लिए आपका सुरक्षा कोड बदल गया|मिस्ड (?:वॉइस|वीडियो) कॉल|वॉइस कॉल मिस हुई|छूटी हुई (?:ध्वनि|विडियो) कॉल/,
  ],
  [
    "gu",
    /શરૂથી અંત સુધી સુરક્ષિત|શરૂઆતથી અંત સુધી ગુપ્તીકરણ|સાથેનો તમારો સુરક્ષા કોડ બદલાઈ|છૂટી ગયેલ|છૂટેલો વોઇસ કૉલ/,
  ],
  [
    "ga",
    /criptiúchán ó cheann go ceann|Athraíodh an cód slándála|Guthghlao caillte|Glao Gutha Caillte|Físghlao caillte/,
  ],
  ["fi", /salataan täysin|Turvanumerosi muuttui|Vastaamaton (?:äänipuhelu|videopuhelu)/],
  [
    "fa",
    /سرتاسر رمزگذاری|رمزگذاری سرتاسری|کد امنیتی شما با|تماس (?:صوتی|تصویری) (?:پاسخ داده نشده|بی)/,
  ],
  [
    "da",
    /end-to-end-krypterede|sikret med kryptering|Din sikkerhedskode for|Ubesvaret (?:taleopkald|videoopkald)|Mistet opkald|Mistede video opkald/,
  ],
  [
    "cs",
    /opatřeny koncovým šifrováním|zabezpečeny koncovým šifrováním|Bezpečnostní kód mezi vámi a uživatelem|Zmeškaný hlasový hovor/,
  ],
  [
    "ca",
    /xifrats d'extrem a extrem|encriptació d'extrem a extrem|El teu codi de seguretat amb|Trucada de (?:veu|vídeo) perduda|Videotrucada perduda/,
  ],
  // S only (Android): the older end-to-end notice and the missed calls
  ["tl", /Ang inyong mga mensahe at tawag ay secured|Nakaligtaang (?:voice|video) call/],
  ["lv", /aizsargāti ar pilnīgu šifrēšanu|Neatbildēts (?:balss|video) zvans/],
  ["kk", /толығымен шифрлау арқылы|Жауапсыз (?:қоңырау|видео қоңырау)/],
  ["uz", /boshidan oxirigacha shifrlash|O‘tkazib yub\. (?:ovozli qo‘ng‘iroq|videoqo‘ng‘iroq)/],
  ["sl", /šifriranjem od konca do konca|Zgrešen klic|Neodgovorjen video klic/],
  ["sw", /ufumbaji wa mwisho-kwa-mwisho|Simu ya (?:sauti|video) uliyoikosa/],
  ["ta", /முழு மறையாக்கத்துடன்|தவறிய (?:குரல்|காணொலி) அழைப்பு/],
  ["lt", /apsaugoti ištisiniu šifravimu|Praleistas (?:balso|video) skambutis/],
  ["et", /otsast otsani krüpteerimisega|Vastamata (?:häälkõne|videokõne)/],
  ["bg", /криптиране от край до край|Пропуснато (?:гласово|видео) обаждане/],
  ["af", /end-tot-end enkripsie|Stemoproep gemis|Video-oproep gemis/],
  ["az", /bir başdan digərinə qədər şifrələnir|Buraxılmış (?:video )?zəng/],
  ["ml", /ആദ്യാവസാന എൻക്രിപ്ഷൻ|വിളി നഷ്ടപ്പെട്ടു|നഷ്ടമായ വീഡിയോ കാൾ/],
  ["mk", /шифрирање крај-до-крај|Пропуштен (?:гласовен|видео) повик/],
  ["kn", /ಕೊನೆಯಿಂದ-ಕೊನೆವರೆಗೆ ಎನ್ಕ್ರಿಪ್ಷನ್|ತಪ್ಪಿದ (?:ಧ್ವನಿ|ದೃಶ್ಯ) ಕರೆ/],
  ["sr", /шифровањем од почетка-до-краја|Пропуштен (?:гласовни|видео) позив/],
  ["pa", /ਸਿਰੇ ਤੋਂ ਸਿਰੇ ਤੱਕ ਇੰਕ੍ਰਿਪਸ਼ਨ|ਮਿਸ ਹੋਈ (?:ਆਵਾਜ਼|ਵੀਡੀਓ) ਕਾਲ/],
  ["te", /ఎండ్ టు ఎండ్ ఎన్క్రిప్షన్|మిస్సేడ్ వాయిస్ కాల్|తప్పిన వీడియోకాల్/],
  ["sq", /të koduara fund-e-krye|Thirrje e shmangur|Videothirrje e shmangur/],
];

/** Any language's system phrase (union of {@link SYSTEM_PHRASES}). */
export const SYSTEM_ANY = new RegExp(SYSTEM_PHRASES.map(([, re]) => `(?:${re.source})`).join("|"));

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
