import { exportZip } from "./chat_zip.ts";
import { landscapePng } from "./browser.ts";

/** The files of {@link kindsZip}, by kind. */
export const KIND_FILES = {
  photo: "IMG-20240503-WA0001.jpg",
  sticker: "STK-20240503-WA0002.webp",
  video: "VID-20240503-WA0003.mp4",
  gif: "VID-20240503-WA0004.gif.mp4",
  voice: "PTT-20240503-WA0005.opus",
  audio: "AUD-20240503-WA0006.mp3",
  document: "Trip plan.pdf",
  contact: "Dan Smith.vcf",
  missing: "IMG-20240503-WA0009.jpg",
};

/**
 * An Android export between Ann and Bob with every kind of message the reader draws: a system
 * line, text with formatting and a link, a photo, a sticker, a video, a GIF, a voice note, an
 * audio file, a document, a contact card, a photo missing from the zip, an omitted medium, a
 * deleted message, an edited one, a poll and a location (the files hold a few bytes each, the
 * photo a real PNG).
 */
export async function kindsZip(): Promise<Uint8Array<ArrayBuffer>> {
  const f = KIND_FILES;
  const lines = [
    "03/05/2024, 14:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
    "03/05/2024, 14:01 - Ann: Hello *Bob*, see https://example.com",
    `03/05/2024, 14:02 - Ann: ${f.photo} (file attached)\nThe view`,
    `03/05/2024, 14:03 - Bob: ${f.sticker} (file attached)`,
    `03/05/2024, 14:04 - Bob: ${f.video} (file attached)`,
    `03/05/2024, 14:05 - Ann: ${f.gif} (file attached)`,
    `03/05/2024, 14:06 - Bob: ${f.voice} (file attached)`,
    `03/05/2024, 14:07 - Ann: ${f.audio} (file attached)`,
    `03/05/2024, 14:08 - Bob: ${f.document} (file attached)`,
    `03/05/2024, 14:09 - Ann: ${f.contact} (file attached)`,
    `03/05/2024, 14:10 - Bob: ${f.missing} (file attached)`,
    "03/05/2024, 14:11 - Ann: <Media omitted>",
    "03/05/2024, 14:12 - Bob: This message was deleted",
    "03/05/2024, 14:13 - Ann: Fixed the typo <This message was edited>",
    "03/05/2024, 14:14 - Bob: POLL:\nWhere to?\nOPTION: Beach (1 vote)\nOPTION: Hills (0 votes)",
    "03/05/2024, 14:15 - Ann: location: https://maps.google.com/?q=51.5,-0.1",
    "03/05/2024, 14:16 - Ann changed the group description",
    "04/05/2024, 09:00 - Bob: Good morning",
  ];
  return exportZip("WhatsApp Chat with Bob.txt", lines, [
    [f.photo, await landscapePng(160, 100)],
    ...[f.sticker, f.video, f.gif, f.voice, f.audio].map((name): [string, Uint8Array] => [
      name,
      new Uint8Array(64),
    ]),
    [f.document, "%PDF-1.4\n%%EOF\n"],
    [f.contact, "BEGIN:VCARD\nVERSION:3.0\nFN:Dan Smith\nTEL:+44 20 7946 0000\nEND:VCARD\n"],
  ]);
}
