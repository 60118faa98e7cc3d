// System, media and deleted wordings in 8 languages, and the language guess in the summary.
import assert from "node:assert/strict";
import { parseString } from "./parser.ts";
import { msg, parseFixture } from "./testdata/helpers.ts";
import { LANGUAGES } from "./testdata/fixtures.ts";

for (const [lang, parts] of Object.entries(LANGUAGES)) {
  Deno.test(`language ${lang}: notice, omitted media, attachment, deleted`, async () => {
    const [notice, omitted, attached, deleted] = parts.split("|");
    const { messages, summary } = await parseFixture(`lang/${lang}.txt`);
    assert.deepEqual(messages, [
      msg("2024-03-15T10:00:00", null, notice),
      msg("2024-03-15T10:01:00", "Ana", omitted, "media"),
      msg("2024-03-15T10:02:00", "Ana", "", "media", attached.slice(0, attached.indexOf(" ("))),
      msg("2024-03-15T10:03:00", "Ana", deleted, "deleted"),
    ]);
    assert.equal(summary.language, lang);
  });
}

Deno.test("more real wordings: iOS placeholders keep their sender; live location; deletions", () => {
  const ios = (body: string) =>
    parseString(`[14/03/2024, 10:10:00] Bob: hi\r\n[14/03/2024, 10:10:01] Bob: \u200E${body}\r\n`)
      .messages[1];
  const cases: [string, string][] = [
    ["image absente", "media"],
    ["document manquant", "media"],
    ["Fiche contact manquante", "contact"],
    ["sticker non incluso", "media"],
    ["GIF esclusa", "media"],
    ["imagem não revelada", "media"],
    ["Contacto não revelado", "contact"],
    ["Visitekaartje weggelaten", "contact"],
    ["Cartão do contato omitido", "contact"],
    ["U hebt dit bericht verwijderd.", "deleted"],
    ["Apagou esta mensagem.", "deleted"],
    ["You deleted this message as admin.", "deleted"],
  ];
  for (const [body, kind] of cases) {
    assert.deepEqual([ios(body).author, ios(body).kind], ["Bob", kind], body);
  }
  const android = (body: string) =>
    parseString(`14/03/2024, 10:10 - Bob: ${body}\n`).messages[0].kind;
  for (const body of ["<Media omesso>", "<Medya atlanmış>", "<Ficheiro não revelado>"]) {
    assert.equal(android(body), "media", body);
  }
  for (
    const body of [
      "Live-Standort wird geteilt",
      "Localisation en direct partagée",
      "localização atual compartilhada",
      "Mevcut konum paylaşıldı",
    ]
  ) assert.equal(android(body), "location", body);
});

Deno.test("a call row Czech and Slovak both write votes for neither: the other lines decide", () => {
  // `Zmeškaný videohovor`: Czech Android's row and Slovak iOS's (wordings_calls.ts SHARED_CALLS),
  // as the whole body or followed by more words (made up here; iOS English writes `Missed voice
  // call, Tap to call back`).
  const L = "\u200E";
  const file = (own: string[]) =>
    [
      "Jana: ahoj",
      `Petr: ${L}Zmeškaný videohovor`,
      `Petr: ${L}Zmeškaný videohovor`,
      ...[1, 2, 3].map(() => `Petr: ${L}Zmeškaný videohovor, a pak`),
      ...own.map((body) => `Jana: ${L}${body}`),
    ].map((line, i) => `[14/03/2024, 10:10:0${i}] ${line}\r\n`).join("");
  const cs = parseString(file(["obrázek vynechán", "Tato zpráva byla smazána."]));
  assert.deepEqual(
    cs.messages.map((m) => m.kind),
    ["text", "system", "system", "system", "system", "system", "media", "deleted"],
  );
  assert.equal(cs.summary.language, "cs");
  assert.equal(
    parseString(file(["obrázok vynechaný", "Táto správa bola odstránená."])).summary.language,
    "sk",
  );
});
