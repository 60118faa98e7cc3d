/**
 * WhatsApp's own wordings beyond the first eight languages (wordings_*.ts): placeholders and
 * deleted notices keep their sender (an iOS body starting with U+200E that is no known wording
 * would be taken for a system line), Android's `‹…>` placeholders, the Hebrew edited marker, the
 * older end-to-end notices, and the language the summary guesses.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { MessageKind } from "./types.ts";
import { msg, parseText } from "./testdata/helpers.ts";

const LRM = "\u200E";

const parse = (text: string) => parseText(text);

const p2 = (n: number) => String(n).padStart(2, "0");
/** An iOS export: one line per body, a second apart, from `[18.03.22, 14:56:00]`. */
const ios = (author: string, bodies: string[]) =>
  bodies.map((b, i) => `[18.03.22, 14:56:${p2(i)}] ${author}: ${b}\r\n`).join("");
/** An Android export: one line per body, a minute apart, from `18/03/2022, 14:00`. */
const android = (author: string, bodies: string[]) =>
  bodies.map((b, i) => `18/03/2022, 14:${p2(i)} - ${author}: ${b}\n`).join("");
const iosDate = (i: number) => `2022-03-18T14:56:${p2(i)}`;
const androidDate = (i: number) => `2022-03-18T14:${p2(i)}:00`;
/** iOS's trailing period, unless the wording ends with its language's own full stop. */
const period = (s: string) => /[.。।۔]$/.test(s) ? s : s + ".";

/**
 * Per language, `|`-separated (empty where whats_json's lists have none): an iOS image (or video)
 * placeholder, an iOS document placeholder, the contact card's, the received and the sent deleted
 * notices, Android's `<…>` placeholder and its live location.
 */
