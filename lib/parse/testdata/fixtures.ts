/**
 * The parser's test fixtures, written with explicit escapes so that every invisible character is
 * visible in review: U+200E LRM, U+200F RLM, U+202A…U+202C (phone numbers), U+202F NNBSP, U+00A0
 * NBSP, U+FEFF BOM. `deno run -A lib/parse/testdata/fixtures.ts` (re)writes the files next to this
 * one; fixtures_test.ts checks that the files on disk are exactly these.
 *
 * @module
 */

const LRM = "\u200E";
const RLM = "\u200F";
const NNBSP = "\u202F";
const NBSP = "\u00A0";
const BOM = "\uFEFF";
const LRE = "\u202A";
const PDF = "\u202C";

/** iOS exports end lines with CRLF. */
const crlf = (s: string) => s.replaceAll("\n", "\r\n");

/** One file per header variant of FORMAT.md §2.1 (H1…H34). */
export const HEADERS: Record<string, string> = {
  h01: "06/03/2017, 00:45 - Sample User: text\n13/03/2017, 09:05 - Sample User: second\n",
  h02: "20/01/19, 11:23 - John Doe: text\n",
  h03: `1/4/23, 7:02${NNBSP}PM - Person 1: text\n1/15/23, 12:05${NNBSP}AM - Person 1: later\n`,
  h04: "8/21/21, 11:06 PM - NAME: MESSAGE\n8/22/21, 12:30 PM - NAME: noon\n",
  h05: "03/06/2023, 6:12 am - author: sample message <This message was edited>\n" +
    "13/06/2023, 6:12 pm - author: evening\n",
  h06:
    `20/6/2017 8:28 p.${NBSP}m. - Michelle: test\n21/6/2017 12:05 a.${NBSP}m. - Michelle: madrugada\n`,
  h07: `28/3/2025, 9:29${NNBSP}p.${NBSP}m. - user1: PTT-20250328-WA0014.opus (archivo adjunto)\n`,
  h08: "2023-12-20, 5:46 p.m. - Farid: 👋🏼\n",
  h09: "2023/12/20, 5:46 pm - Farid: 👋🏼\n",
  h10: "2019/01/01, 11:25 - John Doe: Happy new year\n",
  h11: "03.08.21, 12:30 - message\n14.08.21, 09:15 - Anna: Hallo\n",
  h12: "31.5.2019 klo 16.58 - Matti: moi\n1.6.2019 klo 9.05 - Liisa: hei\n",
  h13: "12/07/2017 à 22:35 - XXX: Salut :)\n13/07/2017 à 08:00 - XXX: Bonjour\n",
  h14: "30/08/25 18.00 - Budi: halo\n",
  h15: "18/12/19 15:57 - MARCELO gomez: hola\n",
  h16: "03-06-2018, 01.55 PM - a: m\n13-06-2018, 12.05 AM - a: n\n",
  h17: "[02/07/2022, 18:31:40] Name: text\n[14/07/2022, 09:00:00] Name: later\n",
  h18: crlf(
    `[13/11/2025, 12:25:55${NNBSP}PM] Amazon EG: ${LRM}This business uses a secure service from Meta ` +
      `to manage this chat. Tap to learn more.\n[13/11/2025, 12:26:10${NNBSP}PM] Amazon EG:\n`,
  ),
  h19: crlf(
    "[8/15/23, 9:12:33 AM] Dr. Feather: I spotted a rare bird\n" +
      `${LRM}[8/15/23, 9:12:43 AM] Dr. Feather: ${LRM}image omitted\n`,
  ),
  h20: crlf(
    `[6/2/2026, 12:32:30 pm] AI doom: ${LRM}You created group “AI doom”\n` +
      "[7/2/2026, 8:01:00 am] Sam: morning\n",
  ),
  h21: crlf("[31/12/2019, 2:14:40 a.m.] Bryce: late night\n"),
  h22: crlf("[20.06.19, 15:58:47] Lisa: Ciao\n[01.07.19, 08:00:00] Lisa: Buongiorno\n"),
  h23: crlf(
    "[20.08.2024, 22:02:04] Username: POLL:\nPizza o pasta?\nOPTION: Pizza (3 voti)\n" +
      "OPTION: Pasta (1 voto)\n",
  ),
  h24: crlf("[31/12/2022 11:40:26] John Doe: Happy new year\n"),
  h25: crlf(`[29/9/20 10:13:49] Noe: ${LRM}<adjunto: 00000030-PHOTO-2020-09-29-10-13-49.jpg>\n`),
  h26: crlf(
    "[23.09.2016 17:00:28] Maldamer: Maldamer bu grubu oluşturdu\n" +
      `${LRM}[5.05.2017 18:01:12] mezun A: ${LRM}<00000012-PHOTO-2017-05-05-18-01-12.jpg eklendi>\n`,
  ),
  h27: crlf("[27-11-18 18:43:20] Tom Hanks: Message\n"),
  h28: crlf(
    "[11/01/22, 4:19:15 PM] +91 80--0 19942: hello\n[13/01/22, 9:00:00 AM] +91 80--0 19942: bye\n",
  ),
  h29: crlf("[2018/06/13, 21:25:15] a: m\n"),
  h30: crlf(
    `13.06.18 21.25.15: a: m\n13.06.18 21.26.00: a: 2018-06-13-PHOTO-00004762.jpg <${LRM}attached>\n`,
  ),
  h30b:
    "12.07.2017, 22:35:22: Johannes Gruber: Servus\n13.07.2017, 07:00:00: Johannes Gruber: Morgen\n",
  h31: "13. 6. 2018. 21:25:15 a: m\n14. 6. 2018. 08:00:00 b: n\n",
  h32: "2022/12/24, 13:01. - John Doe: Merry Christmas\n",
  h33:
    `${RLM}١٢/٠١/٢٠٢٣، ١٠:٠٥ م - أحمد: مرحبا\n١٣/٠١/٢٠٢٣، ٩:٠٠ ص - ${RLM}سارة${RLM}: صباح الخير\n`,
  h34ko: "2023. 1. 5. 오후 3:04 - 김민수: 안녕하세요\n2023. 1. 6. 오전 12:10 - 김민수: 잘 자\n",
  h34zh: "2023/1/5 下午3:04 - 王伟: 你好\n2023/1/6 上午9:30 - 王伟: 早上好\n",
  h34ja: "2023/01/05 午後3:04 - 田中: こんにちは\n2023/01/06 午前12:15 - 田中: おやすみ\n",
};

