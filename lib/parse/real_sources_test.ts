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