const LANGUAGES: Record<string, string> = {
  he:
    "התמונה הושמטה|מסמך הושמט|כרטיס איש קשר הושמט|הודעה זו נמחקה|מחקת הודעה זו|<המדיה לא נכללה>|משתף מיקום בשידור חי",
  ru:
    "изображение отсутствует|документ отсутствует|Карточка контакта отсутствует|Данное сообщение удалено|Вы удалили данное сообщение|<Без медиафайлов>|Геоданные отправлены",
  uk:
    "зображення відсутнє|документ пропущено|Картка контакту відсутня|Це повідомлення було видалено|Ви видалили це повідомлення|<Медіа пропущено>|геодані надіслано",
  el:
    "εικόνα παραλείφθηκε|έγγραφο παραλείφθηκε|Η κάρτα επαφής παραλήφθηκε|Αυτό το μήνυμα διαγράφηκε|Διαγράψατε το μήνυμα|<Εξαίρεση πολυμέσων>|η τωρινή τοποθεσία κοινοποιήθηκε",
  ar:
    "لم يتم إدراج الصورة|لم يتم إدراج المستند|لم يتم إدراج بطاقة جهة اتصال|تم حذف هذه الرسالة|أنت حذفت هذه الرسالة|<تم استبعاد الوسائط>|تمت مشاركة الموقع المباشر",
  bn:
    "ইমেজ বাদ দেওয়া হয়েছে|ডকুমেন্ট বাদ দেওয়া হয়েছে|পরিচিতির কার্ড বাদ দেওয়া হয়েছে|এই মেসেজটি বাদ দেওয়া হয়েছে।|আপনি এই বার্তাটি মুছে ফেলেছেন|<মিডিয়া বাদ দেওয়া হয়েছে>|লাইভ অবস্থান শেয়ার করা হয়েছে",
  zh:
    "圖片已略去|文档已省略|聯絡人卡片已略去|此訊息已刪除。|您删除这个信息|<忽略多媒體檔>|實時位置已分享",
  ur:
    "تصویر نکال دی گئی ہے|دستاویز نظرانداز|رابطہ کارڈ نظر انداز|یہ میسج حذف کر دیا گیا ہے۔|آپ نے اس پیغام کو حذف کیا|<میڈیا چھوڑ دیا گیا>|جاری مقام کا اشتراک ہوا",
  vi:
    "đã bỏ qua hình ảnh|đã bỏ qua tài liệu|Bỏ qua thẻ liên lạc|Tin nhắn này đã bị xóa|Bạn đã xoá tin nhắn này|<Bỏ qua Media>|vị trí hiện thời được chia sẻ",
  th: "ไม่มีรูปภาพ|ละเว้นเอกสาร|บัตรรายชื่อที่ละเว้น|ข้อความนี้ถูกลบแล้ว|คุณลบข้อความนี้|<สื่อถูกลบ>|ตำแหน่งปัจจุบันถูกแบ่งปัน",
  ja:
    "画像は含まれていません|ドキュメントは含まれていません|連絡先カードを省略|このメッセージは削除されました。|このメッセージを削除しました。|<メディアは含まれていません>|ライブロケーション共有",
  sv:
    "bild utesluten|dokument uteslutet|Kontaktkort uteslutet|Det här meddelandet raderades|Du raderade detta meddelande|<Media har utelämnats>|liveposition delad",
  sk:
    "obrázok vynechaný|dokument vynechaný|Karta kontaktu vynechaná|Táto správa bola odstránená|Túto správu ste odstránili|<Médiá vynechané>|bola zdieľaná aktuálna poloha",
  pl:
    "obraz pominięty|dokument pominięty|Pominięta wizytówka kontaktu|Ta wiadomość została usunięta|Usunąłeś(aś) tę wiadomość|<pliki pominięto>|udostępniona transmisja położenia",
  ro:
    "Imagine omisă|clip video omis|Carte de vizită contact omisă|Acest mesaj a fost șters|Ați șters acest mesaj|<Conținut media omis>|locație în timp real distribuită",
  nb:
    "bilde ikke inkludert|utelatt dokument|Kontaktkort sløyfet|Denne meldingen ble slettet|Du slettet denne meldingen|<Uten vedlegg>|posisjon i sanntid delt",
  ms:
    "imej tidak dimasukkan|dokumen tidak dimasukkan|Kad kenalan tidak dimasukkan|Mesej ini telah dipadam|Anda telah memadamkan mesej ini|<Media disingkirkan>|lokasi terkini dikongsi",
  mr:
    "इमेज वगळली|डॉक्युमेंट वगळले|संपर्क कार्ड वगळले|हा मेसेज हटवण्यात आला|आपण हा संदेश हटविलात|<मीडिया वगळले>|सध्याचे थेट ठिकाण शेअर केले",
  ko:
    "이미지 생략됨|문서 생략됨|연락처 카드 생략됨|이 메시지는 삭제되었습니다|이 메시지를 삭제했습니다|<미디어 파일을 생략한 대화내용>|공유한 실시간 위치",
  hu:
    "kép küldése sikertelen|dokumentum kihagyva|Névjegykártya kihagyva|Ez az üzenet törlésre került|Törölted ezt az üzenetet|<Hiányzó médiafájl>|tartózkodási hely megosztva",
  id:
    "gambar tidak disertakan|dokumen tidak disertakan|Kartu kontak tidak disertakan|Pesan ini dihapus|Anda telah menghapus pesan ini|<Media tidak disertakan>|Lokasi terkini dibagikan",
  hr:
    "slika izostavljena|dokument izostavljen|Posjetnica izostavljena|Ova je poruka izbrisana|Izbrisali ste ovu poruku|<Medijski zapis izostavljen>|trenutna lokacija podijeljena",
  hi:
    "फ़ोटो हटाई गई|डॉक्यूमेंट छोड़ा गया|कॉन्टैक्ट कार्ड छोड़ा गया|यह मैसेज डिलीट कर दिया गया है|आपने यह संदेश मिटाया|<मीडिया के बिना>|लाइव स्थान साझा किया गया",
  gu:
    "છબી પડતી મૂકાઈ|ડોક્યુમેન્ટ સામેલ કર્યું નહિ|સંપર્કનું કાર્ડ પડતું મૂકાયું|આ મેસેજ ડિલીટ કરાયો|તમે આ સંદેશને રદ્દ કર્યો|<મીડિયા અવગણાયું>|જીવંત સ્થાન શેર કરાયું",
  ga:
    "íomhá ligthe ar lár|cáipéis ligthe ar lár|Cárta teagmhála ar lár|Scriosadh an teachtaireacht seo|Scrios tú an teachtaireacht seo||",
  fi:
    "videota ei sisällytetä|dokumenttia ei sisällytetä|Yhteystietokortti jätettiin pois|Tämä viesti poistettiin|Poistit tämän viestin|<Media jätetty pois>|live-sijainti jaettu",
  fa:
    "تصویر حذف شد|سند حذف شد|برگ مخاطب حذف شد|این پیام حذف شده است|شما این پیام را حذف کردید|<رسانه حذف شد>|مکان زنده به اشتراک گذاشته شد",
  da:
    "billede udeladt|dokument udeladt|Kontaktkort udeladt|Denne besked er blevet slettet|Du slettede denne besked|<Mediefil udeladt>|live placering delt",
  cs:
    "obrázek vynechán|dokument vynechán|Vizitka vynechána|Tato zpráva byla smazána|Tuto zprávu jste odstranil/a|<Média vynechány>|byla sdílena aktuální poloha",
  ca:
    "Imatge omesa|Document omès|Targeta de contacte omesa|Aquest missatge s'ha suprimit|Has esborrat aquest missatge|<Mitjans omesos>|Ubicació en directe compartida",
  tl:
    "|||Itong mensahe ay binura na|Binura mo itong mensahe|<Walang kalakip na media>|ibinahagi ang live na lokasyon",
  lv: "|||Šī ziņa tika izdzēsta|Jūs izdzēsāt šo ziņu|<Bez multivides>|reāllaika atrašanās vieta",
  kk: "|||Бұл хат жойылды|Сіз бұл хатты жойдыңыз|<Файл қосылған жоқ>|қазіргі орынмен бөлісті",
  uz:
    "|||Ushbu xabar o‘chirildi|Siz ushbu xabarni o‘chirdingiz|<Fayl o‘tkazib yuborildi>|jonli joylashuv ulashildi",
  sl:
    "|||To sporočilo je bilo izbrisano|To sporočilo ste izbrisali|<Medij izpuščen>|lokacija v živo je bila deljena",
  sw: "|||Ujumbe huu ulifutwa|Umefuta ujumbe huu|<Media imerukwa>|mahali mubashara pameshirikishwa",
  ta: "|||இத்தகவல் திரும்பப்பெறப்பட்டது|இத்தகவலை தாங்கள் அழித்தீர்கள்|< ஊடகங்கள் நீக்கப்பட்டது >|இடம் நேரலையாக பகிரபட்டது",
  lt:
    "|||Ši žinutė buvo ištrinta|Jūs ištrynėte šią žinutę|<Praleistas medijos turinys>|tiesioginė vieta bendrinama",
  et:
    "|||See sõnum on kustutatud|Kustutasid selle sõnumi|<Meedia ära jäetud>|hetke asukoht jagatud",
  bg:
    "|||Съобщението беше изтрито|Изтрихте това съобщение|<Без файл>|местоположение в реално време споделено",
  af:
    "|||Hierdie boodskap was uitgevee|Jy het boodskap uitgevee|<Media weggelaat>|regstreekse ligging gedeel",
  az: "|||Bu ismarıc silindi|Siz bu ismarıcı sildiniz|<Media çıxarılmışdır>|canlı məkan paylaşılıb",
  ml: "|||ഈ സന്ദേശം ഇല്ലാതാക്കിയതാണ്|ഈ സന്ദേശം നിങ്ങൾ ഇല്ലാതാക്കി|<മീഡിയ ഒഴിവാക്കി>|ലൈവ് ലൊക്കേഷൻ പങ്കിട്ടു",
  mk: "|||Оваа порака беше избришана|Ја избриша оваа порака|<Без фајл>|споделено локација во живо",
  kn: "|||ಈ ಸಂದೇಶವು ಅಳಿಸಲ್ಪಟ್ಟಿದೆ|ನೀವು ಈ ಸಂದೇಶವನ್ನು ಅಳಿಸಿದ್ದೀರಿ|<ಮೀಡಿಯಾ ಕೈಬಿಡಲಾಗಿದೆ>|ನೇರ ಸ್ಥಳ ಹಂಚಿಕೊಳ್ಳಲಾಗಿದೆ",
  sr:
    "|||Ова порука је обрисана|Обрисао/ла си ову поруку|<медији су изостављени>|Локација уживо подељена",
  pa: "|||ਇਸ ਸੁਨੇਹੇ ਨੂੰ ਹਟਾਇਆ ਗਿਆ|ਤੁਸੀਂ ਇਹ ਸੁਨੇਹਾ ਹਟਾਇਆ|<ਮੀਡੀਆ ਛੱਡਿਆ ਗਿਆ>|ਮੌਜੂਦਾ ਟਿਕਾਣਾ ਸਾਂਝਾ ਕੀਤਾ",
  te: "|||||<మాధ్యమం విస్మరించబడింది>|ప్రత్యక్ష స్థాన భాగస్వామ్యం",
  sq: "|||||<Pa media>|vendnodhja aktuale u shpërnda",
};

