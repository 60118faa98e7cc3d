import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { importBoth, importExport } from "../lib/merge/fixtures_test_util.ts";

// The user's other chats of the same days (a family group, a 1:1 with Cat) are not other exports
// of this chat: the page offered "Merge into …" for any chat whose dates overlapped.
const FAMILY = [
  "13/01/2024, 09:30 - Mum: breakfast?",
  "14/01/2024, 10:00 - Dad: on my way",
  "14/01/2024, 11:00 - Ann: ok",
  "15/01/2024, 12:00 - Mum: see you",
].join("\n") + "\n";
const CAT = [
  "14/01/2024, 09:00 - Cat: hi",
  "14/01/2024, 09:05 - Ann: hello",
].join("\n") + "\n";

Deno.test("the merge offer needs the same title or mostly the same people, not only the same days", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    const family = await importExport(t, u.userId, "WhatsApp Chat with Family.txt", FAMILY);
    const cat = await importExport(t, u.userId, "WhatsApp Chat with Cat.txt", CAT);
    const page = async (id: string) =>
      await (await t.app.request(`/c/${id}`, { headers: u.headers })).text();
    assert.doesNotMatch(await page(family), /merge-offer/);
    assert.doesNotMatch(await page(cat), /merge-offer/);
    const mergePage = await (await t.app.request(`/c/${family}/merge`, { headers: u.headers }))
      .text();
    assert.doesNotMatch(mergePage, /Looks like the same chat/);

    // Another export of the chat with Bob, from Bob's phone: another title, the same two people.
    const fromBob = await importExport(
      t,
      u.userId,
      "WhatsApp Chat with Ann.txt",
      "14/01/2024, 10:02 - Ann: nice photo\n14/01/2024, 10:05 - Bob: thanks\n",
    );
    assert.match(
      await page(fromBob),
      /another export of <strong dir="auto">Bob<\/strong> \(the same people, overlapping dates\)/,
    );
    // Same title: offered as before.
    assert.match(await page(withMedia), new RegExp(`name="into" value="${textOnly}"`));
  } finally {
    await t.close();
  }
});
