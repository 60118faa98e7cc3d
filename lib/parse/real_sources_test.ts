/**
 * Shapes from real exports committed to public repositories (session 10's sweep), each test
 * citing its source: lines an earlier parser version misread.
 *
 * @module
 */
import assert from "node:assert/strict";
import { msg, parseText } from "./testdata/helpers.ts";

Deno.test("old iOS: the contact card placeholder in angle brackets is a contact", async () => {
  // nating/whatsapp-stats README.md documents an old iOS export line by line: `dd/mm/yy,
  // hh:mm:ss: <user>: <Contact card omitted>` beside `<image omitted>` and `<video omitted>`.
  const { messages, summary } = await parseText(
    '24/01/17, 09:03:58: Ann changed the subject to "Fun 2"\n' +
      "24/01/17, 09:04:00: Bob: <Contact card omitted>\n" +
      "24/01/17, 09:04:02: Bob: <video omitted>\n" +
      "25/01/17, 09:04:06: Ann: a <Contact card omitted>\n",
  );
  assert.deepEqual(messages, [
    msg("2017-01-24T09:03:58", null, 'Ann changed the subject to "Fun 2"'),
    msg("2017-01-24T09:04:00", "Bob", "<Contact card omitted>", "contact"),
    msg("2017-01-24T09:04:02", "Bob", "<video omitted>", "media"),
    msg("2017-01-25T09:04:06", "Ann", "a <Contact card omitted>"),
  ]);
  assert.equal(summary.layout, "ios-old");
});

Deno.test("iOS lines of real exports read right (a guard: these never failed)", async () => {
  // DaNiELChIoRo/tiempo-libre-26 _chat.txt (es-MX, `p. m.`, the edited marker with its period).
  assert.deepEqual(
    (await parseText(
      "[27/06/25, 8:24:52 p. m.] DML: sticker omitido\n" +
        "[27/06/25, 8:28:46 p. m.] DML: O ya estás casada? <Se editó este mensaje.>\n",
    )).messages,
    [
      msg("2025-06-27T20:24:52", "DML", "sticker omitido", "media"),
      msg("2025-06-27T20:28:46", "DML", "O ya estás casada?", "text", null, true),
    ],
  );
  // TalTouboul/---------- _chat.txt (he: `<` opens the edited marker; the attached keyword).
  const sticker = "00004605-STICKER-2023-10-23-15-00-10.webp";
  assert.deepEqual(
    (await parseText(
      "[23.10.2023, 10:17:04] יסמין: מה הקישור לקבוצה? <ההודעה נערכה>\n" +
        `[23.10.2023, 15:00:10] סמדר הרוש: <מצורף: ${sticker}>\n`,
    )).messages,
    [
      msg("2023-10-23T10:17:04", "יסמין", "מה הקישור לקבוצה?", "text", null, true),
      msg("2023-10-23T15:00:10", "סמדר הרוש", "", "media", sticker),
    ],
  );
  // KKliuyukang/Eli_KL_families _chat.txt (en-AU): a caption of several lines before the tag.
  const photo = "00000050-PHOTO-2026-02-16-12-46-28.jpg";
  assert.deepEqual(
    (await parseText(
      "[16/2/2026, 12:46:28 pm] ~ Amy: This is Ava \nAnd we are Amy & Christian\n" +
        `Lovely to meet you all 💓 <attached: ${photo}>\n`,
    )).messages,
    [
      msg(
        "2026-02-16T12:46:28",
        "~ Amy",
        "This is Ava \nAnd we are Amy & Christian\nLovely to meet you all 💓",
        "media",
        photo,
      ),
    ],
  );
});

