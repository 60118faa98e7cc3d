import assert from "node:assert/strict";
import { TextReader, Uint8ArrayWriter, ZipWriter } from "@zip.js/zip.js";
import { ParseError } from "./types.ts";
import { chatNameFromFileName, looksLikeChat, rankChatEntries } from "./chat_file.ts";
import { fileRandomAccess, openExport, type RandomAccess, sniffZip } from "./zip.ts";

async function buildZip(files: Record<string, string>): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false });
  for (const [name, text] of Object.entries(files)) await writer.add(name, new TextReader(text));
  return await writer.close();
}

function memoryRandomAccess(bytes: Uint8Array): RandomAccess & { reads: number; closed: boolean } {
  return {
    size: bytes.length,
    reads: 0,
    closed: false,
    read(offset, length) {
      this.reads++;
      return Promise.resolve(bytes.slice(offset, offset + length));
    },
    close() {
      this.closed = true;
    },
  };
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return await new Response(stream).text();
}

const CHAT = "06/03/2017, 00:45 - Ann: hi\n";

Deno.test("openExport finds an iOS _chat.txt, ignores __MACOSX and dot-files, names from zip", async () => {
  const zip = await buildZip({
    "_chat.txt": CHAT,
    "00000012-PHOTO-2020-01-01-12-00-00.jpg": "jpeg",
    "__MACOSX/._chat.txt": "junk",
    ".DS_Store": "junk",
  });
  const ra = memoryRandomAccess(zip);
  const archive = await openExport(ra, { fileName: "WhatsApp Chat - Book club.zip" });
  assert.equal(archive.chatEntry, "_chat.txt");
  assert.equal(archive.chatName, "Book club");
  assert.deepEqual(archive.media, [{ name: "00000012-PHOTO-2020-01-01-12-00-00.jpg", size: 4 }]);
  assert.equal(await text(archive.chatStream()), CHAT);
  assert.equal(await text(archive.chatStream()), CHAT, "a new stream on each call");
  assert.equal(await text(archive.mediaStream("00000012-PHOTO-2020-01-01-12-00-00.jpg")), "jpeg");
  assert.throws(() => archive.mediaStream("nope.jpg"), ParseError);
  await archive.close();
  assert.ok(ra.closed);
});

Deno.test("an unknown chat file name: the .txt whose head holds a header wins over a bigger one", async () => {
  const zip = await buildZip({
    "Rapor.txt": "Quarterly report\n".repeat(500),
    "Bob ile WhatsApp Sohbeti.txt": CHAT,
    "notes.txt": "06/03/2017 call the dentist\n",
  });
  const archive = await openExport(memoryRandomAccess(zip));
  assert.equal(archive.chatEntry, "Bob ile WhatsApp Sohbeti.txt");
  assert.equal(await text(archive.chatStream()), CHAT, "the sniffed entry still reads whole");
  assert.deepEqual(archive.media.map((m) => m.name).sort(), ["Rapor.txt", "notes.txt"]);
  await archive.close();
  // None looks like a chat: name and size decide, as before (the parser then says why).
  const none = await openExport(
    memoryRandomAccess(await buildZip({ "a.txt": "x", "b.txt": "yy" })),
  );
  assert.equal(none.chatEntry, "b.txt");
  await none.close();
});

Deno.test("openExport finds localised Android names (with _ for spaces)", async () => {
  const cases: [string, string][] = [
    ["WhatsApp Chat with Bob.txt", "Bob"],
    ["Chat de WhatsApp con Ana María.txt", "Ana María"],
    ["WhatsApp Chat mit Jörg.txt", "Jörg"],
    ["Discussion WhatsApp avec Zoé.txt", "Zoé"],
    ["Conversa do WhatsApp com João.txt", "João"],
    ["WhatsApp_Chat_with_Book_club.txt", "Book club"],
  ];
  for (const [name, chatName] of cases) {
    const zip = await buildZip({ "notes.txt": "x", [name]: CHAT, "IMG-20210428-WA0001.jpg": "j" });
    const archive = await openExport(memoryRandomAccess(zip));
    assert.equal(archive.chatEntry, name);
    assert.equal(archive.chatName, chatName);
    assert.deepEqual(archive.media.map((m) => m.name).sort(), [
      "IMG-20210428-WA0001.jpg",
      "notes.txt",
    ]);
    await archive.close();
  }
});

