import assert from "node:assert/strict";
import { PENDING_CAP } from "./dates.ts";
import { parseString } from "./parser.ts";
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

Deno.test("date order: a header back in time that the settled order allows is kept (exports joined)", async () => {
  // June 1–10 (days ≤ 12: either order), then a second export pasted after it from 14 March:
  // day-first only, and back in time. Held, those headers do not settle the file; they are kept
  // once it settles (here by chronology over the other headers: the held ones are left out).
  const june = chat(Date.UTC(2024, 5, 1), 10, dmy);
  const march = chat(Date.UTC(2024, 2, 14), 4, dmy).map((l) => l.replace("Ann", "Carl"));
  const { messages, summary } = await parseText([...june, ...march].join(""));
  assert.equal(messages.length, 14);
  assert.deepEqual(messages.slice(9, 11).map((m) => [m.date, m.author, m.text]), [
    ["2024-06-10T10:00:00", "Ann", "m9"],
    ["2024-03-14T10:00:00", "Carl", "m0"],
  ]);
  assert.deepEqual([summary.dateOrder, summary.dateOrderCertainty], ["DMY", "inferred"]);
  assert.deepEqual([summary.unplacedLines, summary.participants], [0, ["Ann", "Carl"]]);
  // A later header that settles the order (13 June: day-first only, after the last accepted
  // header, 10 June) keeps them too.
  const settled = await parseText([...june, ...march, "13/06/2024, 10:00 - Ann: x\n"].join(""));
  assert.deepEqual([settled.messages.length, settled.summary.dateOrderCertainty], [15, "certain"]);
  assert.equal(settled.messages[10].date, "2024-03-14T10:00:00");
});

Deno.test("date order: a held header demoted goes back into the message before it, as text", async () => {
  // Day-first Feb 2024; after an attachment, two pasted month-first headers of 2023 (the
  // second with a line of its own), by people who never write otherwise.
  const lines = chat(Date.UTC(2024, 1, 1), 20, dmy);
  lines[3] = "04/02/2024, 10:00 - Ann: IMG-1.jpg (file attached)\n";
  const pasted = "01/25/2023, 10:00 - Zed: hi\n01/26/2023, 11:00 - Yan: ho\nand more\n";
  const { messages, summary } = await parseText(lines.join("").replace("m4\n", `m4\n${pasted}`));
  // Exactly what the file gives with the pasted lines as plain continuation lines.
  const plain = await parseText(
    lines.join("").replace("m4\n", `m4\n${pasted.replaceAll(/^0/gm, "· 0")}`),
  );
  assert.deepEqual(
    messages.map((m) => ({ ...m, text: m.text.replaceAll("\n01/", "\n· 01/") })),
    plain.messages,
  );
  assert.equal(messages.length, 20);
  assert.deepEqual(messages[4], {
    date: "2024-02-05T10:00:00",
    author: "Ann",
    text: "m4\n01/25/2023, 10:00 - Zed: hi\n01/26/2023, 11:00 - Yan: ho\nand more",
    kind: "text",
    attachment: null,
    edited: false,
  });
  assert.deepEqual(summary.participants, ["Ann"]);
  assert.equal(summary.messages, 20);
  assert.equal(summary.unplacedLines, 2);
  assert.deepEqual(summary.unplacedSamples.map((s) => s.line), [6, 7]);
  const crlf = await parseText(
    lines.join("").replace("m4\n", `m4\n${pasted}`).replaceAll("\n", "\r\n"),
  );
  assert.deepEqual(crlf.messages, messages);
  // Into an attachment: the message is rebuilt, so the line becomes its caption.
  const media = await parseText(
    lines.join("").replace("IMG-1.jpg (file attached)\n", `$&${pasted}`),
  );
  assert.deepEqual(
    [media.messages[3].attachment, media.messages[3].kind, media.messages[3].text],
    ["IMG-1.jpg", "media", "01/25/2023, 10:00 - Zed: hi\n01/26/2023, 11:00 - Yan: ho\nand more"],
  );
});

Deno.test("date order: a held header right after the held-back cap still goes back as text", () => {
  // PENDING_CAP messages of one ambiguous day, the last followed by a pasted month-first header:
  // the cap must not settle the order between them (nothing would be left to demote it into).
  const same = "01/02/2024, 10:00 - Ann: a\n".repeat(PENDING_CAP);
  const text = same + "01/25/2023, 09:00 - Zed: pasted\n13/02/2024, 10:00 - Ann: b\n";
  const { messages, summary } = parseString(text);
  assert.equal(messages.length, PENDING_CAP + 1);
  assert.equal(messages[PENDING_CAP - 1].text, "a\n01/25/2023, 09:00 - Zed: pasted");
  assert.deepEqual([summary.dateOrder, summary.unplacedLines], ["DMY", 1]);
});
