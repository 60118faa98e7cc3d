/**
 * WhatsApp's wordings on lines of real iOS exports (ja, th, vi, uk, and fr, de, pt, ru of the
 * first eight): every message exactly, and the language the summary guesses. The per-language synthetic
 * cases are in wordings_more_test.ts.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { MessageKind } from "./types.ts";
import { msg, parseText } from "./testdata/helpers.ts";

/**
 * Lines of whats_json's real iOS exports (test/data/ios), as stored there (without U+200E), and
 * the date (March 2022), author and kind each must give; the text must be the body as exported.
 */
type RealExport = { lines: string[]; expected: [string, string | null, MessageKind][] };
const REAL: Record<string, RealExport> = {
  ja: {
    lines: [
      "[3/18/22 14:56:00] Elon Musk: メッセージと通話はエンドツーエンド暗号化されています。チャットの参加者以外は、たとえWhatsAppでも読んだり聞いたりすることはできません。",
      "[3/27/22 21:41:55] Dmitry Starkov: 画像は含まれていません",
      "[3/27/22 21:47:54] Dmitry Starkov: 連絡先カードを省略",
      "[3/27/22 21:50:25] Dmitry Starkov: Resume-Dmitry-Starkov.pdf • ページ数: 2 ドキュメントは含まれていません",
      "[3/27/22 21:50:43] Dmitry Starkov: Template.docx ドキュメントは含まれていません",
      "[3/27/22 21:50:54] Dmitry Starkov: このメッセージを削除しました。",
      "[3/27/22 21:54:45] Elon Musk: このメッセージは削除されました。",
      "[3/27/22 21:56:45] Dmitry Starkov: 位置情報: https://maps.google.com/?q=36.666958,29.113155",
    ],
    expected: [
      ["18T14:56:00", null, "system"],
      ["27T21:41:55", "Dmitry Starkov", "media"],
      ["27T21:47:54", "Dmitry Starkov", "contact"],
      ["27T21:50:25", "Dmitry Starkov", "media"],
      ["27T21:50:43", "Dmitry Starkov", "media"],
      ["27T21:50:54", "Dmitry Starkov", "deleted"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry Starkov", "location"],
    ],
  },
  th: {
    lines: [
      "[3/18/22 14:56:01] Elon Musk: ข้อความและการโทรได้รับการเข้ารหัสจากต้นทางถึงปลายทาง ผู้ที่ไม่ได้อยู่ในแชทนี้จะไม่สามารถอ่านหรือฟังได้แม้แต่ WhatsApp เอง",
      "[3/27/22 21:41:55] Dmitry S: ไม่มีรูปภาพ",
      "[3/27/22 21:44:16] Dmitry S: วิดีโอถูกลบ",
      "[3/27/22 21:47:55] Dmitry S: บัตรรายชื่อที่ละเว้น",
      "[3/27/22 21:50:25] Dmitry S: Resume-Dmitry-Starkov.pdf • 2 หน้า ละเว้นเอกสาร",
      "[3/27/22 21:50:54] Dmitry S: คุณได้ลบข้อความนี้",
      "[3/27/22 21:51:57] Dmitry S: ละเว้น GIF",
      "[3/27/22 21:54:45] Elon Musk: ข้อความนี้ถูกลบแล้ว",
      "[3/27/22 21:56:45] Dmitry S: ตำแหน่งที่ตั้ง: https://maps.google.com/?q=51.5021456,-0.127397",
    ],
    expected: [
      ["18T14:56:01", null, "system"],
      ["27T21:41:55", "Dmitry S", "media"],
      ["27T21:44:16", "Dmitry S", "media"],
      ["27T21:47:55", "Dmitry S", "contact"],
      ["27T21:50:25", "Dmitry S", "media"],
      ["27T21:50:54", "Dmitry S", "deleted"],
      ["27T21:51:57", "Dmitry S", "media"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry S", "location"],
    ],
  },
  vi: {
    lines: [
      "[14:56:01, 3/18/22] Musk Elon: Tin nhắn và cuộc gọi được mã hóa đầu cuối. Những người bên ngoài cuộc trò chuyện này, kể cả WhatsApp, sẽ không đọc hoặc nghe được.",
      "[21:41:55, 3/27/22] Dmitry S: đã bỏ qua hình ảnh",
      "[21:44:47, 3/27/22] Dmitry S: bỏ qua tệp âm thanh",
      "[21:47:55, 3/27/22] Dmitry S: Bỏ qua thẻ liên lạc",
      "[21:50:25, 3/27/22] Dmitry S: Resume-Dmitry-Starkov.pdf • 2 trang đã bỏ qua tài liệu",
      "[21:50:54, 3/27/22] Dmitry S: Bạn đã xoá tin nhắn này.",
      "[21:51:58, 3/27/22] Dmitry S: Đã bỏ qua ảnh GIF",
      "[21:54:45, 3/27/22] Musk Elon: Tin nhắn này đã bị xóa.",
      "[21:56:46, 3/27/22] Dmitry S: Vị trí: https://maps.google.com/?q=51.5021456,-0.127397",
    ],
    expected: [
      ["18T14:56:01", null, "system"],
      ["27T21:41:55", "Dmitry S", "media"],
      ["27T21:44:47", "Dmitry S", "media"],
      ["27T21:47:55", "Dmitry S", "contact"],
      ["27T21:50:25", "Dmitry S", "media"],
      ["27T21:50:54", "Dmitry S", "deleted"],
      ["27T21:51:58", "Dmitry S", "media"],
      ["27T21:54:45", "Musk Elon", "deleted"],
      ["27T21:56:46", "Dmitry S", "location"],
    ],
  },
  uk: {
    lines: [
      "[3/18/22, 14:56:00] Elon Musk: Повідомлення й дзвінки захищено наскрізним шифруванням. Прочитати чи прослухати їх не зможе жодна стороння особа, навіть із WhatsApp.",
      "[3/27/22, 21:41:55] Dmitry S: зображення відсутнє",
      "[3/27/22, 21:47:54] Dmitry S: Картка контакту відсутня",
      "[3/27/22, 21:49:16] Dmitry S: Наклейку не додано",
      "[3/27/22, 21:50:09] Dmitry S: Some file.txt документ пропущено",
      "[3/27/22, 21:50:54] Dmitry S: Ви видалили це повідомлення.",
      "[3/27/22, 21:51:57] Dmitry S: GIF-анімацію пропущено",
      "[3/27/22, 21:54:45] Elon Musk: Це повідомлення було видалено.",
      "[3/27/22, 21:56:45] Dmitry S: Розташування: https://maps.google.com/?q=51.5021456,-0.127397",
    ],
    expected: [
      ["18T14:56:00", null, "system"],
      ["27T21:41:55", "Dmitry S", "media"],
      ["27T21:47:54", "Dmitry S", "contact"],
      ["27T21:49:16", "Dmitry S", "media"],
      ["27T21:50:09", "Dmitry S", "media"],
      ["27T21:50:54", "Dmitry S", "deleted"],
      ["27T21:51:57", "Dmitry S", "media"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry S", "location"],
    ],
  },
  // The same chat in four more languages (test/data/ios, "WhatsApp Chat - Elon Musk (…).txt"),
  // each line of it but the security-code notice (system only with its lost U+200E).
  fr: {
    lines: [
      "[3/18/22 14:56:00] Elon Musk: Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne peut les lire ou les écouter.",
      "[3/27/22 21:41:55] Dmitry Starkov: image absente",
      "[3/27/22 21:44:47] Dmitry Starkov: audio omis",
      "[3/27/22 21:47:54] Dmitry Starkov: Fiche contact manquante",
      "[3/27/22 21:50:25] Dmitry Starkov: Resume-Dmitry-Starkov.pdf • 2 pages document manquant",
      "[3/27/22 21:50:54] Dmitry Starkov: Vous avez supprimé ce message.",
      "[3/27/22 21:51:57] Dmitry Starkov: GIF retiré",
      "[3/27/22 21:54:45] Elon Musk: Ce message a été supprimé.",
      "[3/27/22 21:56:45] Dmitry Starkov: Localisation: https://maps.google.com/?q=36.666958,29.113155",
    ],
    expected: [
      ["18T14:56:00", null, "system"],
      ["27T21:41:55", "Dmitry Starkov", "media"],
      ["27T21:44:47", "Dmitry Starkov", "media"],
      ["27T21:47:54", "Dmitry Starkov", "contact"],
      ["27T21:50:25", "Dmitry Starkov", "media"],
      ["27T21:50:54", "Dmitry Starkov", "deleted"],
      ["27T21:51:57", "Dmitry Starkov", "media"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry Starkov", "location"],
    ],
  },
  de: {
    lines: [
      "[3/18/22, 14:56:00] Elon Musk: Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.",
      "[3/27/22, 21:41:55] Dmitry S: Bild weggelassen",
      "[3/27/22, 21:47:54] Dmitry S: Kontaktkarte ausgelassen",
      "[3/27/22, 21:50:09] Dmitry S: Some file.txt Dokument weggelassen",
      "[3/27/22, 21:50:25] Dmitry S: Resume-Dmitry-Starkov.pdf • 2 Seiten Dokument weggelassen",
      "[3/27/22, 21:50:54] Dmitry S: Du hast diese Nachricht gelöscht.",
      "[3/27/22, 21:54:45] Elon Musk: Diese Nachricht wurde gelöscht.",
      "[3/27/22, 21:56:45] Dmitry S: Standort: https://maps.google.com/?q=51.5021456,-0.127397",
    ],
    expected: [
      ["18T14:56:00", null, "system"],
      ["27T21:41:55", "Dmitry S", "media"],
      ["27T21:47:54", "Dmitry S", "contact"],
      ["27T21:50:09", "Dmitry S", "media"],
      ["27T21:50:25", "Dmitry S", "media"],
      ["27T21:50:54", "Dmitry S", "deleted"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry S", "location"],
    ],
  },
  pt: {
    lines: [
      "[3/18/22 14:56:00] Elon Musk: As mensagens e chamadas são encriptadas ponto a ponto. Ninguém fora desta conversa, nem mesmo o WhatsApp, pode ler ou ouvi-las.",
      "[3/27/22 21:44:47] Dmitry S: ficheiro de áudio não revelado",
      "[3/27/22 21:47:54] Dmitry S: Contacto não revelado",
      "[3/27/22 21:50:25] Dmitry S: Resume-Dmitry-Starkov.pdf • 2 páginas documento não revelado",
      "[3/27/22 21:50:54] Dmitry S: Apagou esta mensagem.",
      "[3/27/22 21:51:57] Dmitry S: GIF não revelada",
      "[3/27/22 21:54:45] Elon Musk: Esta mensagem foi apagada.",
      "[3/27/22 21:56:45] Dmitry S: Localização: https://maps.google.com/?q=51.5021456,-0.127397",
    ],
    expected: [
      ["18T14:56:00", null, "system"],
      ["27T21:44:47", "Dmitry S", "media"],
      ["27T21:47:54", "Dmitry S", "contact"],
      ["27T21:50:25", "Dmitry S", "media"],
      ["27T21:50:54", "Dmitry S", "deleted"],
      ["27T21:51:57", "Dmitry S", "media"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry S", "location"],
    ],
  },
  ru: {
    lines: [
      "[3/18/22, 14:56:00] Elon Musk: Сообщения и звонки защищены сквозным шифрованием. Третьи лица, включая WhatsApp, не могут прочитать ваши сообщения или прослушать звонки.",
      "[3/27/22, 21:44:47] Dmitry S: аудиофайл отсутствует",
      "[3/27/22, 21:46:02] Dmitry S: Pimlico Gardens (London, United Kingdom): https://foursquare.com/v/4e89af95e5fa82ad4c0aa03b",
      "[3/27/22, 21:47:54] Dmitry S: Карточка контакта отсутствует",
      "[3/27/22, 21:49:16] Dmitry S: стикер не добавлен",
      "[3/27/22, 21:50:25] Dmitry S: Resume-Dmitry-Starkov.pdf • 2 страницы документ отсутствует",
      "[3/27/22, 21:50:54] Dmitry S: Вы удалили данное сообщение.",
      "[3/27/22, 21:54:45] Elon Musk: Данное сообщение удалено.",
      "[3/27/22, 21:56:45] Dmitry S: Местоположение: https://maps.google.com/?q=51.5021456,-0.127397",
    ],
    expected: [
      ["18T14:56:00", null, "system"],
      ["27T21:44:47", "Dmitry S", "media"],
      ["27T21:46:02", "Dmitry S", "location"],
      ["27T21:47:54", "Dmitry S", "contact"],
      ["27T21:49:16", "Dmitry S", "media"],
      ["27T21:50:25", "Dmitry S", "media"],
      ["27T21:50:54", "Dmitry S", "deleted"],
      ["27T21:54:45", "Elon Musk", "deleted"],
      ["27T21:56:45", "Dmitry S", "location"],
    ],
  },
};

for (const [lang, { lines, expected }] of Object.entries(REAL)) {
  Deno.test(`${lang}: lines of whats_json's real iOS export, every message exactly`, async () => {
    const { messages, summary } = await parseText(lines.map((line) => line + "\r\n").join(""));
    const body = (line: string) => line.slice(line.indexOf(": ", line.indexOf("] ")) + 2);
    assert.deepEqual(
      messages,
      expected.map(([date, author, kind], i) =>
        msg(`2022-03-${date}`, author, body(lines[i]), kind)
      ),
    );
    assert.equal(summary.language, lang);
  });
}
