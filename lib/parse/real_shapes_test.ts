/**
 * Body shapes from real exports that an earlier parser misread (found by running it on exports
 * from public repositories and issue threads, session 6): each test fails on that parser.
 *
 * @module
 */
import assert from "node:assert/strict";
import { msg, parseText } from "./testdata/helpers.ts";

const LRM = "\u200E";

/** Messages of `text`, streamed in 7-byte chunks and parsed whole (both must agree). */
const parse = async (text: string) => (await parseText(text)).messages;

Deno.test("authors with a straight quote inside a Hebrew acronym", async () => {
  assert.deepEqual(
    await parse(
      '11.07.23, 06:56 - ד"ר כהן: שלום לכולם\n' +
        '12.07.23, 07:00 - צה"ל מילואים: הודעה\n' +
        '13.07.23, 08:00 - Jan zmienił(a) temat z "Klasa 2023" na "Absolwenci: 2024"\n' +
        '14.07.23, 09:00 - Bob "The Builder": yes\n' +
        '15.07.23, 10:00 - You changed the subject to "Book club: 2024"\n',
    ),
    [
      msg("2023-07-11T06:56:00", 'ד"ר כהן', "שלום לכולם"),
      msg("2023-07-12T07:00:00", 'צה"ל מילואים', "הודעה"),
      msg("2023-07-13T08:00:00", null, 'Jan zmienił(a) temat z "Klasa 2023" na "Absolwenci: 2024"'),
      msg("2023-07-14T09:00:00", 'Bob "The Builder"', "yes"),
      msg("2023-07-15T10:00:00", null, 'You changed the subject to "Book club: 2024"'),
    ],
  );
  assert.deepEqual(
    await parse('[3.10.2026, 08:10:00] מפק"צ 2: בוקר טוב\n[3.10.2026, 08:11:00] Ann: ok\n'),
    [
      msg("2026-10-03T08:10:00", 'מפק"צ 2', "בוקר טוב"),
      msg("2026-10-03T08:11:00", "Ann", "ok"),
    ],
  );
});

Deno.test("iOS: a placeholder after a title or caption, without a page count, is media", async () => {
  assert.deepEqual(
    await parse(
      "[24/02/2022, 10:42:07] Dean: JAVA slides.zip document omitted\n" +
        "[24/02/2022, 10:43:00] Dean: main.py document omitted\n" +
        `[24/02/2022, 10:44:00] Dean: Nice pic ${LRM}image omitted\n` +
        "[24/02/2022, 10:45:00] Dean: I think the image omitted here was fine\n",
    ),
    [
      msg("2022-02-24T10:42:07", "Dean", "JAVA slides.zip document omitted", "media"),
      msg("2022-02-24T10:43:00", "Dean", "main.py document omitted", "media"),
      msg("2022-02-24T10:44:00", "Dean", "Nice pic image omitted", "media"),
      msg("2022-02-24T10:45:00", "Dean", "I think the image omitted here was fine"),
    ],
  );
  // A caption before the placeholder: iOS marks the placeholder with U+200E; without it, a
  // sentence that merely ends with the words is text.
  assert.deepEqual(
    await parse(
      `[22-09-2025, 21:56:48] ~ Esther: Deze is wel leuk. ${LRM}afbeelding weggelaten\n` +
        "[22-09-2025, 21:57:00] ~ Esther: Ik heb de video weggelaten\n" +
        "[22-09-2025, 21:58:00] ~ Esther: ok\nafbeelding weggelaten\n",
    ),
    [
      msg("2025-09-22T21:56:48", "~ Esther", "Deze is wel leuk. afbeelding weggelaten", "media"),
      msg("2025-09-22T21:57:00", "~ Esther", "Ik heb de video weggelaten"),
      msg("2025-09-22T21:58:00", "~ Esther", "ok\nafbeelding weggelaten"),
    ],
  );
});

