/**
 * One export of every kind of media WhatsApp writes, Android and iOS, with small files made in
 * code: a real PNG, JPEG and WebP (made by the browser's canvas, when a page is given), a valid
 * PDF, WAV bytes under voice-note names (Chromium plays them whatever the name), single and
 * multi-contact vCards, HTML and SVG carrying script, and bytes with the right extension where a
 * valid file cannot be made without shipping one (HEIC, MP4, MOV, 3GP, M4A, DOCX…). Some files
 * are referenced but left out of the zip, and the `<Media omitted>` placeholders are there too.
 *
 * @module
 */
import type { Page } from "playwright-core";
import { exportZip } from "./chat_zip.ts";
import { landscapePng } from "./browser.ts";

const enc = (s: string) => new TextEncoder().encode(s);

/** A 1-page PDF with a line of text (valid: xref offsets computed). */
export function tinyPdf(text = "Hello"): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R " +
    "/Resources << /Font << /F1 5 0 R >> >> >>",
    (() => {
      const stream = `BT /F1 18 Tf 20 40 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return enc(out);
}

/** `seconds` of a 440 Hz tone as 8 kHz mono WAV. */
export function toneWav(seconds = 2): Uint8Array {
  const rate = 8000, samples = rate * seconds;
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => out[at + i] = c.charCodeAt(0));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    view.setInt16(44 + i * 2, Math.round(8000 * Math.sin(2 * Math.PI * 440 * i / rate)), true);
  }
  return out;
}

/** A JPEG or WebP drawn by the browser's canvas (real, decodable files). */
export async function canvasImage(
  page: Page,
  type: "image/jpeg" | "image/webp",
  width: number,
  height: number,
): Promise<Uint8Array> {
  const bytes = await page.evaluate(async ({ type, width, height }) => {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#f4b400";
    g.fillRect(0, 0, width, height);
    g.fillStyle = "#0f9d58";
    g.beginPath();
    g.arc(width / 2, height / 2, Math.min(width, height) / 3, 0, 2 * Math.PI);
    g.fill();
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), type, 0.8));
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, { type, width, height });
  return Uint8Array.from(bytes);
}

/** Two contacts in one card file, as WhatsApp exports a multi-contact message. */
export const TWO_CONTACTS = [
  "BEGIN:VCARD",
  "VERSION:3.0",
  "N:Doe;Jane;;;",
  "FN:Jane Doe",
  "item1.TEL;waid=31612345678:+31 6 12345678",
  "item1.X-ABLabel:Mobile",
  "END:VCARD",
  "BEGIN:VCARD",
  "VERSION:3.0",
  "N:Roe;Richard;;;",
  "FN:Richard Roe",
  "TEL;type=CELL;type=VOICE;waid=441234567890:+44 1234 567890",
  "END:VCARD",
  "",
].join("\r\n");

/** One contact's card. */
export const ONE_CONTACT =
  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Peter Pan\r\nTEL;type=CELL:+1 555 0100\r\nEND:VCARD\r\n";

/** The Android export's files, by the name the chat references. */
export const ANDROID = {
  jpeg: "IMG-20240101-WA0001.jpg",
  png: "IMG-20240101-WA0002.png",
  heic: "IMG-20240101-WA0003.heic",
  sticker: "STK-20240101-WA0004.webp",
  animatedSticker: "STK-20240101-WA0005.webp",
  gif: "VID-20240101-WA0006.mp4",
  video: "VID-20240101-WA0007.mp4",
  mov: "VID-20240101-WA0008.mov",
  threeGp: "VID-20240101-WA0009.3gp",
  voice: "PTT-20240101-WA0010.opus",
  mp3: "AUD-20240101-WA0011.mp3",
  m4a: "AUD-20240101-WA0012.m4a",
  aac: "AUD-20240101-WA0013.aac",
  pdf: "Q1 Budget Review.pdf",
  docx: "Minutes (final).docx",
  xlsx: "Ledger 2024.xlsx",
  zip: "photos.zip",
  noExt: "README",
  vcf: "Peter Pan.vcf",
  vcfMany: "2 contacts.vcf",
  html: "page.html",
  svg: "drawing.svg",
  odd: "Ünïcödé #1 ?.pdf",
  missing: "IMG-20240101-WA0099.jpg",
  broken: "IMG-20240101-WA0098.jpg",
} as const;

/** The iOS export's files (numbered as iOS numbers them). */
export const IOS = {
  photo: "00000001-PHOTO-2024-01-01-09-00-00.jpg",
  heic: "00000002-PHOTO-2024-01-01-09-01-00.heic",
  sticker: "00000003-STICKER-2024-01-01-09-02-00.webp",
  gif: "00000004-GIF-2024-01-01-09-03-00.mp4",
  video: "00000005-VIDEO-2024-01-01-09-04-00.mp4",
  voice: "00000006-AUDIO-2024-01-01-09-05-00.opus",
  voiceM4a: "00000007-AUDIO-2024-01-01-09-06-00.m4a",
  pdf: "00000008-Contract draft.pdf",
  vcf: "00000009-Peter Pan.vcf",
  missing: "00000010-PHOTO-2024-01-01-09-09-00.jpg",
} as const;

/** The files' bytes (made in the browser where a page is given). */
export async function mediaBytes(page?: Page) {
  const jpeg = page ? await canvasImage(page, "image/jpeg", 64, 48) : await landscapePng(64, 48);
  const webp = page ? await canvasImage(page, "image/webp", 96, 96) : await landscapePng(96, 96);
  return { jpeg, webp, png: await landscapePng(120, 80), pdf: tinyPdf(), wav: toneWav() };
}

/** Bytes that are no valid file of their type (named by extension only). */
const junk = (label: string) => enc(`not really a ${label} file`);

/** The Android export, "with media": one of each, captions, a missing and a broken file. */
export async function androidMediaZip(page?: Page): Promise<Uint8Array<ArrayBuffer>> {
  const b = await mediaBytes(page);
  const A = ANDROID;
  const files: [string, Uint8Array][] = [
    [A.jpeg, b.jpeg],
    [A.png, b.png],
    [A.heic, junk("HEIC")],
    [A.sticker, b.webp],
    [A.animatedSticker, enc("RIFF\x1a\0\0\0WEBPVP8X\x0a\0\0\0\x12\0\0\0\0\0\0\0\0\0ANIM")],
    [A.gif, junk("MP4")],
    [A.video, junk("MP4")],
    [A.mov, junk("MOV")],
    [A.threeGp, junk("3GP")],
    [A.voice, b.wav],
    [A.mp3, b.wav],
    [A.m4a, junk("M4A")],
    [A.aac, junk("AAC")],
    [A.pdf, b.pdf],
    [A.docx, junk("DOCX")],
    [A.xlsx, junk("XLSX")],
    [A.zip, junk("ZIP")],
    [A.noExt, enc("plain words\n")],
    [A.vcf, enc(ONE_CONTACT)],
    [A.vcfMany, enc(TWO_CONTACTS)],
    [A.html, enc("<!doctype html><script>parent.pwned = 1; document.title='pwned'</script>")],
    [
      A.svg,
      enc(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title="pwned"</script></svg>',
      ),
    ],
    [A.odd, b.pdf],
    [A.broken, junk("JPEG")],
  ];
  const att = (name: string) => `${name} (file attached)`;
  const lines = [
    "01/01/2024, 09:00 - Ann: Here comes everything",
    `01/01/2024, 09:01 - Bob: ${att(A.jpeg)}\nThe view from the window`,
    `01/01/2024, 09:02 - Ann: ${att(A.png)}`,
    `01/01/2024, 09:03 - Bob: ${att(A.heic)}\nAn iPhone photo`,
    `01/01/2024, 09:04 - Ann: ${att(A.sticker)}`,
    `01/01/2024, 09:05 - Ann: ${att(A.animatedSticker)}`,
    `01/01/2024, 09:06 - Bob: ${att(A.gif)}`,
    `01/01/2024, 09:07 - Bob: ${att(A.video)}\nLook at this`,
    `01/01/2024, 09:08 - Ann: ${att(A.mov)}`,
    `01/01/2024, 09:09 - Ann: ${att(A.threeGp)}`,
    `01/01/2024, 09:10 - Bob: ${att(A.voice)}`,
    `01/01/2024, 09:11 - Ann: ${att(A.mp3)}`,
    `01/01/2024, 09:12 - Ann: ${att(A.m4a)}`,
    `01/01/2024, 09:13 - Ann: ${att(A.aac)}`,
    `01/01/2024, 09:14 - Bob: ${att(A.pdf)}\nFigures for Q1`,
    `01/01/2024, 09:15 - Bob: ${att(A.docx)}`,
    `01/01/2024, 09:16 - Bob: ${att(A.xlsx)}`,
    `01/01/2024, 09:17 - Bob: ${att(A.zip)}`,
    `01/01/2024, 09:18 - Bob: ${att(A.noExt)}`,
    `01/01/2024, 09:19 - Ann: ${att(A.vcf)}`,
    `01/01/2024, 09:20 - Ann: ${att(A.vcfMany)}`,
    `01/01/2024, 09:21 - Bob: ${att(A.html)}`,
    `01/01/2024, 09:22 - Bob: ${att(A.svg)}`,
    `01/01/2024, 09:23 - Ann: ${att(A.odd)}`,
    `01/01/2024, 09:24 - Ann: ${att(A.missing)}\nThis one is not in the zip`,
    `01/01/2024, 09:25 - Bob: ${att(A.broken)}`,
    "01/01/2024, 09:26 - Ann: <Media omitted>",
    "01/01/2024, 09:27 - Bob: See you",
  ];
  return exportZip("WhatsApp Chat with Bob.txt", lines, files);
}

/** The iOS export: `_chat.txt` with CRLF and LRMs, `<attached: …>` tags and omitted lines. */
export async function iosMediaZip(page?: Page): Promise<Uint8Array<ArrayBuffer>> {
  const b = await mediaBytes(page);
  const I = IOS, L = "\u200e";
  const files: [string, Uint8Array][] = [
    [I.photo, b.jpeg],
    [I.heic, junk("HEIC")],
    [I.sticker, b.webp],
    [I.gif, junk("MP4")],
    [I.video, junk("MP4")],
    [I.voice, b.wav],
    [I.voiceM4a, b.wav],
    [I.pdf, b.pdf],
    [I.vcf, enc(ONE_CONTACT)],
  ];
  const at = (t: string, who: string, name: string) =>
    `${L}[01/01/2024, ${t}] ${who}: ${L}<attached: ${name}>`;
  const lines = [
    "[01/01/2024, 08:59:00] Bob: \u200eMessages and calls are end-to-end encrypted.",
    at("09:00:00", "Ann", I.photo),
    "[01/01/2024, 09:00:00] Ann: A caption on its own line",
    at("09:01:00", "Bob", I.heic),
    at("09:02:00", "Ann", I.sticker),
    at("09:03:00", "Bob", I.gif),
    at("09:04:00", "Bob", I.video),
    at("09:05:00", "Ann", I.voice),
    at("09:06:00", "Ann", I.voiceM4a),
    `${L}[01/01/2024, 09:07:00] Bob: Contract draft.pdf • ${L}2 pages ${L}<attached: ${I.pdf}>`,
    at("09:08:00", "Ann", I.vcf),
    at("09:09:00", "Bob", I.missing),
    `[01/01/2024, 09:10:00] Ann: ${L}image omitted`,
    `[01/01/2024, 09:11:00] Ann: ${L}video omitted`,
    `[01/01/2024, 09:12:00] Ann: ${L}audio omitted`,
    `[01/01/2024, 09:13:00] Ann: ${L}sticker omitted`,
    `[01/01/2024, 09:14:00] Ann: ${L}GIF omitted`,
    `[01/01/2024, 09:15:00] Ann: Plan.pdf • ${L}3 pages ${L}document omitted`,
    `[01/01/2024, 09:16:00] Ann: ${L}Contact card omitted`,
    "[01/01/2024, 09:17:00] Bob: Bye",
  ];
  return exportZip("_chat.txt", lines, files, "\r\n");
}
