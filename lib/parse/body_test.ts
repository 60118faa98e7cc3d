import assert from "node:assert/strict";
import { findAttachment } from "./attachment.ts";
import { BodyContext, buildMessage, isSystemAuthor } from "./body.ts";
import type { Message } from "./types.ts";
import { msg } from "./testdata/helpers.ts";

/** Classifies one body as the parser would (author "Ann"; iOS rules when `ios`). */
function build(body: string, ios = false, author: string | null = "Ann"): Message {
  const ctx = new BodyContext();
  ctx.ios = ios;
  return buildMessage(
    ctx,
    author,
    body,
    0,
    body.length,
    body.includes("\n"),
    /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(body),
  );
}

const LRM = "\u200E";

Deno.test("invisible marks are removed from the text, nothing else is touched", () => {
  assert.deepEqual(
    build(`${LRM}\u202A+1 555\u202C said \u2066hi\u2069  \n\nok \u200D👨‍👩‍👧 e\u0301\u00A0\u202F`),
    msg("", "Ann", "+1 555 said hi  \n\nok \u200D👨‍👩‍👧 e\u0301\u00A0\u202F"),
  );
});

Deno.test("edited marker: with or without a mark before it, also after several lines", () => {
  assert.deepEqual(
    build("hello <This message was edited>"),
    msg("", "Ann", "hello", "text", null, true),
  );
  assert.deepEqual(
    build(`hello ${LRM}<This message was edited>`),
    msg("", "Ann", "hello", "text", null, true),
  );
  assert.deepEqual(
    build("a\nb  <This message was edited>"),
    msg("", "Ann", "a\nb", "text", null, true),
  );
  assert.deepEqual(build("<This message was edited>"), msg("", "Ann", "", "text", null, true));
  assert.deepEqual(
    build("<This message was edited> not at the end"),
    msg("", "Ann", "<This message was edited> not at the end"),
  );
});

Deno.test("deleted notices vs sentences containing the words", () => {
  for (
    const t of [
      "This message was deleted",
      "You deleted this message",
      "This message was deleted.",
      "You deleted this message.",
    ]
  ) {
    assert.deepEqual(build(t), msg("", "Ann", t, "deleted"));
  }
  for (
    const t of [
      "This message was deleted!",
      "this message was deleted by the admin",
      "Why? This message was deleted",
    ]
  ) {
    assert.deepEqual(build(t), msg("", "Ann", t));
  }
});

Deno.test("Android attachments: names with spaces, parentheses, several dots; captions below", () => {
  assert.deepEqual(
    build("Q1 Budget Review (final).v2.pdf (file attached)\nfor Monday\n\nthanks"),
    msg("", "Ann", "for Monday\n\nthanks", "media", "Q1 Budget Review (final).v2.pdf"),
  );
  assert.deepEqual(
    build("4f2680f1db95a8454775cc2eefc95bfc.jpg (Datei angehängt)\nDir auch frohe Ostern."),
    msg(
      "",
      "Ann",
      "Dir auch frohe Ostern.",
      "media",
      "4f2680f1db95a8454775cc2eefc95bfc.jpg",
    ),
  );
  // An unknown language is recognised by the WhatsApp file name shape.
  assert.deepEqual(
    build("STK-20240301-WA0007.webp (fájl csatolva)"),
    msg("", "Ann", "", "media", "STK-20240301-WA0007.webp"),
  );
  assert.deepEqual(
    build("Jane Doe.vcf (file attached)"),
    msg("", "Ann", "", "contact", "Jane Doe.vcf"),
  );
  // Not attachments: a sentence with a parenthesis, a file name with a digit remark.
  assert.deepEqual(
    build("see the report (the new one)"),
    msg("", "Ann", "see the report (the new one)"),
  );
  assert.deepEqual(build("report.pdf (page 2)"), msg("", "Ann", "report.pdf (page 2)"));
  // A known keyword takes the name as written, with or without an extension (`NAME (file
  // attached)` is the contract; a document keeps its original name).
  assert.deepEqual(build("LICENSE (file attached)"), msg("", "Ann", "", "media", "LICENSE"));
  // An unknown keyword needs a media or document extension: numbers, versions, sites stay text.
  assert.deepEqual(build("Umowa.pdf (plik)"), msg("", "Ann", "", "media", "Umowa.pdf"));
  for (const t of ["3.14 (pi)", "v1.2 (beta)", "google.com (the site)", "index.html (fixed)"]) {
    assert.deepEqual(build(t), msg("", "Ann", t), t);
  }
});

Deno.test("iOS: a typed `name.ext (remark)` is text (iOS never writes the Android form)", () => {
  for (const t of ["report.pdf (final)", "Umowa.pdf (plik)", "IMG-20240301-WA0007.jpg (mine)"]) {
    assert.deepEqual(build(t, true), msg("", "Ann", t), t);
    assert.deepEqual(build(`${t}\nsee above`, true), msg("", "Ann", `${t}\nsee above`), t);
  }
  // A listed keyword is still read (tolerance: an iOS export of an unknown version).
  assert.deepEqual(
    build("Plan 2024.xlsx (file attached)", true),
    msg("", "Ann", "", "media", "Plan 2024.xlsx"),
  );
});

