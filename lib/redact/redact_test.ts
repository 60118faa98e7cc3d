import assert from "node:assert/strict";
import type { StoredMessage } from "../db/messages.ts";
import { EMAIL_MASK, maskEmails } from "./email.ts";
import { isPhoneNumber, maskPhones } from "./phone.ts";
import { nameRedactor, namesInSystemLine } from "./names.ts";
import { createRedactor, HIDDEN, REDACTED_TITLE } from "./redact.ts";

const msg = (over: Partial<StoredMessage>): StoredMessage => ({
  seq: 1,
  date: "2024-01-05T10:00:00",
  author: "Alice Smith",
  text: "",
  kind: "text",
  attachment: null,
  edited: false,
  ...over,
});

/** Every digit run of 4+ in `numbers` (what a leak would look like). */
const digitRuns = (numbers: string[]) => numbers.flatMap((n) => n.match(/\d{4,}/g) ?? []);

Deno.test("maskPhones masks every common format and keeps no digit", () => {
  const numbers = [
    "+44 7700 900123",
    "(555) 123-4567",
    "0171 1234567",
    "+49 151 23456789",
    "555.867.5309",
    "004915123456789",
    "\u202a+1 (415) 555\u20112671\u202c",
  ];
  for (const n of numbers) {
    const out = maskPhones(`call ${n} now`);
    assert(!/\d/.test(out), `${n} → ${out}`);
    assert(out.startsWith("call ") && out.endsWith(" now"), out);
  }
  assert.deepEqual(maskPhones("+44 7700 900123"), "+•• •••• ••••••");
  assert.deepEqual(maskPhones("@447700900123 hi"), "@•••••••••••• hi");
});

Deno.test("maskPhones leaves dates, times and short numbers", () => {
  for (const s of ["on 2024-01-05 at 12:30", "05.01.2024", "12/31/2023", "room 101", "£1,250"]) {
    assert.deepEqual(maskPhones(s), s);
  }
});

Deno.test("isPhoneNumber tells number authors from names", () => {
  assert(isPhoneNumber("+44 7700 900123"));
  assert(!isPhoneNumber("Alice"));
  assert(!isPhoneNumber("Agent 007"));
});

Deno.test("nameRedactor numbers by first appearance and replaces names in text", () => {
  const r = nameRedactor(["Alice Smith", "Bob", "Carol Smith"]);
  assert.deepEqual(r.label("Alice Smith"), "Participant 1");
  assert.deepEqual(r.label("bob"), "Participant 3".replace("3", "2"));
  assert.deepEqual(r.replace("Alice Smith added Bob"), "Participant 1 added Participant 2");
  assert.deepEqual(r.replace("@Alice Smith hi @Bob"), "@Participant 1 hi @Participant 2");
  // A first name alone is one person's; the shared surname names no one.
  assert.deepEqual(
    r.replace("ALICE and carol, the Smiths"),
    "Participant 1 and Participant 3, the Smiths",
  );
  assert.deepEqual(r.replace("Mrs Smith"), "Mrs Participant");
  // Whole words only.
  assert.deepEqual(r.replace("Bobby and Alicetown"), "Bobby and Alicetown");
  // An author not in the list gets the next number, stably.
  assert.deepEqual(r.label("Dave"), "Participant 4");
  assert.deepEqual(r.label("Dave"), "Participant 4");
});

Deno.test("nameRedactor ignores accents both ways, precomposed or decomposed", () => {
  const r = nameRedactor(["Carla Méndez", "Zoë", "Bob"]);
  assert.equal(r.label("Carla Mendez"), "Participant 1", "one person, however spelt");
  assert.equal(
    r.replace("Carla Mendez, CARLA MÉNDEZ, Me\u0301ndez, mendez, Zoe, ZOË, Bób"),
    "Participant 1, Participant 1, Participant 1, Participant 1, Participant 2, Participant 2, " +
      "Participant 3",
  );
  assert.equal(r.replace("Bobé and Zoey"), "Bobé and Zoey", "still whole words only");
});

