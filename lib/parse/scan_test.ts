// The fused scanner accepts a subset of what the format regex accepts, with the same numbers.
import assert from "node:assert/strict";
import { candidateOf, compileFormat } from "./header.ts";
import { readNumbers } from "./head.ts";
import { createRng } from "./generate.ts";
import { compileScanner } from "./scan.ts";
import { HEADERS } from "./testdata/fixtures.ts";

const NOISE = [
  "",
  " ",
  "\u00A0",
  "\u202F",
  ".",
  ",",
  ":",
  "-",
  "[",
  "]",
  "0",
  "9",
  "a",
  "P",
  "m",
  "\u200E",
  "\n",
];

Deno.test("scanner ⊆ regex, same header end and numbers (fixtures and 20,000 mutants)", () => {
  const random = createRng(42);
  let accepted = 0, scannable = 0;
  for (const text of Object.values(HEADERS)) {
    const lines = text.replaceAll("\r\n", "\n").split("\n").filter((l) => l !== "");
    const format = candidateOf(lines[0])!.format;
    const scanner = compileScanner(format);
    if (scanner === null) continue;
    scannable++;
    const { sticky } = compileFormat(format);
    for (const line of lines) {
      for (let k = 0; k < 600; k++) {
        let s = line;
        if (k > 0) {
          const at = random.int(Math.min(s.length, 40));
          const cut = random.int(3);
          s = s.slice(0, at) + random.pick(NOISE) + s.slice(at + cut);
        }
        s += "\n";
        const out = new Int32Array(12);
        const end: number = scanner(s, 0, out);
        if (end < 0) continue;
        accepted++;
        sticky.lastIndex = 0;
        assert.ok(sticky.test(s), `scanner accepted what the regex refuses: ${JSON.stringify(s)}`);
        assert.equal(end, sticky.lastIndex, JSON.stringify(s));
        const ref = new Int32Array(12);
        readNumbers(s, 0, end, ref);
        assert.deepEqual([...out.slice(0, 8)], [...ref.slice(0, 8)], JSON.stringify(s));
        assert.equal(out[10], ref[10], JSON.stringify(s));
      }
    }
  }
  assert.ok(scannable >= 20, `only ${scannable} formats scannable`);
  assert.ok(accepted > 5000, `only ${accepted} lines accepted`);
});

Deno.test("formats outside the family have no scanner", () => {
  const f = (line: string) => compileScanner(candidateOf(line)!.format);
  assert.equal(f("2023/1/5 下午3:04 - 王伟: 你好"), null);
  assert.equal(f("13. 6. 2018. 21:25:15 a: m"), null);
  assert.equal(f("31.5.2019 klo 16.58 - Matti: moi"), null);
  assert.notEqual(f("06/03/2017, 00:45 - Ann: hi"), null);
  assert.notEqual(f("[1/4/23, 7:02:11\u202FPM] Ann: hi"), null);
});

Deno.test("other calendars: era and BE headers go to the regex; a bare BE year is scanned", () => {
  const out = new Int32Array(12);
  // `R4` stops the scanner at the year's place: -1, the regex reads it (head.ts readNumbers).
  const era = compileScanner(candidateOf("[3/18/R4, 14:56:01] Elon: hi")!.format)!;
  assert.equal(era("[3/18/R4, 14:56:01] Elon: hi\n", 0, out), -1);
  // ` BE, ` is a joiner with letters: no scanner at all.
  assert.equal(compileScanner(candidateOf("[3/18/2565 BE, 14:56:01] Elon: hi")!.format), null);
  // A Thai year without the suffix is an ordinary 4-digit year to the scanner (converted later).
  const thai = compileScanner(candidateOf("29/02/2567, 14:56 - A: x")!.format)!;
  assert.ok(thai("29/02/2567, 14:56 - A: x\n", 0, out) > 0);
  assert.deepEqual([...out.slice(0, 3)], [29, 2, 2567]);
});
