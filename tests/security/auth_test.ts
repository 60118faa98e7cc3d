// Break-in attempts on authentication: rotated and retired signing keys, logout, CSRF, and
// password guessing (rate limits).
import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { createTokenSigner } from "../../lib/auth/tokens.ts";
import { silentLogger } from "../../lib/log.ts";
import { createMemoryRateLimiter } from "../../lib/ratelimit.ts";
import { createApp } from "../../routes/app.ts";
import { createTestApp, signUp, TEST_SECRET, type TestApp } from "../helpers/app.ts";
import { seedChat } from "../../routes/_test_chat.ts";

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

Deno.test("brute force: sign-in attempts are limited per address and per account (429 + Retry-After)", async () => {
  const t = await createTestApp({ env: { RATE_LIMIT_SIGNIN: "3/15m", TRUST_PROXY_HOPS: "1" } });
  try {
    const ann = await signUp(t.app);
    const login = (email: string, password: string, ip: string) =>
      t.app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `6.6.6.6, ${ip}` },
        body: JSON.stringify({ email, password }),
      });
    // A refused shape (400: a password too short to be any account's) gives its attempt back.
    for (let i = 0; i < 3; i++) {
      assert.equal((await login(ann.email, "short", "10.0.0.1")).status, 400);
    }
    for (let i = 0; i < 3; i++) {
      assert.equal((await login(ann.email, `guess-${i}-xx`, "10.0.0.1")).status, 401);
    }
    const blocked = await login(ann.email, "correct horse battery", "10.0.0.1");
    assert.equal(blocked.status, 429);
    const retry = Number(blocked.headers.get("retry-after"));
    assert.ok(retry > 800 && retry <= 900, `Retry-After ${retry}`);
    const body = await blocked.json();
    assert.equal(body.error.code, "rate_limited");
    assert.doesNotMatch(JSON.stringify(body), /token/);
    // Same address, another account: the address is out of attempts too.
    assert.equal((await login("someone@example.com", "whatever-pass", "10.0.0.1")).status, 429);
    // Another address (the forged leftmost X-Forwarded-For entry is ignored), same account:
    // the account is out of attempts as well.
    assert.equal(
      (await login(ann.email.toUpperCase(), "correct horse battery", "10.0.0.2")).status,
      429,
    );
    // Another address, another account: unaffected.
    const other = await signUp(t.app);
    assert.equal((await login(other.email, "correct horse battery", "10.0.0.3")).status, 200);

    // The sign-in page counts into the same limits and answers with a page.
    const page = await t.app.request("/signin", {
      method: "POST",
      headers: { origin: "http://localhost", "x-forwarded-for": "10.0.0.1" },
      body: new URLSearchParams({ email: other.email, password: "correct horse battery" }),
    });
    assert.equal(page.status, 429);
    assert.ok(page.headers.get("retry-after"));
    assert.match(page.headers.get("content-type")!, /^text\/html/);
  } finally {
    await t.close();
  }
});

