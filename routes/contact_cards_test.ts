// Contact cards: a .vcf sharing several contacts shows every one of them (name and numbers), on
// the conversation page and on a shared page that shows media; a redacted share shows none.
import assert from "node:assert/strict";
import { parseVcards } from "../lib/format/message_kinds.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { seedChat } from "./_test_chat.ts";

const TWO = [
  "BEGIN:VCARD",
  "VERSION:3.0",
  "FN:Jane Doe",
  "item1.TEL;waid=31612345678:+31 6 12345678",
  "END:VCARD",
  "BEGIN:VCARD",
  "VERSION:3.0",
  "N:Roe;Richard;;;",
  "TEL;type=CELL:+44 1234 567890",
  "END:VCARD",
  "",
].join("\r\n");

Deno.test("parseVcards: every card of a file, the empty ones skipped", () => {
  assert.deepEqual(parseVcards(TWO), [
    { name: "Jane Doe", phones: ["+31 6 12345678"] },
    { name: "Richard Roe", phones: ["+44 1234 567890"] },
  ]);
  assert.deepEqual(parseVcards("BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n"), []);
  assert.deepEqual(parseVcards("not a card"), []);
  const many = "BEGIN:VCARD\nFN:X\nEND:VCARD\n".repeat(50);
  assert.equal(parseVcards(many).length, 20);
});

async function seed(t: TestApp, userId: string) {
  return await seedChat(t, userId, {
    messages: [{
      date: "2024-01-01T10:00:00",
      author: "Bob",
      kind: "contact",
      attachment: "2 contacts.vcf",
      text: "",
    }],
    media: [{
      name: "2 contacts.vcf",
      contentType: "text/vcard",
      bytes: new TextEncoder().encode(TWO),
    }],
  });
}

function assertBothCards(html: string) {
  for (const text of ["Jane Doe", "+31 6 12345678", "Richard Roe", "+44 1234 567890"]) {
    assert.ok(html.includes(text), `${text} is not on the page`);
  }
  assert.ok(html.includes(">Save 2 contacts</a>"));
}

Deno.test("contact cards: a file of two contacts shows both, on the page and on a share", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seed(t, u.userId);
    const page = await t.app.request(`/c/${id}`, { headers: u.headers });
    assertBothCards(await page.text());
    for (const redacted of [false, true]) {
      const created = await t.app.request(`/api/conversations/${id}/shares`, {
        method: "POST",
        headers: { ...u.headers, "content-type": "application/json" },
        body: JSON.stringify({ expiresInHours: 1, redacted }),
      });
      const html = await (await t.app.request(new URL((await created.json()).url).pathname))
        .text();
      if (!redacted) assertBothCards(html);
      else assert.ok(!html.includes("Jane Doe") && !html.includes("12345678"));
    }
  } finally {
    await t.close();
  }
});
