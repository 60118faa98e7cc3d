import assert from "node:assert/strict";
import { type Block, LineBlocks, MAX_LINE } from "./lines.ts";
import { ParseError } from "./types.ts";

function run(chunks: string[]): string[] {
  const lines = new LineBlocks();
  const text = (b: Block) => b.text.slice(b.start, b.end);
  const out: string[] = [];
  for (const c of chunks) for (const b of lines.push(c)) out.push(text(b));
  const last = lines.end();
  if (last !== null) out.push(text(last));
  // As the parser reads lines: a CR before the LF belongs to the line break.
  return out.join("").split("\n").slice(0, -1).map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
}

Deno.test("CRLF, LF and lone CR each end one line, also split across chunks", () => {
  const expected = ["a", "b", "c", "", "d"];
  assert.deepEqual(run(["a\r\nb\nc\r\rd"]), expected);
  assert.deepEqual(run(["a\r", "\nb\n", "c\r", "\r", "d"]), expected);
  assert.deepEqual(run([..."a\r\nb\nc\r\rd"]), expected);
});

Deno.test("blocks end with a line break; the final terminator is not an extra line", () => {
  assert.deepEqual(run(["x\n"]), ["x"]);
  assert.deepEqual(run(["x"]), ["x"]);
  assert.deepEqual(run(["x\r"]), ["x"]);
  assert.deepEqual(run(["x\n\n"]), ["x", ""]);
  assert.deepEqual(run([""]), []);
  const lines = new LineBlocks();
  for (const b of lines.push("one\ntw")) assert.equal(b.text.charCodeAt(b.end - 1), 10);
  assert.deepEqual(lines.push("o"), []);
  const [b] = lines.push("\nthree");
  assert.equal(b.text.slice(b.start, b.end), "two\n");
});

Deno.test("a long line across many chunks is joined once", () => {
  const chunks = Array.from({ length: 1000 }, () => "x".repeat(100));
  const out = run([...chunks, "\nend"]);
  assert.deepEqual(out, ["x".repeat(100_000), "end"]);
});

Deno.test("CRLF-only chunks are passed through without a copy; a lone CR is rewritten", () => {
  const crlf = "a\r\nb\r\n";
  const [block] = new LineBlocks().push(crlf);
  assert.equal(block.text, crlf);
  const [mixed] = new LineBlocks().push("a\rb\r\n");
  assert.equal(mixed.text.slice(mixed.start, mixed.end), "a\nb\n");
});

Deno.test("LineBlocks: a line longer than MAX_LINE is refused (memory stays bounded)", () => {
  const lines = new LineBlocks();
  const piece = "x".repeat(1 << 20);
  assert.throws(
    () => {
      for (let i = 0; i <= MAX_LINE / piece.length; i++) lines.push(piece);
    },
    (e: unknown) =>
      e instanceof ParseError && /a line of more than 16,777,216 characters/.test(e.message),
  );
  // A line just under the limit, ended, passes.
  const ok = new LineBlocks();
  ok.push("y".repeat(MAX_LINE - 1));
  assert.equal(ok.push("\n")[0].end, MAX_LINE);
});