/** Asserts that each body of `cases` comes out as one message of that kind, text as exported. */
async function expectKinds(
  layout: "ios" | "android",
  cases: [string | null, MessageKind][],
  lang: string,
): Promise<void> {
  const kept = cases.filter((c): c is [string, MessageKind] => c[0] !== null);
  if (kept.length === 0) return;
  const bodies = kept.map(([b]) => b);
  const { messages, summary } = await parse((layout === "ios" ? ios : android)("Dmitry S", bodies));
  const date = layout === "ios" ? iosDate : androidDate;
  assert.deepEqual(
    messages,
    kept.map(([b, kind], i) => msg(date(i), "Dmitry S", b.replaceAll(LRM, ""), kind)),
  );
  assert.equal(summary.language, lang, `${layout} language`);
}

for (const [lang, row] of Object.entries(LANGUAGES)) {
  const [media, document, contact, deleted, youDeleted, bracketed, live] = row.split("|")
    .map((s) => s || null);
  Deno.test(`${lang}: placeholders and deleted notices keep their sender; the language is ${lang}`, async () => {
    await expectKinds("ios", [
      [media && LRM + media, "media"],
      [document && `${LRM}main.py ${LRM}${document}`, "media"],
      [contact, "contact"],
      [deleted && LRM + period(deleted), "deleted"],
    ], lang);
    await expectKinds("android", [
      [bracketed, "media"],
      [bracketed && "\u2039" + bracketed.slice(1), "media"],
      [youDeleted, "deleted"],
      [live, "location"],
    ], lang);
  });
}

