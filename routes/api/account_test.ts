import assert from "node:assert/strict";
import { copyMessages } from "../../lib/db/messages.ts";
import type { Message } from "../../lib/parse/types.ts";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { userWithChat } from "../../tests/security/_fixtures.ts";

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isDirectory) files.push(...await filesUnder(`${dir}/${e.name}`));
      else files.push(`${dir}/${e.name}`);
    }
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
  return files;
}

Deno.test("export: JSON of every message, and the original file, both as attachments", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 12);
    const res = await t.app.request(`/api/conversations/${ann.conversationId}/export?format=json`, {
      headers: ann.headers,
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/json; charset=utf-8");
    assert.match(res.headers.get("content-disposition")!, /^attachment; filename="Bob.json"/);
    assert.equal(res.headers.get("cache-control"), "private, no-store");
    const doc = await res.json();
    assert.equal(doc.format, "whatsapp-reader-export/1");
    assert.equal(doc.conversation.id, ann.conversationId);
    assert.equal(doc.messages.length, 12);
    assert.deepEqual(
      doc.messages.map((m: { seq: number }) => m.seq),
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    assert.equal(doc.messages[2].text, "message number 3");

    const original = await t.app.request(
      `/api/conversations/${ann.conversationId}/export?format=original`,
      {
        headers: ann.headers,
      },
    );
    assert.equal(original.status, 200);
    assert.equal(original.headers.get("content-type"), "application/zip");
    assert.match(
      original.headers.get("content-disposition")!,
      /^attachment; filename="WhatsApp Chat - Bob.zip"/,
    );
    const bytes = new Uint8Array(await original.arrayBuffer());
    assert.deepEqual(bytes.slice(0, 4), new Uint8Array([0x50, 0x4b, 3, 4]));

    const eve = await signUp(t.app);
    for (const format of ["json", "original"]) {
      const peek = await t.app.request(
        `/api/conversations/${ann.conversationId}/export?format=${format}`,
        {
          headers: eve.headers,
        },
      );
      assert.equal(peek.status, 404);
    }
  } finally {
    await t.close();
  }
});

async function* bigChat(n: number): AsyncGenerator<Message[]> {
  for (let i = 0; i < n; i += 5000) {
    yield Array.from({ length: 5000 }, (_, j) => ({
      date: "2024-01-02T10:00:00",
      author: "Ann",
      text: `line ${i + j + 1} "quoted" \\ \u2028 <b>`,
      kind: "text",
      attachment: null,
      edited: false,
    }));
  }
}

Deno.test("export: a large conversation streams page by page (first bytes before the last query)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = crypto.randomUUID();
    const N = 30_000;
    await t.db
      .sql`insert into conversations (id, user_id, title, message_count) values (${id}, ${ann.userId}, 'Big', ${N})`;
    await copyMessages(t.db.sql, id, bigChat(N));
    const res = await t.app.request(`/api/conversations/${id}/export`, { headers: ann.headers });
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    const head = new TextDecoder().decode(first.value);
    assert.match(head, /^\{"format":"whatsapp-reader-export\/1"/);
    assert.ok(
      first.value!.byteLength < 64 * 1024,
      "the first chunk is the head, not the whole body",
    );
    let text = head;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      text += new TextDecoder().decode(r.value);
    }
    const doc = JSON.parse(text);
    assert.equal(doc.messages.length, N);
    assert.equal(doc.messages[N - 1].text, `line ${N} "quoted" \\ \u2028 <b>`);
  } finally {
    await t.close();
  }
});

Deno.test("account deletion: needs the password, then removes every row and blob at once", async () => {
  const purged: string[] = [];
  const t = await createTestApp({
    edge: { invalidate: (paths) => Promise.resolve(void purged.push(...paths)) },
  });
  try {
    const ann = await userWithChat(t, 6);
    const bob = await userWithChat(t, 4);
    const del = (headers: Record<string, string>, password: string) =>
      t.app.request("/api/account", {
        method: "DELETE",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ password }),
      });
    const tokenRes = await t.app.request("/api/tokens", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "x" }),
    });
    const apiToken = (await tokenRes.json()).token;
    await t.app.request(`/api/conversations/${ann.conversationId}/shares`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    });

    const wrong = await del(ann.headers, "not my password");
    assert.equal(wrong.status, 403);
    assert.equal((await wrong.json()).error.code, "wrong_password");
    assert.equal((await t.app.request("/api/conversations", { headers: ann.headers })).status, 200);
    assert.equal((await del(ann.headers, "")).status, 400);

    assert.deepEqual(purged, [], "nothing purged before the deletion");
    const gone = await del(ann.headers, "correct horse battery");
    assert.equal(gone.status, 204);
    assert.equal(gone.headers.get("clear-site-data"), '"cache", "storage"', "the browser forgets");
    assert.deepEqual(purged, [`/files/${ann.conversationId}/*`], "its media purged at the edge");
    assert.equal((await t.app.request("/api/conversations", { headers: ann.headers })).status, 401);
    assert.equal(
      (await t.app.request("/api/conversations", {
        headers: { authorization: `Bearer ${apiToken}` },
      })).status,
      401,
    );
    for (const table of ["users", "sessions", "api_tokens", "shares", "imports", "conversations"]) {
      const [row] = await t.db.sql.unsafe(
        `select count(*)::int as n from ${table} where ${
          table === "users" ? "id" : "user_id"
        } = $1`,
        [ann.userId],
      );
      assert.equal(row.n, 0, table);
    }
    const [msgs] = await t.db
      .sql`select count(*)::int as n from messages where conversation_id = ${ann.conversationId}`;
    assert.equal(msgs.n, 0);
    const blobs = await filesUnder(`${t.config.dataDir}/blobs`);
    assert.ok(!blobs.some((f) => f.includes(ann.conversationId)), "no blob of Ann's remains");
    assert.ok(blobs.some((f) => f.includes(bob.conversationId)), "Bob's blobs are untouched");
    assert.equal((await t.app.request("/api/conversations", { headers: bob.headers })).status, 200);
  } finally {
    await t.close();
  }
});

Deno.test("account page: delete with the password (CSRF-checked), cookie cleared", async () => {
  const t = await createTestApp();
  try {
    const ann = await userWithChat(t, 4);
    const cookie = `session=${ann.token}`;
    const post = (headers: Record<string, string>, password: string) =>
      t.app.request("/account/delete", {
        method: "POST",
        headers: { cookie, ...headers },
        body: new URLSearchParams({ password }),
      });
    const crossSite = await post(
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      "correct horse battery",
    );
    assert.equal(crossSite.status, 403);
    const wrong = await post({ origin: "http://localhost" }, "nope");
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /password does not match/);
    const ok = await post({ origin: "http://localhost" }, "correct horse battery");
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get("set-cookie")!, /session=;/);
    assert.equal(ok.headers.get("clear-site-data"), '"cache", "storage"');
    assert.equal((await t.app.request("/api/conversations", { headers: ann.headers })).status, 401);
  } finally {
    await t.close();
  }
});
