import assert from "node:assert/strict";
import { parseString } from "./parser.ts";
import { parseBytes, parseText } from "./testdata/helpers.ts";

const pad = (n: number) => String(n).padStart(2, "0");
/** The day of the `i`-th message of a chat from 1 January 2023, one a day (28-day months). */
const day = (i: number) =>
  `${pad(1 + (i % 28))}/${pad(1 + (Math.floor(i / 28) % 12))}/${2023 + Math.floor(i / 336)}`;
/** An Android line of that chat (hours vary). */
const android = (i: number) => `${day(i)}, ${pad(i % 24)}:00 - Ann: m${i}\n`;
/** An iOS line (with seconds) of the same chat. */
const ios = (i: number) => `[${day(i)}, ${pad(i % 24)}:00:00] Ann: m${i}\n`;
/** What WhatsApp's "copy" of messages writes, pasted into a message (no seconds). */
const pasted = "[01/02/2022, 10:00] Bob: copied\n";
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

Deno.test("detection: a block of pasted messages near the start does not outvote the file's headers", async () => {
  // 40 pasted iOS-style lines inside the first Android message (the first 64 header-like lines
  // would have voted iOS), and 17 without seconds in an iOS file (they would have left "has
  // seconds" unenforced, turning the pasted lines into messages).
  const androidText = android(0) + pasted.repeat(40) + range(600, (i) => android(i + 1)).join("");
  const iosText = ios(0) + pasted.repeat(17) + range(600, (i) => ios(i + 1)).join("");
  for (
    const [text, layout, lines] of [[androidText, "android", 40], [iosText, "ios", 17]] as const
  ) {
    const bytes = new TextEncoder().encode(text);
    for (const r of [parseString(text), await parseBytes(bytes, {}, 65536)]) {
      assert.equal(r.summary.layout, layout);
      assert.equal(r.messages.length, 601);
      assert.equal(r.messages[0].text, "m0\n" + pasted.repeat(lines).trimEnd());
      assert.equal(r.summary.unplacedLines, lines);
    }
  }
});

Deno.test("detection: the vote ends at the same line however the stream is cut", async () => {
  // A few headers of each layout, then 2,000 lines before the rest: the vote ends at the
  // 2,000th line in every chunking (it used to end at the end of a block: 64 KiB streamed, 1 MiB
  // whole, with different winners).
  const text = android(0) + ios(1) + ios(2) + "\n".repeat(2000) + "x".repeat(70_000) + "\n" +
    range(300, (i) => android(i + 3)).join("");
  const bytes = new TextEncoder().encode(text);
  const whole = parseString(text);
  for (const chunk of [7, 4096, 65536, 1 << 20]) {
    const streamed = await parseBytes(bytes, {}, chunk);
    assert.deepEqual(streamed.summary, whole.summary, `chunks of ${chunk}`);
    assert.deepEqual(streamed.messages, whole.messages, `chunks of ${chunk}`);
  }
});

Deno.test("detection: the file's first line outweighs a long paste of another format", async () => {
  // 50 messages, one holding 300 pasted iOS lines, then 200: among the first 500 header-like
  // lines the paste has more (300 to 200), but the export's first line is WhatsApp's own.
  const text = range(50, android).join("") + pasted.repeat(300) +
    range(200, (i) => android(i + 50)).join("");
  const { messages, summary } = await parseText(text);
  assert.equal(summary.layout, "android");
  assert.equal(messages.length, 250);
  assert.equal(summary.unplacedLines, 300);
});

Deno.test("detection: an H31 file keeps its format when a body line looks like an Android header", async () => {
  // `13. 6. 2018. 21:25:15 a: m` (FORMAT.md H31): the file's first line is its own header, so
  // one Android-looking continuation line (which any date-first format used to win by) stays text.
  const h31 = (i: number) => `13. 6. 2018. 21:${pad(10 + i)}:15 ${i % 2 ? "Bob" : "Ann"}: m${i}\n`;
  const body = "13/06/2018, 21:30 - Bob: hi\n";
  const text = range(8, h31).join("") + body + range(12, (i) => h31(i + 8)).join("");
  const { messages, summary } = await parseText(text);
  assert.equal(summary.layout, "ios-old");
  assert.equal(messages.length, 20);
  assert.equal(messages[7].text, "m7\n" + body.trimEnd());
  assert.deepEqual([messages[8].author, messages[8].date], ["Ann", "2018-06-13T21:18:15"]);
  assert.equal(summary.unplacedLines, 1);
  // An Android file with an H31-looking body line stays Android (its first line is Android's).
  const withLine = range(20, android).join("").replace("m7\n", "m7\n" + h31(0));
  const other = await parseText(withLine);
  assert.equal(other.summary.layout, "android");
  assert.equal(other.messages.length, 20);
  assert.equal(other.messages[7].text, "m7\n" + h31(0).trimEnd());
});

Deno.test("detection: a first line no format reads as a header (hour 24, day and month 24) does not decide it", () => {
  // `24.24.23, 12.03.38` is no date-first header (24/24) and no time-first one (hour 24): the
  // line is kept before the first message and counted, the file's own headers decide.
  const { messages, summary } = parseString(
    "[24.24.23, 12.03.38] Ann: x\n[24.11.23, 12.03.38] Ann: y\n[25.11.23, 12.03.39] Bob: z\n",
  );
  assert.deepEqual(messages.map((m) => [m.date, m.author, m.kind, m.text]), [
    ["2023-11-24T12:03:38", null, "system", "[24.24.23, 12.03.38] Ann: x"],
    ["2023-11-24T12:03:38", "Ann", "text", "y"],
    ["2023-11-25T12:03:39", "Bob", "text", "z"],
  ]);
  assert.equal(summary.layout, "ios");
  assert.equal(summary.unplacedLines, 1);
});
