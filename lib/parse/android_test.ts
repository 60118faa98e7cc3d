// The feature-rich Android fixture, unplaceable lines, line endings and the final line break.
import assert from "node:assert/strict";
import { parseString } from "./parser.ts";
import { msg, parseFixture } from "./testdata/helpers.ts";

const D = (hhmm: string) => `2017-03-06T${hhmm}:00`;

Deno.test("android_en.txt: every message exactly", async () => {
  const { messages, summary } = await parseFixture("android_en.txt");
  assert.deepEqual(messages, [
    msg(
      D("00:45"),
      null,
      "Messages to this group are now secured with end-to-end encryption. Tap for more info.",
    ),
    // system lines with ": " inside a quoted group name are not user messages
    msg(D("00:45"), null, 'You created group "Book club: 2024"'),
    msg(D("00:46"), null, 'Ann changed the subject from "Club: 23" to "Club: 24"'),
    // authors with " - ", ":" (no space), emoji, "~ ", a phone number wrapped in U+202A/U+202C
    msg(D("00:47"), "Ops - Night Shift", "Shift starts at 9: be on time"),
    msg(D("00:48"), "Team:A", "colon inside the name"),
    msg(D("00:49"), "Eve 🤓", "👨‍👩‍👧‍👦 family"),
    msg(D("00:50"), "~ Dicle", "selam"),
    msg(D("00:51"), "+1 555 0100", "call me"),
    // empty line and trailing spaces kept; a line starting with a date is a continuation
    msg(
      D("00:52"),
      "Ann",
      "first line\n\nthird line with trailing spaces   \n26/09/2022 09:00 dentist",
    ),
    msg(D("00:53"), "Ann", "Look at this", "media", "IMG-20170306-WA0001.jpg"),
    msg(D("00:54"), "Bob Smith", "", "media", "Q1 Budget Review (final).v2.pdf"),
    msg(D("00:55"), "Bob Smith", "<Media omitted>", "media"),
    msg(D("00:56"), "Ann", "This message was deleted", "deleted"),
    msg(D("00:57"), "Bob Smith", "I think this message was deleted by mistake"),
    msg(D("00:58"), "Ann", "You deleted this message", "deleted"),
    msg(D("00:59"), "Ann", "Plan for tomorrow:\n- buy milk", "text", null, true),
    msg(
      D("01:00"),
      "Bob Smith",
      "POLL:\nWhere shall we eat?\nOPTION: Pizza (2 votes)\nOPTION: Sushi (1 vote)",
      "poll",
    ),
    msg(D("01:01"), "Ann", "location: https://maps.google.com/?q=52.520008,13.404954", "location"),
    msg(D("01:02"), "Bob Smith", "live location shared", "location"),
    msg(D("01:03"), "Ann", "", "contact", "Jane Doe.vcf"),
    msg(D("01:04"), "Luke", ""),
    // NFD spelling, U+00A0 and U+202F inside the text are kept byte for byte
    msg(D("01:05"), "Zoë", "Cafe\u0301 and\u00A0nbsp and narrow\u202Fnbsp"),
    // RLM around a Hebrew name removed
    msg("2017-03-13T09:00:00", "דנה כהן", "שלום"),
  ]);
  assert.deepEqual(summary, {
    messages: 23,
    participants: [
      "Ops - Night Shift",
      "Team:A",
      "Eve 🤓",
      "~ Dicle",
      "+1 555 0100",
      "Ann",
      "Bob Smith",
      "Luke",
      "Zoë",
      "דנה כהן",
    ],
    layout: "android",
    dateOrder: "DMY",
    dateOrderCertainty: "certain",
    clock: "24h",
    language: "en",
    unplacedLines: 0,
    unplacedSamples: [],
  });
});

Deno.test("unplaced.txt: preamble, impossible date and foreign header are kept and counted", async () => {
  const { messages, summary } = await parseFixture("unplaced.txt");
  assert.deepEqual(messages, [
    msg("2021-02-13T10:00:00", null, "Chat export of the book club"),
    msg(
      "2021-02-13T10:00:00",
      "Ann",
      "first\n31/02/2021, 10:01 - Ann: impossible date\n" +
        "[13/02/2021, 10:02:00] Bob: an iOS line pasted into an Android chat",
    ),
    msg("2021-02-13T10:03:00", "Bob", "last"),
  ]);
  assert.equal(summary.unplacedLines, 3);
  assert.deepEqual(summary.unplacedSamples, [
    { line: 1, text: "Chat export of the book club" },
    { line: 4, text: "31/02/2021, 10:01 - Ann: impossible date" },
    { line: 5, text: "[13/02/2021, 10:02:00] Bob: an iOS line pasted into an Android chat" },
  ]);
  assert.deepEqual(summary.participants, ["Ann", "Bob"]);
});

