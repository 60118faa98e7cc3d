import assert from "node:assert/strict";
import {
  countInversions,
  defaultOrder,
  formatDay,
  formatTime,
  fullYear,
  isValidDate,
  possibleOrders,
  resolveDate,
  settleOrder,
  STRIDE,
} from "./date_order.ts";
import { parseString } from "./parser.ts";
import { msg, parseFixture } from "./testdata/helpers.ts";

Deno.test("calendar validity, leap years included", () => {
  assert.equal(isValidDate(2020, 2, 29), true);
  assert.equal(isValidDate(2021, 2, 29), false);
  assert.equal(isValidDate(2000, 2, 29), true);
  assert.equal(isValidDate(2100, 2, 29), false);
  assert.equal(isValidDate(2021, 4, 31), false);
  assert.equal(isValidDate(2021, 13, 1), false);
  assert.equal(isValidDate(2021, 1, 0), false);
});

Deno.test("possible orders of one date (bits DMY=1, MDY=2, YMD=4)", () => {
  assert.equal(possibleOrders(5, 6, 2021, 1, 4), 3); // ambiguous
  assert.equal(possibleOrders(13, 6, 2021, 2, 4), 1); // day first
  assert.equal(possibleOrders(6, 13, 21, 1, 2), 2); // month first
  assert.equal(possibleOrders(2023, 1, 5, 4, 1), 4); // year first
  assert.equal(possibleOrders(31, 2, 2021, 2, 4), 0); // impossible in every order
  assert.equal(possibleOrders(5, 6, 202, 1, 3), 0); // a 3-digit year
  assert.equal(possibleOrders(23, 1, 5, 2, 1), 0); // 2-digit year first: not inferred...
  assert.equal(possibleOrders(23, 1, 5, 2, 1, true), 4); // ...unless the locale writes it first
  assert.equal(possibleOrders(5, 1, 23, 1, 2, true), 0);
});

Deno.test("resolveDate writes year, month, day and expands 2-digit years", () => {
  const out = new Int32Array(3);
  assert.equal(resolveDate(1, 6, 3, 17, 2, 2, out), true);
  assert.deepEqual([...out], [2017, 3, 6]);
  assert.equal(resolveDate(2, 6, 3, 17, 1, 2, out), true);
  assert.deepEqual([...out], [2017, 6, 3]);
  assert.equal(resolveDate(4, 2023, 12, 20, 4, 2, out), true);
  assert.deepEqual([...out], [2023, 12, 20]);
  assert.equal(resolveDate(4, 23, 12, 20, 2, 2, out), true); // forced YMD with a 2-digit year
  assert.deepEqual([...out], [2023, 12, 20]);
  assert.equal(resolveDate(1, 5, 6, 7, 1, 1, out), false); // a 1-digit year
});

Deno.test("a 4-digit year from 2400 is Buddhist Era (− 543), before the date is validated", () => {
  assert.equal(fullYear(2565, 4), 2022);
  assert.equal(fullYear(2400, 4), 1857);
  assert.equal(fullYear(2399, 4), 2399);
  assert.equal(fullYear(65, 2), 2065); // a 2-digit year stays 20YY, whatever the calendar
  // 2567 is no leap year, BE 2567 (2024) is: 29 February exists only once converted.
  assert.equal(isValidDate(2567, 2, 29), false);
  const out = new Int32Array(3);
  assert.equal(resolveDate(1, 29, 2, 2567, 2, 4, out), true);
  assert.deepEqual([...out], [2024, 2, 29]);
  assert.equal(resolveDate(4, 2567, 2, 29, 4, 2, out), true);
  assert.deepEqual([...out], [2024, 2, 29]);
  assert.equal(possibleOrders(29, 2, 2567, 2, 4), 1);
  assert.equal(possibleOrders(29, 2, 2566, 2, 4), 0); // BE 2566 = 2023
});

function nums(dates: [number, number, number][]): number[] {
  return dates.flatMap(([a, b, c]) => [a, b, c, 2, 4, 9, 0, 0]);
}

Deno.test("inversions and chronology settle what no component tells", () => {
  // DMY file: Jan 10, 11, 12, Feb 1, 2. Read as MDY: Oct 1, Nov 1, Dec 1, Jan 2, Feb 2.
  const dmy = nums([[10, 1, 2020], [11, 1, 2020], [12, 1, 2020], [1, 2, 2020], [2, 2, 2020]]);
  assert.equal(countInversions(1, dmy, 5), 0);
  assert.equal(countInversions(2, dmy, 5), 1);
  assert.deepEqual(settleOrder(3, dmy, 5, "MDY"), { order: "DMY", certainty: "inferred" });
  // Both chronological: the component that changes more often is the day.
  const mdy = nums([[12, 10, 2020], [12, 11, 2020], [12, 12, 2020], [1, 1, 2021], [1, 2, 2021]]);
  assert.equal(countInversions(1, mdy, 5), countInversions(2, mdy, 5));
  assert.deepEqual(settleOrder(3, mdy, 5, "DMY"), { order: "MDY", certainty: "inferred" });
  // A single date: the default, guessed.
  const one = nums([[5, 6, 2021], [5, 6, 2021]]);
  assert.deepEqual(settleOrder(3, one, 2, "MDY"), { order: "MDY", certainty: "guessed" });
  assert.deepEqual(settleOrder(1, one, 2, "MDY"), { order: "DMY", certainty: "certain" });
  assert.equal(one.length, 2 * STRIDE);
});

