import assert from "node:assert/strict";
import { alignMediaNames } from "./media_names.ts";

const NFC = "Café Menü.pdf", NFD = NFC.normalize("NFD");

Deno.test("alignMediaNames: a file spelled in another normalization takes the chat's spelling", () => {
  assert.notEqual(NFC, NFD);
  const rows = [{ name: NFD, blobKey: "k1" }, { name: "IMG-1.jpg", blobKey: "k2" }];
  assert.deepEqual(alignMediaNames(rows, new Set([NFC])), [
    { name: NFC, blobKey: "k1" },
    { name: "IMG-1.jpg", blobKey: "k2" },
  ]);
  // and the other way round
  assert.deepEqual(alignMediaNames([{ name: NFC }], new Set([NFD])), [{ name: NFD }]);
});

Deno.test("alignMediaNames: exact names, unrelated names and present spellings stay", () => {
  assert.deepEqual(alignMediaNames([{ name: NFC }], new Set([NFC])), [{ name: NFC }]);
  assert.deepEqual(alignMediaNames([{ name: NFD }], new Set(["Other.pdf"])), [{ name: NFD }]);
  // both spellings in the zip: the one the chat names is kept, the other is not renamed onto it
  assert.deepEqual(alignMediaNames([{ name: NFC }, { name: NFD }], new Set([NFC])), [
    { name: NFC },
    { name: NFD },
  ]);
  assert.deepEqual(alignMediaNames([{ name: NFD }], new Set()), [{ name: NFD }]);
});
