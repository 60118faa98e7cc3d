import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { numbered, seedChat } from "./_test_chat.ts";

Deno.test("a shared page never calls the owner's messages “you” (its reader is someone else)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    // Bob is the owner ("view as"): his messages are on the right, as in his own view.
    const id = await seedChat(t, ann.userId, { messages: numbered(4), viewAs: "Bob" });
    const own = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.match(own, /<span class="sr-only" dir="auto">Bob \(you\):<\/span>/, "the owner's view");
    const created = await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ expiresInHours: 1 }),
    });
    assert.equal(created.status, 201);
    const html = await (await t.app.request(new URL((await created.json()).url).pathname)).text();
    assert.match(html, /class="msg mine /, "the owner's messages stay on the right");
    assert.ok(!html.includes("(you)"), "a visitor is not the owner");
    assert.match(html, /<span class="sr-only" dir="auto">Bob:<\/span>/);
  } finally {
    await t.close();
  }
});
