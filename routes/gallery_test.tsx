import assert from "node:assert/strict";
import { createTestApp, signUp } from "../tests/helpers/app.ts";
import { type ChatMessage, page, seedChat } from "./_test_chat.ts";

const BYTES = new Uint8Array([1, 2, 3]);
const photo = (i: number, author = i % 2 ? "Bob" : "Ann"): ChatMessage => ({
  date: `2024-03-${String(1 + (i % 28)).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00`,
  author,
  kind: "media",
  attachment: `IMG-2024-WA${String(i).padStart(4, "0")}.jpg`,
  text: "",
});
/** The tiles of a gallery page: [conversation id, ref] in order. */
const tiles = (html: string) =>
  [...html.matchAll(/<li class="tile type-(\w+)" data-conversation="([^"]+)" data-ref="(\d+)"/g)]
    .map((m) => ({ type: m[1], conversation: m[2], ref: Number(m[3]) }));

Deno.test("gallery page: a chat's media as a grid without JavaScript, filters and More", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    // 50 photos (more than a page of 48) and a voice note, one photo a day-ish.
    const messages = [
      ...Array.from({ length: 50 }, (_, i) => photo(i + 1)),
      {
        date: "2024-03-30T10:00:00",
        author: "Cy",
        kind: "media",
        attachment: "PTT-20240330-WA0001.opus",
        text: "",
      } as ChatMessage,
    ];
    const id = await seedChat(t, u.userId, {
      title: "Trip <2024>",
      messages,
      media: messages.map((m) => ({
        name: m.attachment!,
        contentType: m.attachment!.endsWith(".opus") ? "audio/ogg" : "image/jpeg",
        bytes: BYTES,
      })),
    });
    const html = await page(t, `/c/${id}/media`, u.headers);
    assert.match(html, /<title>Media · Trip &lt;2024> · WhatsApp Reader<\/title>/);
    assert.match(html, /<link rel="stylesheet" href="\/static\/gallery.css"\/>/);
    const first = tiles(html);
    assert.equal(first.length, 48);
    // Newest first: the voice note (30 March), then photos.
    assert.deepEqual(first[0], { type: "voice", conversation: id, ref: 51 });
    assert.ok(first.slice(1).every((x) => x.type === "image"));
    // An image tile: the original file, lazy; a voice note: icon, name and size.
    const img = html.match(new RegExp(`/files/${id}/[\\w-]{22}/IMG-2024-WA0027\\.jpg`))![0];
    assert.ok(!html.includes(`/api/conversations/${id}/media/`));
    assert.ok(html.includes(`<a class="thumb" href="${img}" data-lightbox><img src="${img}"`));
    assert.match(
      html,
      /<img src="[^"]+" alt="Image from (Ann|Bob), \w+ \d+, 2024, \d\d:\d\d" data-kind="Image" loading="lazy"/,
    );
    assert.match(html, /<span class="name" dir="auto">PTT-20240330-WA0001.opus<\/span>/);
    assert.match(html, /<span class="size">Voice note · 3 B<\/span>/);
    assert.ok(html.includes(`<a class="show-in-chat" href="/c/${id}/m/51#m51">Show in chat</a>`));
    assert.ok(
      html.includes(
        `<a class="download" href="${
          html.match(new RegExp(`/files/${id}/[\\w-]{22}/PTT-20240330-WA0001\\.opus`))![0]
        }?download=1" download="PTT-20240330-WA0001.opus">`,
      ),
    );
    // The filter form: a GET form with the chat's people.
    assert.match(
      html,
      new RegExp(`<form class="gallery-filter[^"]*" method="get" action="/c/${id}/media">`),
    );
    for (const who of ["Ann", "Bob", "Cy"]) {
      assert.ok(html.includes(`<option value="${who}" dir="auto">${who}</option>`), who);
    }
    // More: the next page, keeping the filter.
    const more = html.match(/<a class="pager more" rel="next" href="([^"]+)">More<\/a>/)?.[1];
    assert.ok(more, "a More link");
    const second = tiles(await page(t, more.replaceAll("&amp;", "&"), u.headers));
    assert.equal(second.length, 3);
    const refs = [...first, ...second].map((x) => x.ref).sort((a, b) => a - b);
    assert.deepEqual(refs, Array.from({ length: 51 }, (_, i) => i + 1));

    // The form as a browser sends it: empty fields mean "any".
    const bob = await page(t, `/c/${id}/media?type=&author=Bob&from=&to=`, u.headers);
    const bobs = tiles(bob);
    assert.equal(bobs.length, 25);
    assert.ok(bob.includes(`<option value="Bob" selected dir="auto">Bob</option>`));
    assert.doesNotMatch(bob, /rel="next"/);
    const voice = await page(t, `/c/${id}/media?type=voice&author=Bob`, u.headers);
    assert.equal(tiles(voice).length, 0);
    assert.match(voice, /No media matches these filters/);
    const march3 = tiles(await page(t, `/c/${id}/media?from=2024-03-03&to=2024-03-03`, u.headers));
    assert.deepEqual(march3.map((x) => x.ref).sort(), [2, 30]);
    // Bad input: a 400 naming the field.
    const bad = await t.app.request(`/c/${id}/media?from=yesterday`, { headers: u.headers });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /from: /);
  } finally {
    await t.close();
  }
});

