import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { type ChatMessage, seedChat } from "../_test_chat.ts";

const BYTES = new Uint8Array([1, 2, 3, 4, 5]);
const file = (name: string, contentType: string) => ({ name, contentType, bytes: BYTES });
const media = (
  date: string,
  author: string,
  attachment: string | null,
  text = "",
): ChatMessage => ({
  date,
  author,
  kind: "media",
  attachment,
  text,
});

/** Two chats of one user with media of every sort, one file missing, one omitted. */
async function seedLibrary(t: TestApp, userId: string) {
  const family = await seedChat(t, userId, {
    title: "Family",
    messages: [
      { date: "2024-01-01T09:00:00", author: "Ann", text: "hello" },
      media("2024-01-01T10:00:00", "Ann", "IMG-20240101-WA0001.jpg"),
      media("2024-01-02T11:00:00", "Bob", "VID-20240102-WA0002.mp4"),
      media("2024-01-03T12:00:00", "Bob", "PTT-20240103-WA0003.opus"),
      media("2024-01-04T08:00:00", "Cy", "report.pdf"),
      media("2024-01-05T08:00:00", "Ann", "IMG-20240105-WA0004.jpg"),
      media("2024-01-05T09:00:00", "Ann", "IMG-20240105-WA0005.jpg"), // not in the zip
      media("2024-01-06T09:00:00", "Ann", null, "<Media omitted>"),
    ],
    media: [
      file("IMG-20240101-WA0001.jpg", "image/jpeg"),
      file("VID-20240102-WA0002.mp4", "video/mp4"),
      file("PTT-20240103-WA0003.opus", "audio/ogg"),
      file("report.pdf", "application/pdf"),
      file("IMG-20240105-WA0004.jpg", "image/jpeg"),
    ],
  });
  const work = await seedChat(t, userId, {
    title: "Work",
    messages: [media("2024-01-03T09:00:00", "Bob", "IMG-20240103-WA0009.jpg")],
    media: [file("IMG-20240103-WA0009.jpg", "image/jpeg")],
  });
  return { family, work };
}

async function list(t: TestApp, path: string, headers: Record<string, string>) {
  const res = await t.app.request(path, { headers });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  return body as { items: Record<string, unknown>[]; next: string | null };
}
const names = (page: { items: Record<string, unknown>[] }) => page.items.map((i) => i.name);

const ALL = [
  "IMG-20240105-WA0004.jpg",
  "report.pdf",
  "PTT-20240103-WA0003.opus",
  "IMG-20240103-WA0009.jpg",
  "VID-20240102-WA0002.mp4",
  "IMG-20240101-WA0001.jpg",
];

Deno.test("media API: the library's files newest first, filtered by type, author, days, chat", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { family, work } = await seedLibrary(t, u.userId);
    const h = u.headers;
    // The file missing from the zip and the omitted one are not listed.
    assert.deepEqual(names(await list(t, "/api/media", h)), ALL);

    const first = (await list(t, "/api/media?type=image&author=Ann", h)).items;
    assert.deepEqual(first.map((i) => i.name), [
      "IMG-20240105-WA0004.jpg",
      "IMG-20240101-WA0001.jpg",
    ]);
    // A capability URL (lib/media_url.ts), loadable without a session.
    assert.match(
      String(first[0].url),
      new RegExp(`^/files/${family}/[\\w-]{22}/IMG-20240105-WA0004\\.jpg$`),
    );
    assert.equal((await t.app.request(String(first[0].url))).status, 200);
    assert.deepEqual(first[0], {
      conversationId: family,
      conversationTitle: "Family",
      ref: 6,
      seq: 6,
      date: "2024-01-05T08:00:00",
      at: "2024-01-05T08:00:00Z",
      shownAt: "2024-01-05T08:00:00",
      author: "Ann",
      name: "IMG-20240105-WA0004.jpg",
      displayName: "IMG-20240105-WA0004.jpg",
      size: 5,
      contentType: "image/jpeg",
      type: "image",
      url: first[0].url,
      downloadUrl: `${first[0].url}?download=1`,
      permalink: `/c/${family}/m/6#m6`,
    });
    assert.deepEqual(names(await list(t, "/api/media?type=voice", h)), [
      "PTT-20240103-WA0003.opus",
    ]);
    assert.deepEqual(names(await list(t, "/api/media?type=document", h)), ["report.pdf"]);
    assert.deepEqual(names(await list(t, "/api/media?author=Bob", h)), [
      "PTT-20240103-WA0003.opus",
      "IMG-20240103-WA0009.jpg",
      "VID-20240102-WA0002.mp4",
    ]);
    // Days are inclusive wall-clock days.
    assert.deepEqual(names(await list(t, "/api/media?from=2024-01-02&to=2024-01-03", h)), [
      "PTT-20240103-WA0003.opus",
      "IMG-20240103-WA0009.jpg",
      "VID-20240102-WA0002.mp4",
    ]);
    assert.deepEqual(names(await list(t, "/api/media?from=2024-01-05", h)), [
      "IMG-20240105-WA0004.jpg",
    ]);
    assert.deepEqual(names(await list(t, "/api/media?to=2024-01-01", h)), [
      "IMG-20240101-WA0001.jpg",
    ]);
    // Empty form fields mean "any".
    assert.deepEqual(names(await list(t, "/api/media?type=&author=&from=&to=", h)), ALL);
    assert.deepEqual(names(await list(t, `/api/media?conversationId=${work}`, h)), [
      "IMG-20240103-WA0009.jpg",
    ]);
    assert.deepEqual(
      names(await list(t, `/api/conversations/${family}/media?type=image`, h)),
      ["IMG-20240105-WA0004.jpg", "IMG-20240101-WA0001.jpg"],
    );
    assert.deepEqual(
      names(await list(t, `/api/conversations/${family}/media`, h)),
      ALL.filter((n) => n !== "IMG-20240103-WA0009.jpg"),
    );
  } finally {
    await t.close();
  }
});

