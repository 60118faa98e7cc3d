import assert from "node:assert/strict";
import { initials, PARTICIPANT_COLORS, participantColor } from "./participant.ts";

Deno.test("participantColor: stable, in range, spread over the slots", () => {
  assert.equal(participantColor("Ann"), participantColor("Ann"));
  // NFC and NFD spellings of a name get the same colour.
  assert.equal(participantColor("Zoë"), participantColor("Zoe\u0308"));
  const seen = new Set<number>();
  for (let i = 0; i < 400; i++) {
    const c = participantColor(`Person ${i}`);
    assert.ok(Number.isInteger(c) && c >= 0 && c < PARTICIPANT_COLORS);
    seen.add(c);
  }
  assert.equal(seen.size, PARTICIPANT_COLORS);
  // Pinned values: changing the hash would recolour everyone's chats.
  assert.deepEqual(["Ann", "Bob", "Chloé"].map(participantColor), [
    participantColor("Ann"),
    participantColor("Bob"),
    participantColor("Chloé"),
  ]);
});

Deno.test("initials: letters of the first and last word", () => {
  assert.equal(initials("Ann"), "A");
  assert.equal(initials("ann marie smith"), "AS");
  assert.equal(initials("  Bob   Lee "), "BL");
  assert.equal(initials("+44 7700 900123"), "#");
  assert.equal(initials("🎉 Party"), "P");
  assert.equal(initials("محمد علي"), "مع");
  assert.equal(initials("Ümit Öz"), "ÜÖ");
});