Deno.test("brute force: every JSON type the API reads counts against the account (x+json, upper case)", async () => {
  const t = await createTestApp({ env: { RATE_LIMIT_SIGNIN: "3/15m", TRUST_PROXY_HOPS: "1" } });
  try {
    const ann = await signUp(t.app);
    const types = ["application/vnd.api+json", "APPLICATION/JSON", "application/x+json"];
    // One guess from each of many addresses: the account's own limit stops them all the same.
    for (const [i, type] of types.entries()) {
      const res = await t.app.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": type, "x-forwarded-for": `10.0.1.${i}` },
        body: JSON.stringify({ email: ann.email, password: `guess-${i}-xx` }),
      });
      assert.equal(res.status, 401, type);
      await res.body?.cancel();
    }
    const blocked = await t.app.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.1.99" },
      body: JSON.stringify({ email: ann.email, password: "correct horse battery" }),
    });
    assert.equal(blocked.status, 429);
    await blocked.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("rate limits: sign-ups per address, uploads per user, account deletion per user", async () => {
  const t = await createTestApp({
    env: { RATE_LIMIT_SIGNUP: "2/1h", RATE_LIMIT_UPLOAD: "2/1h", RATE_LIMIT_SIGNIN: "2/1h" },
  });
  try {
    // Typos do not count: a refused password (400) gives its attempt back, API or page.
    for (let i = 0; i < 3; i++) {
      const short = await t.app.request("/api/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "typo@example.com", password: "short" }),
      });
      assert.equal(short.status, 400);
    }
    const shortPage = await t.app.request("/signup", {
      method: "POST",
      headers: { origin: "http://localhost" },
      body: new URLSearchParams({ email: "typo@example.com", password: "short" }),
    });
    assert.equal(shortPage.status, 400);
    const ann = await signUp(t.app);
    await signUp(t.app);
    const third = await t.app.request("/api/auth/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "third@example.com", password: "long enough pass" }),
    });
    assert.equal(third.status, 429);
    assert.ok(third.headers.get("retry-after"));

    let sent = 0; // a different file each time: the same bytes again would be a 409 duplicate
    const post = () =>
      t.app.request("/api/imports?filename=a.txt", {
        method: "POST",
        headers: { ...ann.headers, "content-type": "text/plain" },
        body: `01/02/2024, 10:00 - Ann: hi ${++sent}\n`,
      });
    assert.equal((await post()).status, 202);
    assert.equal((await post()).status, 202);
    const refused = await post();
    assert.equal(refused.status, 429);
    assert.equal((await refused.json()).error.code, "rate_limited");
    const [n] = await t.db.sql`select count(*)::int as n from imports`;
    assert.equal(n.n, 2, "the refused upload stored nothing");
    const direct = await t.app.request("/api/uploads", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ filename: "b.txt", size: 10 }),
    });
    assert.equal(direct.status, 429, "starting a direct upload is an upload too");

    const del = (password: string) =>
      t.app.request("/api/account", {
        method: "DELETE",
        headers: { ...ann.headers, "content-type": "application/json" },
        body: JSON.stringify({ password }),
      });
    assert.equal((await del("wrong 1")).status, 403);
    assert.equal((await del("wrong 2")).status, 403);
    assert.equal(
      (await del("correct horse battery")).status,
      429,
      "password guessing via deletion is limited",
    );
  } finally {
    await t.close();
  }
});

Deno.test("rate limits: CPU-heavy requests per user (export, date-order preview, merge), reading not", async () => {
  const t = await createTestApp({ env: { RATE_LIMIT_HEAVY: "2/1h" } });
  try {
    const ann = await signUp(t.app), bob = await signUp(t.app);
    const chat = await seedChat(t, ann.userId, {
      messages: [{ date: "2024-01-01T10:00:00", text: "hello" }],
    });
    const bobs = await seedChat(t, bob.userId, {
      messages: [{ date: "2024-01-01T10:00:00", text: "hi" }],
    });
    const exportOf = (id: string, headers: Record<string, string>) =>
      t.app.request(`/api/conversations/${id}/export?format=txt`, { headers });
    assert.equal((await exportOf(chat, ann.headers)).status, 200);
    assert.equal((await exportOf(chat, ann.headers)).status, 200);
    const refused = await exportOf(chat, ann.headers);
    assert.equal(refused.status, 429);
    assert.ok(refused.headers.get("retry-after"));
    assert.equal((await refused.json()).error.code, "rate_limited");
    // The same bucket: a preview and a merge are refused too, before any work.
    const preview = await t.app.request(
      `/api/imports/${crypto.randomUUID()}/reparse/preview?dateOrder=MDY`,
      { headers: ann.headers },
    );
    assert.equal(preview.status, 429);
    const merge = await t.app.request(`/api/conversations/${chat}/merge`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ from: crypto.randomUUID() }),
    });
    assert.equal(merge.status, 429);
    const candidates = await t.app.request(`/api/conversations/${chat}/merge-candidates`, {
      headers: ann.headers,
    });
    assert.equal(candidates.status, 429);
    // So are the re-imports a user can queue (a date order, the phone's zone).
    const reparse = await t.app.request(`/api/imports/${chat}/reparse`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ timeZone: "UTC" }),
    });
    assert.equal(reparse.status, 429);
    const zone = await t.app.request(`/c/${chat}/time-zone`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/x-www-form-urlencoded" },
      body: "timeZone=UTC",
    });
    assert.equal(zone.status, 429);
    // Reading is not counted; another user has a counter of their own.
    assert.equal((await t.app.request(`/c/${chat}`, { headers: ann.headers })).status, 200);
    assert.equal((await exportOf(bobs, bob.headers)).status, 200);
  } finally {
    await t.close();
  }
});
