import assert from "node:assert/strict";
import { chooseEmoji, emojiHas, emojiSubsetsFor } from "./emoji_font.ts";

Deno.test("emoji subsets: found by code point from the package's unicode.json", () => {
  assert.ok(emojiSubsetsFor("👍").length > 0);
  assert.ok(emojiHas(0x1f600));
  assert.equal(emojiHas(0x4f60), false, "CJK is not an emoji");
});

Deno.test("chooseEmoji: a sequence whole where one subset shapes it, else its base", async () => {
  for (const seq of ["👍", "👍🏽", "👨‍👩‍👧‍👦", "🇪🇸", "🏳️‍🌈", "1️⃣", "🧑🏽‍💻"]) {
    assert.equal((await chooseEmoji(seq))?.text, seq, seq);
  }
  // No subset holds a pictograph joined to a CJK character: the base emoji is drawn.
  assert.equal((await chooseEmoji("👍\u200D你"))?.text, "👍");
  assert.equal(await chooseEmoji("你"), undefined);
});
