// Locales beyond the eight languages of the wordings: dates, order and boundaries must be right.
import assert from "node:assert/strict";
import { parseString } from "./parser.ts";

const dates = (text: string) => parseString(text).messages.map((m) => [m.date, m.author, m.text]);

Deno.test("Korean 24-hour `yy. M. d.`: the 2-digit year comes first (Android and iOS)", () => {
  const expected = [
    ["2023-11-03T09:15:00", "지민", "안녕하세요"],
    ["2023-11-12T13:05:00", "김 민수", "네"],
    ["2024-01-05T21:30:00", "지민", "새해 복 많이 받으세요"],
  ];
  const android = "23. 11. 3. 09:15 - 지민: 안녕하세요\n23. 11. 12. 13:05 - 김 민수: 네\n" +
    "24. 1. 5. 21:30 - 지민: 새해 복 많이 받으세요\n";
  assert.deepEqual(dates(android), expected);
  const { summary } = parseString(android);
  assert.equal(summary.dateOrder, "YMD");
  assert.equal(summary.unplacedLines, 0);
  const ios = "[23. 11. 3. 9:15:00] 지민: 안녕하세요\r\n[23. 11. 12. 13:05:00] 김 민수: 네\r\n" +
    "[24. 1. 5. 21:30:00] 지민: 새해 복 많이 받으세요\r\n";
  assert.deepEqual(dates(ios), expected);
});

Deno.test("zh-HK: day first with the AM/PM word before the time (a 4-digit year is last)", () => {
  assert.deepEqual(
    dates("15/1/2024 上午9:16 - 志明: 早晨\n15/1/2024 下午2:05 - 春嬌: 食咗飯未\n"),
    [
      ["2024-01-15T09:16:00", "志明", "早晨"],
      ["2024-01-15T14:05:00", "春嬌", "食咗飯未"],
    ],
  );
  assert.deepEqual(dates("[15/1/2024 上午9:16:40] 志明: 早晨\r\n"), [
    ["2024-01-15T09:16:40", "志明", "早晨"],
  ]);
});

Deno.test("zh-TW day periods: small hours, noon and evening words before the time", () => {
  const { messages, summary } = parseString(
    "2023/11/12 上午9:16 - 志明: 早\n2023/11/12 凌晨12:05 - 春嬌: 耶\n" +
      "2023/11/12 中午12:30 - 阿華: 好\n2023/11/12 晚上8:00 - 志明: 晚安\n",
  );
  assert.deepEqual(messages.map((m) => m.date), [
    "2023-11-12T09:16:00",
    "2023-11-12T00:05:00",
    "2023-11-12T12:30:00",
    "2023-11-12T20:00:00",
  ]);
  assert.equal(summary.unplacedLines, 0);
});

Deno.test("a bracketed header-like line in Persian digits that cannot be placed is counted", () => {
  const { messages, summary } = parseString(
    "[۱۴۰۳/۲/۲۸, ۱۰:۰۰:۰۰] علی: سلام\n[۱۴۰۳/۲/۳۱, ۱۱:۰۰:۰۰] مریم: سی و یکم\n",
  );
  assert.equal(messages.length, 1);
  assert.equal(messages[0].text, "سلام\n[۱۴۰۳/۲/۳۱, ۱۱:۰۰:۰۰] مریم: سی و یکم");
  assert.equal(summary.unplacedLines, 1);
});

Deno.test("a non-English AM/PM word is not en-US: undecidable dates fall back to DMY", () => {
  const greek = parseString(
    "5/3/24, 11:10 π.μ. - Μαρία: Γεια\n5/3/24, 11:12 π.μ. - Νίκος: Γεια σου\n",
  );
  assert.equal(greek.messages[0].date, "2024-03-05T11:10:00");
  assert.deepEqual([greek.summary.dateOrder, greek.summary.dateOrderCertainty], ["DMY", "guessed"]);
  // The en-US shape keeps its month-first guess.
  const us = parseString("5/3/24, 11:10\u202FAM - Ann: hi\n");
  assert.equal(us.messages[0].date, "2024-05-03T11:10:00");
});

Deno.test("Slovenian `d. MM. yy` (no dot after the year) stays day first", () => {
  assert.deepEqual(dates("3. 11. 23 09:15 - Ana: živjo\n15. 11. 23 10:00 - Jan: zdravo\n"), [
    ["2023-11-03T09:15:00", "Ana", "živjo"],
    ["2023-11-15T10:00:00", "Jan", "zdravo"],
  ]);
});

