import assert from "node:assert/strict";
import { TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { createFsBlobStore } from "../storage/fs.ts";
import { openStoredChat } from "./original.ts";

Deno.test("openStoredChat: a zip holding two chats is read as the one its upload's name tells", async () => {
  const dir = await Deno.makeTempDir({ prefix: "wcr-original-" });
  const blobs = createFsBlobStore(dir);
  try {
    const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
    await writer.add("WhatsApp Chat with Bob.txt", new TextReader("06/03/2017, 00:45 - Bob: hi\n"));
    await writer.add("WhatsApp Chat with Al.txt", new TextReader("06/03/2017, 00:45 - Al: yo\n"));
    await blobs.put("imports/1/original", await writer.close());
    const chat = await openStoredChat(blobs, "imports/1/original", "WhatsApp Chat with Bob.zip");
    assert.ok(chat);
    assert.match(await new Response(await chat.chatStream()).text(), /Bob: hi/);
    await chat.close();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