Deno.test("media API: keyset pages cover everything once, across chats", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    await seedLibrary(t, u.userId);
    const seen: unknown[] = [];
    let cursor: string | null = null, pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const page = await list(t, `/api/media?limit=4${q}`, u.headers);
      seen.push(...names(page));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 2);
    assert.deepEqual(seen, ALL);
    // A full last page has no next.
    assert.equal((await list(t, "/api/media?limit=6", u.headers)).next, null);
  } finally {
    await t.close();
  }
});

Deno.test("media API: another user's media never shows; their chat is a 404", async () => {
  const t = await createTestApp();
  try {
    const a = await signUp(t.app), b = await signUp(t.app);
    const { family } = await seedLibrary(t, a.userId);
    const theirs = await seedChat(t, b.userId, {
      messages: [media("2024-02-01T10:00:00", "Zed", "IMG-20240201-WA0001.jpg")],
      media: [file("IMG-20240201-WA0001.jpg", "image/jpeg")],
    });
    assert.deepEqual(names(await list(t, "/api/media", a.headers)), ALL);
    assert.deepEqual(names(await list(t, "/api/media", b.headers)), ["IMG-20240201-WA0001.jpg"]);
    for (
      const path of [`/api/conversations/${theirs}/media`, `/api/media?conversationId=${theirs}`]
    ) {
      const res = await t.app.request(path, { headers: a.headers });
      assert.equal(res.status, 404, path);
      assert.equal((await res.json()).error.code, "not_found");
    }
    const res = await t.app.request(`/api/conversations/${family}/media`, { headers: b.headers });
    assert.equal(res.status, 404);
    await res.body?.cancel();
    const anonymous = await t.app.request("/api/media");
    assert.equal(anonymous.status, 401);
    await anonymous.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("media API: bad filters are 400s naming the field", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const cases: [string, RegExp][] = [
      ["type=gif", /^type: /],
      ["from=2024-13-01", /^from: /],
      ["from=2024-02-01&to=2024-01-01", /^from: must not be after to/],
      ["cursor=nonsense", /^cursor: /],
      [`cursor=2024-01-01T99:99:99.000000Z_1_${crypto.randomUUID()}`, /^cursor: /],
      [`cursor=2024-01-01T10:00:00.000000Z_1_${"-".repeat(36)}`, /^cursor: /],
      ["limit=0", /^limit: /],
      ["limit=201", /^limit: /],
      ["conversationId=nope", /^conversationId: /],
    ];
    for (const [query, message] of cases) {
      const res = await t.app.request(`/api/media?${query}`, { headers: u.headers });
      assert.equal(res.status, 400, query);
      assert.match((await res.json()).error.message, message, query);
    }
    const res = await t.app.request("/api/conversations/nope/media", { headers: u.headers });
    assert.equal(res.status, 400);
    assert.match((await res.json()).error.message, /^id: /);
  } finally {
    await t.close();
  }
});

Deno.test("media route: ?download=1 makes any file an attachment download", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const { family } = await seedLibrary(t, u.userId);
    const url = `/api/conversations/${family}/media/IMG-20240101-WA0001.jpg`;
    const shown = await t.app.request(url, { headers: u.headers });
    assert.equal(shown.status, 200);
    assert.equal(
      shown.headers.get("content-disposition"),
      "inline; filename*=UTF-8''IMG-20240101-WA0001.jpg",
    );
    await shown.body?.cancel();
    const saved = await t.app.request(`${url}?download=1`, { headers: u.headers });
    assert.equal(saved.status, 200);
    assert.equal(
      saved.headers.get("content-disposition"),
      "attachment; filename*=UTF-8''IMG-20240101-WA0001.jpg",
    );
    assert.equal(saved.headers.get("content-type"), "image/jpeg");
    assert.equal(saved.headers.get("x-content-type-options"), "nosniff");
    assert.deepEqual(new Uint8Array(await saved.arrayBuffer()), BYTES);
  } finally {
    await t.close();
  }
});

Deno.test("media API and page: times in the reader's zone when one is set, else as exported", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    await seedChat(t, ann.userId, {
      title: "Trip",
      messages: [media("2024-01-01T10:00:00", "Ann", "IMG-20240101-WA0001.jpg")],
      media: [file("IMG-20240101-WA0001.jpg", "image/jpeg")],
    });
    const [own] = (await list(t, "/api/media", ann.headers)).items;
    assert.deepEqual([own.date, own.at, own.shownAt], [
      "2024-01-01T10:00:00",
      "2024-01-01T10:00:00Z",
      "2024-01-01T10:00:00",
    ]);
    // The chat's zone is UTC (seedChat): 10:00 UTC is 19:00 in Tokyo.
    await t.db.sql`update users set reading_zone = 'Asia/Tokyo' where id = ${ann.userId}`;
    const [tokyo] = (await list(t, "/api/media", ann.headers)).items;
    assert.equal(tokyo.shownAt, "2024-01-01T19:00:00+09:00");
    const html = await (await t.app.request("/media", { headers: ann.headers })).text();
    assert.match(html, /<time datetime="2024-01-01T19:00:00\+09:00">[^<]*19:00<\/time>/);
  } finally {
    await t.close();
  }
});