Deno.test("gallery page: the whole library names each item's chat; links to it exist", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const a = await seedChat(t, u.userId, {
      title: "Alpha",
      messages: [photo(1, "Ann")],
      media: [{ name: photo(1).attachment!, contentType: "image/jpeg", bytes: BYTES }],
    });
    const b = await seedChat(t, u.userId, {
      title: "Beta",
      messages: [photo(2, "Dee")],
      media: [{ name: photo(2).attachment!, contentType: "image/jpeg", bytes: BYTES }],
    });
    const html = await page(t, "/media", u.headers);
    assert.deepEqual(tiles(html).map((x) => x.conversation), [b, a]);
    // The sender, then the chat muted after "in" (not a second bold name).
    assert.match(
      html,
      /<span class="who" dir="auto">\w+<\/span><span class="conv">in <bdi>Alpha<\/bdi><\/span>/,
    );
    assert.match(html, /<span class="conv">in <bdi>Beta<\/bdi><\/span>/);
    assert.ok(html.includes(`<option value="Dee" dir="auto">Dee</option>`));
    assert.deepEqual(tiles(await page(t, "/media?author=Dee", u.headers)).map((x) => x.ref), [1]);
    assert.ok((await page(t, "/", u.headers)).includes(`href="/media"`));
    assert.ok((await page(t, `/c/${a}`, u.headers)).includes(`<a href="/c/${a}/media">Media</a>`));
    // A chat-page tile does not repeat the chat's title.
    assert.doesNotMatch(await page(t, `/c/${a}/media`, u.headers), /<span class="conv"/);
  } finally {
    await t.close();
  }
});

Deno.test("gallery page: a text-only export says why it is empty; another user's chat is a 404", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), other = await signUp(t.app);
    const id = await seedChat(t, u.userId, {
      messages: [
        { date: "2024-01-01T10:00:00", author: "Ann", text: "hi" },
        { date: "2024-01-01T10:01:00", author: "Bob", kind: "media", text: "<Media omitted>" },
        { date: "2024-01-01T10:02:00", author: "Bob", kind: "media", text: "<Media omitted>" },
      ],
    });
    const html = await page(t, `/c/${id}/media`, u.headers);
    assert.equal(tiles(html).length, 0);
    assert.match(html, /This chat was exported without media: 2 messages say/);
    assert.match(await page(t, "/media", u.headers), /Your chats were exported without media/);
    const empty = await page(t, "/media", other.headers);
    assert.match(empty, /No photos, videos, voice notes or files here yet/);
    await page(t, `/c/${id}/media`, other.headers, 404);
    // Signed out: the sign-in page, not the gallery.
    const anonymous = await t.app.request(`/c/${id}/media`);
    assert.notEqual(anonymous.status, 200);
    await anonymous.body?.cancel();
  } finally {
    await t.close();
  }
});