Deno.test("iOS attachments in any language, documents with title and pages, Turkish, old iOS", () => {
  assert.deepEqual(
    build(`${LRM}<attached: 00000012-PHOTO-2020-01-01-12-00-00.jpg>`, true),
    msg("", "Ann", "", "media", "00000012-PHOTO-2020-01-01-12-00-00.jpg"),
  );
  for (const kw of ["adjunto", "anexo", "Anhang", "allegato", "pièce jointe", "bijlage", "附件"]) {
    const m = build(`${LRM}<${kw}: 00000003-VIDEO-2020-01-01-12-00-00.mp4>`, true);
    assert.equal(m.attachment, "00000003-VIDEO-2020-01-01-12-00-00.mp4", kw);
    assert.equal(m.kind, "media");
  }
  assert.equal(
    build(`${LRM}<附件：00000003-PHOTO-2020-01-01-12-00-00.jpg>`, true).attachment,
    "00000003-PHOTO-2020-01-01-12-00-00.jpg",
  );
  assert.deepEqual(
    build(`${LRM}V--- SEGA RS.pdf • ${LRM}14 pages ${LRM}<attached: 00000002-RS.pdf>`, true),
    msg("", "Ann", "V--- SEGA RS.pdf • 14 pages", "media", "00000002-RS.pdf"),
  );
  assert.deepEqual(
    build(`${LRM}<00000012-PHOTO-2020-01-01-12-00-00.jpg eklendi>`, true),
    msg("", "Ann", "", "media", "00000012-PHOTO-2020-01-01-12-00-00.jpg"),
  );
  assert.deepEqual(
    build(`2015-08-04-PHOTO-00004762.jpg <${LRM}attached>`, true),
    msg("", "Ann", "", "media", "2015-08-04-PHOTO-00004762.jpg"),
  );
  assert.deepEqual(
    build(`${LRM}<attached: 00000004-Peter.vcf>`, true),
    msg("", "Ann", "", "contact", "00000004-Peter.vcf"),
  );
  // A caption on the next line keeps its line break.
  assert.deepEqual(
    build(`Plan.pdf • 3 pages ${LRM}<attached: 00000002-Plan.pdf>\nFor Monday `, true),
    msg("", "Ann", "Plan.pdf • 3 pages\nFor Monday ", "media", "00000002-Plan.pdf"),
  );
  assert.deepEqual(
    build(`${LRM}<attached: 00000005-PHOTO-2020-01-01-12-00-00.jpg>\n  look`, true),
    msg("", "Ann", "  look", "media", "00000005-PHOTO-2020-01-01-12-00-00.jpg"),
  );
  // A document's own name may hold angle brackets: the tag ends at its last `>`.
  const names = ["00000012-Report <final>.pdf", "00000012-<x> <y> (1).v2.pdf"];
  for (const kw of ["attached", "adjunto", "Anhang"]) {
    for (const name of names) {
      assert.deepEqual(
        build(`${LRM}<${kw}: ${name}>\nfor Monday`, true),
        msg("", "Ann", "for Monday", "media", name),
        `${kw}: ${name}`,
      );
    }
  }
  assert.deepEqual(
    build(`${LRM}<00000012-Report <final>.pdf eklendi>`, true),
    msg("", "Ann", "", "media", "00000012-Report <final>.pdf"),
  );
  // Angle brackets typed by a user are text.
  assert.deepEqual(build("I <3 you <really>", true), msg("", "Ann", "I <3 you <really>"));
  assert.deepEqual(build("<note: buy milk>", true), msg("", "Ann", "<note: buy milk>"));
});

Deno.test("omitted media in 8 languages keep their text; iOS ones carry U+200E", () => {
  const android = [
    "<Media omitted>",
    "<Multimedia omitido>",
    "<Mídia oculta>",
    "<Medien ausgeschlossen>",
    "<Médias omis>",
    "<Media omessi>",
    "<Media weggelaten>",
    "<Medya dahil edilmedi>",
  ];
  for (const t of android) assert.deepEqual(build(t), msg("", "Ann", t, "media"), t);
  const ios = [
    "image omitted",
    "imagen omitida",
    "imagem ocultada",
    "Bild weggelassen",
    "image omise",
    "immagine omessa",
    "afbeelding weggelaten",
    "görüntü dahil edilmedi",
    "GIF omitted",
    "sticker omitted",
    "video omitted",
    "audio omitted",
  ];
  for (const t of ios) assert.deepEqual(build(LRM + t, true), msg("", "Ann", t, "media"), t);
  const cards = [
    "Contact card omitted",
    "Tarjeta de contacto omitida",
    "Kontaktkarte weggelassen",
    "Kişi kartı dahil edilmedi",
  ];
  for (const t of cards) assert.deepEqual(build(LRM + t, true), msg("", "Ann", t, "contact"), t);
  assert.deepEqual(
    build("I omitted the video omitted"),
    msg("", "Ann", "I omitted the video omitted"),
  );
});

