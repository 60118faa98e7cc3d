// Calendars iOS writes in other eras: Japanese imperial years (`3/18/R4`) and Buddhist Era years
// (`3/18/2565 BE`, or a Thai `2565` without the suffix). Every case parses through both entry
// points (the byte stream in 7-byte chunks and parseString) and must agree.
import assert from "node:assert/strict";
import { parseText } from "./testdata/helpers.ts";
import type { ParseSummary } from "./types.ts";

const both = (text: string) => parseText(text);

const rows = (r: { messages: { date: string; author: string | null }[] }) =>
  r.messages.map((m) => [m.date, m.author]);

const shape = (s: ParseSummary) => [s.layout, s.dateOrder, s.dateOrderCertainty, s.unplacedLines];

// Real exports of one chat on three calendars (starkdmi/whats_json @ 6737d0c / a698930,
// test/data/chats_unique/Japanese iOS.txt, test/data/calendars/{Buddhist,Gregorian} iOS.txt): the
// first, a middle and the last lines, verbatim.
const JAPANESE = "[3/18/R4, 14:56:01] Elon Musk: Messages and calls are end-to-end encrypted. " +
  "No one outside of this chat, not even WhatsApp, can read or listen to them.\n" +
  "[3/27/R4, 21:41:35] Dmitry S: Hello World\n" +
  "[3/27/R4, 21:54:45] Elon Musk: This message was deleted.\n" +
  "[4/28/R4, 20:17:31] Elon Musk: Your security code with Elon changed. Tap to learn more.\n" +
  "[1/7/R5, 23:32:30] Elon Musk: Your security code with Elon changed. Tap to learn more.\n" +
  "[1/12/R5, 02:05:44] Dmitry S: You deleted this message.\n" +
  "[1/12/R5, 15:35:15] Dmitry S: audio omitted\n";
const BUDDHIST = "[3/18/2565 BE, 14:56:01] Elon Musk: Messages and calls are end-to-end " +
  "encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n" +
  "[3/27/2565 BE, 21:41:35] Dmitry Starkov: Hello World\n" +
  "[3/27/2565 BE, 21:54:45] Elon Musk: This message was deleted.\n" +
  "[4/28/2565 BE, 20:17:30] Elon Musk: Your security code with Elon changed. Tap to learn more.\n" +
  "[1/7/2566 BE, 23:32:30] Elon Musk: Your security code with Elon changed. Tap to learn more.\n";
const GREGORIAN = "[3/18/22, 14:56:01] Elon Musk: Messages and calls are end-to-end encrypted. " +
  "No one outside of this chat, not even WhatsApp, can read or listen to them.\n" +
  "[3/27/22, 21:41:35] Dmitry Starkov: Hello World\n" +
  "[3/27/22, 21:54:45] Elon Musk: This message was deleted.\n" +
  "[4/28/22, 20:17:30] Elon Musk: Your security code with Elon changed. Tap to learn more.\n" +
  "[1/7/23, 23:32:30] Elon Musk: Your security code with Elon changed. Tap to learn more.\n";

Deno.test("Japanese iOS export (real): Reiwa years `R4`, `R5` are 2022, 2023", async () => {
  const { messages, summary } = await both(JAPANESE);
  // The notice after the chat's name is a system line (NOTICE).
  assert.deepEqual(rows({ messages }), [
    ["2022-03-18T14:56:01", null],
    ["2022-03-27T21:41:35", "Dmitry S"],
    ["2022-03-27T21:54:45", "Elon Musk"],
    ["2022-04-28T20:17:31", "Elon Musk"],
    ["2023-01-07T23:32:30", "Elon Musk"],
    ["2023-01-12T02:05:44", "Dmitry S"],
    ["2023-01-12T15:35:15", "Dmitry S"],
  ]);
  assert.equal(messages[1].text, "Hello World");
  // `18` and `27` are days: the month comes first; `R4` is never a day or a month.
  assert.deepEqual(shape(summary), ["ios", "MDY", "certain", 0]);
});

Deno.test("Buddhist iOS export (real): `2565 BE` is 2022, the dates of the Gregorian export", async () => {
  const buddhist = await both(BUDDHIST);
  const gregorian = await both(GREGORIAN);
  assert.deepEqual(rows(buddhist), rows(gregorian));
  assert.deepEqual(rows(buddhist), [
    ["2022-03-18T14:56:01", null],
    ["2022-03-27T21:41:35", "Dmitry Starkov"],
    ["2022-03-27T21:54:45", "Elon Musk"],
    ["2022-04-28T20:17:30", "Elon Musk"],
    ["2023-01-07T23:32:30", "Elon Musk"],
  ]);
  assert.deepEqual(shape(buddhist.summary), ["ios", "MDY", "certain", 0]);
});