Deno.test("default order: en-US shape is MDY, everything else DMY", () => {
  assert.equal(defaultOrder(true, "/", 2), "MDY");
  assert.equal(defaultOrder(true, "/", 4), "DMY");
  assert.equal(defaultOrder(false, "/", 2), "DMY");
  assert.equal(defaultOrder(true, ".", 2), "DMY");
});

Deno.test("formatting pads every field", () => {
  assert.equal(formatDay(2021, 3, 5) + formatTime(0, 7, 9), "2021-03-05T00:07:09");
});

Deno.test("order fixtures: settled late (DMY and MDY) and by chronology", async () => {
  const late = await parseFixture("order/late_dmy.txt");
  assert.deepEqual(late.messages.map((m) => m.date), [
    "2020-02-01T10:00:00",
    "2020-02-05T10:00:00",
    "2020-02-12T10:00:00",
    "2020-02-13T10:00:00",
  ]);
  assert.equal(late.summary.dateOrderCertainty, "certain");
  const lateMdy = await parseFixture("order/late_mdy.txt");
  assert.deepEqual(lateMdy.messages.map((m) => m.date), [
    "2020-01-02T10:00:00",
    "2020-01-05T10:00:00",
    "2020-01-12T10:00:00",
    "2020-01-13T10:00:00",
  ]);
  assert.equal(lateMdy.summary.dateOrder, "MDY");
  const chrono = await parseFixture("order/chrono_dmy.txt");
  assert.deepEqual(chrono.messages, [
    msg("2020-01-10T09:00:00", "Ann", "a"),
    msg("2020-01-11T09:00:00", "Ann", "b"),
    msg("2020-01-12T09:00:00", "Ann", "c"),
    msg("2020-02-01T09:00:00", "Ann", "d"),
    msg("2020-02-02T09:00:00", "Ann", "e"),
  ]);
  assert.equal(chrono.summary.dateOrder, "DMY");
  assert.equal(chrono.summary.dateOrderCertainty, "inferred");
  const chronoMdy = await parseFixture("order/chrono_mdy.txt");
  assert.deepEqual(chronoMdy.messages.map((m) => m.date), [
    "2020-12-10T09:00:00",
    "2020-12-11T09:00:00",
    "2020-12-12T09:00:00",
    "2021-01-01T09:00:00",
    "2021-01-02T09:00:00",
  ]);
  assert.equal(chronoMdy.summary.dateOrder, "MDY");
  assert.equal(chronoMdy.summary.dateOrderCertainty, "inferred");
  const single = await parseFixture("order/single_day.txt");
  assert.equal(single.summary.dateOrder, "DMY");
  assert.equal(single.summary.dateOrderCertainty, "guessed");
  assert.equal(single.messages[0].date, "2021-06-05T10:00:00");
});

Deno.test("dateOrder option overrides the inference; impossible dates then stay text", async () => {
  const single = await parseFixture("order/single_day.txt", { dateOrder: "MDY" });
  assert.equal(single.messages[0].date, "2021-05-06T10:00:00");
  assert.equal(single.summary.dateOrder, "MDY");
  const forced = parseString("13/02/2020, 10:00 - Ann: a\n02/03/2020, 10:00 - Ann: b\n", {
    dateOrder: "MDY",
  });
  // 13/02 cannot be month-first: no message before it, so it is kept as a leading system text.
  assert.deepEqual(forced.messages, [
    msg("2020-02-03T10:00:00", null, "13/02/2020, 10:00 - Ann: a"),
    msg("2020-02-03T10:00:00", "Ann", "b"),
  ]);
  assert.equal(forced.summary.unplacedLines, 1);
});

Deno.test("a long ambiguous file is settled on its first 100,000 messages, in order", () => {
  const lines: string[] = [];
  // 120,000 messages on Jan 1-12 of one year, one per minute: never a day > 12.
  for (let i = 0; i < 120_000; i++) {
    const day = 1 + Math.floor(i / 10_000), minute = Math.floor((i % 10_000) * 0.144);
    const hh = String(Math.floor(minute / 60)).padStart(2, "0"),
      mm = String(minute % 60).padStart(2, "0");
    lines.push(`${String(day).padStart(2, "0")}/01/2020, ${hh}:${mm} - Ann: m${i}`);
  }
  const { messages, summary } = parseString(lines.join("\n"));
  assert.equal(messages.length, 120_000);
  assert.equal(summary.dateOrder, "DMY");
  assert.equal(summary.dateOrderCertainty, "inferred");
  assert.equal(messages[0].date, "2020-01-01T00:00:00");
  assert.equal(messages[119_999].text, "m119999");
  assert.equal(messages[119_999].date, "2020-01-12T23:59:00");
});

Deno.test("CJK 12-hour files are year-first even with a 2-digit year", () => {
  const { messages, summary } = parseString(
    "23. 1. 15. 오후 3:04 - 김민수: 안녕\n23. 1. 5. 오전 9:00 - 김민수: 잘\n",
  );
  assert.deepEqual(messages, [
    msg("2023-01-15T15:04:00", "김민수", "안녕"),
    msg("2023-01-05T09:00:00", "김민수", "잘"),
  ]);
  assert.equal(summary.dateOrder, "YMD");
  assert.equal(summary.dateOrderCertainty, "certain");
  // Elsewhere a 2-digit first component is never a year unless the user says so.
  assert.equal(parseString("05/01/23, 10:00 - A: x\n").messages[0].date, "2023-01-05T10:00:00");
  assert.equal(
    parseString("05/01/23, 10:00 - A: x\n", { dateOrder: "YMD" }).messages[0].date,
    "2005-01-23T10:00:00",
  );
});
