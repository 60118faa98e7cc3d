import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { numbered, page, seedChat } from "./_test_chat.ts";

const ids = (html: string) =>
  [...html.matchAll(/<li class="[^"]*" id="m(\d+)"/g)].map((m) => Number(m[1]));
const attr = (html: string, name: string) =>
  html.match(new RegExp(`<ol class="messages[^>]* ${name}="([^"]*)"`))?.[1];

Deno.test("conversation page: newest first page, keyset pages both ways, markup for the islands", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seedChat(t, u.userId, { title: "Ann & Bob", messages: numbered(250) });
    const newest = await page(t, `/c/${id}`, u.headers);
    assert.match(newest, /<title>Ann &amp; Bob · WhatsApp Reader<\/title>/);
    assert.deepEqual(ids(newest), Array.from({ length: 100 }, (_, i) => 151 + i));
    assert.match(
      newest,
      new RegExp(
        `<ol class="messages" id="messages" aria-label="Messages" data-conversation="${id}" data-first-seq="151" data-last-seq="250" data-total="250" data-zone="UTC">`,
      ),
    );
    assert.ok(
      newest.includes(
        `<a class="pager older" href="/c/${id}?before=151" rel="prev">Older messages</a>`,
      ),
    );
    assert.doesNotMatch(newest, /rel="next"/);
    // The newest message is where links into the chat open (without JavaScript too): the
    // anchor they target follows the list, on the newest page only.
    assert.match(newest, /<\/ol><div id="end" class="list-end"><\/div>/);

    const older = await page(t, `/c/${id}?before=151`, u.headers);
    assert.deepEqual(ids(older), Array.from({ length: 100 }, (_, i) => 51 + i));
    assert.ok(
      older.includes(
        `<a class="pager newer" href="/c/${id}?after=150" rel="next">Newer messages</a>`,
      ),
    );
    assert.ok(older.includes(`<a class="pager newest" href="/c/${id}#m250">`));
    assert.doesNotMatch(older, /id="end"/);
    assert.match(older, /<input type="hidden" name="next" value="\/c\/[^"]+#end"\/>/);
    const oldest = await page(t, `/c/${id}?before=51`, u.headers);
    assert.deepEqual(ids(oldest), Array.from({ length: 50 }, (_, i) => 1 + i));
    assert.doesNotMatch(oldest, /rel="prev"/);

    const after = await page(t, `/c/${id}?after=200`, u.headers);
    assert.deepEqual(ids(after), Array.from({ length: 50 }, (_, i) => 201 + i));
    assert.equal(attr(after, "data-first-seq"), "201");
    assert.doesNotMatch(after, /rel="next"/);

    // Day separators and times: 250 minutes from 09:00 stay on one day.
    assert.equal(
      [...newest.matchAll(
        /<li class="day"><time datetime="2024-01-01">Monday, January 1, 2024<\/time><\/li>/g,
      )].length,
      1,
    );
    assert.ok(
      newest.includes(
        `<a class="stamp" href="/c/${id}/m/151#m151" title="Monday, January 1, 2024, 11:30"><time datetime="2024-01-01T11:30:00+00:00">11:30</time></a>`,
      ),
    );

    await page(t, `/c/${id}?before=1&after=2`, u.headers, 400);
    await page(t, `/c/${id}?before=x`, u.headers, 400);
    // Past the int range: a 400, not a database error.
    await page(t, `/c/${id}?before=99999999999`, u.headers, 400);
    await page(t, `/c/${id}/m/99999999999`, u.headers, 400);
  } finally {
    await t.close();
  }
});

