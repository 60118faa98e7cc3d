// Rate limits under attack: password guessing per address and per account (whatever JSON type
// the body is sent as), sign-ups, uploads, account deletion and CPU-heavy requests per user.
import assert from "node:assert/strict";
import { createTestApp, signUp } from "../helpers/app.ts";
import { seedChat } from "../../routes/_test_chat.ts";

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
