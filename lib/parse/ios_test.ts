// The feature-rich iOS fixture: chat-name/actor system lines, media, documents, deleted, edited.
import assert from "node:assert/strict";
import { parseString } from "./parser.ts";
import { msg, parseFixture } from "./testdata/helpers.ts";

const T = (hms: string) => `2025-11-13T${hms}`;

Deno.test("ios_en.txt: every message exactly", async () => {
  const { messages, summary } = await parseFixture("ios_en.txt");
  assert.deepEqual(messages, [
    // chat-name-attributed events (U+200E starts the body): system, no author
    msg(
      T("12:25:55"),
      null,
      "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, " +
        "can read or listen to them.",
    ),
    msg(T("12:25:55"), null, "Ann created group “Book club”"),
    msg(T("12:26:01"), null, "Ann added Bob"),
    msg(T("12:26:30"), "Ann", "Hello everyone"),
    msg(T("12:27:00"), "Ann", "image omitted", "media"),
    msg(T("12:27:05"), "Bob", "", "media", "00000012-PHOTO-2025-11-13-12-27-05.jpg"),
    msg(T("12:27:05"), "Bob", "Sunset from the office"),
    // a document: title and page count are the text outside the tag
    msg(
      T("12:28:00"),
      "Ann",
      "Q1 Budget Review.pdf • 3 pages",
      "media",
      "00000013-Q1 Budget Review (final).v2.pdf",
    ),
    msg(T("12:28:30"), "Bob", "Plan 2024.xlsx • 2 pages document omitted", "media"),
    msg(T("12:29:00"), "Ann", "Contact card omitted", "contact"),
    msg(T("12:29:10"), "Bob", "", "contact", "00000014-Jane Doe.vcf"),
    msg(T("12:30:00"), "Ann", "This message was deleted.", "deleted"),
    msg(T("12:30:10"), "Bob", "You deleted this message.", "deleted"),
    msg(T("12:31:00"), "Ann", "First line\nsecond line", "text", null, true),
    msg(T("12:32:00"), "Bob", "Location: https://maps.google.com/?q=40.4168,-3.7038", "location"),
    msg(T("12:33:00"), null, "Missed voice call"),
    // the chat name itself contains ": "
    msg(T("12:34:00"), null, "Bob changed the subject to “Book club: 2024”"),
    // attributed to the actor, without U+200E
    msg(T("12:35:00"), null, "Bob changed the group name to “Readers”"),
    msg(
      T("12:36:00"),
      "Ann",
      "POLL:\nBest day?\nOPTION: Monday (1 vote)\nOPTION: Friday (2 votes)",
      "poll",
    ),
    // older iOS: no author part at all
    msg(T("12:37:00"), null, "+12 345 67 89 00 changed the subject to “Group Name”"),
    msg("2025-11-14T00:00:00", "Ann", "midnight"),
  ]);
  assert.deepEqual(summary, {
    messages: 21,
    participants: ["Ann", "Bob"],
    layout: "ios",
    dateOrder: "DMY",
    dateOrderCertainty: "certain",
    clock: "12h",
    language: "en",
    unplacedLines: 0,
    unplacedSamples: [],
  });
});

Deno.test("iOS: LRM and RLM before '[' and a U+202A/U+202C phone author", () => {
  const { messages } = parseString(
    "\u200E[13/11/2025, 09:00:00] \u202A+1 555 0100\u202C: \u200E<attached: 00000001-AUDIO-2025-11-13-09-00-00.opus>\r\n" +
      "\u200F[13/11/2025, 09:01:00] \u200Fדנה\u200F: שלום\r\n",
  );
  assert.deepEqual(messages, [
    msg(
      "2025-11-13T09:00:00",
      "+1 555 0100",
      "",
      "media",
      "00000001-AUDIO-2025-11-13-09-00-00.opus",
    ),
    msg("2025-11-13T09:01:00", "דנה", "שלום"),
  ]);
});

Deno.test("iOS: a user message that only mentions an event is text", () => {
  const { messages } = parseString(
    "[13/11/2025, 09:00:00] Ann: Bob added me to a new group\r\n" +
      "[13/11/2025, 09:01:00] Bob: I left the keys at home\r\n",
  );
  assert.deepEqual(messages, [
    msg("2025-11-13T09:00:00", "Ann", "Bob added me to a new group"),
    msg("2025-11-13T09:01:00", "Bob", "I left the keys at home"),
  ]);
});

Deno.test("a leading U+200E is skipped without a rewrite; other marks in the body still go", () => {
  const L = "\u200E";
  const text = [
    `[13/11/2025, 12:00:00] Ann: ${L}image omitted`,
    `[13/11/2025, 12:00:01] Ann: ${L}Plan.xlsx • 2 pages ${L}document omitted`,
    `[13/11/2025, 12:00:02] Book club: ${L}Bob ${L}added \u202A+1 555\u202C`,
    `[13/11/2025, 12:00:03] Ann: ${L}GIF omitted`,
    `[13/11/2025, 12:00:04] Ann: plain ${L}`,
    `[13/11/2025, 12:00:05] Ann: ${L}`,
  ].join("\r\n") + "\r\n";
  const T2 = (s: string) => `2025-11-13T12:00:0${s}`;
  assert.deepEqual(parseString(text).messages, [
    msg(T2("0"), "Ann", "image omitted", "media"),
    msg(T2("1"), "Ann", "Plan.xlsx • 2 pages document omitted", "media"),
    msg(T2("2"), null, "Bob added +1 555"),
    msg(T2("3"), "Ann", "GIF omitted", "media"),
    msg(T2("4"), "Ann", "plain "),
    msg(T2("5"), null, ""),
  ]);
});

