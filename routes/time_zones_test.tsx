// Time zones end to end through the app (issue #9): the upload's phone zone (validated, stored
// canonical), the reader's zone (account form, API, conversation form), pages and the messages
// API showing instants in it with the exported wall clock on hover, and ETags that follow it.
import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { SESSION_COOKIE } from "./_middleware/session.ts";
import { seedChat } from "./_test_chat.ts";

const CHAT = "01/02/2024, 10:00 - Ann: hello\n01/02/2024, 10:01 - Bob: hi\n";
let uploads = 0;
/** CHAT as a new file each time: the same bytes again would be refused as already imported. */
const newChat = () => `${CHAT}01/02/2024, 10:02 - Ann: upload ${++uploads}\n`;

/** A chat exported in Berlin across the 2024 autumn change (CEST → CET). */
async function berlinChat(t: TestApp, userId: string) {
  const id = await seedChat(t, userId, {
    title: "Berlin",
    messages: [
      { date: "2024-10-26T23:30:00", author: "Ann", text: "late" },
      { date: "2024-10-27T12:00:00", author: "Bob", text: "noon" },
    ],
  });
  // As the worker writes them for an import with time_zone Europe/Berlin (lib/time/zone.ts).
  await t.db.sql`update messages set at = date at time zone 'Europe/Berlin'
    where conversation_id = ${id}`;
  await t.db.sql`update conversations set time_zone = 'Europe/Berlin' where id = ${id}`;
  return id;
}

const timeZoneOf = async (t: TestApp, id: string) =>
  (await t.db.sql`select time_zone from imports where id = ${id}`)[0].timeZone;

Deno.test("uploads record the phone's zone; an unknown zone is a 400 naming timeZone", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const raw = (query: string) =>
      t.app.request(`/api/imports?filename=chat.txt&${query}`, {
        method: "POST",
        headers: { ...ann.headers, "content-type": "text/plain" },
        body: newChat(),
      });
    const ok = await raw("timeZone=US%2FEastern");
    assert.equal(ok.status, 202);
    assert.equal(await timeZoneOf(t, (await ok.json()).id), "America/New_York");
    const none = await raw("");
    assert.equal(await timeZoneOf(t, (await none.json()).id), "UTC");

    for (const bad of ["Mars%2FOlympus", "%2B02%3A00"]) {
      const res = await raw(`timeZone=${bad}`);
      assert.equal(res.status, 400);
      const body = await res.json();
      assert.equal(body.error.code, "invalid_request");
      assert.match(body.error.message, /^timeZone: must be an IANA time zone/);
    }

    // Multipart (the no-JS form): the field comes before the file.
    const form = (zone: string) => {
      const f = new FormData();
      f.append("timeZone", zone);
      f.append("file", new File([newChat()], "chat.txt", { type: "text/plain" }));
      return f;
    };
    const multi = await t.app.request("/api/imports", {
      method: "POST",
      headers: ann.headers,
      body: form("Europe/Berlin"),
    });
    assert.equal(multi.status, 202);
    assert.equal(await timeZoneOf(t, (await multi.json()).id), "Europe/Berlin");
    const badMulti = await t.app.request("/api/imports", {
      method: "POST",
      headers: ann.headers,
      body: form("Nowhere"),
    });
    assert.equal(badMulti.status, 400);
    assert.match((await badMulti.json()).error.message, /^timeZone: /);
    const page = await t.app.request("/imports", {
      method: "POST",
      headers: { ...ann.headers, "sec-fetch-site": "same-origin" },
      body: form("Asia/Tokyo"),
    });
    assert.equal(page.status, 303);
    const pageId = page.headers.get("location")!.split("/").pop()!;
    assert.equal(await timeZoneOf(t, pageId), "Asia/Tokyo");
    // Only the two accepted uploads of this list were stored and queued besides the first two.
    const [{ n }] = await t.db.sql`select count(*)::int as n from imports`;
    assert.equal(n, 4);

    // The presigned flow validates the start body the same way (before asking for S3).
    const start = await t.app.request("/api/uploads", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ filename: "chat.zip", size: 10, timeZone: "Europe/Nowhere" }),
    });
    assert.equal(start.status, 400);
    assert.match((await start.json()).error.message, /^timeZone: /);
  } finally {
    await t.close();
  }
});

Deno.test("the library's upload form offers the zones, the reading zone preselected", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    let html = await (await t.app.request("/", { headers: ann.headers })).text();
    assert.match(html, /<select name="timeZone"/);
    assert.match(html, /<option value="UTC" selected>UTC<\/option>/);
    assert.match(html, /<option value="Europe\/Berlin">Europe\/Berlin<\/option>/);
    // The field precedes the file input (a multipart field after the file is not read).
    assert.ok(html.indexOf('name="timeZone"') < html.indexOf('name="file"'));
    await t.db.sql`update users set reading_zone = 'Asia/Tokyo' where id = ${ann.userId}`;
    html = await (await t.app.request("/", { headers: ann.headers })).text();
    assert.match(html, /<option value="Asia\/Tokyo" selected>/);
  } finally {
    await t.close();
  }
});

