import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";

const json = (headers: Record<string, string>, body: unknown, method = "POST") => ({
  method,
  headers: { ...headers, "content-type": "application/json" },
  body: JSON.stringify(body),
});

Deno.test("API tokens: created once, stored hashed, accepted as Bearer, revoked at once", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const created = await t.app.request(
      "/api/tokens",
      json(ann.headers, { name: "  backup script " }),
    );
    assert.equal(created.status, 201);
    assert.equal(created.headers.get("cache-control"), "no-store");
    const { id, token, name, hint } = await created.json();
    assert.match(token, /^wcr_[A-Za-z0-9_-]{43}$/);
    assert.equal(name, "backup script");
    assert.equal(hint, token.slice(0, 10));

    // Only the SHA-256 is stored: the database never holds the token.
    const [row] = await t.db.sql`select * from api_tokens where id = ${id}`;
    assert.deepEqual(
      new Uint8Array(row.tokenHash),
      new Uint8Array(createHash("sha256").update(token).digest()),
    );
    const dump = JSON.stringify(await t.db.sql`select * from api_tokens`);
    assert.ok(!dump.includes(token.slice(4)));

    const bearer = { authorization: `Bearer ${token}` };
    const list = await t.app.request("/api/conversations", { headers: bearer });
    assert.equal(list.status, 200);
    const tokens = await (await t.app.request("/api/tokens", { headers: ann.headers })).json();
    assert.equal(tokens.tokens.length, 1);
    assert.equal(tokens.tokens[0].token, undefined, "the list never shows the secret");
    assert.ok(tokens.tokens[0].lastUsedAt, "use is recorded");

    // A token cannot mint more tokens (revoking a leaked one must be enough).
    const mint = await t.app.request("/api/tokens", json(bearer, { name: "more" }));
    assert.equal(mint.status, 403);
    assert.equal((await mint.json()).error.code, "forbidden");
    // Nor through the account page's form (Bearer requests skip the CSRF check).
    const viaPage = await t.app.request("/account/tokens", {
      method: "POST",
      headers: bearer,
      body: new URLSearchParams({ name: "more" }),
    });
    assert.equal(viaPage.status, 403);
    assert.equal((await t.app.request("/account", { headers: bearer })).status, 403);

    assert.equal(
      (await t.app.request(`/api/tokens/${id}`, { method: "DELETE", headers: ann.headers })).status,
      204,
    );
    assert.equal((await t.app.request("/api/conversations", { headers: bearer })).status, 401);
    assert.equal(
      (await t.app.request(`/api/tokens/${id}`, { method: "DELETE", headers: ann.headers })).status,
      404,
    );
    assert.deepEqual(
      (await (await t.app.request("/api/tokens", { headers: ann.headers })).json()).tokens,
      [],
    );
  } finally {
    await t.close();
  }
});

Deno.test("API tokens: unknown, malformed and other users' tokens get nothing", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const eve = await signUp(t.app);
    const { id, token } =
      await (await t.app.request("/api/tokens", json(ann.headers, { name: "a" }))).json();
    const get = (tok: string) =>
      t.app.request("/api/conversations", { headers: { authorization: `Bearer ${tok}` } });
    assert.equal((await get(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).status, 401);
    assert.equal((await get("wcr_short")).status, 401);
    assert.equal((await get(`wcr_${"A".repeat(43)}' or '1'='1`)).status, 401);
    // Eve can neither see nor revoke Ann's token: 404, as for a token that does not exist.
    assert.deepEqual(
      (await (await t.app.request("/api/tokens", { headers: eve.headers })).json()).tokens,
      [],
    );
    const revoke = await t.app.request(`/api/tokens/${id}`, {
      method: "DELETE",
      headers: eve.headers,
    });
    assert.equal(revoke.status, 404);
    assert.equal((await get(token)).status, 200);
  } finally {
    await t.close();
  }
});

Deno.test("account page: create a token (shown once), list and revoke it", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const cookie = { cookie: `session=${ann.token}`, origin: "http://localhost" };
    const form = (path: string, fields: Record<string, string>) =>
      t.app.request(path, { method: "POST", headers: cookie, body: new URLSearchParams(fields) });
    const page = await form("/account/tokens", { name: "<b>laptop</b>" });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get("cache-control"), "private, no-store");
    const html = await page.text();
    const token = html.match(/wcr_[A-Za-z0-9_-]{43}/)?.[0];
    assert.ok(token, "the new token is on the page");
    assert.ok(html.includes("&lt;b>laptop&lt;/b>") || html.includes("&lt;b&gt;laptop&lt;/b&gt;"));
    assert.ok(!html.includes("<b>laptop</b>"));
    const again = await (await t.app.request("/account", { headers: cookie })).text();
    assert.ok(!again.includes(token), "never shown again");
    const id = again.match(/\/account\/tokens\/([0-9a-f-]{36})\/revoke/)![1];
    const revoked = await form(`/account/tokens/${id}/revoke`, {});
    assert.equal(revoked.status, 303);
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await t.app.request("/api/conversations", { headers: bearer })).status, 401);
  } finally {
    await t.close();
  }
});
