import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { seedChat } from "./_test_chat.ts";

// A refused filter was a bare error page ("400 | from: must not be after to"): the form and
// everything typed into it were gone.
Deno.test("search page: a refused filter shows the form again, as typed, with the reason", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await seedChat(t, ann.userId, {
      messages: [{ date: "2024-06-01T08:30:00", author: "Ann", text: "coffee" }],
    });
    const res = await t.app.request(
      `/search?q=coffee&conversation=${id}&author=Ann&from=2024-05-01&to=2024-04-01`,
      { headers: ann.headers },
    );
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /role="search"/);
    assert.match(html, /name="q" value="coffee"/);
    assert.match(html, /name="author" list="authors" value="Ann"/);
    assert.match(html, /name="from" value="2024-05-01"/);
    assert.match(html, /name="to" value="2024-04-01"/);
    assert.match(html, new RegExp(`<option value="${id}" selected>`));
    assert.match(html, /<p class="error" role="alert">From: must not be after To<\/p>/);
    assert.doesNotMatch(html, /results-heading/);

    const blank = await t.app.request("/search?q=%20%20", { headers: ann.headers });
    assert.equal(blank.status, 400);
    assert.match(await blank.text(), /<p class="error" role="alert">Words: [^<]+<\/p>/);
  } finally {
    await t.close();
  }
});