Deno.test("maskEmails hides whole addresses, domain included", () => {
  assert.equal(
    maskEmails("mail carla.mendez@gmail.com, bob+x@work.co.uk or jörg@müller.de."),
    `mail ${EMAIL_MASK}, ${EMAIL_MASK} or ${EMAIL_MASK}.`,
  );
  assert.equal(maskEmails("@Ann at 10 @ home, a@b"), "@Ann at 10 @ home, a@b");
});

Deno.test("namesInSystemLine reads English system lines", () => {
  assert.deepEqual(namesInSystemLine("Alice added Bob and Carol"), ["Alice", "Bob", "Carol"]);
  assert.deepEqual(namesInSystemLine("Dave left"), ["Dave"]);
  assert.deepEqual(namesInSystemLine("You removed Eve"), ["Eve"]);
  assert.deepEqual(namesInSystemLine('Frank changed the subject from "a" to "b"'), ["Frank"]);
  assert.deepEqual(namesInSystemLine("Messages are end-to-end encrypted."), []);
});

Deno.test("createRedactor: no name or number of the original survives", () => {
  const participants = ["Alice Smith", "+44 7700 900123", "Bob"];
  const messages = [
    msg({ seq: 1, author: null, kind: "system", text: "Alice Smith added +49 151 23456789" }),
    msg({ seq: 2, author: null, kind: "system", text: "Alice Smith added Zoe" }),
    msg({ seq: 3, author: "+44 7700 900123", text: "hi @Alice Smith, call (555) 123-4567" }),
    msg({ seq: 4, author: "Bob", text: "Alice? Zoe? ring 0171 1234567" }),
    msg({ seq: 5, author: "Bob", kind: "media", attachment: "Bob passport.jpg", text: "Bob's" }),
    msg({ seq: 6, author: "Bob", kind: "contact", attachment: "Zoe Ray.vcf", text: "" }),
    msg({
      seq: 7,
      author: "Bob",
      kind: "location",
      text: "location: https://maps.google.com/?q=51.5,-0.1",
    }),
    msg({ seq: 8, author: "Bob", kind: "media", text: "<Media omitted>" }),
  ];
  const r = createRedactor({
    participants,
    systemTexts: messages.filter((m) => m.kind === "system").map((m) => m.text),
  });
  const out = messages.map((m) => r.message(m));
  const all = JSON.stringify(out);
  for (const name of ["Alice", "Smith", "Bob", "Zoe", "passport", "vcf", "maps"]) {
    assert(!all.toLowerCase().includes(name.toLowerCase()), `${name} leaked: ${all}`);
  }
  for (
    const run of digitRuns([...participants, "+49 151 23456789", "(555) 123-4567", "0171 1234567"])
  ) {
    assert(!all.includes(run), `${run} leaked`);
  }
  assert.deepEqual(out.map((m) => m.author), [
    null,
    null,
    "Participant 2",
    "Participant 3",
    "Participant 3",
    "Participant 3",
    "Participant 3",
    "Participant 3",
  ]);
  assert.deepEqual(out[0].text, "Participant 1 added Participant 4");
  assert.deepEqual(out[1].text, "Participant 1 added Participant 5");
  assert.deepEqual(out[4], {
    ...messages[4],
    author: "Participant 3",
    kind: "text",
    attachment: null,
    text: `${HIDDEN.media}\nParticipant 3's`,
  });
  assert.deepEqual(out[5].text, HIDDEN.contact);
  assert.deepEqual(out[6].text, HIDDEN.location);
  assert.deepEqual(out[7].text, HIDDEN.media);
  assert(out.every((m) => m.attachment === null));
  assert.match(REDACTED_TITLE, /Shared/);
});

Deno.test("createRedactor hides quoted group subjects in system lines", () => {
  const r = createRedactor({ participants: ["Ann"] });
  const m = msg({
    author: null,
    kind: "system",
    text: 'Ann changed the subject from "Smiths" to “Paris trip”',
  });
  assert.equal(r.message(m).text, "Participant 1 changed the subject from “…” to “…”");
  // Quotes in ordinary messages stay.
  assert.equal(r.text('"hello"'), '"hello"');
});
