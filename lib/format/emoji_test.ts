import assert from "node:assert/strict";
import { isJumboEmoji } from "./emoji.ts";

Deno.test("isJumboEmoji: one to three emoji only", () => {
  for (const yes of ["👍", "😂😂😂", " ❤️ ", "👨‍👩‍👧‍👦", "👍🏽", "🇳🇱🇧🇪", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "⚽", "❤"]) {
    assert.equal(isJumboEmoji(yes), true, yes);
  }
  for (const no of ["", "  ", "ok 👍", "😂😂😂😂", "1", "©", "#", "a", "👍!", ":)", "™"]) {
    assert.equal(isJumboEmoji(no), false, no);
  }
});
