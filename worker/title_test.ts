import assert from "node:assert/strict";
import { conversationTitle, isGenericTitle, participantsTitle } from "./title.ts";

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

Deno.test("isGenericTitle / participantsTitle: `_chat` names no chat; participants do", () => {
  for (const t of ["_chat", "_CHAT ", "WhatsApp Chat", "whatsapp_chat"]) {
    assert.equal(isGenericTitle(t), true, t);
  }
  for (const t of ["chat", "_chat2", "Book club", "WhatsApp Chat with Bob"]) {
    assert.equal(isGenericTitle(t), false, t);
  }
  assert.equal(participantsTitle([]), null);
  assert.equal(participantsTitle(["Ann"]), "Ann");
  assert.equal(participantsTitle(["Ann", "Bob"]), "Ann & Bob");
  assert.equal(participantsTitle(["Ann", "Bob", "Cy"]), "Ann, Bob & Cy");
  assert.equal(participantsTitle(["Ann", "Bob", "Cy", "Di", "Ed"]), "Ann, Bob, Cy +2");
});