Deno.test("era and BE years in the Android shape, 24- and 12-hour", async () => {
  const japanese = await both(
    "3/18/R4, 14:56 - Elon Musk: hi\n3/27/R4, 9:41 - Dmitry S: Hello World\n",
  );
  assert.deepEqual(rows(japanese), [
    ["2022-03-18T14:56:00", "Elon Musk"],
    ["2022-03-27T09:41:00", "Dmitry S"],
  ]);
  assert.deepEqual(shape(japanese.summary), ["android", "MDY", "certain", 0]);
  const buddhist = await both(
    "3/18/2565 BE, 2:56\u202FPM - Elon Musk: hi\n1/7/2566 BE, 11:32\u202FPM - Elon Musk: x\n",
  );
  assert.deepEqual(rows(buddhist), [
    ["2022-03-18T14:56:00", "Elon Musk"],
    ["2023-01-07T23:32:00", "Elon Musk"],
  ]);
  assert.equal(buddhist.summary.layout, "android");
});

Deno.test("Heisei: `H31` is 2019, up to its last day before `R1`", async () => {
  const { messages } = await both(
    "[4/30/H31, 10:00:00] Aiko: last day of Heisei\n[5/1/R1, 10:00:00] Aiko: first of Reiwa\n" +
      "[12/31/H21, 23:59:59] Aiko: pasted, 2009\n",
  );
  assert.deepEqual(messages.map((m) => m.date), [
    "2019-04-30T10:00:00",
    "2019-05-01T10:00:00",
    "2009-12-31T23:59:59",
  ]);
});

Deno.test("era years and the date order: never a day or a month; year first (ja) is YMD", async () => {
  // Only the month-first reading is possible: 13 is a day.
  assert.equal((await both("[1/13/R4, 10:00:00] A: x\n")).messages[0].date, "2022-01-13T10:00:00");
  // Day first.
  const dmy = await both("[13/1/R4, 10:00:00] A: x\n");
  assert.equal(dmy.messages[0].date, "2022-01-13T10:00:00");
  assert.deepEqual(shape(dmy.summary), ["ios", "DMY", "certain", 0]);
  // Undecidable dates on a 24-hour clock: the default, as for `1/5/22`.
  const guessed = await both("[1/5/R4, 10:00:00] A: x\n");
  assert.deepEqual(rows(guessed), rows(await both("[1/5/22, 10:00:00] A: x\n")));
  assert.deepEqual(shape(guessed.summary), ["ios", "DMY", "guessed", 0]);
  // The era year first (CLDR's ja `GGGGGy/M/d`), 24- and 12-hour (AM/PM word before the time).
  const ja = await both("[R4/3/18 14:56:01] 太郎: こんにちは\n[R5/1/7 9:05:00] 花子: はい\n");
  assert.deepEqual(rows(ja), [
    ["2022-03-18T14:56:01", "太郎"],
    ["2023-01-07T09:05:00", "花子"],
  ]);
  assert.deepEqual(shape(ja.summary), ["ios", "YMD", "certain", 0]);
  const ja12 = await both(
    "[R4/3/18 午後2:56:01] 太郎: こんにちは\n[R4/3/19 午前9:00:00] 花子: はい\n",
  );
  assert.deepEqual(rows(ja12), [
    ["2022-03-18T14:56:01", "太郎"],
    ["2022-03-19T09:00:00", "花子"],
  ]);
  assert.equal(ja12.summary.dateOrder, "YMD");
});

Deno.test("a 4-digit year from 2400 without `BE` is Buddhist, converted before validation", async () => {
  // BE 2567 = 2024, a leap year (2567 itself is not one).
  const thai = await both(
    "29/02/2567, 14:56 - สมชาย: วันอธิกสุรทิน\n01/03/2567, 09:00 - สมหญิง: ครับ\n",
  );
  assert.deepEqual(rows(thai), [
    ["2024-02-29T14:56:00", "สมชาย"],
    ["2024-03-01T09:00:00", "สมหญิง"],
  ]);
  const ios = await both("[29/02/2567 14:56:01] สมชาย: ค่ะ\n");
  assert.equal(ios.messages[0].date, "2024-02-29T14:56:01");
  // BE 2566 = 2023: no 29 February; the line is text of the message before it.
  const { messages, summary } = await both(
    "28/02/2566, 10:00 - สมชาย: ก\n29/02/2566, 10:00 - สมชาย: ข\n",
  );
  assert.deepEqual(rows({ messages }), [["2023-02-28T10:00:00", "สมชาย"]]);
  assert.equal(summary.unplacedLines, 1);
  // Below 2400 a year is Gregorian.
  assert.equal(
    (await both("31/12/2399, 10:00 - A: x\n")).messages[0].date,
    "2399-12-31T10:00:00",
  );
});

Deno.test("a 2-digit Buddhist year stays 20YY, as every 2-digit year (FORMAT.md §2.2)", async () => {
  // th `18/3/65` and `18.03.65 BE` (ICU's de on the Buddhist calendar) cannot be told from 2065.
  assert.equal((await both("18/3/65 14:56 - A: x\n")).messages[0].date, "2065-03-18T14:56:00");
  assert.equal(
    (await both("18.03.65 BE, 14:56 - A: x\n")).messages[0].date,
    "2065-03-18T14:56:00",
  );
});