Deno.test("conversation page: view-as decides the sides; groups get names, avatars and colours", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const messages = [
      { date: "2024-01-01T09:00:00", author: "Ann", text: "one" },
      { date: "2024-01-01T09:01:00", author: "Bob", text: "two" },
      { date: "2024-01-01T09:02:00", author: "Bob", text: "three" },
      { date: "2024-01-01T09:03:00", author: "Chloé Dubois", text: "four" },
      { date: "2024-01-01T09:04:00", author: null, text: "Ann changed the subject" },
    ];
    const id = await seedChat(t, u.userId, { messages, viewAs: "Bob" });
    const [{ version }] = await t.db.sql`select version from conversations where id = ${id}`;
    let html = await page(t, `/c/${id}`, u.headers);
    assert.match(
      html,
      /<li class="msg theirs kind-text run-start" id="m1" data-author="Ann"><span class="avatar p\d+" aria-hidden="true">A<\/span><article class="p\d+"><header class="author"><bdi>Ann<\/bdi><\/header>/,
    );
    assert.match(
      html,
      /<li class="msg mine kind-text run-start" id="m2" data-author="Bob"><article><span class="sr-only" dir="auto">Bob \(you\):<\/span>/,
    );
    // Second of a run: no new name or avatar.
    assert.match(
      html,
      /<li class="msg mine kind-text" id="m3" data-author="Bob"><article><span class="sr-only"/,
    );
    assert.match(
      html,
      /<li class="msg theirs kind-text run-start" id="m4" data-author="Chloé Dubois"><span class="avatar p\d+" aria-hidden="true">CD<\/span>/,
    );
    assert.match(
      html,
      /<li class="system" id="m5"><article><p dir="auto">Ann changed the subject<\/p>/,
    );
    assert.match(html, /<ol class="messages group"/);
    assert.match(html, /<option value="Bob" selected dir="auto">Bob<\/option>/);

    // The no-JS form moves "me" to Ann; an unknown name is refused; "" means nobody.
    const post = (participant: string) =>
      t.app.request(`/c/${id}/view-as`, {
        method: "POST",
        headers: { ...u.headers, "sec-fetch-site": "same-origin" },
        body: new URLSearchParams({ participant }),
      });
    const moved = await post("Ann");
    assert.equal(moved.status, 303);
    assert.equal(moved.headers.get("location"), `/c/${id}#end`);
    html = await page(t, `/c/${id}`, u.headers);
    assert.match(html, /<li class="msg mine kind-text run-start" id="m1"/);
    assert.match(html, /<li class="msg theirs kind-text run-start" id="m2"/);
    assert.equal((await post("Mallory")).status, 400);
    assert.equal((await post("")).status, 303);
    html = await page(t, `/c/${id}`, u.headers);
    assert.equal([...html.matchAll(/class="msg mine/g)].length, 0);
    const [row] = await t.db.sql`select view_as, version from conversations where id = ${id}`;
    // Each change bumps the version (ETags): two changes, the refused one changed nothing.
    assert.deepEqual(row, { viewAs: null, version: version + 2 });

    // A two-person chat has no names or avatars on the bubbles.
    const pair = await seedChat(t, u.userId, { messages: numbered(2) });
    html = await page(t, `/c/${pair}`, u.headers);
    assert.doesNotMatch(html, /class="avatar|class="author"/);
    assert.match(html, /<ol class="messages" /);
  } finally {
    await t.close();
  }
});

Deno.test("conversation page: permalink highlights its message; date jump; out of range", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // 300 messages, one an hour from 2024-01-01 00:00: 12.5 days.
    const id = await seedChat(t, u.userId, {
      messages: numbered(300, Date.UTC(2024, 0, 1)).map((m, i) => ({
        ...m,
        date: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().slice(0, 19),
      })),
    });
    const html = await page(t, `/c/${id}/m/150`, u.headers);
    assert.deepEqual(ids(html), Array.from({ length: 100 }, (_, i) => 100 + i));
    assert.match(
      html,
      /<li class="msg theirs kind-text run-start current" id="m150" data-author="Bob" aria-current="true">/,
    );
    assert.equal([...html.matchAll(/aria-current="true"/g)].length, 1);
    assert.ok(
      html.includes(`href="/c/${id}?before=100" rel="prev"`) &&
        html.includes(`href="/c/${id}?after=199" rel="next"`),
    );
    // Near either end the page is filled from the other side.
    assert.deepEqual(
      ids(await page(t, `/c/${id}/m/3`, u.headers)),
      Array.from({ length: 100 }, (_, i) => 1 + i),
    );
    assert.deepEqual(
      ids(await page(t, `/c/${id}/m/299`, u.headers)),
      Array.from({ length: 100 }, (_, i) => 201 + i),
    );
    await page(t, `/c/${id}/m/301`, u.headers, 404);
    await page(t, `/c/${id}/m/0`, u.headers, 400);

    // 2024-01-05 00:00 is message 97 (96 hours after the first).
    const jump = await t.app.request(`/c/${id}?date=2024-01-05`, { headers: u.headers });
    assert.equal(jump.status, 302);
    assert.equal(jump.headers.get("location"), `/c/${id}/m/97?day=2024-01-05#m97`);
    assert.doesNotMatch(await page(t, `/c/${id}/m/97?day=2024-01-05`, u.headers), /jump-notice/);
    const before = await t.app.request(`/c/${id}?date=2023-06-01`, { headers: u.headers });
    assert.equal(before.headers.get("location"), `/c/${id}/m/1?day=2023-06-01#m1`);
    // A day without messages: the page says where the jump landed instead, in the list just
    // above that message (after its day's label), where the page opens.
    assert.match(
      await page(t, `/c/${id}/m/1?day=2023-06-01`, u.headers),
      /<\/time><\/li><li class="notice jump-notice" role="status">No messages on Thursday, June 1, 2023: the next are on Monday, January 1, 2024.<\/li><li class="msg [^"]*current" id="m1"/,
    );
    await page(t, `/c/${id}/m/1?day=June`, u.headers, 400);
    const past = await page(t, `/c/${id}?date=2030-01-01`, u.headers);
    assert.match(
      past,
      /<p class="notice jump-notice" role="status">No messages on or after Tuesday, January 1, 2030: showing the newest.<\/p>/,
    );
    assert.equal(ids(past).at(-1), 300);
    await page(t, `/c/${id}?date=2024-02-30`, u.headers, 400);
    await page(t, `/c/${id}?date=yesterday`, u.headers, 400);
  } finally {
    await t.close();
  }
});

