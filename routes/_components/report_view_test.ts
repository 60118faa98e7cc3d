import assert from "node:assert/strict";
import { languageLabel } from "./report_view.tsx";

Deno.test("report: a detected language reads as its English name with the code", () => {
  assert.equal(languageLabel("he"), "Hebrew (he)");
  assert.equal(languageLabel("pt"), "Portuguese (pt)");
  assert.equal(languageLabel("zz"), "zz", "no name known: the code alone");
});