Deno.test("ru: the team's examples; the chat-name notice is system; ‹…> on Android", async () => {
  const { messages, summary } = await parse(
    `[18.03.22, 14:56:00] Elon Musk: ${LRM}Сообщения и звонки защищены сквозным шифрованием. ` +
      "Третьи лица, включая WhatsApp, не могут прочитать ваши сообщения или прослушать звонки.\r\n" +
      `[18.03.22, 14:56:01] Dmitry S: ${LRM}изображение отсутствует\r\n` +
      "[18.03.22, 14:56:02] Dmitry S: Карточка контакта отсутствует\r\n" +
      "[18.03.22, 14:56:03] Dmitry S: Данное сообщение удалено.\r\n" +
      `[18.03.22, 14:56:04] Dmitry S: ${LRM}Resume.pdf • ${LRM}2 страницы ${LRM}документ отсутствует\r\n`,
  );
  assert.deepEqual(messages, [
    msg(
      iosDate(0),
      null,
      "Сообщения и звонки защищены сквозным шифрованием. Третьи лица, включая WhatsApp, не могут " +
        "прочитать ваши сообщения или прослушать звонки.",
    ),
    msg(iosDate(1), "Dmitry S", "изображение отсутствует", "media"),
    msg(iosDate(2), "Dmitry S", "Карточка контакта отсутствует", "contact"),
    msg(iosDate(3), "Dmitry S", "Данное сообщение удалено.", "deleted"),
    msg(iosDate(4), "Dmitry S", "Resume.pdf • 2 страницы документ отсутствует", "media"),
  ]);
  assert.equal(summary.language, "ru");
  const android = await parse("18/03/2022, 14:56 - Dmitry S: ‹Без медиафайлов>\n");
  assert.deepEqual(android.messages, [
    msg("2022-03-18T14:56:00", "Dmitry S", "‹Без медиафайлов>", "media"),
  ]);
  assert.equal(android.summary.language, "ru");
});

