import assert from "node:assert/strict";
import { conversationTitle } from "./title.ts";

Deno.test("conversationTitle: the chat's name, else the file's name without .txt/.zip", () => {
  assert.equal(conversationTitle("ios_media.zip", null), "ios_media");
  assert.equal(conversationTitle("Family.TXT", null), "Family");
  assert.equal(conversationTitle("backup.Zip", null), "backup");
  assert.equal(conversationTitle("C:\\Users\\ann\\notes.txt", null), "notes");
  // Only the export's own extensions go; any other stays part of the name.
  assert.equal(conversationTitle("chat.tar", null), "chat.tar");
  // Nothing but an extension: the name as uploaded rather than an empty title.
  assert.equal(conversationTitle(".txt", null), ".txt");
  // The chat name the file names tell wins: the archive's, then the upload's.
  assert.equal(conversationTitle("WhatsApp Chat - Ann.zip", null), "Ann");
  assert.equal(conversationTitle("WhatsApp Chat with Bob.txt", null), "Bob");
  assert.equal(conversationTitle("ios_media.zip", "Book club"), "Book club");
});