Deno.test("Android: an omitted-media placeholder then the document's name is media", async () => {
  assert.deepEqual(
    await parse(
      "02.04.25, 15:12 - sammy: <Medien ausgeschlossen>\n4Bit Adiere.mod\n" +
        "02.04.25, 15:13 - sammy: <Media omitted>\nchange_file_extension.ps1\n" +
        "02.04.25, 15:14 - sammy: <b>bold</b>\nis not a placeholder\n",
    ),
    [
      msg("2025-04-02T15:12:00", "sammy", "<Medien ausgeschlossen>\n4Bit Adiere.mod", "media"),
      msg("2025-04-02T15:13:00", "sammy", "<Media omitted>\nchange_file_extension.ps1", "media"),
      msg("2025-04-02T15:14:00", "sammy", "<b>bold</b>\nis not a placeholder"),
    ],
  );
});

Deno.test("locations: a venue's name as the label, labels with spaces or combining marks", async () => {
  const venue = "Çalış Plajı (Fethiye, Muğla): https://foursquare.com/v/4dea6dacd22da22d4ed36317";
  const vi = "Vị trí: https://maps.google.com/?q=10.77,106.69";
  const th = "ตำแหน่งที่ตั้ง: https://maps.google.com/?q=13.75,100.5";
  assert.deepEqual(
    await parse(
      `[3/27/22, 21:46:03] Dmitry: ${venue}\n` +
        `[3/27/22, 21:47:00] Dmitry: ${LRM}${vi}\n` +
        `[3/27/22, 21:48:00] Dmitry: ${th}\n` +
        "[3/27/22, 21:49:00] Dmitry: The docs (all of them): https://example.com/docs\n" +
        "[3/27/22, 21:50:00] Dmitry: see https://maps.google.com/?q=1,2\n",
    ),
    [
      msg("2022-03-27T21:46:03", "Dmitry", venue, "location"),
      msg("2022-03-27T21:47:00", "Dmitry", vi, "location"),
      msg("2022-03-27T21:48:00", "Dmitry", th, "location"),
      msg("2022-03-27T21:49:00", "Dmitry", "The docs (all of them): https://example.com/docs"),
      msg("2022-03-27T21:50:00", "Dmitry", "see https://maps.google.com/?q=1,2"),
    ],
  );
});

Deno.test("polls in a script without case (Hebrew), one vote written in words", async () => {
  const poll = "סקר:\nמה דעתכם?\nאפשרות: כן - השירות טוב (0 הצבעות)\nאפשרות: לא (הצבעה אחת)";
  assert.deepEqual(
    await parse(`[20.08.2024, 22:02:04] יניב: ${poll}\n[20.08.2024, 22:03:00] יניב: סקר:\nלא\n`),
    [
      msg("2024-08-20T22:02:04", "יניב", poll, "poll"),
      msg("2024-08-20T22:03:00", "יניב", "סקר:\nלא"),
    ],
  );
});

Deno.test("'Waiting for this message' keeps its sender on both platforms", async () => {
  assert.deepEqual(
    await parse(
      "13/1/23, 13:01 - +254 742 254722: Waiting for this message\n13/1/23, 13:02 - Ann: ok\n",
    ),
    [
      msg("2023-01-13T13:01:00", "+254 742 254722", "Waiting for this message"),
      msg("2023-01-13T13:02:00", "Ann", "ok"),
    ],
  );
  assert.deepEqual(
    await parse(
      `[13/1/23, 13:01:00] Bob: ${LRM}Waiting for this message. This may take a while.\n`,
    ),
    [msg("2023-01-13T13:01:00", "Bob", "Waiting for this message. This may take a while.")],
  );
});

Deno.test("iOS: the notice after a chat name stays system whatever its ending hashes to", async () => {
  const notice =
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even " +
    "WhatsApp, can read or listen to them.";
  assert.deepEqual(
    await parse(`[1/6/16, 9:58:07 PM] R&R: ${notice}\n[1/7/16, 9:58:07 PM] Bob: hi\n`),
    [
      msg("2016-01-06T21:58:07", null, notice),
      msg("2016-01-07T21:58:07", "Bob", "hi"),
    ],
  );
});