Deno.test("openExport handles a nested folder: media names relative to the chat", async () => {
  const zip = await buildZip({
    "WhatsApp Chat - Ann/_chat.txt": CHAT,
    "WhatsApp Chat - Ann/IMG-1.jpg": "j",
  });
  const archive = await openExport(memoryRandomAccess(zip), { fileName: "export.zip" });
  assert.equal(archive.chatEntry, "WhatsApp Chat - Ann/_chat.txt");
  assert.equal(archive.chatName, "Ann");
  assert.deepEqual(archive.media, [{ name: "IMG-1.jpg", size: 1 }]);
  assert.equal(await text(archive.mediaStream("IMG-1.jpg")), "j");
  await archive.close();
});

Deno.test("openExport falls back to the single .txt", async () => {
  const zip = await buildZip({ "export.txt": CHAT, "a.jpg": "j" });
  const archive = await openExport(memoryRandomAccess(zip));
  assert.equal(archive.chatEntry, "export.txt");
  assert.equal(archive.chatName, null);
  await archive.close();
});

Deno.test("openExport refuses unsafe names, no chat, bad zips, and limits", async () => {
  for (const bad of ["../evil.txt", "a/../../evil.jpg", "/etc/passwd", "C:/x.txt", "a\\..\\b"]) {
    const zip = await buildZip({ "_chat.txt": CHAT, [bad]: "x" });
    const ra = memoryRandomAccess(zip);
    await assert.rejects(
      openExport(ra),
      (e) => e instanceof ParseError && /unsafe/.test(e.message),
    );
    assert.ok(ra.closed, "closed on failure");
  }
  const noChat = await buildZip({ "a.jpg": "j", "__MACOSX/_chat.txt": "x" });
  await assert.rejects(openExport(memoryRandomAccess(noChat)), /no chat \.txt/);
  const junk = new TextEncoder().encode("PK\x03\x04 this is not really a zip");
  await assert.rejects(openExport(memoryRandomAccess(junk)), ParseError);

  const many = await buildZip({ "_chat.txt": CHAT, "1.jpg": "1", "2.jpg": "2", "3.jpg": "3" });
  await assert.rejects(openExport(memoryRandomAccess(many), { maxEntries: 3 }), /entries/);
  const big = await buildZip({ "_chat.txt": CHAT.repeat(100) });
  await assert.rejects(openExport(memoryRandomAccess(big), { maxTotalBytes: 1000 }), /bytes/);
});

Deno.test("an entry inflating beyond its declared size fails while streaming", async () => {
  const zip = await buildZip({ "_chat.txt": CHAT.repeat(200) });
  // Lower the declared uncompressed size in the central directory record (offset 24).
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 100, true);
      break;
    }
  }
  const archive = await openExport(memoryRandomAccess(zip));
  await assert.rejects(text(archive.chatStream()), ParseError);
  await archive.close();
});

Deno.test("a large entry streams in several chunks; cancelling mid-way does not hang", async () => {
  const big = CHAT.repeat(200_000); // 5.6 MB
  const archive = await openExport(memoryRandomAccess(await buildZip({ "_chat.txt": big })));
  let chunks = 0;
  let length = 0;
  for await (const chunk of archive.chatStream()) {
    chunks++;
    length += chunk.byteLength;
  }
  assert.equal(length, big.length);
  assert.ok(chunks > 1);
  const reader = archive.chatStream().getReader();
  assert.ok(!(await reader.read()).done);
  await reader.cancel();
  await archive.close();
});

