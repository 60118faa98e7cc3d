// System, media and deleted wordings in 8 languages, and the language guess in the summary.
import assert from "node:assert/strict";
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
