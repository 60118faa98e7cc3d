import assert from "node:assert/strict";
import { contactNameFromFile, parseLocation, parsePoll, parseVcard } from "./message_kinds.ts";

Deno.test("parsePoll: question and options with votes", () => {
  assert.deepEqual(
    parsePoll(
      "POLL:\nWhere to?\nOPTION: Beach (3 votes)\nOPTION: Hills (1 vote)\nOPTION: Home (0 votes)",
    ),
    {
      question: "Where to?",
      options: [{ text: "Beach", votes: 3 }, { text: "Hills", votes: 1 }, {
        text: "Home",
        votes: 0,
      }],
    },
  );
  assert.deepEqual(parsePoll("ENCUESTA:\n¿Cuándo?\nOPCIÓN: Hoy (2 votos)"), {
    question: "¿Cuándo?",
    options: [{ text: "Hoy", votes: 2 }],
  });
  assert.equal(parsePoll("POLL:\njust text"), null);
  assert.equal(parsePoll("hello"), null);
});

Deno.test("parseLocation: link, coordinates, live location", () => {
  assert.deepEqual(parseLocation("location: https://maps.google.com/?q=52.3676,4.9041"), {
    href: "https://maps.google.com/?q=52.3676,4.9041",
    lat: 52.3676,
    lng: 4.9041,
    note: "",
  });
  assert.deepEqual(
    parseLocation("Ubicación: https://maps.google.com/?q=-33.9,18.4\nTable Mountain"),
    {
      href: "https://maps.google.com/?q=-33.9,18.4",
      lat: -33.9,
      lng: 18.4,
      note: "Table Mountain",
    },
  );
  assert.deepEqual(parseLocation("live location shared"), {
    href: null,
    lat: null,
    lng: null,
    note: "",
  });
  assert.deepEqual(parseLocation("location: javascript:alert(1)"), {
    href: null,
    lat: null,
    lng: null,
    note: "",
  });
});

Deno.test("contact cards: name from the file, number from the vCard", () => {
  assert.equal(contactNameFromFile("Jane Doe.vcf"), "Jane Doe");
  assert.equal(contactNameFromFile("00000004-Peter.vcf"), "Peter");
  assert.deepEqual(
    parseVcard(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;Jane;;;\r\nFN:Jane\r\n  Doe\r\nitem1.TEL;waid=316:+31 6 1234 5678\r\nEND:VCARD\r\n",
    ),
    { name: "Jane Doe", phones: ["+31 6 1234 5678"] },
  );
  assert.deepEqual(parseVcard("BEGIN:VCARD\nN:Doe;Jane;;;\nEND:VCARD"), {
    name: "Jane Doe",
    phones: [],
  });
  assert.equal(parseVcard("not a card"), null);
});