Deno.test("fileRandomAccess reads a zip from disk and is closed with the archive", async () => {
  const path = await Deno.makeTempFile({ suffix: ".zip" });
  try {
    await Deno.writeFile(path, await buildZip({ "WhatsApp Chat with Ann.txt": CHAT }));
    const ra = await fileRandomAccess(path);
    const archive = await openExport(ra);
    assert.equal(await text(archive.chatStream()), CHAT);
    await archive.close();
    await assert.rejects(ra.read(0, 4)); // the file is closed
  } finally {
    await Deno.remove(path);
  }
});

Deno.test("sniffZip, chatNameFromFileName and rankChatEntries", () => {
  const pick = (files: { name: string; size: number }[]) => rankChatEntries(files)[0] ?? null;
  assert.ok(sniffZip(new Uint8Array([0x50, 0x4b, 3, 4, 20])));
  assert.ok(!sniffZip(new TextEncoder().encode("06/03/2017, 00:45 - Ann: hi")));
  assert.ok(!sniffZip(new Uint8Array([0x50, 0x4b])));
  assert.equal(chatNameFromFileName("dl/WhatsApp Chat - Bob (1).zip"), "Bob");
  assert.equal(
    chatNameFromFileName("WhatsApp Chat with Ops - Night Shift.txt"),
    "Ops - Night Shift",
  );
  assert.equal(chatNameFromFileName("WhatsApp-Chat mit Oma Gisela.txt"), "Oma Gisela");
  assert.equal(chatNameFromFileName("WhatsApp-Chat_mit_Bob.txt"), "Bob");
  assert.equal(chatNameFromFileName("_chat.txt"), null);
  assert.equal(chatNameFromFileName("holiday.zip"), null);
  assert.equal(
    pick([{ name: "notes.txt", size: 900 }, { name: "my chat.txt", size: 10 }]),
    "my chat.txt",
  );
  assert.equal(
    pick([{ name: "a.txt", size: 9 }, { name: "b.txt", size: 90 }]),
    "b.txt",
  );
  assert.equal(pick([{ name: "a.jpg", size: 9 }]), null);
  // Another chat's export shared in this one (a document of its zip): the zip's name decides.
  const shared = [
    { name: "WhatsApp Chat with Bob.txt", size: 900 },
    { name: "WhatsApp Chat with Al.txt", size: 90 },
  ];
  assert.equal(rankChatEntries(shared, "Bob")[0], "WhatsApp Chat with Bob.txt");
  assert.equal(rankChatEntries(shared, "bob")[0], "WhatsApp Chat with Bob.txt");
  assert.equal(rankChatEntries(shared, null)[0], "WhatsApp Chat with Al.txt", "unknown: shortest");
  // iOS: `_chat.txt` is the chat whatever the zip is called.
  const ios = [{ name: "WhatsApp Chat with Ann.txt", size: 9 }, { name: "_chat.txt", size: 9 }];
  assert.equal(rankChatEntries(ios, "Ann")[0], "_chat.txt");
});

Deno.test("looksLikeChat: a header among the first lines, in UTF-8 or UTF-16; not binary", () => {
  const utf8 = new TextEncoder().encode(`\uFEFFSaved chat\n${CHAT}`);
  assert.equal(looksLikeChat(utf8), true);
  const text = `[06/03/2017, 00:45:00] Ann: hi\r\n`;
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
  assert.equal(looksLikeChat(utf16), true);
  assert.equal(looksLikeChat(new TextEncoder().encode("06/03/2017 dentist\nmilk\n")), false);
  assert.equal(looksLikeChat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])), false);
});

Deno.test("openExport: another chat's export shared in this one is a media file, not the chat", async () => {
  const zip = await buildZip({
    "WhatsApp Chat with Bob.txt":
      `${CHAT}06/03/2017, 00:46 - Bob: WhatsApp Chat with Al.txt (file attached)\n`,
    "WhatsApp Chat with Al.txt": "01/01/2017, 10:00 - Al: other chat\n",
  });
  const archive = await openExport(memoryRandomAccess(zip), {
    fileName: "WhatsApp Chat with Bob.zip",
  });
  assert.equal(archive.chatEntry, "WhatsApp Chat with Bob.txt");
  assert.deepEqual(archive.media.map((m) => m.name), ["WhatsApp Chat with Al.txt"]);
  await archive.close();
});
