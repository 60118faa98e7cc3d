import assert from "node:assert/strict";
import { previewDateOrder } from "./preview.ts";
import { ParseError } from "../parse/types.ts";

const stream = (text: string) => new Blob([text]).stream();

// Days and months all ≤ 12: both orders are possible. Read day-first it runs 1 Feb → 5 Feb
// → 3 Jan (one step back); month-first it is 2 Jan → 2 May → 1 Mar (one step back, too).
const AMBIGUOUS = [
  "01/02/2024, 10:00 - Ann: first",
  "01/02/2024, 10:05 - Bob: same day",
  "05/02/2024, 09:00 - Ann: later",
  "03/01/2024, 08:00 - Bob: earlier again",
].join("\n") + "\n";

Deno.test("previewDateOrder: counts and lists the dates that change", async () => {
  const p = await previewDateOrder(stream(AMBIGUOUS), stream(AMBIGUOUS), {
    current: "DMY",
    proposed: "MDY",
  });
  assert.equal(p.currentOrder, "DMY");
  assert.equal(p.proposedOrder, "MDY");
  assert.equal(p.messagesBefore, 4);
  assert.equal(p.messagesAfter, 4);
  assert.equal(p.changed, 4);
  assert.deepEqual(p.samples[0], {
    message: 1,
    author: "Ann",
    text: "first",
    before: "2024-02-01T10:00:00",
    after: "2024-01-02T10:00:00",
  });
  assert.deepEqual(p.samples.map((s) => s.after), [
    "2024-01-02T10:00:00",
    "2024-01-02T10:05:00",
    "2024-05-02T09:00:00",
    "2024-03-01T08:00:00",
  ]);
  assert.equal(p.inversionsBefore, 1);
  assert.equal(p.inversionsAfter, 1);
  assert.equal(p.error, null);
});

Deno.test("previewDateOrder: chronology under each order, sample limit, detected order", async () => {
  // Chronological read day-first (10 Jan … 2 Feb); month-first it jumps around.
  const text = [
    "10/01/2020, 09:00 - Ann: a",
    "11/01/2020, 09:00 - Ann: b",
    "12/01/2020, 09:00 - Ann: c",
    "01/02/2020, 09:00 - Ann: d",
    "02/02/2020, 09:00 - Ann: e",
  ].join("\n") + "\n";
  const p = await previewDateOrder(stream(text), stream(text), {
    current: null,
    proposed: "MDY",
    samples: 2,
  });
  assert.equal(p.currentOrder, "DMY", "detected by chronology");
  assert.equal(p.inversionsBefore, 0);
  assert.ok(p.inversionsAfter > 0);
  assert.equal(p.changed, 4, "02/02 reads the same either way");
  assert.equal(p.samples.length, 2);

  // The same order changes nothing.
  const same = await previewDateOrder(stream(text), stream(text), {
    current: null,
    proposed: "DMY",
  });
  assert.equal(same.changed, 0);
  assert.deepEqual(same.samples, []);
});

Deno.test("previewDateOrder: an order that makes dates impossible", async () => {
  // 13/01 is no month-first date: under MDY that header becomes text of the message above.
  const text = "12/01/2024, 10:00 - Ann: a\n13/01/2024, 10:00 - Bob: b\n";
  const p = await previewDateOrder(stream(text), stream(text), {
    current: "DMY",
    proposed: "MDY",
  });
  assert.equal(p.messagesBefore, 2);
  assert.equal(p.messagesAfter, 1);
  assert.equal(p.unplacedAfter, 1);
  // No date reads under YMD at all: reported, not thrown.
  const ymd = await previewDateOrder(stream(text), stream(text), {
    current: "DMY",
    proposed: "YMD",
  });
  assert.match(ymd.error ?? "", /./);
  assert.equal(ymd.messagesAfter, 0);
  await assert.rejects(
    previewDateOrder(stream("not a chat\n"), stream("not a chat\n"), {
      current: null,
      proposed: "MDY",
    }),
    ParseError,
  );
});
