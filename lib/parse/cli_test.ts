import assert from "node:assert/strict";
import { TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { generateExport, type GenerateOptions } from "./generate.ts";

const CLI = new URL("./cli.ts", import.meta.url).pathname;
const FIELDS = ["date", "author", "text", "kind", "attachment", "edited"];

async function runCli(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", CLI, ...args],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code, stdout: dec.decode(stdout), stderr: dec.decode(stderr) };
}

async function withTemp(
  data: string | Uint8Array,
  fn: (path: string) => Promise<void>,
  suffix = ".txt",
): Promise<void> {
  const path = await Deno.makeTempFile({ suffix });
  try {
    if (typeof data === "string") await Deno.writeTextFile(path, data);
    else await Deno.writeFile(path, data);
    await fn(path);
  } finally {
    await Deno.remove(path);
  }
}

async function exportText(o: GenerateOptions): Promise<string> {
  let s = "";
  for await (const chunk of generateExport(o).text()) s += chunk;
  return s;
}

const OPTIONS: GenerateOptions = {
  layout: "android",
  dateOrder: "DMY",
  clock: "24h",
  seed: 5,
  messages: 120,
  gaps: "sparse",
};

Deno.test("cli prints NDJSON with exactly the six fields, and a summary on stderr", async () => {
  const expected = generateExport(OPTIONS).messages();
  await withTemp(await exportText(OPTIONS), async (path) => {
    const { code, stdout, stderr } = await runCli(path);
    assert.equal(code, 0, stderr);
    const lines = stdout.trimEnd().split("\n");
    assert.equal(lines.length, expected.length);
    for (const line of lines) assert.deepEqual(Object.keys(JSON.parse(line)), FIELDS);
    assert.deepEqual(lines.map((l) => JSON.parse(l)), expected);
    assert.match(stderr, /messages:\s+120\b/);
    assert.match(stderr, /participants:\s+20\b/);
    assert.match(stderr, /format:\s+android, DMY \(certain\), 24h/);
    assert.match(stderr, /unplaced lines:\s+0\b/);
    assert.match(stderr, /time:\s+[\d.]+ s/);
  });
});

Deno.test("cli --json prints one array; --count prints only the summary", async () => {
  const expected = generateExport(OPTIONS).messages();
  await withTemp(await exportText(OPTIONS), async (path) => {
    const json = await runCli(path, "--json");
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), expected);
    const count = await runCli("--count", path);
    assert.equal(count.code, 0, count.stderr);
    assert.equal(count.stdout, "");
    assert.match(count.stderr, /messages:\s+120\b/);
  });
});

Deno.test("cli reads a zip export, detected by content whatever its name", async () => {
  const text = await exportText({ ...OPTIONS, layout: "ios" });
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  await writer.add("_chat.txt", new TextReader(text));
  await writer.add("00000001-PHOTO-2021-01-01-10-00-00.jpg", new TextReader("jpeg"));
  await withTemp(await writer.close(), async (path) => {
    const { code, stdout, stderr } = await runCli(path, "--json");
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), generateExport({ ...OPTIONS, layout: "ios" }).messages());
    assert.match(stderr, /zip \(_chat\.txt\)/);
  }, ".txt");
});

Deno.test("cli --date-order overrides the guess for an ambiguous file", async () => {
  const text = "01/02/2023, 10:00 - Ann: hi\n01/02/2023, 10:05 - Bob: hello\n";
  await withTemp(text, async (path) => {
    const mdy = await runCli(path, "--date-order=MDY");
    assert.equal(mdy.code, 0, mdy.stderr);
    assert.equal(JSON.parse(mdy.stdout.split("\n")[0]).date, "2023-01-02T10:00:00");
    const dmy = await runCli(path, "--date-order=dmy");
    assert.equal(JSON.parse(dmy.stdout.split("\n")[0]).date, "2023-02-01T10:00:00");
    const guessed = await runCli(path, "--count");
    assert.match(guessed.stderr, /\(guessed\)/);
  });
});

Deno.test("cli reads a UTF-16 file with its byte-order mark (NUL bytes, yet text)", async () => {
  const text = "13/01/2023, 10:00 - Bob: hi \u00e9\n";
  const le = new Uint8Array(2 + text.length * 2);
  le.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) le[2 + 2 * i] = text.charCodeAt(i);
  await withTemp(le, async (path) => {
    const r = await runCli(path);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      date: "2023-01-13T10:00:00",
      author: "Bob",
      text: "hi \u00e9",
      kind: "text",
      attachment: null,
      edited: false,
    });
  });
});

Deno.test("cli exits 2 with one line on bad input or usage", async () => {
  const expectBad = (r: { code: number; stdout: string; stderr: string }, re: RegExp) => {
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr.trimEnd().split("\n").length, 1, r.stderr);
    assert.match(r.stderr, /^parse: error: /);
    assert.match(r.stderr, re);
  };
  expectBad(await runCli("/nonexistent/chat.txt"), /no such file/);
  expectBad(await runCli(), /usage/);
  expectBad(await runCli("a.txt", "--bogus"), /unknown option/);
  expectBad(await runCli("a.txt", "--date-order=XYZ"), /DMY, MDY or YMD/);
  await withTemp("", async (p) => expectBad(await runCli(p), /empty/));
  await withTemp(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]),
    async (p) => expectBad(await runCli(p), /binary/),
  );
  await withTemp("hello\nthis is not a chat\n", async (p) => expectBad(await runCli(p), /./));
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  await writer.add("photo.jpg", new TextReader("jpeg"));
  await withTemp(await writer.close(), async (p) => expectBad(await runCli(p), /no chat/), ".zip");
});
