import assert from "node:assert/strict";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { importChat } from "../worker/import_chat.ts";

const upload = async (t: TestApp, headers: Record<string, string>, name: string, body: string) => {
  const res = await t.app.request(`/api/imports?filename=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { ...headers, "content-type": "text/plain" },
    body,
  });
  assert.equal(res.status, 202);
  return (await res.json()).id as string;
};
const fail = (t: TestApp, id: string) =>
  t.db.sql`update imports set status = 'failed', error = 'not a WhatsApp chat' where id = ${id}`;
const rows = async (t: TestApp, id: string) =>
  (await t.db.sql`select 1 from imports where id = ${id}`).length;

Deno.test("failed imports: deleted with their upload by the API (owner only, never running ones)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const del = (id: string, headers = ann.headers) =>
      t.app.request(`/api/imports/${id}`, { method: "DELETE", headers });
    const bad = await upload(t, ann.headers, "notes.txt", "not a chat\n");

    // Running (queued, then processing): refused, kept.
    const queued = await del(bad);
    assert.equal(queued.status, 409);
    const running = (await queued.json()).error;
    assert.equal(running.code, "import_running");
    assert.match(running.message, /still running \(queued\)/);
    await t.db.sql`update imports set status = 'processing' where id = ${bad}`;
    assert.equal((await (await del(bad)).json()).error.code, "import_running");
    assert.equal(await rows(t, bad), 1);

    await fail(t, bad);
    // Another user: 404 (never 403), nothing removed.
    const eve = await signUp(t.app);
    const peek = await del(bad, eve.headers);
    assert.equal(peek.status, 404);
    assert.equal((await peek.json()).error.code, "not_found");
    assert.equal(await rows(t, bad), 1);

    const ok = await del(bad);
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { deleted: bad, filename: "notes.txt" });
    assert.equal(await rows(t, bad), 0);
    assert.equal(await t.blobs.size(`imports/${bad}/original`), null);
    assert.equal(
      (await t.app.request(`/api/imports/${bad}`, { headers: ann.headers })).status,
      404,
    );
    assert.equal((await del(bad)).status, 404);

    // A done import is its conversation's: deleted with it, not here.
    const good = await upload(t, ann.headers, "chat.txt", "01/02/2024, 10:00 - Ann: hi\n");
    await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, good);
    const done = await del(good);
    assert.equal(done.status, 409);
    assert.equal((await done.json()).error.code, "import_has_conversation");
    assert.ok(await t.blobs.size(`imports/${good}/original`));

    const malformed = await del("not-a-uuid");
    assert.equal(malformed.status, 400);
    assert.ok((await malformed.json()).error.message);
  } finally {
    await t.close();
  }
});

Deno.test("failed imports: the library's Delete button (a form post, no JavaScript needed)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const bad = await upload(t, ann.headers, "broken.zip", "PK not really\n");
    const waiting = await upload(t, ann.headers, "later.txt", "01/02/2024, 10:00 - Ann: hi\n");
    await fail(t, bad);
    const library = await (await t.app.request("/", { headers: ann.headers })).text();
    const form =
      `<form method="post" action="/imports/${bad}/delete" class="inline delete-import">`;
    assert.ok(library.includes(form), "a Delete form on the failed import");
    assert.match(library, /<button type="submit">Delete<\/button>/);
    assert.ok(!library.includes(`/imports/${waiting}/delete`), "none on a running import");
    // The import's own page offers it too.
    const page = await (await t.app.request(`/imports/${bad}`, { headers: ann.headers })).text();
    assert.ok(page.includes(form));

    const post = (id: string) =>
      t.app.request(`/imports/${id}/delete`, { method: "POST", headers: ann.headers });
    const res = await post(bad);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/");
    assert.equal(await rows(t, bad), 0);
    assert.equal(await t.blobs.size(`imports/${bad}/original`), null);
    const after = await (await t.app.request("/", { headers: ann.headers })).text();
    assert.ok(!after.includes("broken.zip"));

    const refused = await post(waiting);
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /still running/);
    assert.equal(await rows(t, waiting), 1);
  } finally {
    await t.close();
  }
});
