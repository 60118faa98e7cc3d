import assert from "node:assert/strict";
import type { EdgeInvalidator } from "../lib/edge/invalidate.ts";
import { createTestApp, signUp, TEST_SECRET } from "../tests/helpers/app.ts";
import { createTokenSigner } from "../lib/auth/tokens.ts";
import { mediaFileUrl } from "../lib/media_url.ts";
import { seedChat } from "./_test_chat.ts";

const PHOTO = "IMG-20240101-WA0001.jpg";

/** A recording invalidator: the paths of every call. */
function recorder(): EdgeInvalidator & { calls: string[][] } {
  const calls: string[][] = [];
  return { calls, invalidate: (paths) => Promise.resolve(void calls.push(paths)) };
}

async function seed(t: Awaited<ReturnType<typeof createTestApp>>, userId: string) {
  return await seedChat(t, userId, {
    messages: [
      { date: "2024-01-01T09:00:00", author: "Ann", text: "", attachment: PHOTO },
      { date: "2024-01-01T09:01:00", author: "Bob", text: "", attachment: "x.html" },
      { date: "2024-01-01T09:02:00", author: "Bob", text: "", attachment: "y.svg" },
    ],
    media: [
      { name: PHOTO, contentType: "image/jpeg", bytes: new Uint8Array([1, 2, 3]) },
      { name: "x.html", contentType: "text/html", bytes: new TextEncoder().encode("<script>") },
      { name: "y.svg", contentType: "image/svg+xml", bytes: new TextEncoder().encode("<svg/>") },
    ],
  });
}

/** The capability URLs of a conversation, by file name, as the messages API lists them. */
async function urls(
  t: Awaited<ReturnType<typeof createTestApp>>,
  id: string,
  headers: HeadersInit,
) {
  const res = await t.app.request(`/api/conversations/${id}/messages`, { headers });
  const { messages } = await res.json();
  return Object.fromEntries(
    messages.map((m: { attachment: string; mediaUrl: string }) => [m.attachment, m.mediaUrl]),
  ) as Record<string, string>;
}

Deno.test("files: a capability URL serves the file without a cookie, public and immutable", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seed(t, u.userId);
    const url = (await urls(t, id, u.headers))[PHOTO];
    assert.match(url, new RegExp(`^/files/${id}/[\\w-]{22}/IMG-20240101-WA0001\\.jpg$`));
    const res = await t.app.request(url);
    assert.equal(res.status, 200);
    assert.deepEqual(new Uint8Array(await res.arrayBuffer()), new Uint8Array([1, 2, 3]));
    assert.equal(res.headers.get("cache-control"), "public, max-age=31536000, immutable");
    assert.equal(res.headers.get("content-type"), "image/jpeg");
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("set-cookie"), null);
    assert.ok(!/cookie/i.test(res.headers.get("vary") ?? ""));
    const dl = await t.app.request(`${url}?download=1`);
    assert.match(dl.headers.get("content-disposition")!, /^attachment;/);
    await dl.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("files: HTML and SVG are served as downloads, never rendered", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app);
    const id = await seed(t, u.userId);
    const all = await urls(t, id, u.headers);
    const html = await t.app.request(all["x.html"]);
    assert.equal(html.headers.get("content-type"), "application/octet-stream");
    assert.match(html.headers.get("content-disposition")!, /^attachment;/);
    assert.equal(html.headers.get("x-content-type-options"), "nosniff");
    await html.body?.cancel();
    const svg = await t.app.request(all["y.svg"]);
    assert.match(svg.headers.get("content-disposition")!, /^attachment;/);
    assert.match(svg.headers.get("content-security-policy")!, /sandbox/);
    await svg.body?.cancel();
  } finally {
    await t.close();
  }
});

Deno.test("files: a tampered, misplaced or unknown URL is the same 404", async () => {
  const t = await createTestApp();
  try {
    const u = await signUp(t.app), eve = await signUp(t.app);
    const id = await seed(t, u.userId), other = await seed(t, eve.userId);
    const mine = await urls(t, id, u.headers), theirs = await urls(t, other, eve.headers);
    const sig = mine[PHOTO].split("/")[3];
    const tampered = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    const bad = [
      `/files/${id}/${tampered}/${PHOTO}`,
      // Eve's valid sig, on my conversation; my sig on Eve's conversation.
      `/files/${id}/${theirs[PHOTO].split("/")[3]}/${PHOTO}`,
      `/files/${other}/${sig}/${PHOTO}`,
      // The sig of the photo, for another file of the same conversation.
      `/files/${id}/${sig}/x.html`,
      `/files/${id}/${sig}/missing.jpg`,
      `/files/not-a-uuid/${sig}/${PHOTO}`,
      `/files/${id}/short/${PHOTO}`,
    ];
    const bodies = new Set<string>();
    for (const url of bad) {
      const res = await t.app.request(url);
      assert.equal(res.status, 404, url);
      assert.equal(res.headers.get("cache-control"), "private, no-cache");
      bodies.add(await res.text());
    }
    assert.equal(bodies.size, 1);
    // Another user's session does not open my file through the API either.
    const api = await t.app.request(`/api/conversations/${id}/media/${PHOTO}`, {
      headers: eve.headers,
    });
    assert.equal(api.status, 404);
  } finally {
    await t.close();
  }
});

Deno.test("files: deleting the conversation 404s its URLs and purges the edge", async () => {
  const edge = recorder();
  const t = await createTestApp({ edge });
  try {
    const u = await signUp(t.app);
    const id = await seed(t, u.userId);
    const url = (await urls(t, id, u.headers))[PHOTO];
    assert.equal((await t.app.request(url)).status, 200);
    const del = await t.app.request(`/api/conversations/${id}`, {
      method: "DELETE",
      headers: u.headers,
    });
    assert.equal(del.status, 200);
    assert.equal((await t.app.request(url)).status, 404);
    assert.deepEqual(edge.calls, [[`/files/${id}/*`]]);
  } finally {
    await t.close();
  }
});

Deno.test("files: the URL is derived from the media row, and another secret does not verify", () => {
  const a = createTokenSigner([TEST_SECRET]);
  const b = createTokenSigner(["another-secret-long-enough-for-hs256-abcdefghij"]);
  const media = {
    conversationId: "5b0c9d1e-0000-4000-8000-000000000001",
    name: "a b.jpg",
    blobKey: "conversations/x/media/a%20b.jpg",
    contentType: "image/jpeg",
  };
  const url = mediaFileUrl(a, media);
  assert.match(url, /^\/files\/5b0c9d1e-0000-4000-8000-000000000001\/[\w-]{22}\/a%20b\.jpg$/);
  assert.notEqual(mediaFileUrl(b, media), url);
  assert.notEqual(mediaFileUrl(a, { ...media, blobKey: "other" }), url);
  assert.equal(mediaFileUrl(a, media, { download: true }), `${url}?download=1`);
  // Rotation: with b prepended, b signs, and a's URLs still verify.
  const both = createTokenSigner(["another-secret-long-enough-for-hs256-abcdefghij", TEST_SECRET]);
  assert.equal(mediaFileUrl(both, media), mediaFileUrl(b, media));
});