/** A feature-rich Android export (en, DD/MM/YYYY, 24h), saved by an editor that added a BOM. */
const ANDROID = BOM +
  "06/03/2017, 00:45 - Messages to this group are now secured with end-to-end encryption. " +
  "Tap for more info.\n" +
  '06/03/2017, 00:45 - You created group "Book club: 2024"\n' +
  '06/03/2017, 00:46 - Ann changed the subject from "Club: 23" to "Club: 24"\n' +
  "06/03/2017, 00:47 - Ops - Night Shift: Shift starts at 9: be on time\n" +
  "06/03/2017, 00:48 - Team:A: colon inside the name\n" +
  "06/03/2017, 00:49 - Eve 🤓: 👨‍👩‍👧‍👦 family\n" +
  "06/03/2017, 00:50 - ~ Dicle: selam\n" +
  `06/03/2017, 00:51 - ${LRE}+1 555 0100${PDF}: call me\n` +
  "06/03/2017, 00:52 - Ann: first line\n\nthird line with trailing spaces   \n" +
  "26/09/2022 09:00 dentist\n" +
  "06/03/2017, 00:53 - Ann: IMG-20170306-WA0001.jpg (file attached)\nLook at this\n" +
  "06/03/2017, 00:54 - Bob Smith: Q1 Budget Review (final).v2.pdf (file attached)\n" +
  "06/03/2017, 00:55 - Bob Smith: <Media omitted>\n" +
  "06/03/2017, 00:56 - Ann: This message was deleted\n" +
  "06/03/2017, 00:57 - Bob Smith: I think this message was deleted by mistake\n" +
  "06/03/2017, 00:58 - Ann: You deleted this message\n" +
  "06/03/2017, 00:59 - Ann: Plan for tomorrow:\n- buy milk <This message was edited>\n" +
  "06/03/2017, 01:00 - Bob Smith: POLL:\nWhere shall we eat?\nOPTION: Pizza (2 votes)\n" +
  "OPTION: Sushi (1 vote)\n" +
  "06/03/2017, 01:01 - Ann: location: https://maps.google.com/?q=52.520008,13.404954\n" +
  "06/03/2017, 01:02 - Bob Smith: live location shared\n" +
  "06/03/2017, 01:03 - Ann: Jane Doe.vcf (file attached)\n" +
  "06/03/2017, 01:04 - Luke: \n" +
  `06/03/2017, 01:05 - Zoë: Cafe\u0301 and${NBSP}nbsp and narrow${NNBSP}nbsp\n` +
  `13/03/2017, 09:00 - ${RLM}דנה כהן${RLM}: שלום\n`;

