import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { createTestApp, signUp, TEST_SECRET } from "../../tests/helpers/app.ts";

const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

Deno.test("auth API: sign up, log in, bearer access, logout revokes", async () => {
  const t = await createTestApp();
  try {
    const { app } = t;
    const user = await signUp(app, "Ann@Example.com");
    assert.equal((await app.request("/api/conversations", { headers: user.headers })).status, 200);

    const dup = await app.request(
      "/api/auth/signup",
      json({ email: "ann@example.com", password: "whatever123" }),
    );
    assert.equal(dup.status, 409);
    assert.equal((await dup.json()).error.code, "email_taken");

    const wrong = await app.request(
      "/api/auth/login",
      json({ email: "ann@example.com", password: "wrong-password" }),
    );
    assert.equal(wrong.status, 401);
    assert.deepEqual(await wrong.json(), {
      error: { code: "invalid_credentials", message: "wrong email or password" },
    });

    const login = await app.request(
      "/api/auth/login",
      json({ email: "ANN@example.com", password: "correct horse battery" }),
    );
    assert.equal(login.status, 200);
    const { token } = await login.json();
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await app.request("/api/conversations", { headers })).status, 200);

    assert.equal((await app.request("/api/auth/logout", { method: "POST", headers })).status, 204);
    assert.equal((await app.request("/api/conversations", { headers })).status, 401);
    // The other session is still open.
    assert.equal((await app.request("/api/conversations", { headers: user.headers })).status, 200);
  } finally {
    await t.close();
  }
});

Deno.test("auth API: bad input is a 400 naming the field; malformed JSON too", async () => {
  const t = await createTestApp();
  try {
    const bad = await t.app.request(
      "/api/auth/signup",
      json({ email: "not-an-email", password: "longenough" }),
    );
    assert.equal(bad.status, 400);
    const body = await bad.json();
    assert.equal(body.error.code, "invalid_request");
    assert.match(body.error.message, /^email: /);

    const short = await t.app.request(
      "/api/auth/signup",
      json({ email: "a@b.co", password: "short" }),
    );
    assert.match((await short.json()).error.message, /^password: /);

    const malformed = await t.app.request("/api/auth/login", json("{not json"));
    assert.equal(malformed.status, 400);
    assert.ok((await malformed.json()).error.message);
  } finally {
    await t.close();
  }
});

Deno.test("auth API: tampered, foreign-key, expired and alg:none tokens are refused", async () => {
  const t = await createTestApp();
  try {
    const { token, userId } = await signUp(t.app);
    const get = (tok: string) =>
      t.app.request("/api/conversations", { headers: { authorization: `Bearer ${tok}` } });
    const [h, p, s] = token.split(".");
    const payload = JSON.parse(atob(p.replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...payload, sub: crypto.randomUUID() })).replace(
      /=+$/,
      "",
    );
    assert.equal((await get(`${h}.${forged}.${s}`)).status, 401);
    const none = btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "");
    assert.equal((await get(`${none}.${p}.`)).status, 401);
    const otherKey = await new SignJWT({ sid: payload.sid }).setProtectedHeader({ alg: "HS256" })
      .setSubject(userId).setExpirationTime("1h").sign(
        new TextEncoder().encode("another-secret-".repeat(4)),
      );
    assert.equal((await get(otherKey)).status, 401);
    const kid = JSON.parse(atob(h.replace(/-/g, "+").replace(/_/g, "/"))).kid;
    const expired = await new SignJWT({ sid: payload.sid }).setProtectedHeader({
      alg: "HS256",
      kid,
    })
      .setSubject(userId).setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(TEST_SECRET));
    assert.equal((await get(expired)).status, 401);
    assert.equal((await get(token)).status, 200);
  } finally {
    await t.close();
  }
});