Deno.test("endings.txt: CRLF, LF and lone CR mixed, no final line break", async () => {
  const { messages } = await parseFixture("endings.txt");
  assert.deepEqual(messages, [
    msg("2020-02-01T10:00:00", "Ann", "one\ntwo"),
    msg("2020-02-13T10:01:00", "Bob", "three\nfour\n"),
    msg("2020-02-13T10:02:00", "Ann", "five"),
  ]);
});

Deno.test("the final line break is not part of the last message; an extra one is", () => {
  const line = "13/02/2020, 10:00 - Ann: hi";
  const texts = (s: string) => parseString(s).messages.map((m) => m.text);
  assert.deepEqual(texts(line), ["hi"]);
  assert.deepEqual(texts(line + "\n"), ["hi"]);
  assert.deepEqual(texts(line + "\r\n"), ["hi"]);
  assert.deepEqual(texts(line + "\r"), ["hi"]);
  assert.deepEqual(texts(line + "\n\n"), ["hi\n"]);
  assert.deepEqual(texts(line + "\r\n\r\n"), ["hi\n"]);
});

Deno.test("a BOM and marks before the first header are not content", () => {
  const { messages, summary } = parseString("\uFEFF\u200E13/02/2020, 10:00 - Ann: hi\n");
  assert.deepEqual(messages, [msg("2020-02-13T10:00:00", "Ann", "hi")]);
  assert.equal(summary.unplacedLines, 0);
});

Deno.test("a line that only starts like a header is a continuation, not a message", () => {
  const { messages, summary } = parseString(
    "13/02/2020, 10:00 - Ann: list\n26/09/2022 09:00 dentist\n14/02/2020 lunch\n" +
      "15/02/2020, 10:00 no dash\n2 eggs\n[1/2/23 ok]\n",
  );
  assert.deepEqual(messages, [
    msg(
      "2020-02-13T10:00:00",
      "Ann",
      "list\n26/09/2022 09:00 dentist\n14/02/2020 lunch\n15/02/2020, 10:00 no dash\n2 eggs\n[1/2/23 ok]",
    ),
  ]);
  assert.equal(summary.unplacedLines, 0);
});

Deno.test("an author with ': ' is cut at the first one (the spec's rule)", () => {
  const { messages } = parseString("13/02/2020, 10:00 - Dr: Who: hi\n");
  assert.deepEqual(messages, [msg("2020-02-13T10:00:00", "Dr", "Who: hi")]);
});

Deno.test("a long system notice with ': ' and no quote is still system", () => {
  const text =
    "Messages and calls are end-to-end encrypted. Note: only people in this chat can read them.";
  const { messages } = parseString(`13/02/2020, 10:00 - ${text}\n`);
  assert.deepEqual(messages, [msg("2020-02-13T10:00:00", null, text)]);
});

Deno.test("an unknown system wording with ': ' inside an unclosed quote is still system", () => {
  const { messages } = parseString(
    "13/02/2020, 10:00 - Zed renamed “A: B”\n13/02/2020, 10:01 - Zed: ok\n",
  );
  assert.deepEqual(messages, [
    msg("2020-02-13T10:00:00", null, "Zed renamed “A: B”"),
    msg("2020-02-13T10:01:00", "Zed", "ok"),
  ]);
});

Deno.test("every invisible mark is removed from bodies and system texts through the parser", () => {
  const { messages } = parseString(
    "13/02/2020, 10:00 - \u202A+1 555 0100\u202C joined using this group's invite link\n" +
      "13/02/2020, 10:01 - Ann: call \u202A+1 555 0100\u202C or \u2068Zoë\u2069 \u202Bשלום\u202C\u200F\n" +
      "\u2066x\u2067y\u202Dz\u202E\u200E\n",
  );
  assert.deepEqual(messages, [
    msg("2020-02-13T10:00:00", null, "+1 555 0100 joined using this group's invite link"),
    msg("2020-02-13T10:01:00", "Ann", "call +1 555 0100 or Zoë שלום\nxyz"),
  ]);
});

Deno.test("a header-like line with an impossible time is kept as text and counted like a bad date", () => {
  const { messages, summary } = parseString(
    "13/01/2023, 10:00 - Ann: a\n13/01/2023, 25:00 - Bob: b\n13/01/2023, 10:61 - Bob: c\n" +
      "31/02/2023, 10:00 - Bob: d\n13/01/2023, 10:05 - Bob: e\n",
  );
  assert.deepEqual(messages, [
    msg(
      "2023-01-13T10:00:00",
      "Ann",
      "a\n13/01/2023, 25:00 - Bob: b\n13/01/2023, 10:61 - Bob: c\n31/02/2023, 10:00 - Bob: d",
    ),
    msg("2023-01-13T10:05:00", "Bob", "e"),
  ]);
  assert.equal(summary.unplacedLines, 3);
});

