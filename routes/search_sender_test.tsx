import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { page, seedChat } from "./_test_chat.ts";

// "zoe" found nothing from "Zoë" (the sender had to be typed with its accents), as "Mendez" did
// for "Carla Méndez": the words are matched without accents, the sender now too.
Deno.test("search: the sender filter ignores case and accents, as the words do", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    await seedChat(t, ann.userId, {
      messages: [
        { date: "2024-06-01T08:30:00", author: "Zoë", text: "coffee at nine" },
        { date: "2024-06-01T08:31:00", author: "Ann", text: "coffee then" },
      ],
    });
    for (const author of ["zoe", "ZOË", "Zoë"]) {
      const html = await page(
        t,
        `/search?q=coffee&author=${encodeURIComponent(author)}`,
        ann.headers,
      );
      assert.ok(html.includes("1 message, newest first"), author);
      assert.match(html, /coffee<\/mark> at nine/);
    }
  } finally {
    await t.close();
  }
});