Deno.test("a maps link after a sentence, and a known label before another link, are text", async () => {
  const lines = [
    "Meet here: https://maps.app.goo.gl/abc123",
    "We are at the cafe now: https://maps.google.com/?q=1,2",
    "Plats: https://www.eventbrite.com/e/123",
    "Here: https://maps.app.goo.gl/abc123",
    "a: https://goo.gl/maps/b", // the shortest location there is
  ];
  assert.deepEqual(
    (await parse(lines.map((l, i) => `[3/27/22, 21:4${i}:00] Ann: ${l}\n`).join(""))).map((m) =>
      m.kind
    ),
    ["text", "text", "text", "location", "location"],
  );
});

Deno.test("a list of labelled lines in brackets without a count is no poll", async () => {
  const list = "תזכורת:\nמחר אסיפה\nשעה: 18:00 (בבית ספר)\nשעה: 19:00 (באולם)";
  const team = "NOTE:\nSchedule\nTEAM: Alpha (morning)\nTEAM: Beta (evening)";
  assert.deepEqual(
    await parse(`[20.08.2024, 22:02:04] Ann: ${list}\n[20.08.2024, 22:03:00] Ann: ${team}\n`),
    [msg("2024-08-20T22:02:04", "Ann", list), msg("2024-08-20T22:03:00", "Ann", team)],
  );
});

Deno.test("day-period words are no AM/PM after the time in old iOS and H31 files", async () => {
  // An author named like vi `TR` (noon) or id `pagi` (morning).
  assert.deepEqual(
    await parse(
      "13. 6. 2018. 21:25:15 TR: hi\n13. 6. 2018. 09:26:15 TR: yo\n14. 6. 2018. 09:26:15 Bob: morning\n",
    ),
    [
      msg("2018-06-13T21:25:15", "TR", "hi"),
      msg("2018-06-13T09:26:15", "TR", "yo"),
      msg("2018-06-14T09:26:15", "Bob", "morning"),
    ],
  );
  // An Android file of one message with two pasted old-iOS-shaped notes.
  assert.deepEqual(
    await parse(
      "04/11/2023, 08:00 - Ann: notes\n04/11/2023 09:00 pagi: rapat\n04/11/2023 07:00 malam: makan\n",
    ),
    [
      msg(
        "2023-11-04T08:00:00",
        "Ann",
        "notes\n04/11/2023 09:00 pagi: rapat\n04/11/2023 07:00 malam: makan",
      ),
    ],
  );
});

Deno.test("Android call rows and disappearing-message notices after a name are system", async () => {
  assert.deepEqual(
    await parse(
      "12/16/21, 7:55 PM - Sumaira: Missed voice call\n" +
        "12/16/21, 7:56 PM - Dmitry S: Пропущенный видеозвонок\n" +
        "12/16/21, 7:57 PM - Alam: You turned on disappearing messages. All new messages will " +
        "disappear from this chat 24 hours after they're sent. Tap to change.\n" +
        "12/16/21, 7:58 PM - Alam: You turned it off? Missed voice call\n",
    ),
    [
      msg("2021-12-16T19:55:00", null, "Missed voice call"),
      msg("2021-12-16T19:56:00", null, "Пропущенный видеозвонок"),
      msg(
        "2021-12-16T19:57:00",
        null,
        "You turned on disappearing messages. All new messages will disappear from this chat " +
          "24 hours after they're sent. Tap to change.",
      ),
      msg("2021-12-16T19:58:00", "Alam", "You turned it off? Missed voice call"),
    ],
  );
});

Deno.test("a wording followed by empty lines keeps its kind and its lines", async () => {
  assert.deepEqual(
    await parse(
      "6/8/21, 15:32 - Aviv: live location shared\n\n" +
        "6/8/21, 15:33 - Aviv: This message was deleted\n\n\n6/8/21, 15:34 - Aviv: ok\n\n",
    ),
    [
      msg("2021-08-06T15:32:00", "Aviv", "live location shared\n", "location"),
      msg("2021-08-06T15:33:00", "Aviv", "This message was deleted\n\n", "deleted"),
      msg("2021-08-06T15:34:00", "Aviv", "ok\n"),
    ],
  );
});