/** A feature-rich iOS export (en-GB, 12h with U+202F, CRLF). */
const IOS = crlf(
  `[13/11/2025, 12:25:55${NNBSP}PM] Book club: ${LRM}Messages and calls are end-to-end encrypted. ` +
    "No one outside of this chat, not even WhatsApp, can read or listen to them.\n" +
    `[13/11/2025, 12:25:55${NNBSP}PM] Book club: ${LRM}Ann created group “Book club”\n` +
    `[13/11/2025, 12:26:01${NNBSP}PM] Book club: ${LRM}Ann added Bob\n` +
    `[13/11/2025, 12:26:30${NNBSP}PM] Ann: Hello everyone\n` +
    `${LRM}[13/11/2025, 12:27:00${NNBSP}PM] Ann: ${LRM}image omitted\n` +
    `${LRM}[13/11/2025, 12:27:05${NNBSP}PM] Bob: ${LRM}<attached: 00000012-PHOTO-2025-11-13-12-27-05.jpg>\n` +
    `[13/11/2025, 12:27:05${NNBSP}PM] Bob: Sunset from the office\n` +
    `${LRM}[13/11/2025, 12:28:00${NNBSP}PM] Ann: ${LRM}Q1 Budget Review.pdf • ${LRM}3 pages ` +
    `${LRM}<attached: 00000013-Q1 Budget Review (final).v2.pdf>\n` +
    `${LRM}[13/11/2025, 12:28:30${NNBSP}PM] Bob: Plan 2024.xlsx • ${LRM}2 pages ${LRM}document omitted\n` +
    `${LRM}[13/11/2025, 12:29:00${NNBSP}PM] Ann: ${LRM}Contact card omitted\n` +
    `${LRM}[13/11/2025, 12:29:10${NNBSP}PM] Bob: ${LRM}<attached: 00000014-Jane Doe.vcf>\n` +
    `[13/11/2025, 12:30:00${NNBSP}PM] Ann: ${LRM}This message was deleted.\n` +
    `[13/11/2025, 12:30:10${NNBSP}PM] Bob: ${LRM}You deleted this message.\n` +
    `[13/11/2025, 12:31:00${NNBSP}PM] Ann: First line\nsecond line ${LRM}<This message was edited>\n` +
    `[13/11/2025, 12:32:00${NNBSP}PM] Bob: ${LRM}Location: https://maps.google.com/?q=40.4168,-3.7038\n` +
    `[13/11/2025, 12:33:00${NNBSP}PM] Ann: ${LRM}Missed voice call\n` +
    `[13/11/2025, 12:34:00${NNBSP}PM] Book club: 2024: ${LRM}Bob changed the subject to “Book club: 2024”\n` +
    `[13/11/2025, 12:35:00${NNBSP}PM] Bob: Bob changed the group name to “Readers”\n` +
    `[13/11/2025, 12:36:00${NNBSP}PM] Ann: POLL:\nBest day?\nOPTION: Monday (1 vote)\n` +
    "OPTION: Friday (2 votes)\n" +
    `[13/11/2025, 12:37:00${NNBSP}PM] +12 345 67 89 00 changed the subject to “Group Name”\n` +
    `[14/11/2025, 12:00:00${NNBSP}AM] Ann: midnight\n`,
);

/** Omitted media, attachment keyword, deleted notice and e2e notice per language (Android). */
export const LANGUAGES: Record<string, string> = {
  en:
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, " +
    "can read or listen to them. Tap to learn more.|<Media omitted>|IMG-20240301-WA0001.jpg (file attached)|" +
    "This message was deleted",
  es:
    "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni " +
    "siquiera WhatsApp, puede leerlos ni escucharlos.|<Multimedia omitido>|" +
    "IMG-20240301-WA0001.jpg (archivo adjunto)|Se eliminó este mensaje",
  pt:
    "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.|<Mídia oculta>|" +
    "IMG-20240301-WA0001.jpg (arquivo anexado)|Esta mensagem foi apagada",
  de:
    "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann " +
    "sie lesen.|<Medien ausgeschlossen>|IMG-20240301-WA0001.jpg (Datei angehängt)|" +
    "Diese Nachricht wurde gelöscht",
  fr: "Les messages et les appels sont chiffrés de bout en bout.|<Médias omis>|" +
    "IMG-20240301-WA0001.jpg (fichier joint)|Ce message a été supprimé",
  it: "I messaggi e le chiamate sono crittografati end-to-end.|<Media omessi>|" +
    "IMG-20240301-WA0001.jpg (file allegato)|Questo messaggio è stato eliminato",
  nl: "Berichten en gesprekken worden end-to-end versleuteld.|<Media weggelaten>|" +
    "IMG-20240301-WA0001.jpg (bestand bijgevoegd)|Dit bericht is verwijderd",
  tr: "Mesajlar ve aramalar uçtan uca şifrelidir.|<Medya dahil edilmedi>|" +
    "IMG-20240301-WA0001.jpg (dosya ekli)|Bu mesaj silindi",
};

