// Break-in attempts on authentication: rotated and retired signing keys, forged tokens, logout,
// open redirects and CSRF. Password guessing and the other rate limits: rate_limits_test.ts.
import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { createTokenSigner } from "../../lib/auth/tokens.ts";
import { silentLogger } from "../../lib/log.ts";
import { createMemoryRateLimiter } from "../../lib/ratelimit.ts";
import { createApp } from "../../routes/app.ts";
import { createTestApp, signUp, TEST_SECRET, type TestApp } from "../helpers/app.ts";

const OLD = "old-secret-that-is-long-enough-for-hs256-0123456789";
const NEW = "new-secret-that-is-long-enough-for-hs256-9876543210";

/** Another web process on the same database, with other signing secrets. */
function appWith(t: TestApp, secrets: string[]) {
  return createApp({
    db: t.db.sql,
    queue: t.queue,
    blobs: t.blobs,
    config: t.config,
    logger: silentLogger,
    tokens: createTokenSigner(secrets),
    limiter: createMemoryRateLimiter(),
  });
}

const kidOf = (token: string) =>
  JSON.parse(atob(token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/"))).kid;

Deno.test("key rotation: old tokens verify while their secret is listed; removed → 401", async () => {
  const t = await createTestApp({ secrets: [OLD] });
  try {
    const { token } = await signUp(t.app);
    const headers = { authorization: `Bearer ${token}` };
    // Step 1 of a rotation: the new secret signs, the old one still verifies.
    const rotating = appWith(t, [NEW, OLD]);
    assert.equal((await rotating.request("/api/conversations", { headers })).status, 200);
    const fresh = await signUp(rotating);
    assert.notEqual(kidOf(fresh.token), kidOf(token), "new tokens are signed with the new key");
    assert.equal(
      (await rotating.request("/api/conversations", { headers: fresh.headers })).status,
      200,
    );
    // Step 2: the old secret is dropped; what it signed stops working, the rest goes on.
    const rotated = appWith(t, [NEW]);
    const old = await rotated.request("/api/conversations", { headers });
    assert.equal(old.status, 401);
    assert.equal((await old.json()).error.code, "unauthenticated");
    assert.equal(
      (await rotated.request("/api/conversations", { headers: fresh.headers })).status,
      200,
    );
    // And the old process, which never knew the new secret, refuses the new tokens.
    assert.equal(
      (await t.app.request("/api/conversations", { headers: fresh.headers })).status,
      401,
    );
  } finally {
    await t.close();
  }
});

const b64url = (v: unknown) =>
  btoa(JSON.stringify(v)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

Deno.test("forged session tokens fail as cookie and as Bearer: none, HS512, tampered, expired row", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const [h, p] = ann.token.split(".");
    const header = JSON.parse(atob(h.replace(/-/g, "+").replace(/_/g, "/")));
    const payload = JSON.parse(atob(p.replace(/-/g, "+").replace(/_/g, "/")));
    const key = new TextEncoder().encode(TEST_SECRET);
    const forged = [
      `${b64url({ alg: "none", typ: "JWT" })}.${p}.`,
      `${b64url({ alg: "none", kid: header.kid })}.${b64url({ ...payload, exp: 9999999999 })}.`,
      await new SignJWT({ sid: payload.sid }).setProtectedHeader({ alg: "HS512", kid: header.kid })
        .setSubject(ann.userId).setExpirationTime("1h").sign(
          new TextEncoder().encode(TEST_SECRET.repeat(2)),
        ),
      `${h}.${b64url({ ...payload, exp: payload.exp + 86400 * 365 })}.${ann.token.split(".")[2]}`,
      `${b64url({ ...header, kid: "0".repeat(12) })}.${p}.${ann.token.split(".")[2]}`,
      "not.a.jwt",
      "",
    ];
    for (const token of forged) {
      const bearer = await t.app.request("/api/conversations", {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(bearer.status, 401, `Bearer ${token.slice(0, 40)}`);
      const page = await t.app.request("/", { headers: { cookie: `session=${token}` } });
      assert.equal(page.status, 303, `cookie ${token.slice(0, 40)}`);
    }
    // A validly signed token whose server-side session expired or was revoked: refused.
    const fresh = await new SignJWT({ sid: payload.sid }).setProtectedHeader({
      alg: "HS256",
      kid: header.kid,
    })
      .setSubject(ann.userId).setExpirationTime("1h").sign(key);
    assert.equal(
      (await t.app.request("/api/conversations", { headers: { authorization: `Bearer ${fresh}` } }))
        .status,
      200,
    );
    await t.db
      .sql`update sessions set expires_at = now() - interval '1 second' where id = ${payload.sid}`;
    assert.equal(
      (await t.app.request("/api/conversations", { headers: { authorization: `Bearer ${fresh}` } }))
        .status,
      401,
    );
    // Another user's session id under Ann's subject: refused (the row must match both).
    const bob = await signUp(t.app);
    const bobSid =
      JSON.parse(atob(bob.token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sid;
    const mixed = await new SignJWT({ sid: bobSid }).setProtectedHeader({
      alg: "HS256",
      kid: header.kid,
    })
      .setSubject(ann.userId).setExpirationTime("1h").sign(key);
    assert.equal(
      (await t.app.request("/api/conversations", { headers: { authorization: `Bearer ${mixed}` } }))
        .status,
      401,
    );
  } finally {
    await t.close();
  }
});

Deno.test("logout from the page revokes the session server-side (a copied cookie is dead)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const cookie = `session=${ann.token}`;
    assert.equal((await t.app.request("/api/conversations", { headers: { cookie } })).status, 200);
    const out = await t.app.request("/signout", {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
    });
    assert.equal(out.status, 303);
    assert.equal((await t.app.request("/api/conversations", { headers: { cookie } })).status, 401);
    assert.equal((await t.app.request("/api/conversations", { headers: ann.headers })).status, 401);
    const page = await t.app.request("/", { headers: { cookie } });
    assert.equal(page.status, 303);
    assert.match(page.headers.get("location")!, /^\/signin/);
  } finally {
    await t.close();
  }
});

Deno.test("open redirect: sign-in and sign-up go back only to a path of ours", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const submit = (mode: "signin" | "signup", next: string, email: string) =>
      t.app.request(`/${mode}?next=${encodeURIComponent(next)}`, {
        method: "POST",
        headers: { origin: "http://localhost" },
        body: new URLSearchParams({ email, password: "correct horse battery" }),
      });
    // Browsers read `/\host` and `/<tab>/host` as `//host`: another site.
    for (const next of ["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/x"]) {
      const res = await submit("signin", next, ann.email);
      assert.equal(res.status, 303, JSON.stringify(next));
      assert.equal(res.headers.get("location"), "/", JSON.stringify(next));
      const page = await t.app.request(`/signin?next=${encodeURIComponent(next)}`);
      assert.match(await page.text(), /action="\/signin\?next=%2F"/, JSON.stringify(next));
    }
    const fresh = await submit("signup", "/\\evil.example", `u${crypto.randomUUID()}@example.com`);
    assert.equal(fresh.headers.get("location"), "/");
    const back = await submit("signin", "/c/1?before=3", ann.email);
    assert.equal(back.headers.get("location"), "/c/1?before=3");
  } finally {
    await t.close();
  }
});

Deno.test("CSRF: cross-site writes with the cookie are refused; same-origin and Bearer pass", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const cookie = `session=${ann.token}`;
    const form = (headers: Record<string, string>) =>
      t.app.request("/account/tokens", {
        method: "POST",
        headers: { cookie, ...headers },
        body: new URLSearchParams({ name: "csrf" }),
      });
    const cross = await form({ origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    assert.equal(cross.status, 403);
    assert.equal(
      (await form({ origin: "https://evil.example" })).status,
      403,
      "no Sec-Fetch-Site: Origin decides",
    );
    assert.equal((await form({})).status, 403, "neither header: refused");
    assert.equal((await form({ origin: "null" })).status, 403, "opaque origin (sandboxed frame)");
    assert.equal(
      (await form({ "sec-fetch-site": "same-site" })).status,
      403,
      "a sibling subdomain is not us",
    );
    assert.equal((await form({ origin: "http://localhost" })).status, 200);
    assert.equal((await form({ "sec-fetch-site": "same-origin" })).status, 200);

    // JSON with the cookie from another site (fetch with credentials) is refused too.
    const json = (headers: Record<string, string>) =>
      t.app.request("/api/tokens", {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ name: "x" }),
      });
    assert.equal((await json({ cookie, origin: "https://evil.example" })).status, 403);
    assert.equal((await json({ cookie, origin: "http://localhost" })).status, 201);
    assert.equal(
      (await json({ ...ann.headers, origin: "https://evil.example" })).status,
      201,
      "Bearer is exempt",
    );
    // A Bearer header that does not parse is exempt from the check too: the cookie must not
    // then authenticate the request (it would be a cookie write without the CSRF check).
    for (const authorization of ["Bearer a b", "Bearer wcr_x wcr_y", "bearer\tnot-a-token x"]) {
      const res = await json({ cookie, origin: "https://evil.example", authorization });
      assert.equal(res.status, 401, authorization);
    }
    const listed = await (await t.app.request("/api/tokens", { headers: ann.headers })).json();
    assert.equal(listed.tokens.length, 4, "only the tokens created above");
    // A forged sign-in (login CSRF) is refused even without a cookie.
    const login = await t.app.request("/signin", {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: new URLSearchParams({ email: ann.email, password: "correct horse battery" }),
    });
    assert.equal(login.status, 403);
    assert.equal(login.headers.get("set-cookie"), null);
    const apiLogin = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ email: ann.email, password: "correct horse battery" }),
    });
    assert.equal(apiLogin.status, 403, "the API's sign-in too");
    assert.match((await apiLogin.json()).error.message, /application\/json.*Bearer/);
    // A script's upload without any credential: nothing to forge, so 401 says what is missing.
    const upload = new FormData();
    upload.append("file", new File(["01/02/2024, 10:00 - Ann: hi\n"], "chat.txt"));
    const anonymous = await t.app.request("/api/imports", { method: "POST", body: upload });
    assert.equal(anonymous.status, 401);
    // Deleting a conversation cross-site with the cookie: refused.
    const del = await t.app.request(`/api/conversations/${crypto.randomUUID()}`, {
      method: "DELETE",
      headers: { cookie, origin: "https://evil.example" },
    });
    assert.equal(del.status, 403);
  } finally {
    await t.close();
  }
});
