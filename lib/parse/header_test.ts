import assert from "node:assert/strict";
import {
  candidateOf,
  compileFormat,
  formatSource,
  type HeaderFormat,
  voteFormat,
} from "./header.ts";
import { mapBack, normalizeHead, readNumbers } from "./head.ts";

Deno.test("candidateOf recognises each layout and the format details", () => {
  const f = (line: string) => candidateOf(line)?.format;
  assert.deepEqual(f("06/03/2017, 00:45 - Ann: hi"), {
    layout: "android",
    bare: false,
    sep: "/",
    joiner: ", ",
    clock: "24h",
    markerBefore: false,
    seconds: false,
    year: "last",
    yearFirstShort: false,
    timeFirst: false,
  });
  assert.deepEqual(f("\u200E[1/4/23, 7:02:11\u202FPM] Ann: hi"), {
    layout: "ios",
    bare: false,
    sep: "/",
    joiner: ", ",
    clock: "12h",
    markerBefore: false,
    seconds: true,
    year: "short",
    yearFirstShort: false,
    timeFirst: false,
  });
  assert.equal(f("13.06.18 21.25.15: a: m")?.layout, "ios-old");
  assert.equal(f("13. 6. 2018. 21:25:15 a: m")?.bare, true);
  assert.equal(f("13. 6. 2018. 21:25:15 a: m")?.sep, ". ");
  assert.equal(f("31.5.2019 klo 16.58 - Matti: moi")?.joiner, " klo ");
  assert.equal(candidateOf("31.5.2019 klo 16.58 - Matti: moi")?.lang, "fi");
  assert.deepEqual(f("2023/1/5 下午3:04 - 王伟: 你好"), {
    layout: "android",
    bare: false,
    sep: "/",
    joiner: " ",
    clock: "12h",
    markerBefore: true,
    seconds: false,
    year: "first",
    yearFirstShort: false,
    timeFirst: false,
  });
  assert.equal(candidateOf("١٢/٠١/٢٠٢٣، ١٠:٠٥ م - أحمد: مرحبا")?.lang, "ar");
  // Korean `yy. M. d.` (a dot after the day) against Slovenian `d. MM. yy` (none).
  assert.equal(f("23. 11. 3. 09:15 - 지민: 안녕")?.yearFirstShort, true);
  assert.equal(f("3. 11. 23 09:15 - Ana: živjo")?.yearFirstShort, false);
});

Deno.test("candidateOf rejects look-alikes", () => {
  for (
    const line of [
      "26/09/2022 09:00 dentist",
      "2 eggs",
      "[1/2/23 ok]",
      "12/03/2021, 25:00 - Ann: no such hour",
      "13/13/2021, 10:00 - Ann: no such month",
      "13. 6. 2018. 21:25:15 no author here",
    ]
  ) assert.equal(candidateOf(line), null, line);
});

Deno.test("voting: the most common format wins; the bare style only when nothing else", () => {
  const lines = [
    "26/09/2022 09:00 Note: bare-looking preamble",
    "06/03/2017, 00:45 - Ann: a",
    "06/03/2017, 00:46 - Ann: b",
    "[06/03/2017, 00:47:00] Ann: pasted",
  ];
  const winner = voteFormat(lines.map((l) => candidateOf(l)).filter((c) => c !== null));
  assert.equal(winner?.format.layout, "android");
  assert.equal(winner?.format.bare, false);
  assert.equal(voteFormat([]), null);
});

Deno.test("voting: seconds and year are enforced only when 3 in 4 of the format's headers agree", () => {
  const vote = (lines: string[]) => {
    const f = voteFormat(lines.map((l) => candidateOf(l)).filter((c) => c !== null))!.format;
    return [f.seconds, f.year];
  };
  const real = (n: number) => Array.from({ length: n }, () => "[06/03/2017, 00:45:10] Ann: a");
  const pasted = (n: number) => Array.from({ length: n }, () => "[06/03/17, 00:45] Bob: b");
  assert.deepEqual(vote(real(12)), [true, "last"]);
  assert.deepEqual(vote([...real(12), ...pasted(4)]), [true, "last"]);
  assert.deepEqual(vote([...real(11), ...pasted(5)]), [null, null]);
  assert.deepEqual(vote([...pasted(12), ...real(4)]), [false, "short"]);
});

Deno.test("the file regex is specialised to separator, joiner, clock, seconds and year", () => {
  const format: HeaderFormat = {
    layout: "android",
    bare: false,
    sep: "/",
    joiner: ", ",
    clock: "24h",
    markerBefore: false,
    seconds: false,
    year: "last",
    yearFirstShort: false,
    timeFirst: false,
  };
  const { anchored } = compileFormat(format);
  assert.match("06/03/2017, 00:45 - ", anchored);
  assert.match("6/3/2017, 0:45 - ", anchored);
  // One locale format writes every header of an export: a pasted line of another is text.
  assert.doesNotMatch("6/3/17, 0:45 - ", anchored);
  assert.doesNotMatch("2017/03/06, 00:45 - ", anchored);
  assert.doesNotMatch("06/03/2017, 00:45:12 - ", anchored);
  assert.match("6/3/17, 0:45 - ", compileFormat({ ...format, year: "short" }).anchored);
  assert.match("2017/3/6, 0:45 - ", compileFormat({ ...format, year: "first" }).anchored);
  // A shape the first headers disagreed on is not enforced.
  const loose = compileFormat({ ...format, seconds: null, year: null }).anchored;
  for (const h of ["6/3/17, 0:45 - ", "06/03/2017, 00:45:12 - ", "2017/03/06, 00:45 - "]) {
    assert.match(h, loose);
  }
  assert.doesNotMatch("06.03.2017, 00:45 - ", anchored);
  assert.doesNotMatch("06/03/2017 00:45 - ", anchored);
  assert.doesNotMatch("06/03/2017, 00:45 PM - ", anchored);
  assert.doesNotMatch("06/03/2017, 00:45 dentist", anchored);
  const ios = compileFormat({ ...format, layout: "ios", joiner: " ", seconds: true }).anchored;
  assert.match("\u200E[06/03/2017 00:45:00] ", ios);
  assert.doesNotMatch("\u200E[06/03/2017 00:45] ", ios);
  assert.doesNotMatch("06/03/2017 00:45 - ", ios);
  assert.equal(formatSource(format).includes("\\["), false);
});

