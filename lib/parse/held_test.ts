import assert from "node:assert/strict";
import { ChatParser } from "./core.ts";
import { DateBook, HELD, PENDING_CAP, type Raw } from "./dates.ts";
import { LineBlocks } from "./lines.ts";
import type { Message } from "./types.ts";
import { parseText } from "./testdata/helpers.ts";

/**
 * Parses `text` inferring the date order and again with the order it inferred forced (where the
 * pasted headers are plain continuation lines at once): both must give the same messages and
 * summary (but the certainty).
 */
async function asIfPlain(text: string) {
  const held = await parseText(text);
  const plain = await parseText(text, { dateOrder: held.summary.dateOrder });
  assert.deepEqual(held.messages, plain.messages);
  assert.deepEqual(
    { ...held.summary, dateOrderCertainty: "" },
    { ...plain.summary, dateOrderCertainty: "" },
  );
  return held;
}
const lines = (...l: string[]) => l.join("\n") + "\n";

Deno.test("held: a demoted author who writes later takes their place from that message", async () => {
  const r = await asIfPlain(lines(
    "01/01/2024, 10:00 - Ann: a",
    "02/01/2024, 10:00 - Ann: b",
    "01/25/2023, 10:00 - Zed: pasted",
    "03/01/2024, 10:00 - Bob: c",
    "04/01/2024, 10:00 - Zed: real",
    "13/01/2024, 10:00 - Ann: settles it day-first",
  ));
  assert.deepEqual(r.summary.participants, ["Ann", "Bob", "Zed"]);
});

Deno.test("held: a demoted author too long to be cached is no participant", async () => {
  const r = await asIfPlain(lines(
    "01/01/2024, 10:00 - Ann: a",
    `01/25/2023, 10:00 - ${"L".repeat(130)}: pasted`,
    "13/01/2024, 10:00 - Ann: b",
  ));
  assert.deepEqual(r.summary.participants, ["Ann"]);
});

Deno.test("held: the language votes of a demoted header and of the message rebuilt are taken back", async () => {
  const r = await asIfPlain(lines(
    "01/01/2024, 10:00 - Ann: <Multimedia omitido>",
    "02/01/2024, 10:00 - Ann: <Multimedia omitido>",
    "03/01/2024, 10:00 - Bob: <Media omitted>",
    "01/25/2023, 10:00 - Zed: <Media omitted>",
    "13/01/2024, 10:00 - Ann: ok",
  ));
  assert.equal(r.summary.language, "es");
});

Deno.test("held: the message before a demoted header is rebuilt as it was built (its count)", async () => {
  // An iOS notice without U+200E is a system line among the first 100 messages only: rebuilt
  // after 120 more, it must stay one.
  const ios = [
    "[01/01/2024, 10:00:00] Group: Messages and calls are end-to-end encrypted.",
    "[01/25/2023, 10:00:00] Zed: pasted",
  ];
  for (let i = 0; i < 120; i++) {
    ios.push(`[02/01/2024, 10:${String(i % 60).padStart(2, "0")}:00] Ann: m`);
  }
  ios.push("[13/01/2024, 10:00:00] Ann: settles it");
  const r = await asIfPlain(ios.join("\r\n") + "\r\n");
  assert.equal(r.messages[0].kind, "system");
  assert.deepEqual(r.summary.participants, ["Ann"]);
});

Deno.test("held: the message before a demoted header is rebuilt with the keywords then learned", async () => {
  // `Report final.pdf (xyzzy)` is an attachment only once `xyzzy` is learned (from the next
  // message): rebuilt at the end, it must stay text.
  const r = await asIfPlain(lines(
    "01/01/2024, 10:00 - Ann: Report final.pdf (xyzzy)",
    "01/25/2023, 10:00 - Zed: pasted",
    "02/01/2024, 10:00 - Ann: IMG-20240102-WA0001.jpg (xyzzy)",
    "13/01/2024, 10:00 - Ann: Report final.pdf (xyzzy)",
  ));
  assert.deepEqual(r.messages.map((m) => m.kind), ["text", "media", "media"]);
});

Deno.test("held: a run of demoted headers rebuilds the message before them once", async () => {
  const calls: number[] = [];
  const book = new DateBook(null, {
    demote: (_base, baseMsg, held) => (calls.push(held.length), baseMsg),
    counted: () => {},
  });
  const out: Message[] = [];
  const nums = new Int32Array([1, 1, 2024, 2, 4, 10, 0, 0]);
  const msg = (): Message => ({
    date: "",
    author: null,
    text: "",
    kind: "system",
    attachment: null,
    edited: false,
  });
  const raw = (head: string): Raw => ({
    author: null,
    slot: -1,
    body: "",
    head,
    line: 0,
    votes: [],
    checked: 0,
    count: 0,
    learned: 0,
  });
  assert.equal(book.check(1, 1, 2024, 2, 4), 1);
  book.emit(msg(), nums, out, -1, raw(""), true);
  for (let i = 0; i < 1000; i++) {
    assert.equal(book.check(1, 25, 2023, 2, 4), HELD);
    book.emit(msg(), new Int32Array([1, 25, 2023, 2, 4, 10, 0, 0]), out, -1, raw("x"), i < 999);
  }
  assert.equal(book.check(13, 1, 2024, 2, 4), 1);
  book.settleIfSingle(out);
  assert.deepEqual([calls, out.length], [[1000], 1]);
  // And end to end: the same as the plain continuation lines.
  const pasted = Array.from({ length: 2000 }, (_, i) => `01/25/2023, 10:00 - Zed: p${i}`);
  const r = await asIfPlain(
    lines("01/01/2024, 10:00 - Ann: a", ...pasted, "13/01/2024, 10:00 - Ann: b"),
  );
  assert.deepEqual([r.messages.length, r.summary.unplacedLines], [2, 2000]);
});

Deno.test("held: messages after held headers still leave at the held-back cap", () => {
  // Each message followed by a pasted header: the cap must still settle the order (bounded
  // memory), between pairs.
  const text = "01/02/2024, 10:00 - Ann: a\n01/25/2023, 09:00 - Zed: pasted\n".repeat(
    PENDING_CAP / 2 + 10,
  );
  const parser = new ChatParser(), blocks = new LineBlocks();
  let early = 0;
  for (let i = 0; i < text.length; i += 1 << 16) {
    for (const b of blocks.push(text.slice(i, i + (1 << 16)))) parser.feed(b);
    early += parser.take().length;
  }
  const last = blocks.end();
  if (last !== null) parser.feed(last);
  parser.end();
  const all = early + parser.take().length;
  assert.ok(early > 0, "nothing came out before the end");
  assert.deepEqual([all, parser.summary().unplacedLines], [
    PENDING_CAP / 2 + 10,
    PENDING_CAP / 2 + 10,
  ]);
});
