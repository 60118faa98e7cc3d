import assert from "node:assert/strict";
import { createTestApp, signUp, type TestApp } from "../../tests/helpers/app.ts";
import { importBoth, importExport, PHOTO_FILE, TEXT_ONLY } from "./fixtures_test_util.ts";
import { mergeConversations } from "./merge.ts";
import { fusedImportIds, resolveAlias, seqOfRef } from "./refs.ts";

const rows = (t: TestApp, id: string) =>
  t.db.sql<{ seq: number; ref: number; author: string; text: string; kind: string }[]>`
    select seq, ref, author, text, kind, attachment from messages
    where conversation_id = ${id} order by seq`;

Deno.test("merge: a with-media export fused into a text-only one", async () => {
  const t = await createTestApp();
  try {
    const { userId } = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, userId);
    const r = await mergeConversations(t.db.sql, { userId, into: textOnly, from: withMedia });
    assert.deepEqual(
      { ...r, orphanBlobKeys: r.orphanBlobKeys.length },
      {
        conversationId: textOnly,
        messages: 9,
        added: 4,
        mediaAttached: 1,
        messageCount: 9,
        orphanBlobKeys: 0,
      },
    );
    const msgs = await rows(t, textOnly);
    // Order: the day before, the overlap kept once, the gap filled, the later day.
    assert.deepEqual(msgs.map((m) => [m.seq, m.ref, m.text]), [
      [1, 6, "first"],
      [2, 7, "second"],
      [3, 1, "ok"],
      [4, 2, "ok"],
      [5, 3, ""],
      [6, 4, "nice photo"],
      [7, 8, "middle"],
      [8, 5, "after middle"],
      [9, 9, "later"],
    ]);
    // The placeholder gained the photo, whose file moved with its media row.
    assert.deepEqual([msgs[4].kind, (msgs[4] as unknown as { attachment: string }).attachment], [
      "media",
      PHOTO_FILE,
    ]);
    const [media] = await t.db.sql`select * from media where conversation_id = ${textOnly}`;
    assert.equal(media.name, PHOTO_FILE);
    assert.ok(await t.blobs.get(media.blobKey), "the blob is still there");
    assert.deepEqual([media.width, media.height], [1, 1], "its size moved with it (a 1×1 PNG)");

    const [conv] = await t.db.sql`select * from conversations where id = ${textOnly}`;
    assert.equal(conv.messageCount, 9);
    assert.equal(conv.firstDate.toISOString().slice(0, 10), "2024-01-13");
    assert.equal(conv.lastDate.toISOString().slice(0, 10), "2024-01-20");
    const people = await t.db.sql`
      select name, message_count, first_seq from participants
      where conversation_id = ${textOnly} order by name`;
    assert.deepEqual(people.map((p) => [p.name, p.messageCount, p.firstSeq]), [
      ["Ann", 6, 1],
      ["Bob", 3, 2],
    ]);
    const sources = await t.db.sql`
      select import_id, message_count, added_count, media_count from conversation_sources
      where conversation_id = ${textOnly} order by first_date`;
    assert.deepEqual(sources.map((s) => [s.importId, s.messageCount, s.addedCount, s.mediaCount]), [
      [withMedia, 9, 4, 1],
      [textOnly, 5, 5, 0],
    ]);
    assert.deepEqual(await fusedImportIds(t.db.sql, textOnly), [withMedia]);
    const [imp] = await t.db
      .sql`select conversation_id, merge_into from imports where id = ${withMedia}`;
    assert.deepEqual([imp.conversationId, imp.mergeInto], [textOnly, textOnly]);
    const [gone] = await t.db
      .sql`select count(*)::int as n from conversations where id = ${withMedia}`;
    assert.equal(gone.n, 0);
    const [indexed] = await t.db.sql`
      select count(*)::int as n from message_search where conversation_id = ${textOnly}`;
    assert.equal(indexed.n, 9);

    // Refs are stable: ref 5 is still "after middle"; the merged-away export's refs map over.
    assert.equal(await seqOfRef(t.db.sql, textOnly, 5), 8);
    assert.deepEqual(await resolveAlias(t.db.sql, userId, withMedia, 1), { id: textOnly, ref: 6 });
    assert.deepEqual(await resolveAlias(t.db.sql, userId, withMedia, 5), { id: textOnly, ref: 3 });
    assert.equal(await resolveAlias(t.db.sql, crypto.randomUUID(), withMedia, 1), null);
  } finally {
    await t.close();
  }
});

Deno.test("merge: the other way round keeps the file and renumbers nothing it had", async () => {
  const t = await createTestApp();
  try {
    const { userId } = await signUp(t.app);
    const { textOnly, withMedia } = await importBoth(t, userId);
    const r = await mergeConversations(t.db.sql, { userId, into: withMedia, from: textOnly });
    assert.equal(r.added, 0);
    assert.equal(r.mediaAttached, 0);
    const msgs = await rows(t, withMedia);
    assert.deepEqual(
      msgs.map((m) => [m.seq, m.ref]),
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, n]),
    );
    assert.equal((msgs[4] as unknown as { attachment: string }).attachment, PHOTO_FILE);
    assert.deepEqual(await resolveAlias(t.db.sql, userId, textOnly, 5), { id: withMedia, ref: 8 });

    // A third export, merged into the fused one, and an alias chain: the first alias follows.
    const third = await importExport(
      t,
      userId,
      "WhatsApp Chat with Bob.txt",
      "12/01/2024, 08:00 - Bob: the very first\n" + TEXT_ONLY,
    );
    const other = await mergeConversations(t.db.sql, { userId, into: third, from: withMedia });
    assert.equal(other.added, 4); // first, second, middle, later
    assert.equal(other.messageCount, 10);
    assert.deepEqual(await resolveAlias(t.db.sql, userId, textOnly, 5), { id: third, ref: 6 });
    const first = (await rows(t, third))[0];
    assert.deepEqual([first.seq, first.text], [1, "the very first"]);
  } finally {
    await t.close();
  }
});

Deno.test("merge: another user's conversation is not found; itself is refused", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const eve = await signUp(t.app);
    const { textOnly } = await importBoth(t, ann.userId);
    const eves = await importExport(t, eve.userId, "WhatsApp Chat with Bob.txt", TEXT_ONLY);
    await assert.rejects(
      mergeConversations(t.db.sql, { userId: ann.userId, into: textOnly, from: eves }),
      /conversation not found/,
    );
    await assert.rejects(
      mergeConversations(t.db.sql, { userId: eve.userId, into: eves, from: textOnly }),
      /conversation not found/,
    );
    await assert.rejects(
      mergeConversations(t.db.sql, { userId: ann.userId, into: textOnly, from: textOnly }),
      /from: must be another conversation/,
    );
  } finally {
    await t.close();
  }
});
