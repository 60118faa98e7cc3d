import assert from "node:assert/strict";
import { languagesUsed, MIN_MARKERS } from "./languages.ts";
import { de } from "./stopwords/de.ts";
import { en } from "./stopwords/en.ts";
import { es } from "./stopwords/es.ts";
import { fr } from "./stopwords/fr.ts";
import { it } from "./stopwords/it.ts";
import { MARKERS } from "./stopwords/markers.ts";
import { STOP_WORD_LANGUAGES } from "./stopwords/mod.ts";
import { nl } from "./stopwords/nl.ts";
import { pt } from "./stopwords/pt.ts";
import { tr } from "./stopwords/tr.ts";

const LISTS: Record<string, readonly string[]> = { en, es, pt, de, fr, it, nl, tr };
const repeat = (n: number, ...texts: string[]) => Array.from({ length: n }, () => texts).flat();

Deno.test("markers: every language has some, each a stop word of its own language only", () => {
  assert.deepEqual(Object.keys(MARKERS).sort(), [...STOP_WORD_LANGUAGES].sort());
  for (const [lang, words] of Object.entries(MARKERS)) {
    assert.ok(words.length >= 10, lang);
    for (const word of words) {
      assert.equal(word, word.toLowerCase().normalize("NFC"), word);
      assert.ok(word.length >= 2, word);
      for (const [other, list] of Object.entries(LISTS)) {
        assert.equal(list.includes(word), other === lang, `${lang} "${word}" in ${other}`);
      }
    }
  }
});

Deno.test("languagesUsed: the languages people write, whatever the export's", () => {
  const english = "I think the beach was lovely and you should have come with me";
  const spanish = "jaja pero qué bueno, el perro está muy bien y los niños también";
  assert.deepEqual(languagesUsed(repeat(20, english, spanish), "en").sort(), ["en", "es"]);
  assert.deepEqual(languagesUsed(repeat(20, spanish), "en"), ["es"]);
  // Close languages do not pass for each other.
  const portuguese = "não sei, você tem razão, isso é muito bom, já estou em casa";
  const italian = "sono a casa, anche io, questo è più bello, perché no";
  assert.deepEqual(languagesUsed(repeat(20, portuguese), "pt"), ["pt"]);
  assert.deepEqual(languagesUsed(repeat(20, italian), "it"), ["it"]);
});

Deno.test("languagesUsed: quoting a few foreign words is not writing the language", () => {
  // A tiny chat's one German sentence: a large share, but 5 markers (< MIN_MARKERS).
  assert.equal(MIN_MARKERS, 10);
  assert.deepEqual(
    languagesUsed(["he said", "ich bin auch nicht sicher, ob sie mit uns kommt"], "en"),
    [],
  );
  // A long chat's 10 German markers: enough of them, too small a share (0.25%).
  const chat = repeat(300, "we want a new door and a hat for the war museum trip");
  chat.push(...repeat(3, "she always says ich liebe dich und so"));
  chat.push(...repeat(2, "das ist gut, ich weiß"));
  assert.deepEqual(languagesUsed(chat, "en"), ["en"]);
});
