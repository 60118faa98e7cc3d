import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";

const CHAT = "01/02/2024, 10:00 - Ann: hello\n01/02/2024, 10:01 - Bob: hi\n";

Deno.test("imports API: raw and multipart uploads are stored, hashed, queued and scoped", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const raw = await t.app.request("/api/imports?filename=WhatsApp%20Chat%20with%20Bob.txt", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "text/plain" },
      body: CHAT,
    });
    assert.equal(raw.status, 202);
    const { id } = await raw.json();
    const status = await (await t.app.request(`/api/imports/${id}`, { headers: ann.headers }))
      .json();
    assert.equal(status.status, "queued");
    assert.equal(status.filename, "WhatsApp Chat with Bob.txt");
    assert.equal(status.size, CHAT.length);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(CHAT));
    assert.equal(
      status.sha256,
      Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join(""),
    );
    const stored = await t.blobs.get(`imports/${id}/original`);
    assert.equal(await new Response(stored!.body).text(), CHAT);
    assert.deepEqual((await t.queue.stats()).length, 1);

    const form = new FormData();
    form.append("note", "ignored");
    // Another file: the same bytes again would be refused as already imported.
    form.append("file", new File([`${CHAT}01/02/2024, 10:02 - Ann: more\n`], "chat.txt"));
    const multi = await t.app.request("/api/imports", {
      method: "POST",
      headers: ann.headers,
      body: form,
    });
    assert.equal(multi.status, 202);
    const second = await (await t.app.request(`/api/imports/${(await multi.json()).id}`, {
      headers: ann.headers,
    })).json();
    assert.equal(second.filename, "chat.txt");

    // Another user sees neither import: 404, never 403.
    const eve = await signUp(t.app);
    const peek = await t.app.request(`/api/imports/${id}`, { headers: eve.headers });
    assert.equal(peek.status, 404);
    assert.equal((await peek.json()).error.code, "not_found");
    const list = await (await t.app.request("/api/imports", { headers: eve.headers })).json();
    assert.deepEqual(list.imports, []);
  } finally {
    await t.close();
  }
});

Deno.test("imports API: bad uploads get clear 4xx errors and store nothing", async () => {
  const t = await createTestApp({ env: { MAX_UPLOAD_BYTES: "100" } });
  try {
    const { headers } = await signUp(t.app);
    const post = (path: string, body: BodyInit, extra: Record<string, string> = {}) =>
      t.app.request(path, { method: "POST", headers: { ...headers, ...extra }, body });

    const noName = await post("/api/imports", CHAT, { "content-type": "text/plain" });
    assert.equal(noName.status, 400);
    assert.match((await noName.json()).error.message, /^filename: /);

    const big = await post("/api/imports?filename=big.txt", "x".repeat(101), {
      "content-type": "text/plain",
    });
    assert.equal(big.status, 413);
    assert.equal((await big.json()).error.code, "too_large");

    // No declared length: refused while streaming, and the partial blob is removed.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode("y".repeat(40)));
        c.close();
      },
    });
    const streamed = await post("/api/imports?filename=s.txt", stream, {
      "content-type": "text/plain",
    });
    assert.equal(streamed.status, 413);

    const empty = await post("/api/imports?filename=e.txt", "", { "content-type": "text/plain" });
    assert.equal(empty.status, 400);

    const form = new FormData();
    form.append("other", "x");
    const noFile = await post("/api/imports", form);
    assert.equal(noFile.status, 400);
    assert.match((await noFile.json()).error.message, /^file: /);

    assert.equal((await t.queue.stats()).length, 0);
    const rows = await t.db.sql`select count(*)::int as n from imports`;
    assert.equal(rows[0].n, 0);
    assert.deepEqual(await filesUnder(`${t.config.dataDir}/blobs/imports`), []);
  } finally {
    await t.close();
  }
});

Deno.test("API: unauthenticated is 401, unknown routes 404, both JSON", async () => {
  const t = await createTestApp();
  try {
    const anon = await t.app.request("/api/conversations");
    assert.equal(anon.status, 401);
    assert.equal((await anon.json()).error.code, "unauthenticated");
    const { headers } = await signUp(t.app);
    const unknown = await t.app.request("/api/nope", { headers });
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json()).error.code, "not_found");
  } finally {
    await t.close();
  }
});

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