Deno.test("iOS: a user's text ending with ': ' before a tag keeps its author (not a chat name)", () => {
  const L = "\u200E";
  const { messages } = parseString(
    `[13/01/2023, 10:00:00] Ann: Here is the plan: ${L}<This message was edited>\r\n` +
      `[13/01/2023, 10:01:00] Ann: Menu: ${L}<attached: 00000002-Menu.pdf>\r\n` +
      `[13/01/2023, 10:02:00] Club: Reading: ${L}Ann added Bob\r\n` +
      `[13/01/2023, 10:03:00] \u061CDana\u061C: hi\r\n`,
  );
  assert.deepEqual(messages, [
    msg("2023-01-13T10:00:00", "Ann", "Here is the plan:", "text", null, true),
    msg("2023-01-13T10:01:00", "Ann", "Menu:", "media", "00000002-Menu.pdf"),
    msg("2023-01-13T10:02:00", null, "Ann added Bob", "system"),
    msg("2023-01-13T10:03:00", "Dana", "hi"),
  ]);
});

Deno.test("iOS: a system line with ': ' after its marked actor loses every mark", () => {
  const { messages } = parseString(
    "[31/12/2022 19:29:20] \u202A+12 345 67 89 00\u202C changed the subject to “Group: Name”\r\n" +
      "[31/12/2022 19:29:30] \u200EAnn changed the subject to “Club: 2024”\r\n" +
      "[31/12/2022 19:30:20] Ann: hi\r\n",
  );
  assert.deepEqual(messages, [
    msg("2022-12-31T19:29:20", null, "+12 345 67 89 00 changed the subject to “Group: Name”"),
    msg("2022-12-31T19:29:30", null, "Ann changed the subject to “Club: 2024”"),
    msg("2022-12-31T19:30:20", "Ann", "hi"),
  ]);
});

Deno.test("iOS: a bracketed line without the file's seconds is a continuation", () => {
  const real = Array.from({ length: 12 }, (_, i) => `[11/01/2023, 09:${10 + i}:00] Bob: m${i}\r\n`);
  const { messages, summary } = parseString(
    real.join("") + "[12/01/2023, 10:00:00] Ann: Reminders:\r\n[13/01/2023, 09:00] Dentist\r\n" +
      "[14/01/2023, 14:30] Review: bring docs\r\n[12/01/2023, 10:01:00] Bob: ok\r\n",
  );
  assert.equal(messages.length, 14);
  assert.deepEqual(messages.slice(12), [
    msg(
      "2023-01-12T10:00:00",
      "Ann",
      "Reminders:\n[13/01/2023, 09:00] Dentist\n[14/01/2023, 14:30] Review: bring docs",
    ),
    msg("2023-01-12T10:01:00", "Bob", "ok"),
  ]);
  assert.equal(summary.unplacedLines, 2);
});

Deno.test("iOS: five pasted headers without seconds at the start leave every real message whole", () => {
  const pasted = ["a", "b", "c", "d", "e"].map((t, i) => `[12/01/2023, 18:0${i}] Bob: ${t}\n`);
  const { messages } = parseString(
    "[13/01/2023, 09:00:00] Ann: from the other chat:\n" + pasted.join("") +
      "[13/01/2023, 09:05:30] Carla: thanks\n[14/01/2023, 10:00:00] Ann: bye\n",
  );
  assert.deepEqual(messages.map((m) => [m.author, m.text]), [
    ["Ann", "from the other chat:"],
    ...["a", "b", "c", "d", "e"].map((t) => ["Bob", t]),
    ["Carla", "thanks"],
    ["Ann", "bye"],
  ]);
});

Deno.test("iOS: an unlisted English placeholder after U+200E is media from its sender; events stay system", () => {
  const L = "\u200E";
  const { messages } = parseString(
    `[13/11/2025, 12:00:00] Ann: ${L}View once photo omitted\n` +
      `[13/11/2025, 12:00:01] Book club: ${L}Ann added Bob\n` +
      `[13/11/2025, 12:00:02] Ann: ${L}This sentence is far too long to be a placeholder, omitted\n`,
  );
  assert.deepEqual(messages.map((m) => [m.author, m.kind, m.text]), [
    ["Ann", "media", "View once photo omitted"],
    [null, "system", "Ann added Bob"],
    [null, "system", "This sentence is far too long to be a placeholder, omitted"],
  ]);
});

Deno.test("iOS: an attachment named with <…> and an emptied edited text keep their author", () => {
  const L = "\u200E";
  const { messages, summary } = parseString(
    `[12/03/2024, 10:00:01] Book club: ${L}Ann changed the subject to “Plans <2024>”\n` +
      `[12/03/2024, 10:00:02] Ann: ${L}<attached: 00000012-Report <final>.pdf>\n` +
      `[12/03/2024, 10:00:03] Bob: ${L}<This message was edited>\n` +
      `[12/03/2024, 10:00:04] Book club: ${L}Ann added <Bob>\n` +
      `[12/03/2024, 10:00:05] Book club: ${L}Missed voice call\n`,
  );
  const T = (s: string) => `2024-03-12T10:00:0${s}`;
  assert.deepEqual(messages, [
    msg(T("1"), null, "Ann changed the subject to “Plans <2024>”"),
    msg(T("2"), "Ann", "", "media", "00000012-Report <final>.pdf"),
    msg(T("3"), "Bob", "", "text", null, true),
    msg(T("4"), null, "Ann added <Bob>"),
    msg(T("5"), null, "Missed voice call"),
  ]);
  assert.deepEqual(summary.participants, ["Ann", "Bob"]);
});
