import assert from "node:assert/strict";
import { PASSWORD_MIN_LENGTH } from "../lib/auth/accounts.ts";
import { createTestApp } from "../tests/helpers/app.ts";

Deno.test("sign-up says the password rule before the form is sent, tied to the field", async () => {
  const t = await createTestApp();
  try {
    const signup = await (await t.app.request("/signup")).text();
    const field = /<input type="password"[^>]*>/.exec(signup)![0];
    assert.match(field, new RegExp(`minlength="${PASSWORD_MIN_LENGTH}"`));
    assert.match(field, /aria-describedby="password-hint"/);
    assert.match(field, /id="password"/);
    assert.ok(signup.includes('<label for="password">Password</label>'));
    assert.ok(
      signup.includes(
        `<p class="hint" id="password-hint">At least ${PASSWORD_MIN_LENGTH} characters.</p>`,
      ),
    );
    // Still there when a too short password comes back with the error.
    const refused = await t.app.request("/signup", {
      method: "POST",
      headers: { origin: "http://localhost", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "ann@example.com", password: "short" }).toString(),
    });
    assert.equal(refused.status, 400);
    const again = await refused.text();
    assert.match(again, /password: must be at least 8 characters/);
    assert.match(again, /id="password-hint"/);

    // Signing in states no rule (an account's password already has one).
    const signin = await (await t.app.request("/signin")).text();
    assert.doesNotMatch(signin, /password-hint/);
    assert.match(signin, /<label for="password">Password<\/label>/);
  } finally {
    await t.close();
  }
});