Deno.test("a header-like line with a date no order reads (29/29, month 32) is counted like 31/02", () => {
  const { messages, summary } = parseString(
    "13/01/2023, 10:00 - Ann: a\n29/29/2023, 10:01 - Bob: b\n13/32/2023, 10:02 - Bob: c\n" +
      "13/01/2023, 10:05 - Bob: e\n",
  );
  assert.deepEqual(messages, [
    msg("2023-01-13T10:00:00", "Ann", "a\n29/29/2023, 10:01 - Bob: b\n13/32/2023, 10:02 - Bob: c"),
    msg("2023-01-13T10:05:00", "Bob", "e"),
  ]);
  assert.deepEqual(summary.unplacedSamples, [
    { line: 2, text: "29/29/2023, 10:01 - Bob: b" },
    { line: 3, text: "13/32/2023, 10:02 - Bob: c" },
  ]);
  assert.equal(summary.unplacedLines, 2);
});

Deno.test("a header of another seconds or year shape than the file's is a continuation, counted", () => {
  // The file's shape is voted on its first headers (here 12 of them, one shape).
  const real = Array.from({ length: 12 }, (_, i) => `13/01/2023, 09:${10 + i} - Ann: m${i}\n`);
  const { messages, summary } = parseString(
    real.join("") + "13/01/2023, 10:00 - Ann: notes\n12/01/23, 09:00 - Bob: pasted\n" +
      "13/01/2023, 09:00:12 - server started\n13/01/2023, 10:05 - Bob: e\n",
  );
  assert.equal(messages.length, 14);
  assert.deepEqual(messages.slice(12), [
    msg(
      "2023-01-13T10:00:00",
      "Ann",
      "notes\n12/01/23, 09:00 - Bob: pasted\n13/01/2023, 09:00:12 - server started",
    ),
    msg("2023-01-13T10:05:00", "Bob", "e"),
  ]);
  assert.equal(summary.unplacedLines, 2);
});

Deno.test("a block of pasted headers among the first ones does not set a shape that drops real ones", () => {
  const pasted = Array.from({ length: 6 }, (_, i) => `17/12/2019 10:0${i} - Juan: p${i}\n`);
  const { messages, summary } = parseString(
    "18/12/19 15:57 - Ana: from the other chat:\n" + pasted.join("") +
      "18/12/19 15:58 - Ana: ok\n19/12/19 09:00 - Juan: bye\n",
  );
  // Both shapes are read as headers, as before shapes were voted: nothing is merged away.
  assert.deepEqual(messages.map((m) => m.text), [
    "from the other chat:",
    ...pasted.map((_, i) => `p${i}`),
    "ok",
    "bye",
  ]);
  assert.equal(summary.unplacedLines, 0);
});

Deno.test("an attachment keyword of an unknown language, once seen after a WhatsApp name, is learned", () => {
  const { messages } = parseString(
    "12/01/2023, 09:59 - Иван: Отчёт.pdf (файл прикреплён)\n" +
      "12/01/2023, 10:00 - Иван: IMG-20230112-WA0001.jpg (файл прикреплён)\n" +
      "12/01/2023, 10:01 - Иван: Отчёт за 2023.pdf (файл прикреплён)\nподпись\n" +
      "12/01/2023, 10:02 - Иван: Иван Петров.vcf (файл прикреплён)\n" +
      "12/01/2023, 10:03 - Иван: see the report (файл прикреплён)\n" +
      "12/01/2023, 10:04 - Иван: Report 2.pdf (another thing)\n",
  );
  assert.deepEqual(messages, [
    // before the keyword is known: one word with a document extension (the rule for any keyword)
    msg("2023-01-12T09:59:00", "Иван", "", "media", "Отчёт.pdf"),
    msg("2023-01-12T10:00:00", "Иван", "", "media", "IMG-20230112-WA0001.jpg"),
    msg("2023-01-12T10:01:00", "Иван", "подпись", "media", "Отчёт за 2023.pdf"),
    msg("2023-01-12T10:02:00", "Иван", "", "contact", "Иван Петров.vcf"),
    // a learned keyword still needs a file name with an extension; another keyword is not learned
    msg("2023-01-12T10:03:00", "Иван", "see the report (файл прикреплён)"),
    msg("2023-01-12T10:04:00", "Иван", "Report 2.pdf (another thing)"),
  ]);
});
