import assert from "node:assert/strict";
import { stopWordsFor } from "./stopwords/mod.ts";
import { canonicalEmoji, textTerms, textTermsOfMany } from "./text.ts";

const none = new Set<string>();

Deno.test("textTerms: emoji are whole grapheme clusters (ZWJ families, skin tones, flags, keycaps)", () => {
  const t = textTerms("👨‍👩‍👧 hi 🇳🇱🇪🇸 👍🏽👍 1️⃣ 🏳️‍🌈 ❤ ❤️ © ok", none);
  assert.deepEqual(t.emoji, ["👨‍👩‍👧", "🇳🇱", "🇪🇸", "👍🏽", "👍", "1️⃣", "🏳️‍🌈", "❤️", "❤️"]);
  assert.deepEqual(t.words, ["hi", "ok"]); // the keycap's digit and © are not words
  assert.equal(t.wordCount, 2);
});

Deno.test("textTerms: words lower-cased, stop words, numbers and single letters left out", () => {
  const stop = stopWordsFor("es");
  const t = textTerms("The Café que I don’t 2024 ÇA VA hola, HOLA!", stop);
  assert.deepEqual(t.words, ["café", "ça", "va", "hola", "hola"]);
  assert.equal(t.wordCount, 10);
  // Turkish: dotted capital İ lower-cases to i, not i + combining dot.
  assert.deepEqual(textTerms("İSTANBUL", none, "tr").words, ["istanbul"]);
});

Deno.test("textTerms: link domains, and the URL's parts are not words", () => {
  const t = textTerms(
    "see https://www.Example.com/a?b=c and www.test.org. (https://x.y.z/p)",
    none,
  );
  assert.deepEqual(t.domains, ["example.com", "test.org", "x.y.z"]);
  assert.deepEqual(t.words, ["see", "and"]);
});

Deno.test("canonicalEmoji and stopWordsFor", () => {
  assert.equal(canonicalEmoji("❤"), "❤️");
  assert.equal(canonicalEmoji("😂\uFE0F"), "😂");
  assert.equal(canonicalEmoji("👍🏽"), "👍🏽");
  assert.ok(stopWordsFor(null).has("the"));
  assert.ok(stopWordsFor("de").has("und") && stopWordsFor("de").has("and"));
  assert.ok(!stopWordsFor("xx").has("und"));
  // The languages the messages are written in add their lists to the export's and English.
  assert.ok(!stopWordsFor("en").has("que") && stopWordsFor("en", ["es"]).has("que"));
  assert.ok(stopWordsFor("de", ["es"]).has("und") && stopWordsFor("de", ["xx"]).has("the"));
  for (const lang of ["en", "es", "pt", "de", "fr", "it", "nl", "tr"]) {
    assert.ok(stopWordsFor(lang).size > stopWordsFor(null).size || lang === "en", lang);
  }
});

Deno.test("textTermsOfMany: one segmentation for many texts gives each its own emoji", () => {
  const texts = ["a 😂\r", "no emoji here", "x👍🏽y\n🇳🇱", "", "1️⃣ two", "🏳️‍🌈"];
  const many = textTermsOfMany(texts, none);
  assert.deepEqual(many.map((t) => t.emoji), [["😂"], [], ["👍🏽", "🇳🇱"], [], ["1️⃣"], ["🏳️‍🌈"]]);
  assert.deepEqual(many.map((t) => t.words), [[], ["no", "emoji", "here"], [], [], ["two"], []]);
  assert.deepEqual(many, texts.map((t) => textTerms(t, none)));
});
