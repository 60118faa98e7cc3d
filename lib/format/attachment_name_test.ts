import assert from "node:assert/strict";
import { attachmentDisplayName } from "./attachment_name.ts";

Deno.test("attachmentDisplayName: drops iOS's 8-digit numbering, nothing else", () => {
  assert.equal(
    attachmentDisplayName("00000002-PHOTO-2024-03-01-10-00-00.jpg"),
    "PHOTO-2024-03-01-10-00-00.jpg",
  );
  assert.equal(attachmentDisplayName("00000007-Report 2024.pdf"), "Report 2024.pdf");
  // Android names, dates and shorter or longer numbers are left alone.
  assert.equal(attachmentDisplayName("IMG-20240102-WA0001.jpg"), "IMG-20240102-WA0001.jpg");
  assert.equal(attachmentDisplayName("20240102-notes.pdf"), "20240102-notes.pdf");
  assert.equal(attachmentDisplayName("00000005-20240102-notes.pdf"), "20240102-notes.pdf");
  assert.equal(attachmentDisplayName("0000002-a.pdf"), "0000002-a.pdf");
  assert.equal(attachmentDisplayName("000000002-a.pdf"), "000000002-a.pdf");
  // Only the prefix: kept whole rather than shown as nothing.
  assert.equal(attachmentDisplayName("00000002-"), "00000002-");
});