Deno.test("conversation page: another user's conversation is 404 everywhere", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app), eve = await signUp(t.app);
    const id = await seedChat(t, ann.userId, { messages: numbered(3) });
    for (
      const path of [
        `/c/${id}`,
        `/c/${id}/m/1`,
        `/c/${id}?date=2024-01-01`,
        `/c/${crypto.randomUUID()}`,
      ]
    ) {
      await page(t, path, eve.headers, 404);
    }
    const post = await t.app.request(`/c/${id}/view-as`, {
      method: "POST",
      headers: { ...eve.headers, "sec-fetch-site": "same-origin" },
      body: new URLSearchParams({ participant: "Bob" }),
    });
    assert.equal(post.status, 404);
    const [row] = await t.db.sql`select view_as from conversations where id = ${id}`;
    assert.equal(row.viewAs, "Ann");
    // Signed out: to the sign-in page.
    const anon = await t.app.request(`/c/${id}`);
    assert.equal(anon.status, 303);
    assert.equal(anon.headers.get("location"), `/signin?next=${encodeURIComponent(`/c/${id}`)}`);
  } finally {
    await t.close();
  }
});

Deno.test("conversation page: media from the export, contact numbers read from the .vcf, placeholders", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const vcf = new TextEncoder().encode(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane <Doe>\r\nTEL;type=CELL:+44 7700 900123\r\nEND:VCARD\r\n",
    );
    const id = await seedChat(t, u.userId, {
      messages: [
        {
          date: "2024-01-01T10:00:00",
          kind: "media",
          attachment: "IMG-20240101-WA0001.jpg",
          text: "Sunset",
        },
        {
          date: "2024-01-01T10:01:00",
          author: "Bob",
          kind: "contact",
          attachment: "Jane Doe.vcf",
          text: "",
        },
        {
          date: "2024-01-01T10:02:00",
          author: "Bob",
          kind: "media",
          attachment: "IMG-20240101-WA0002.jpg",
          text: "",
        },
        { date: "2024-01-01T10:03:00", kind: "media", text: "<Media omitted>" },
      ],
      media: [
        { name: "IMG-20240101-WA0001.jpg", contentType: "image/jpeg", bytes: new Uint8Array(8) },
        { name: "Jane Doe.vcf", contentType: "text/vcard", bytes: vcf },
      ],
    });
    const html = await page(t, `/c/${id}`, u.headers);
    // Capability URLs (lib/media_url.ts), never the session-only API route.
    const capability = (name: string) =>
      html.match(new RegExp(`/files/${id}/[\\w-]{22}/${name.replace(/\./g, "\\.")}`))![0];
    const img = capability("IMG-20240101-WA0001.jpg");
    assert.ok(!html.includes("/api/conversations/" + id + "/media/"));
    assert.ok(html.includes(
      `<a class="media image" href="${img}" data-lightbox><img src="${img}" alt="Photo from Ann, Jan 1, 2024, 10:00" data-kind="Photo" width="320" height="240" loading="lazy" decoding="async"/></a>` +
        '<p class="text" dir="auto">Sunset</p>',
    ));
    assert.ok(html.includes(
      '<div class="contact-card"><span class="avatar" aria-hidden="true">J</span><div><strong dir="auto">Jane &lt;Doe></strong>' +
        `<a class="phone" href="tel:+447700900123">+44 7700 900123</a><a href="${
          capability("Jane%20Doe.vcf")
        }" download="Jane Doe.vcf">Save contact</a>`,
    ));
    assert.ok(
      html.includes(
        '<span dir="auto">IMG-20240101-WA0002.jpg</span> — not included in this export</p>',
      ),
    );
    assert.ok(
      html.includes(
        '<p class="omitted" title="&lt;Media omitted>"><span aria-hidden="true">🖼️</span> Media not included in this export</p>',
      ),
    );
  } finally {
    await t.close();
  }
});
