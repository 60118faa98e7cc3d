import assert from "node:assert/strict";
import { createTestApp, type TestApp } from "../tests/helpers/app.ts";
import { chatZip, PHOTO, runImport, upload } from "../tests/security/_fixtures.ts";
import { signUp } from "../tests/helpers/app.ts";

// An Android export naming people and numbers everywhere a redacted share must hide them.
const NAMES = ["Alice Smith", "Bob Jones", "Zoe Ray", "Carol"];
const NUMBERS = ["+44 7700 900123", "+49 151 23456789", "(555) 123-4567", "0171 1234567"];
const LINES = [
  '02/01/2024, 10:00 - Alice Smith created group "Weekend"',
  "02/01/2024, 10:01 - Alice Smith added Bob Jones",
  "02/01/2024, 10:02 - Alice Smith added Zoe Ray",
  "02/01/2024, 10:03 - \u202a+49 151 23456789\u202c joined using this group's invite link",
  "02/01/2024, 10:04 - Alice Smith: hi @Bob Jones, Zoe says call (555) 123-4567",
  "02/01/2024, 10:05 - \u202a+44 7700 900123\u202c: Alice? my office is 0171 1234567",
  "02/01/2024, 10:06 - Bob Jones: IMG-20240102-WA0001.jpg (file attached)",
  "02/01/2024, 10:07 - Bob Jones: Carol Smith.vcf (file attached)",
  "02/01/2024, 10:08 - Bob Jones: thanks Alice, Bob out",
  "02/01/2024, 10:09 - Carol: I was not in the group",
  "02/01/2024, 10:10 - Zoe Ray: Zoë here, write to zoe.ray@example.org or ALICE SMÍTH",
];

async function ownerWithChat(t: TestApp) {
  const user = await signUp(t.app);
  const zip = await chatZip(LINES, {
    "IMG-20240102-WA0001.jpg": PHOTO,
    "Carol Smith.vcf": "BEGIN:VCARD\nFN:Carol Smith\nTEL:+44 7700 900999\nEND:VCARD\n",
  });
  const id = await upload(t, user.headers, zip, "WhatsApp Chat with Alice Smith.zip");
  await runImport(t, id);
  return { ...user, conversationId: id };
}

async function share(t: TestApp, headers: Record<string, string>, id: string, body: unknown) {
  const res = await t.app.request(`/api/conversations/${id}/shares`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return await res.json();
}
const pathOf = (url: string) => new URL(url).pathname;
/** Every digit run of 4+ of the numbers (how a leaked number would show). */
const digitRuns = (numbers: string[]) => numbers.flatMap((n) => n.match(/\d{4,}/g) ?? []);

Deno.test("redacted share: no name, no number, no media of the original", async () => {
  const t = await createTestApp();
  try {
    const owner = await ownerWithChat(t);
    const s = await share(t, owner.headers, owner.conversationId, {
      expiresInHours: 1,
      redacted: true,
    });
    assert.equal(s.redacted, true);
    const res = await t.app.request(pathOf(s.url));
    assert.equal(res.status, 200);
    const html = await res.text();
    // Everything of the page, markup included (data-author, alt texts, title).
    for (const name of [...NAMES, "Smith", "Smíth", "Jones", "Alice", "Zoe", "Zoë", "Weekend"]) {
      assert.doesNotMatch(html, new RegExp(name, "i"), `${name} leaked`);
    }
    for (const run of digitRuns([...NUMBERS, "+44 7700 900999"])) {
      assert.ok(!html.includes(run), `${run} leaked`);
    }
    assert.doesNotMatch(html, /IMG-2024|\.vcf|\/media\//, "no attachment names or media links");
    assert.doesNotMatch(html, /example\.org/, "no e-mail address");
    assert.match(html, /Participant 1/);
    assert.match(html, /<h1><bdi>Shared conversation<\/bdi><\/h1>/);
    assert.match(html, /Media hidden/);
    assert.match(html, /Contact card hidden/);
    // The media route is closed for a redacted share, even for a file of its range.
    const media = await t.app.request(`${pathOf(s.url)}/media/IMG-20240102-WA0001.jpg`);
    assert.equal(media.status, 404);
    await media.body?.cancel();

    // The same conversation shared plainly is unchanged.
    const plain = await share(t, owner.headers, owner.conversationId, { expiresInHours: 1 });
    assert.equal(plain.redacted, false);
    const full = await (await t.app.request(pathOf(plain.url))).text();
    for (const name of ["Alice Smith", "Bob Jones", "Carol"]) assert.match(full, new RegExp(name));
    assert.match(full, /\(555\) 123-4567/);
    const photo = await t.app.request(`${pathOf(plain.url)}/media/IMG-20240102-WA0001.jpg`);
    assert.equal(photo.status, 200);
    await photo.body?.cancel();

    const list = await (await t.app.request(
      `/api/conversations/${owner.conversationId}/shares`,
      { headers: owner.headers },
    )).json();
    assert.deepEqual(list.shares.map((x: { redacted: boolean }) => x.redacted).sort(), [
      false,
      true,
    ]);
  } finally {
    await t.close();
  }
});

Deno.test("share ranges are refs: resolved to the current timeline at read time", async () => {
  const t = await createTestApp();
  try {
    const owner = await ownerWithChat(t);
    const s = await share(t, owner.headers, owner.conversationId, {
      expiresInHours: 1,
      fromSeq: 5,
      toSeq: 6,
    });
    let html = await (await t.app.request(pathOf(s.url))).text();
    assert.match(html, /Zoe says call/);
    assert.match(html, /my office is/);
    assert.doesNotMatch(html, /thanks Alice/);
    // A merge renumbers seqs but keeps refs: move those two messages to the end.
    await t.db.sql`update messages set seq = seq + 100
      where conversation_id = ${owner.conversationId} and ref in (5, 6)`;
    html = await (await t.app.request(pathOf(s.url))).text();
    assert.match(html, /Zoe says call/);
    assert.match(html, /my office is/);
    assert.doesNotMatch(html, /thanks Alice|I was not in the group/);
    // A ref that is no message: 400 naming the field.
    const bad = await t.app.request(`/api/conversations/${owner.conversationId}/shares`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1, fromSeq: 1, toSeq: 999 }),
    });
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^toSeq: /);
  } finally {
    await t.close();
  }
});

Deno.test("the account page's share form creates a redacted share and lists it as such", async () => {
  const t = await createTestApp();
  try {
    const owner = await ownerWithChat(t);
    const res = await t.app.request("/account/shares", {
      method: "POST",
      headers: {
        ...owner.headers,
        origin: "http://localhost",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        conversationId: owner.conversationId,
        expiresInHours: "24",
        redacted: "on",
      }).toString(),
    });
    assert.equal(res.status, 303);
    const [row] = await t.db.sql<{ id: string; redacted: boolean }[]>`
      select id, redacted from shares where conversation_id = ${owner.conversationId}`;
    assert.equal(row.redacted, true);
    // Back on the account page, on the new link's field.
    const location = res.headers.get("location")!;
    assert.equal(location, `/account?created=${row.id}`);
    const landed = await (await t.app.request(location, { headers: owner.headers })).text();
    assert.match(landed, new RegExp(`id="share-${row.id}-url" autofocus/>`));
    const page = await (await t.app.request("/account", { headers: owner.headers })).text();
    assert.match(page, /name="redacted"/);
    assert.match(page, /, redacted<\/strong>/);
  } finally {
    await t.close();
  }
});
