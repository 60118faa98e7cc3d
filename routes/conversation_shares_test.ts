import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { seedChat } from "./_test_chat.ts";

/** Two messages a day on 1, 2, 4 and 5 March 2024 (none on the 3rd). */
const DAYS = ["01", "02", "04", "05"].flatMap((d) => [
  { date: `2024-03-${d}T09:00:00`, author: "Ann", text: `morning ${d}` },
  { date: `2024-03-${d}T21:00:00`, author: "Bob", text: `evening ${d}` },
]);

/** The texts a shared page shows. */
const shown = async (res: Response) =>
  [...(await res.text()).matchAll(/<p class="text"[^>]*>([^<]*)</g)].map((m) => m[1]);

Deno.test("Settings: share some days of a chat from a form, then revoke it (no JavaScript)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: DAYS });
    const settings = async () =>
      await (await t.app.request(`/c/${id}/privacy`, { headers: ann.headers })).text();
    const page = await settings();
    assert.ok(page.includes(`<form method="post" action="/c/${id}/shares" class="share-create`));
    assert.match(page, /<input type="date" name="fromDate" min="2024-03-01" max="2024-03-05"/);
    assert.match(page, /<label>Link works for <select name="expiresInHours">/);
    assert.match(page, /No live share links/);
    const chat = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.ok(chat.includes(`href="/c/${id}/privacy#share"`), "offered from the Export menu");

    const post = (fields: Record<string, string>, headers = ann.headers) =>
      t.app.request(`/c/${id}/shares`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ expiresInHours: "24", ...fields }).toString(),
      });
    const made = await post({ fromDate: "2024-03-02", toDate: "2024-03-04" });
    assert.equal(made.status, 303);
    // Back to the page, on the new link: its field has the focus (the page opened at its top).
    const [, madeId] = /^\/c\/[^/]+\/privacy\?created=([0-9a-f-]{36})$/.exec(
      made.headers.get("location")!,
    )!;
    const landed = await (await t.app.request(made.headers.get("location")!, {
      headers: ann.headers,
    })).text();
    assert.match(
      landed,
      new RegExp(
        `<li id="share-${madeId}">[^]*?<input readonly value="http[^"]+" aria-label="Share link" size="48" id="share-${madeId}-url" autofocus/>`,
      ),
    );
    // A Copy button, shown by JavaScript (it would do nothing without), and where it says so.
    assert.ok(
      landed.includes(
        `<button type="button" class="link" data-copy="share-${madeId}-url" data-copy-status="share-${madeId}-url-status" hidden>Copy</button>`,
      ),
    );
    assert.ok(
      landed.includes(
        `<span class="copy-status" id="share-${madeId}-url-status" role="status"></span>`,
      ),
    );
    const listed = await settings();
    assert.doesNotMatch(listed, /autofocus/, "only right after it was made");
    // The live link says which days it covers, as asked, not message positions ("messages
    // 3–6" meant nothing to its owner), and when it ends.
    assert.match(
      listed,
      /<li id="share-[0-9a-f-]+"><bdi>Chat<\/bdi> \(Mar 2, 2024 – Mar 4, 2024\), until [A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d UTC/,
    );
    assert.doesNotMatch(listed, /messages \d/);
    const url = /value="(http[^"]+\/s\/[^"]+)"/.exec(listed)![1];
    const link = new URL(url).pathname;
    assert.deepEqual(
      await shown(await t.app.request(link)),
      ["morning 02", "evening 02", "morning 04", "evening 04"],
      "the days asked for, the 3rd (no message) inside",
    );

    for (
      const [fields, message] of [
        [{ fromDate: "2024-03-04", toDate: "2024-03-02" }, /toDate: must not be before fromDate/],
        [{ fromDate: "2024-03-03", toDate: "2024-03-03" }, /toDate: no message between/],
        [{ fromDate: "2024-04-01" }, /fromDate: no message on or after that day/],
        [{ toDate: "2024-02-01" }, /toDate: no message on or before that day/],
        [{ fromDate: "March 2" }, /fromDate: must be a date/],
        [{ expiresInHours: "0" }, /expiresInHours: must be positive/],
      ] as const
    ) {
      const bad = await post(fields);
      assert.equal(bad.status, 400, JSON.stringify(fields));
      assert.match(await bad.text(), message);
    }
    assert.equal((await post({}, eve.headers)).status, 404, "not Eve's chat");

    const shareId = /action="\/c\/[^/]+\/shares\/([0-9a-f-]+)\/revoke"/.exec(await settings())![1];
    const revoke = (headers = ann.headers) =>
      t.app.request(`/c/${id}/shares/${shareId}/revoke`, { method: "POST", headers });
    assert.equal((await revoke(eve.headers)).status, 404);
    assert.equal((await t.app.request(link)).status, 200, "Eve revoked nothing");
    assert.equal((await revoke()).status, 303);
    assert.equal((await t.app.request(link)).status, 404);
    assert.match(await settings(), /No live share links/);
  } finally {
    await t.close();
  }
});

Deno.test("share API: fromDate/toDate instead of refs", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: DAYS });
    const create = (body: unknown) =>
      t.app.request(`/api/conversations/${id}/shares`, {
        method: "POST",
        headers: { ...ann.headers, "content-type": "application/json" },
        body: JSON.stringify({ expiresInHours: 1, ...body as object }),
      });
    const res = await create({ fromDate: "2024-03-04" });
    assert.equal(res.status, 201);
    const share = await res.json();
    assert.deepEqual([share.fromSeq, share.toSeq], [5, null], "from the 4th's first, to the end");
    assert.deepEqual(await shown(await t.app.request(new URL(share.url).pathname)), [
      "morning 04",
      "evening 04",
      "morning 05",
      "evening 05",
    ]);
    const both = await create({ fromSeq: 1, fromDate: "2024-03-04" });
    assert.equal(both.status, 400);
    assert.match((await both.json()).error.message, /^fromDate: give fromSeq or fromDate/);
  } finally {
    await t.close();
  }
});