Deno.test("lines pasted in issue threads read right (a guard: these never failed)", async () => {
  const L = "\u200E"; // iOS's mark before generated bodies, lost in the pasted copies (FORMAT.md §2.2)
  // JBGruber/rwhatsapp #28 (fa Android): Persian digits, the Arabic comma, year first.
  const fa = await parseText(
    "۲۰۲۱/۵/۳۰، ۱۸:۴۴ - پیامها و تماسها سرتاسر رمزگذاری شدهاند. هیچ شخصی خارج از گفتگو حتی خود واتساپ هم نمیتواند آنها را بخواند یا بشنود. برای کسب اطلاعات بیشتر، اینجا را بزنید.\n" +
      "۲۰۲۱/۵/۳۰، ۱۸:۴۵ - شطرنج: سلام مچکرم\n" +
      "۲۰۲۱/۵/۳۰، ۱۸:۴۹ - شطرنج: <رسانه حذف شد>\n",
  );
  assert.deepEqual(fa.messages.map((m) => [m.date, m.author, m.kind]), [
    ["2021-05-30T18:44:00", null, "system"],
    ["2021-05-30T18:45:00", "شطرنج", "text"],
    ["2021-05-30T18:49:00", "شطرنج", "media"],
  ]);
  assert.equal(fa.summary.language, "fa");
  // prabhakar267/WA-Reader #36 (es iOS 2018): no comma, `<adjunto: …>`, the deleted notice.
  const photo = "00000002-PHOTO-2018-03-25-11-27-47.jpg";
  assert.deepEqual(
    (await parseText(
      `[25/3/18 11:27:48] Carolina Elhordoy Lezama: ${L}Los mensajes y llamadas en este chat ahora están protegidos con cifrado de extremo a extremo.\n` +
        `${L}[25/3/18 11:27:48] Jorge Diez Furest: ${L}<adjunto: ${photo}>\n` +
        `[25/3/18 12:10:56] Carolina Elhordoy Lezama: ${L}Este mensaje fue eliminado.\n` +
        "[25/3/18 13:53:53] Jorge Diez Furest: Bueno bárbaro menos\nMal que\n",
    )).messages,
    [
      msg(
        "2018-03-25T11:27:48",
        null,
        "Los mensajes y llamadas en este chat ahora están protegidos con cifrado de extremo a extremo.",
      ),
      msg("2018-03-25T11:27:48", "Jorge Diez Furest", "", "media", photo),
      msg(
        "2018-03-25T12:10:56",
        "Carolina Elhordoy Lezama",
        "Este mensaje fue eliminado.",
        "deleted",
      ),
      msg("2018-03-25T13:53:53", "Jorge Diez Furest", "Bueno bárbaro menos\nMal que"),
    ],
  );
  // theveloped/WhatsBook #2 (iOS 2013): events without an author, `<‎attached>` after the name.
  assert.deepEqual(
    (await parseText(
      "06.08.13, 19:55:10: You changed the subject to “XXXX”\n" +
        "06.08.13, 19:55:10: XXXX was added\n" +
        `06.08.13, 19:55:38: Habi: 2013-08-06-PHOTO-00000006.jpg <${L}attached>\n` +
        "09.08.13, 23:20:39: XXXX: Wow! Bellissima!!!\n",
    )).messages,
    [
      msg("2013-08-06T19:55:10", null, "You changed the subject to “XXXX”"),
      msg("2013-08-06T19:55:10", null, "XXXX was added"),
      msg("2013-08-06T19:55:38", "Habi", "", "media", "2013-08-06-PHOTO-00000006.jpg"),
      msg("2013-08-09T23:20:39", "XXXX", "Wow! Bellissima!!!"),
    ],
  );
  // lucasrodes/whatstk #135 (iOS, D/M/Y 12h): the actor and the chat name before events.
  assert.deepEqual(
    (await parseText(
      `[28/02/2022, 9:52:58 PM] ~ AK: ${L}~ AK created this group\n` +
        `[17/01/2023, 10:14:01 AM] ملتقي: ${L}You joined using this group's invite link\n` +
        "[17/01/2023, 10:14:37 AM] ~ عماد عافيه: لتر0 3\n",
    )).messages,
    [
      msg("2022-02-28T21:52:58", null, "~ AK created this group"),
      msg("2023-01-17T10:14:01", null, "You joined using this group's invite link"),
      msg("2023-01-17T10:14:37", "~ عماد عافيه", "لتر0 3"),
    ],
  );
  // automaciej/whatsapp-archive #1 (old iOS): year first, 12-hour clock, `: ` after the time.
  assert.deepEqual(
    (await parseText("2016-06-27, 8:04:08 AM: Neil: Hi\n")).messages,
    [msg("2016-06-27T08:04:08", "Neil", "Hi")],
  );
});
