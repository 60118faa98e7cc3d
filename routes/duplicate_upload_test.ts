import assert from "node:assert/strict";
import { createImport } from "../lib/db/imports.ts";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { importChat } from "../worker/import_chat.ts";

const CHAT = "01/02/2024, 10:00 - Ann: hello\n03/02/2024, 10:01 - Bob: hi\n";

const post = (t: TestApp, headers: Record<string, string>, name: string, body: string) =>
  t.app.request(`/api/imports?filename=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { ...headers, "content-type": "text/plain" },
    body,
  });
const work = (t: TestApp, id: string) =>
  importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
const importCount = async (t: TestApp) =>
  (await t.db.sql`select count(*)::int as n from imports`)[0].n as number;

Deno.test("re-upload of the same file: 409 naming the conversation, nothing stored or queued", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const first = await post(t, ann.headers, "WhatsApp Chat with Bob.txt", CHAT);
    assert.equal(first.status, 202);
    const { id } = await first.json();

    // Still queued: the same file again names that import (no conversation yet).
    const early = await post(t, ann.headers, "copy.txt", CHAT);
    assert.equal(early.status, 409);
    const pending = (await early.json()).error;
    assert.equal(pending.code, "duplicate_upload");
    assert.equal(pending.importId, id);
    assert.equal(pending.importUrl, `/imports/${id}`);
    assert.equal(pending.conversationId, null);
    assert.match(pending.message, /already being imported/);

    assert.equal((await work(t, id)).status, "done");
    const again = await post(t, ann.headers, "WhatsApp Chat with Bob (1).txt", CHAT);
    assert.equal(again.status, 409);
    const err = (await again.json()).error;
    assert.equal(err.code, "duplicate_upload");
    assert.equal(err.conversationId, id);
    assert.equal(err.conversationUrl, `/c/${id}`);
    assert.equal(err.title, "Bob");
    assert.match(err.message, /already in your library.*“Bob”.*nothing was added/);
    // No second import, job or blob; the one conversation offers no merge.
    assert.equal(await importCount(t), 1);
    assert.equal((await t.queue.stats()).length, 1);
    const originals = [];
    for await (const dir of Deno.readDir(`${t.config.dataDir}/blobs/imports`)) {
      for await (const f of Deno.readDir(`${t.config.dataDir}/blobs/imports/${dir.name}`)) {
        originals.push(`${dir.name}/${f.name}`);
      }
    }
    assert.deepEqual(originals, [`${id}/original`]);
    const convs = await (await t.app.request("/api/conversations", { headers: ann.headers }))
      .json();
    assert.equal(convs.conversations.length, 1);
    const page = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.doesNotMatch(page, /merge-offer/);

    // The page (the form without JavaScript): a 409 page linking the conversation.
    const form = new FormData();
    form.append("file", new File([CHAT], "again.txt", { type: "text/plain" }));
    const res = await t.app.request("/imports", {
      method: "POST",
      headers: ann.headers,
      body: form,
    });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /Already in your library/);
    assert.match(html, /again\.txt/);
    assert.match(html, new RegExp(`<a href="/c/${id}">Open <span dir="auto">Bob</span></a>`));
    assert.equal(await importCount(t), 1);

    // Another user's library is theirs: the same file is imported for them.
    const eve = await signUp(t.app);
    assert.equal((await post(t, eve.headers, "mine.txt", CHAT)).status, 202);
    // A different file is never a duplicate.
    assert.equal((await post(t, ann.headers, "other.txt", `${CHAT}\n`)).status, 202);
  } finally {
    await t.close();
  }
});

Deno.test("re-upload: a failed or deleted import does not count; the file can be imported again", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const bad = await post(t, ann.headers, "notes.txt", "not a chat at all\n");
    const badId = (await bad.json()).id;
    await t.db.sql`update imports set status = 'failed', error = 'x' where id = ${badId}`;
    assert.equal((await post(t, ann.headers, "notes.txt", "not a chat at all\n")).status, 202);

    const first = (await (await post(t, ann.headers, "a.txt", CHAT)).json()).id;
    await work(t, first);
    const del = await t.app.request(`/api/conversations/${first}`, {
      method: "DELETE",
      headers: ann.headers,
    });
    assert.ok(del.ok, `delete: ${del.status}`);
    assert.equal((await post(t, ann.headers, "a.txt", CHAT)).status, 202);
  } finally {
    await t.close();
  }
});

Deno.test("re-upload found by the worker (direct upload, hashed late): failed, linked, no copy", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const first = (await (await post(t, ann.headers, "WhatsApp Chat with Bob.txt", CHAT)).json())
      .id;
    await work(t, first);
    // A direct upload to S3 is recorded without its SHA-256 (the worker computes it).
    const id = crypto.randomUUID();
    await t.blobs.put(`imports/${id}/original`, new TextEncoder().encode(CHAT));
    await createImport(t.db.sql, {
      id,
      userId: ann.userId,
      filename: "WhatsApp Chat with Bob.txt",
      size: CHAT.length,
      sha256: "s3-multipart",
      blobKey: `imports/${id}/original`,
    });
    assert.deepEqual(await work(t, id), { status: "duplicate", of: first });
    const status = await (await t.app.request(`/api/imports/${id}`, { headers: ann.headers }))
      .json();
    assert.equal(status.status, "failed");
    assert.equal(status.duplicateOf, first);
    assert.match(status.error, new RegExp(`already in your library.*/c/${first}`));
    assert.equal((await t.db.sql`select 1 from conversations where id = ${id}`).length, 0);
    assert.equal(await t.blobs.size(`imports/${id}/original`), null);
    const page = await (await t.app.request(`/imports/${id}`, { headers: ann.headers })).text();
    assert.match(page, new RegExp(`href="/imports/${first}"`));
  } finally {
    await t.close();
  }
});

Deno.test("copies of one file sent at once: one is imported, the others are the 409", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const answers = await Promise.all(
      [..."abcdef"].map((name) => post(t, ann.headers, `${name}.txt`, CHAT)),
    );
    // Without the advisory lock, copies racing past the lookup often all get in.
    assert.deepEqual(answers.map((r) => r.status).sort(), [202, 409, 409, 409, 409, 409]);
    for (const r of answers) await r.body?.cancel();
    assert.equal(await importCount(t), 1);
  } finally {
    await t.close();
  }
});