function languageFile(parts: string): string {
  const [notice, omitted, attached, deleted] = parts.split("|");
  return `15/03/2024, 10:00 - ${notice}\n15/03/2024, 10:01 - Ana: ${omitted}\n` +
    `15/03/2024, 10:02 - Ana: ${attached}\n15/03/2024, 10:03 - Ana: ${deleted}\n`;
}

/** Every fixture file: path relative to this folder → exact content. */
export const FIXTURES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(HEADERS).map(([k, v]) => [`headers/${k}.txt`, v])),
  ...Object.fromEntries(
    Object.entries(LANGUAGES).map(([k, v]) => [`lang/${k}.txt`, languageFile(v)]),
  ),
  "android_en.txt": ANDROID,
  "ios_en.txt": IOS,
  // Date order: all days <= 12 until a late line settles it, and files settled by chronology.
  "order/late_dmy.txt": "01/02/2020, 10:00 - Ann: a\n05/02/2020, 10:00 - Ann: b\n" +
    "12/02/2020, 10:00 - Ann: c\n13/02/2020, 10:00 - Ann: settled\n",
  "order/late_mdy.txt": "[1/2/20, 10:00:00 AM] Ann: a\n[1/5/20, 10:00:00 AM] Ann: b\n" +
    "[1/12/20, 10:00:00 AM] Ann: c\n[1/13/20, 10:00:00 AM] Ann: settled\n",
  "order/chrono_dmy.txt": "10/01/2020, 09:00 - Ann: a\n11/01/2020, 09:00 - Ann: b\n" +
    "12/01/2020, 09:00 - Ann: c\n01/02/2020, 09:00 - Ann: d\n02/02/2020, 09:00 - Ann: e\n",
  "order/chrono_mdy.txt": "12/10/20, 9:00 AM - Ann: a\n12/11/20, 9:00 AM - Ann: b\n" +
    "12/12/20, 9:00 AM - Ann: c\n01/01/21, 9:00 AM - Ann: d\n01/02/21, 9:00 AM - Ann: e\n",
  "order/single_day.txt":
    "05/06/2021, 10:00 - Ann: one day only\n05/06/2021, 10:05 - Bob: indeed\n",
  // Unplaceable lines: a preamble, an impossible date, a header of another format.
  "unplaced.txt": "Chat export of the book club\n\n" +
    "13/02/2021, 10:00 - Ann: first\n31/02/2021, 10:01 - Ann: impossible date\n" +
    "[13/02/2021, 10:02:00] Bob: an iOS line pasted into an Android chat\n" +
    "13/02/2021, 10:03 - Bob: last\n",
  // Line endings: CRLF, LF and a lone CR mixed; no final line break.
  "endings.txt":
    "[01/02/2020, 10:00:00] Ann: one\r\ntwo\n[13/02/2020, 10:01:00] Bob: three\rfour\r\n\r\n" +
    "[13/02/2020, 10:02:00] Ann: five",
  "errors/empty.txt": "",
  "errors/blank.txt": `${BOM}\n  \n\t\n`,
  "errors/notes.txt": "Shopping list\n- milk\n- 2 eggs\n12 o'clock: call mum\n",
};

if (import.meta.main) {
  const dir = new URL("./", import.meta.url);
  for (const [path, text] of Object.entries(FIXTURES)) {
    const url = new URL(path, dir);
    await Deno.mkdir(new URL("./", url), { recursive: true });
    await Deno.writeTextFile(url, text);
  }
  // A binary file: a PNG signature and NUL bytes.
  await Deno.writeFile(
    new URL("errors/image.png", dir),
    new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
    ]),
  );
  console.log(`wrote ${Object.keys(FIXTURES).length + 1} fixtures`);
}