Deno.test("the conversation page shows times in the reading zone, the original on hover", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await berlinChat(t, ann.userId);
    const browser = { cookie: `${SESSION_COOKIE}=${ann.token}`, "sec-fetch-site": "same-origin" };
    const get = (headers: Record<string, string> = {}) =>
      t.app.request(`/c/${id}`, { headers: { ...browser, ...headers } });

    // Default: the chat's own zone, so the wall clocks as exported.
    let res = await get();
    const etagOwn = res.headers.get("etag")!;
    let html = await res.text();
    assert.match(html, /data-zone="Europe\/Berlin"/);
    assert.match(
      html,
      /title="Saturday, October 26, 2024, 23:30"><time datetime="2024-10-26T23:30:00\+02:00">23:30<\/time>/,
    );
    assert.match(html, /<time datetime="2024-10-27T12:00:00\+01:00">12:00<\/time>/);
    assert.match(
      html,
      /<option value(?:="")? selected>This chat(?:'|&#39;)s zone \(Europe\/Berlin\)<\/option>/,
    );
    assert.equal((await get({ "if-none-match": etagOwn })).status, 304);

    // "Times in: America/New_York" (the no-JS form on the page) saves it on the account.
    const set = await t.app.request("/account/reading-zone", {
      method: "POST",
      headers: browser,
      body: new URLSearchParams({ zone: "America/New_York", next: `/c/${id}` }),
    });
    assert.equal(set.status, 303);
    assert.equal(set.headers.get("location"), `/c/${id}`);

    // The cached page is not reused: its ETag included the old zone.
    res = await get({ "if-none-match": etagOwn });
    assert.equal(res.status, 200);
    assert.notEqual(res.headers.get("etag"), etagOwn);
    html = await res.text();
    // 23:30 CEST is 17:30 EDT, 12:00 CET is 07:00 EDT (the US changes a week later).
    assert.match(
      html,
      /title="Saturday, October 26, 2024, 17:30 \(on the phone: Saturday, October 26, 2024, 23:30\)"><time datetime="2024-10-26T17:30:00-04:00">17:30<\/time>/,
    );
    assert.match(
      html,
      /title="Sunday, October 27, 2024, 07:00 \(on the phone: Sunday, October 27, 2024, 12:00\)"><time datetime="2024-10-27T07:00:00-04:00">07:00<\/time>/,
    );
    assert.match(html, /<option value="America\/New_York" selected>/);
    // Day separators follow the reader's zone.
    assert.deepEqual(
      [...html.matchAll(/<li class="day"><time datetime="([\d-]+)"/g)].map((m) => m[1]),
      [
        "2024-10-26",
        "2024-10-27",
      ],
    );

    // Reading in Tokyo moves the first message to the next day: one separator only.
    await t.db.sql`update users set reading_zone = 'Asia/Tokyo' where id = ${ann.userId}`;
    html = await (await get()).text();
    assert.deepEqual(
      [...html.matchAll(/<li class="day"><time datetime="([\d-]+)"/g)].map((m) => m[1]),
      [
        "2024-10-27",
      ],
    );
    assert.match(html, /<time datetime="2024-10-27T06:30:00\+09:00">06:30<\/time>/);

    // A bad zone from the form is a 400 naming the field; "" goes back to the chat's own zone.
    const bad = await t.app.request("/account/reading-zone", {
      method: "POST",
      headers: browser,
      body: new URLSearchParams({ zone: "Atlantis", next: `/c/${id}` }),
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /zone: must be an IANA time zone/);
    const cleared = await t.app.request("/account/reading-zone", {
      method: "POST",
      headers: browser,
      body: new URLSearchParams({ zone: "", next: "//evil.example/" }),
    });
    assert.equal(cleared.headers.get("location"), "/");
    html = await (await get()).text();
    assert.match(html, /data-zone="Europe\/Berlin"/);

    // The account page has the same setting.
    html = await (await t.app.request("/account", { headers: browser })).text();
    assert.match(html, /id="reading-zone"/);
    assert.match(html, /<option value(?:="")? selected>Each chat(?:'|&#39;)s own zone<\/option>/);
  } finally {
    await t.close();
  }
});

Deno.test("API: messages carry `at`, `?tz=` writes it in a zone; the reading zone is settable", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await berlinChat(t, ann.userId);
    const messages = async (query = "") => {
      const res = await t.app.request(`/api/conversations/${id}/messages${query}`, {
        headers: ann.headers,
      });
      return { status: res.status, body: await res.json() };
    };
    let r = await messages();
    assert.deepEqual(r.body.messages.map((m: { date: string; at: string }) => [m.date, m.at]), [
      ["2024-10-26T23:30:00", "2024-10-26T21:30:00Z"],
      ["2024-10-27T12:00:00", "2024-10-27T11:00:00Z"],
    ]);
    r = await messages("?tz=America/New_York");
    assert.deepEqual(r.body.messages.map((m: { at: string }) => m.at), [
      "2024-10-26T17:30:00-04:00",
      "2024-10-27T07:00:00-04:00",
    ]);
    r = await messages("?tz=Berlin");
    assert.equal(r.status, 400);
    assert.match(r.body.error.message, /^tz: must be an IANA time zone/);

    const put = (zone: unknown) =>
      t.app.request("/api/account/reading-zone", {
        method: "PUT",
        headers: { ...ann.headers, "content-type": "application/json" },
        body: JSON.stringify({ zone }),
      });
    const saved = await put("asia/kolkata");
    assert.equal(saved.status, 200);
    const canonical = (await saved.json()).readingZone;
    assert.match(canonical, /^Asia\/(Kolkata|Calcutta)$/);
    const me = await (await t.app.request("/api/account", { headers: ann.headers })).json();
    assert.equal(me.readingZone, canonical);
    const bad = await put("+05:30");
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^zone: /);
    assert.equal((await put(null)).status, 200);

    // Another user's conversation stays a 404 whatever the zone.
    const eve = await signUp(t.app);
    const peek = await t.app.request(`/api/conversations/${id}/messages?tz=UTC`, {
      headers: eve.headers,
    });
    assert.equal(peek.status, 404);
  } finally {
    await t.close();
  }
});
