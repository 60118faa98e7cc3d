import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { type ChatMessage, numbered, seedChat } from "./_test_chat.ts";

/** Shares conversation `id` and returns the shared page's path. */
async function sharePath(
  t: TestApp,
  headers: Record<string, string>,
  id: string,
  body: Record<string, unknown> = {},
) {
  const created = await t.app.request(`/api/conversations/${id}/shares`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ expiresInHours: 1, ...body }),
  });
  assert.equal(created.status, 201);
  return new URL((await created.json()).url).pathname;
}

/** The shared page's header. */
const headerOf = (html: string) =>
  /<header class="conv-header share-head">[\s\S]*?<\/header>/.exec(html)![0];

Deno.test("a shared page never calls the owner's messages “you” (its reader is someone else)", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    // Bob is the owner ("view as"): his messages are on the right, as in his own view.
    const messages = numbered(4);
    messages.push({ ...messages[3], text: "message 5" });
    const id = await seedChat(t, ann.userId, { messages, viewAs: "Bob" });
    const own = await (await t.app.request(`/c/${id}`, { headers: ann.headers })).text();
    assert.match(own, /<span class="sr-only" dir="auto">Bob \(you\):<\/span>/, "the owner's view");
    const html = await (await t.app.request(await sharePath(t, ann.headers, id))).text();
    assert.match(html, /class="msg mine /, "the owner's messages stay on the right");
    assert.ok(!html.includes("(you)"), "a visitor is not the owner");
    assert.match(html, /<span class="sr-only" dir="auto">Bob:<\/span>/);
  } finally {
    await t.close();
  }
});

Deno.test("a shared 1:1 chat says who is in it and whose the right-hand side is", async () => {
  const t = await createTestApp();
  try {
    const owner = await signUp(t.app);
    const at = (n: number) => `2024-01-01T09:0${n}:00`;
    const messages: ChatMessage[] = [
      { date: at(0), author: "María José", text: "hola" },
      { date: at(1), author: "Tom", text: "hi" },
      { date: at(2), author: "Tom", text: "how are you?" },
      { date: at(3), author: "María José", text: "bien" },
    ];
    const id = await seedChat(t, owner.userId, { messages, viewAs: "Tom", title: "Tom" });
    const html = await (await t.app.request(await sharePath(t, owner.headers, id))).text();
    assert.match(
      headerOf(html),
      /<span class="participants"><bdi>María José<\/bdi>, <bdi>Tom<\/bdi><\/span>/,
      "the people, as the conversation page's header lists them",
    );
    // The owner's run is named at its start, as other people's are; no avatar on the right.
    const mine = [...html.matchAll(/<li class="msg mine[^"]*"[\s\S]*?<\/li>/g)].map((m) => m[0]);
    assert.equal(mine.length, 2);
    assert.match(mine[0], /<header class="author"[^>]*>(<bdi>)?Tom(<\/bdi>)?<\/header>/);
    assert.doesNotMatch(mine[0], /class="avatar/);
    assert.doesNotMatch(mine[1], /<header class="author"/, "once a run");
    assert.match(
      html,
      /<li class="msg theirs [^"]*"[\s\S]*?>(<bdi>)?María José(<\/bdi>)?<\/header>/,
    );

    // Redacted: the pseudonyms, never the names.
    const redacted = await (await t.app.request(
      await sharePath(t, owner.headers, id, { redacted: true }),
    )).text();
    assert.match(
      headerOf(redacted),
      /<span class="participants"><bdi>Participant 1<\/bdi>, <bdi>Participant 2<\/bdi><\/span>/,
    );
    assert.doesNotMatch(redacted, /María|José|Tom/);
  } finally {
    await t.close();
  }
});

Deno.test("a shared page names only the people of what is shared", async () => {
  const t = await createTestApp();
  try {
    const owner = await signUp(t.app);
    const messages = numbered(6);
    messages.push({ date: "2024-01-02T09:00:00", author: "Cy", text: "a day later" });
    const id = await seedChat(t, owner.userId, { messages, viewAs: "Ann" });
    const people = async (body: Record<string, unknown>) =>
      /<span class="participants">([\s\S]*?)<\/span>/.exec(
        headerOf(await (await t.app.request(await sharePath(t, owner.headers, id, body))).text()),
      )![1];
    assert.equal(await people({}), "<bdi>Ann</bdi>, <bdi>Bob</bdi>, <bdi>Cy</bdi>");
    assert.equal(
      await people({ fromDate: "2024-01-01", toDate: "2024-01-01" }),
      "<bdi>Ann</bdi>, <bdi>Bob</bdi>",
      "Cy wrote on another day",
    );
    // A whole-chat share made before a merge added Dan's message (a higher ref) never names him.
    const whole = await sharePath(t, owner.headers, id);
    await t.db.sql`insert into messages (conversation_id, seq, ref, date, at, author, text, kind)
      values (${id}, 8, 8, '2024-01-03T09:00:00', '2024-01-03T09:00:00Z', 'Dan', 'merged in',
        'text')`;
    await t.db.sql`insert into participants (conversation_id, name, message_count, first_seq)
      values (${id}, 'Dan', 9, 8)`;
    const html = await (await t.app.request(whole)).text();
    assert.match(headerOf(html), /<bdi>Ann<\/bdi>, <bdi>Bob<\/bdi>, <bdi>Cy<\/bdi><\/span>/);
    assert.doesNotMatch(html, /Dan/);
  } finally {
    await t.close();
  }
});

Deno.test("a shared page counts its people once per version of the chat, not on every request", async () => {
  const t = await createTestApp();
  try {
    const owner = await signUp(t.app);
    const messages = numbered(6);
    messages.push({ date: "2024-01-02T09:00:00", author: "Cy", text: "a day later" });
    const id = await seedChat(t, owner.userId, { messages, viewAs: "Ann" });
    // A range: its people are counted from its messages (0.3 s per million of them). Anyone with
    // the link may ask for it again and again, as ever new URLs the edge has not cached.
    const path = await sharePath(t, owner.headers, id, {
      fromDate: "2024-01-01",
      toDate: "2024-01-01",
    });
    const people = async (url: string) =>
      /<span class="participants">([\s\S]*?)<\/span>/.exec(
        headerOf(await (await t.app.request(url)).text()),
      )![1];
    assert.equal(await people(path), "<bdi>Ann</bdi>, <bdi>Bob</bdi>");
    // Changed behind the app's back (every change of the app bumps the chat's version): the
    // people counted for this version are not counted again.
    await t.db.sql`update messages set author = 'Zed' where conversation_id = ${id} and seq = 1`;
    assert.equal(await people(`${path}?after=1`), "<bdi>Ann</bdi>, <bdi>Bob</bdi>");
    assert.equal(await people(`${path}?before=3`), "<bdi>Ann</bdi>, <bdi>Bob</bdi>");
    // A new version of the chat (as a rename, a re-import or a merge make): counted anew.
    await t.db.sql`update conversations set title = 'Renamed' where id = ${id}`;
    assert.equal(await people(`${path}?after=2`), "<bdi>Bob</bdi>, <bdi>Ann</bdi>, <bdi>Zed</bdi>");
  } finally {
    await t.close();
  }
});