Deno.test("Vietnamese: the time before the date (CLDR's `{0} {1}`), Android and iOS, 12-hour SA/CH", () => {
  const expected = [
    ["2024-01-15T14:05:00", "Minh", "Chào\ndòng hai"],
    ["2024-01-16T09:00:00", "Lan", "Chào bạn"],
  ];
  assert.deepEqual(
    dates("14:05 15/1/24 - Minh: Chào\ndòng hai\n09:00 16/1/24 - Lan: Chào bạn\n"),
    expected,
  );
  assert.deepEqual(
    dates("[14:05:00 15/1/24] Minh: Chào\r\ndòng hai\r\n[09:00:00 16/1/24] Lan: Chào bạn\r\n"),
    expected,
  );
  const h12 = parseString("2:05 CH 15/1/24 - Minh: Chào\n9:00 SA 16/01/24 - Lan: Chào bạn\n");
  assert.deepEqual(h12.messages.map((m) => m.date), ["2024-01-15T14:05:00", "2024-01-16T09:00:00"]);
  assert.equal(h12.summary.clock, "12h");
  // A date-first line pasted into such a file is text, and the other way round.
  const { messages, summary } = parseString(
    "14:05 15/1/24 - Minh: xem\n15/01/2024, 10:00 - Ann: hi\n14:06 15/1/24 - Lan: ok\n",
  );
  assert.equal(messages.length, 2);
  assert.equal(summary.unplacedLines, 1);
});

Deno.test("time-first body lines do not outvote the real headers, nor count in date-first files", () => {
  // H31 (bare) file with one such line: still read as H31.
  const bare = parseString(
    "13. 6. 2018. 21:25:15 Ana: plan\n14:05 15/1/24 - notes\n14. 6. 2018. 09:00:00 Ivo: ok\n" +
      "15. 6. 2018. 10:00:00 Ana: bok\n",
  );
  assert.deepEqual(bare.messages.map((m) => m.date), [
    "2018-06-13T21:25:15",
    "2018-06-14T09:00:00",
    "2018-06-15T10:00:00",
  ]);
  // A short date-first file whose body lists times and dates: one message.
  const { messages } = parseString(
    "15/01/2024, 14:00 - Ann: schedule:\n14:05 15/1/24 - arrive\n15:30 15/1/24 - leave\n",
  );
  assert.deepEqual(messages.map((m) => [m.author, m.text]), [
    ["Ann", "schedule:\n14:05 15/1/24 - arrive\n15:30 15/1/24 - leave"],
  ]);
  // `14.05 15.1.24 - notes` in a German file is a note: not counted as unplaced.
  const de = parseString(
    "03.08.21, 12:30 - Ann: plan\n14.05 15.1.24 - notes\n03.08.21, 12:31 - Bob: ok\n",
  );
  assert.equal(de.summary.unplacedLines, 0);
});

Deno.test("a time-first file counts its own header-like lines that cannot be placed", () => {
  const { messages, summary } = parseString(
    "14:05 15/1/24 - An: chào\n14:06 31/2/24 - Bình: x\n14:07 16/1/24 - An: ok\n",
  );
  assert.equal(messages.length, 2);
  assert.equal(summary.unplacedLines, 1);
});

Deno.test("Bulgarian: `г.` and a comma between date and time (CLDR `d.MM.yy 'г.'`)", () => {
  const expected = [
    ["2023-11-03T09:15:00", "Иван", "здравей"],
    ["2023-11-04T10:00:00", "Мария", "здрасти"],
  ];
  assert.deepEqual(
    dates("3.11.23 г., 9:15 - Иван: здравей\n4.11.23 г., 10:00 - Мария: здрасти\n"),
    expected,
  );
  assert.deepEqual(
    dates("[3.11.23 г., 9:15:00] Иван: здравей\r\n[4.11.23 г., 10:00:00] Мария: здрасти\r\n"),
    expected,
  );
});

Deno.test("12-hour words of locales that default to 24 hours, fr-CA `21 h 40`, Amharic", () => {
  const cases: [string, string[]][] = [
    ["2023-11-03 09:15 fm - A: x\n2023-11-03 09:40 em - B: y\n", ["09:15", "21:40"]],
    ["3.11.2023 ÖÖ 09:15 - A: x\n3.11.2023 ÖS 09:40 - B: y\n", ["09:15", "21:40"]],
    ["03/11/23, 09:15 da manhã - A: x\n03/11/23, 09:40 da tarde - B: y\n", ["09:15", "21:40"]],
    ["[03.11.23, 09:15:07 дп] A: x\r\n[03.11.23, 09:40:09 пп] B: y\r\n", ["09:15", "21:40"]],
    ["2023-11-03 09 h 15 - A: x\n2023-11-03 21 h 40 - B: y\n", ["09:15", "21:40"]],
    ["[2023-11-03 09 h 15 min 07 s] A: x\r\n[2023-11-03 21 h 40 min 09 s] B: y\r\n", [
      "09:15",
      "21:40",
    ]],
    ["03/11/2023 9:15 ጥዋት - A: x\n03/11/2023 9:40 ከሰዓት - B: y\n", ["09:15", "21:40"]],
  ];
  for (const [text, times] of cases) {
    const { messages } = parseString(text);
    assert.deepEqual(
      messages.map((m) => [m.date.slice(0, 10), m.date.slice(11, 16), m.text]),
      [["2023-11-03", times[0], "x"], ["2023-11-03", times[1], "y"]],
      text,
    );
  }
});
