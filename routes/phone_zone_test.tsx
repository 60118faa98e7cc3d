import assert from "node:assert/strict";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { importChat } from "../worker/import_chat.ts";
import { importBoth, postMerge } from "../lib/merge/fixtures_test_util.ts";

const CHAT = "01/03/2024, 10:00 - Ann: hi\n01/03/2024, 10:05 - Bob: hello\n";

Deno.test("Settings: the phone's time zone is changed after the import, re-reading the chat", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const deps = { db: t.db.sql, blobs: t.blobs, logger: silentLogger };
    const up = await t.app.request(`/api/imports?filename=chat.txt&timeZone=Europe%2FBerlin`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "text/plain" },
      body: CHAT,
    });
    const { id } = await up.json();
    assert.equal((await importChat(deps, id)).status, "done");
    const instants = async () =>
      (await t.db.sql`select to_char(at at time zone 'UTC', 'HH24:MI') as t from messages
        where conversation_id = ${id} order by seq`).map((r) => r.t);
    assert.deepEqual(await instants(), ["09:00", "09:05"], "10:00 in Berlin");

    const page = await (await t.app.request(`/c/${id}/privacy`, { headers: ann.headers })).text();
    assert.ok(page.includes(`<form method="post" action="/c/${id}/time-zone" class="time-zone`));
    assert.match(page, /<option value="Europe\/Berlin" selected>/);

    const post = (timeZone: string, headers = ann.headers) =>
      t.app.request(`/c/${id}/time-zone`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ timeZone }).toString(),
      });
    assert.equal((await post("America/New_York", eve.headers)).status, 404);
    const bad = await post("Mars/Olympus");
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /timeZone: must be an IANA time zone/);

    const res = await post("America/New_York");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), `/imports/${id}`);
    assert.equal((await post("Asia/Tokyo")).status, 409, "already queued");
    assert.equal((await importChat(deps, id)).status, "done");
    assert.deepEqual(await instants(), ["15:00", "15:05"], "10:00 in New York");
    const [conv] = await t.db.sql`select time_zone from conversations where id = ${id}`;
    assert.equal(conv.timeZone, "America/New_York");

    // The API: the zone alone, or nothing (a 400).
    const api = (body: unknown) =>
      t.app.request(`/api/imports/${id}/reparse`, {
        method: "POST",
        headers: { ...ann.headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const none = await api({});
    assert.equal(none.status, 400);
    assert.match((await none.json()).error.message, /give dateOrder or timeZone/);
    assert.equal((await api({ timeZone: "UTC" })).status, 202);
    assert.equal((await importChat(deps, id)).status, "done");
    assert.deepEqual(await instants(), ["10:00", "10:05"]);
    const [imp] = await t.db.sql`select date_order from imports where id = ${id}`;
    assert.equal(imp.dateOrder, null, "the date order stays as it was (detected)");
  } finally {
    await t.close();
  }
});

Deno.test("Settings: a fused chat's zone form says why it cannot be read again", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, u.userId);
    assert.equal((await postMerge(t, u.headers, textOnly, withMedia)).status, 200);
    const page = await (await t.app.request(`/c/${textOnly}/privacy`, { headers: u.headers }))
      .text();
    assert.doesNotMatch(page, /class="time-zone/);
    assert.match(
      page,
      /<p class="blocked">UTC\. It cannot be changed: this conversation was fused/,
    );
    const res = await t.app.request(`/c/${textOnly}/time-zone`, {
      method: "POST",
      headers: { ...u.headers, "content-type": "application/x-www-form-urlencoded" },
      body: "timeZone=Asia%2FTokyo",
    });
    assert.equal(res.status, 409);
  } finally {
    await t.close();
  }
});
