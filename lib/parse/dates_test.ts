import assert from "node:assert/strict";
import { parseText } from "./testdata/helpers.ts";

const p2 = (n: number) => String(n).padStart(2, "0");
/** Android lines, one a day at 10:00 from `start` (UTC date), written by `day`. */
function chat(start: number, days: number, day: (d: Date) => string): string[] {
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(start + i * 86_400_000);
    return `${day(d)}, 10:00 - Ann: m${i}\n`;
  });
}
const dmy = (d: Date) => `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
const mdy = (d: Date) => `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${d.getUTCFullYear()}`;

Deno.test("date order: a pasted header of the other order, back in time, does not settle the file", async () => {
  // Day-first from 2 January 2024 (days ≤ 12 until line 11); in the third message, a copied
  // month-first header of 2023 (25 is no month: it would settle the file month-first).
  const lines = chat(Date.UTC(2024, 0, 2), 40, dmy);
  lines[2] += "Bob sent me this:\n01/25/2023, 10:00 - Carl: hi\n";
  const { messages, summary } = await parseText(lines.join(""));
  assert.equal(messages.length, 40);
  assert.equal(summary.dateOrder, "DMY");
  assert.equal(summary.dateOrderCertainty, "certain");
  assert.equal(messages[2].text, "m2\nBob sent me this:\n01/25/2023, 10:00 - Carl: hi");
  assert.equal(messages[3].date, "2024-01-05T10:00:00");
  assert.equal(summary.unplacedLines, 1);
  // The same in a month-first file with a pasted day-first header.
  const us = chat(Date.UTC(2024, 0, 2), 40, mdy);
  us[1] += "25/01/2023, 10:00 - Carl: hi\n";
  const r = await parseText(us.join(""));
  assert.deepEqual([r.messages.length, r.summary.dateOrder], [40, "MDY"]);
  assert.equal(r.messages[1].text, "m1\n25/01/2023, 10:00 - Carl: hi");
});

Deno.test("date order: the header that settles it may step back a day (a clock corrected)", async () => {
  // 01/02/2024 (1 February or 2 January), then 31/01/2024: only day-first, one day back.
  const text =
    "01/02/2024, 10:00 - Ann: a\n31/01/2024, 09:00 - Ann: b\n01/02/2024, 11:00 - Ann: c\n";
  const { messages, summary } = await parseText(text);
  assert.deepEqual(messages.map((m) => m.date), [
    "2024-02-01T10:00:00",
    "2024-01-31T09:00:00",
    "2024-02-01T11:00:00",
  ]);
  assert.deepEqual([summary.dateOrder, summary.dateOrderCertainty], ["DMY", "certain"]);
});