Deno.test("he: the team's real shapes: placeholders, documents, edited ‹…>, notice, removal", async () => {
  const notice = "ההודעות והשיחות מוצפנות מקצה-לקצה. לאף אחד מחוץ לצ'אט זה, גם לא ל-WhatsApp, " +
    "אין אפשרות לקרוא אותן או להאזין להן.";
  const pdf = "CamScanner 2024-02-13 18.57.pdf • 11 דפים מסמך הושמט";
  const { messages, summary } = await parse(
    [
      `[14.02.24, 09:00:00] משפחה: ${notice}`,
      `[14.02.24, 09:00:01] משפחה: ${LRM}ההודעות והשיחות מוצפנות מקצה לקצה`,
      `[14.02.24, 09:00:02] דנה: ${LRM}התמונה הושמטה`,
      `[14.02.24, 09:00:03] דנה: ${LRM}סטיקר הושמט`,
      "[14.02.24, 09:00:04] דנה: main.py מסמך הושמט",
      `[14.02.24, 09:00:05] דנה: ${pdf}`,
      `[14.02.24, 09:00:06] יוסי: ${LRM}הודעה זו נמחקה.`,
      `[14.02.24, 09:00:07] יוסי: נתראה מחר ${LRM}‹ההודעה נערכה>`,
      `[14.02.24, 09:00:08] משפחה: ${LRM}דנה הסיר/ה את יוסי`,
      "[14.02.24, 09:00:09] דנה: דנה הסיר/ה את רון",
    ].join("\r\n") + "\r\n",
  );
  const at = (s: number) => `2024-02-14T09:00:0${s}`;
  assert.deepEqual(messages, [
    msg(at(0), null, notice),
    msg(at(1), null, "ההודעות והשיחות מוצפנות מקצה לקצה"),
    msg(at(2), "דנה", "התמונה הושמטה", "media"),
    msg(at(3), "דנה", "סטיקר הושמט", "media"),
    msg(at(4), "דנה", "main.py מסמך הושמט", "media"),
    msg(at(5), "דנה", pdf, "media"),
    msg(at(6), "יוסי", "הודעה זו נמחקה.", "deleted"),
    msg(at(7), "יוסי", "נתראה מחר", "text", null, true),
    msg(at(8), null, "דנה הסיר/ה את יוסי"),
    msg(at(9), null, "דנה הסיר/ה את רון"),
  ]);
  assert.equal(summary.language, "he");
  const android = await parse(
    "14/02/2024, 09:00 - דנה: ‹המדיה לא נכללה>\n" +
      "14/02/2024, 09:01 - דנה: נתראה מחר ‹ההודעה נערכה>\n" +
      "14/02/2024, 09:02 - דנה הסיר/ה את יוסי\n",
  );
  assert.deepEqual(android.messages, [
    msg("2024-02-14T09:00:00", "דנה", "‹המדיה לא נכללה>", "media"),
    msg("2024-02-14T09:01:00", "דנה", "נתראה מחר", "text", null, true),
    msg("2024-02-14T09:02:00", null, "דנה הסיר/ה את יוסי"),
  ]);
  assert.equal(android.summary.language, "he");
});