Deno.test("normalizeHead drops marks, converts digits, and mapBack finds the original index", () => {
  const line = "\u200F١٢/٠١/٢٠٢٣، ١٠:٠٥ م - x";
  const head = normalizeHead(line, 0, line.length);
  assert.equal(head, "12/01/2023، 10:05 م - x");
  assert.equal(mapBack(line, 0, head.length - 1), line.length - 1);
  const out = new Int32Array(11);
  assert.equal(readNumbers(head, 0, head.length, out), 5);
  assert.deepEqual([...out.slice(0, 8)], [12, 1, 2023, 10, 5, 0, 2, 4]);
});

Deno.test("era years: a Japanese `R4`/`H31` is a year (last or first), `2565 BE` a joiner word", () => {
  const f = (line: string) => candidateOf(line)?.format;
  assert.equal(f("[3/18/R4, 14:56:01] Elon Musk: hi")?.year, "last");
  assert.equal(f("[4/30/H31, 10:00:00] Aiko: hi")?.year, "last");
  assert.equal(f("[R4/3/18 14:56:01] 太郎: hi")?.year, "first");
  assert.equal(f("[3/18/2565 BE, 14:56:01] Elon Musk: hi")?.joiner, " BE, ");
  // Never a day or a month, never two years, never another letter.
  for (
    const line of [
      "[3/R4/18, 14:56:01] A: b",
      "[R4/3/R5, 14:56:01] A: b",
      "[R4/3/2022, 14:56:01] A: b",
      "[3/18/S4, 14:56:01] A: b",
      "[3/18/R, 14:56:01] A: b",
    ]
  ) assert.equal(candidateOf(line), null, line);
});

Deno.test("the file regex takes an era year only in the year's place", () => {
  const ios: HeaderFormat = {
    layout: "ios",
    bare: false,
    sep: "/",
    joiner: ", ",
    clock: "24h",
    markerBefore: false,
    seconds: true,
    year: "last",
    yearFirstShort: false,
    timeFirst: false,
  };
  const last = compileFormat(ios).anchored;
  assert.match("[3/18/R4, 14:56:01] ", last);
  assert.match("[12/31/H21, 14:56:01] ", last);
  assert.match("[3/18/2022, 14:56:01] ", last);
  assert.doesNotMatch("[R4/3/18, 14:56:01] ", last);
  assert.doesNotMatch("[3/18/R123, 14:56:01] ", last);
  assert.doesNotMatch("[3/18/R4, 14:56:01] ", compileFormat({ ...ios, year: "short" }).anchored);
  assert.match("[R4/3/18, 14:56:01] ", compileFormat({ ...ios, year: "first" }).anchored);
  assert.match("[3/18/R4, 14:56:01] ", compileFormat({ ...ios, year: null }).anchored);
});

Deno.test("readNumbers reads an era year as its Gregorian year, 4 digits long", () => {
  const out = new Int32Array(11);
  const read = (head: string) => (readNumbers(head, 0, head.length, out), [...out.slice(0, 8)]);
  assert.deepEqual(read("[3/18/R4, 14:56:01] "), [3, 18, 2022, 14, 56, 1, 1, 4]);
  assert.deepEqual(read("[4/30/H31, 10:00:00] "), [4, 30, 2019, 10, 0, 0, 1, 4]);
  assert.deepEqual(read("[R4/3/18 9:05:00] "), [2022, 3, 18, 9, 5, 0, 4, 2]);
  assert.deepEqual(read("R10/1/2 9:05 - "), [2028, 1, 2, 9, 5, 0, 4, 1]);
  // A Buddhist year is read as written: the date code converts it (date_order.ts fullYear).
  assert.deepEqual(read("[3/18/2565 BE, 14:56:01] "), [3, 18, 2565, 14, 56, 1, 1, 4]);
});

Deno.test("a 12-hour candidate has an hour up to 12 (H31 author named like an AM/PM word)", () => {
  // sv `em` (PM): `21:25:15 Em:` would be an old-iOS 12-hour header that no line can fit.
  const line = "13. 6. 2018. 21:25:15 Em: hi";
  assert.deepEqual([candidateOf(line)?.format.bare, candidateOf(line)?.format.clock], [
    true,
    "24h",
  ]);
  assert.equal(candidateOf("12.07.2017, 10:35:22 PM: Johannes: hi")?.format.clock, "12h");
});