Deno.test("locations and their localisations; look-alikes stay text", () => {
  for (
    const label of [
      "location",
      "Location",
      "Ubicación",
      "Localização",
      "Standort",
      "Posizione",
      "Locatie",
      "Konum",
    ]
  ) {
    const t = `${label}: https://maps.google.com/?q=41.9,12.5`;
    assert.deepEqual(build(t), msg("", "Ann", t, "location"), label);
  }
  assert.deepEqual(
    build("Here: https://maps.app.goo.gl/abc"),
    msg("", "Ann", "Here: https://maps.app.goo.gl/abc", "location"),
  );
  assert.deepEqual(
    build("Docs: https://example.com/x"),
    msg("", "Ann", "Docs: https://example.com/x"),
  );
  assert.deepEqual(
    build("live location shared"),
    msg("", "Ann", "live location shared", "location"),
  );
  const spaced = "Position : https://maps.google.com/?q=48.85,2.35";
  assert.deepEqual(build(spaced), msg("", "Ann", spaced, "location"));
});

Deno.test("polls need POLL: alone on the first line and option lines", () => {
  const poll = "POLL:\nLunch?\nOPTION: Yes (2 votes)\nOPTION: No (0 votes)";
  assert.deepEqual(build(poll), msg("", "Ann", poll, "poll"));
  assert.deepEqual(build("POLL:\nshould we vote?"), msg("", "Ann", "POLL:\nshould we vote?"));
  assert.deepEqual(
    build("POLL: lunch?\nOPTION: Yes (2 votes)"),
    msg("", "Ann", "POLL: lunch?\nOPTION: Yes (2 votes)"),
  );
  // A two-line question is fine; one option, mixed labels or text after the options are not.
  const long = "ENCUESTA:\n¿Cuándo?\n(elige)\nOPCIÓN: Lunes (1 voto)\nOPCIÓN: Martes (0 votos)";
  assert.deepEqual(build(long), msg("", "Ann", long, "poll"));
  for (
    const t of [
      "FAQ:\nHow much?\nA: 5 euros (10 with tax)",
      "FAQ:\nHow much?\nA: 5 euros (10 with tax)\nB: 6 euros (12 with tax)",
      "POLL:\nLunch?\nOPTION: Yes (2 votes)\nOPTION: No (0 votes)\nsee you",
    ]
  ) assert.deepEqual(build(t), msg("", "Ann", t), t);
});

Deno.test("iOS system lines: U+200E signal, actor form, notices; user text is not system", () => {
  assert.deepEqual(build(`${LRM}Ann added Bob`, true, "Book club"), msg("", null, "Ann added Bob"));
  assert.deepEqual(
    build(`${LRM}Missed video call`, true, "Bob"),
    msg("", null, "Missed video call"),
  );
  assert.deepEqual(
    build("Emirço bu grubun simgesini değiştirdi", true, "Emirço"),
    msg("", null, "Emirço bu grubun simgesini değiştirdi"),
  );
  assert.deepEqual(
    build("Name changed the group name to “my family”", true, "Name"),
    msg("", null, "Name changed the group name to “my family”"),
  );
  assert.deepEqual(
    build("Messages and calls are end-to-end encrypted.", true, "Book club"),
    msg("", null, "Messages and calls are end-to-end encrypted."),
  );
  assert.deepEqual(
    build("Ann added a photo to the album", true, "Bob"),
    msg("", "Bob", "Ann added a photo to the album"),
  );
  // Android has no pseudo-authors: the same texts with an author are user text.
  assert.deepEqual(
    build("Name changed the group name to “my family”", false, "Name"),
    msg("", "Name", "Name changed the group name to “my family”"),
  );
});

Deno.test("isSystemAuthor: unbalanced quotes or a long system phrase", () => {
  assert.equal(isSystemAuthor('You created group "Book club'), true);
  assert.equal(isSystemAuthor("Bob changed the subject to “Club"), true);
  assert.equal(isSystemAuthor("Anna hat den Betreff zu „Club"), true);
  assert.equal(isSystemAuthor('Bob "The Builder"'), false);
  assert.equal(isSystemAuthor("Messages and calls are end-to-end encrypted. Note"), true);
  assert.equal(isSystemAuthor("Maria Fernanda de la Cruz Rodríguez"), false);
});

Deno.test("findAttachment returns null for plain text", () => {
  assert.equal(findAttachment("hello (world)", -1), null);
  assert.equal(findAttachment("a < b > c", -1), null);
});
