import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { pdfFontkit } from "./fontkit.ts";
import { renderPdf } from "./pdf.ts";
import { embedFonts } from "./pdf_fonts.ts";
import type { ExportMessage } from "./source.ts";

function message(ref: number, author: string, text: string): ExportMessage {
  const date = `2024-01-02T09:${String(ref).padStart(2, "0")}:00`;
  return {
    seq: ref,
    ref,
    at: `${date}Z`,
    date,
    author,
    text,
    kind: "text",
    attachment: null,
    edited: false,
  };
}

/** Each embedded font's BaseFont and its decoded ToUnicode CMap. */
async function fontsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const doc = await PDFDocument.load(bytes);
  const fonts = new Map<string, string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of("Type")) !== PDFName.of("Font")) continue;
    const cmap = obj.lookup(PDFName.of("ToUnicode"));
    if (!(cmap instanceof PDFRawStream)) continue;
    const raw = cmap.getContents();
    const text = new TextDecoder("latin1").decode(
      cmap.dict.get(PDFName.of("Filter")) ? inflateSync(raw) : raw,
    );
    fonts.set(String(obj.get(PDFName.of("BaseFont"))), text.toLowerCase());
  }
  return fonts;
}

Deno.test("embedFonts: emoji runs get the emoji font, text runs DejaVu", async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfFontkit as never);
  const fonts = await embedFonts(doc);
  const line = await fonts.prepare("ok 👍🏽 שלום \u263A 你");
  assert.equal(line, "ok 👍🏽 שלום \u263A □", "☺ stays in DejaVu, CJK is boxed");
  const spans = fonts.spans(line, fonts.regular).map((
    s,
  ) => [line.slice(s.start, s.end), s.font.name]);
  assert.equal(spans.length, 3);
  assert.deepEqual(spans.map(([text]) => text), ["ok ", "👍🏽", " שלום \u263A □"]);
  assert.match(spans[1][1], /NotoEmoji/);
  assert.match(spans[0][1], /DejaVuSans/);
  const width = fonts.measure(fonts.regular, 10);
  assert.ok(width("👍🏽") > 5 && width("\u200F") === 0);
});

Deno.test("renderPdf: emoji drawn in Noto Emoji (no □ for 👍), mixed RTL lines", async () => {
  async function* pages() {
    yield [
      message(1, "Ann", "plain 👍"),
      message(2, "דנה", "Hello שלום 123 world"),
      message(3, "Eve 🤓", "שלום Hello 123! 👨‍👩‍👧‍👦 🇪🇸"),
    ];
  }
  const bytes = await renderPdf({ title: "Emoji", participants: ["Ann"], sources: [] }, pages());
  const fonts = await fontsOf(bytes);
  const names = [...fonts.keys()];
  const emoji = names.filter((n) => n.includes("NotoEmoji"));
  assert.ok(emoji.length > 0, `an emoji font is embedded (fonts: ${names.join(", ")})`);
  assert.ok(emoji.some((n) => fonts.get(n)!.includes("d83ddc4d")), "👍 drawn by Noto Emoji");
  for (const [name, cmap] of fonts) assert.ok(!cmap.includes("<25a1>"), `no □ drawn in ${name}`);
});