Deno.test("older end-to-end notices are system lines without author, in their language", async () => {
  const notices: [string, string][] = [
    ["en", "Messages to this chat and calls are now secured with end-to-end encryption."],
    ["en", "Messages you send to this group are now secured with end-to-end encryption."],
    ["nl", "Berichten en oproepen worden end-to-end versleuteld"],
    [
      "es",
      "Los mensajes y llamadas en este chat ahora están protegidos con cifrado de extremo a " +
      "extremo. Toca para más información.",
    ],
    ["pt", "As mensagens e chamadas são encriptadas ponto a ponto"],
  ];
  for (const [lang, notice] of notices) {
    // iOS: attributed to the chat (here without U+200E); Android: no author at all
    const ios = await parse(
      `[14/03/2024, 10:00:00] Ann: ${notice}\r\n[14/03/2024, 10:01:00] Ann: ok\r\n`,
    );
    assert.deepEqual(ios.messages, [
      msg("2024-03-14T10:00:00", null, notice),
      msg("2024-03-14T10:01:00", "Ann", "ok"),
    ]);
    assert.equal(ios.summary.language, lang, notice);
    const android = await parse(`14/03/2024, 10:00 - ${notice}\n14/03/2024, 10:01 - Ann: ok\n`);
    assert.deepEqual(android.messages, [
      msg("2024-03-14T10:00:00", null, notice),
      msg("2024-03-14T10:01:00", "Ann", "ok"),
    ]);
    assert.equal(android.summary.language, lang, notice);
  }
});

Deno.test("events after the actor's name: nl group created, en/pt pinned message", async () => {
  const cases: [string, string, string][] = [
    ["nl", "~ Martine de Jong", "heeft de groep Familiedag gemaakt"],
    ["en", "Ann", "pinned a message"],
    ["pt", "Ana", "fixou uma mensagem"],
  ];
  for (const [lang, actor, event] of cases) {
    const text = `${actor} ${event}`;
    for (const line of [`${actor}: ${text}`, `Familiedag: ${LRM}${text}`]) {
      const { messages, summary } = await parse(
        `[22-09-2025, 21:56:48] ${line}\r\n[22-09-2025, 21:57:00] Ann: ok\r\n`,
      );
      assert.deepEqual(messages, [
        msg("2025-09-22T21:56:48", null, text),
        msg("2025-09-22T21:57:00", "Ann", "ok"),
      ]);
      assert.equal(summary.language, lang, line);
    }
  }
});

Deno.test("en: view-once placeholders are media", async () => {
  const bodies = [
    "<View once voice message omitted>",
    "<View once photo omitted>",
    "<View once video omitted>",
  ];
  const { messages, summary } = await parse(android("Ann", bodies));
  assert.deepEqual(messages, bodies.map((b, i) => msg(androidDate(i), "Ann", b, "media")));
  assert.equal(summary.language, "en");
});

Deno.test("wordings a user could type are left out: fi `ei kuvaa`, ro `fără audio` stay text", async () => {
  const { messages } = await parse(ios("Ville", ["ei kuvaa", "fără audio"]));
  assert.deepEqual(messages, [
    msg(iosDate(0), "Ville", "ei kuvaa"),
    msg(iosDate(1), "Ville", "fără audio"),
  ]);
});
