import assert from "node:assert/strict";
import { getImportById } from "../lib/db/imports.ts";
import { createLogger } from "../lib/log.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { importChat } from "./import_chat.ts";

// A re-import (re-parse) numbers refs again from 1: shares must follow their messages, never
// showing more than was shared. "A different parse" is the stored original's bytes swapped.

const WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
const line = (i: number) => `01/02/2024, 10:0${i} - ${i % 2 ? "Bob" : "Ann"}: ${WORDS[i]}-word\n`;
/** The chat: one message per word, optionally with line `broken`'s header spoiled (so that
 * line joins the message before it) or its text changed. */
function chat(opts: { broken?: number; changed?: number } = {}) {
  return WORDS.map((_, i) => {
    if (i === opts.broken) return "> " + line(i);
    if (i === opts.changed) return line(i).replace("-word", "-edited");
    return line(i);
  }).join("");
}

async function setup() {
  const t = await createTestApp();
  const ann = await signUp(t.app);
  const logs: string[] = [];
  const logger = createLogger("debug", {}, (l) => logs.push(l));
  const res = await t.app.request(`/api/imports?filename=chat.txt`, {
    method: "POST",
    headers: { ...ann.headers, "content-type": "application/octet-stream" },
    body: chat(),
  });
  assert.equal(res.status, 202);
  const { id } = await res.json();
  const deps = { db: t.db.sql, blobs: t.blobs, logger };
  assert.equal((await importChat(deps, id)).status, "done");
  const share = async (fromSeq: number | undefined, toSeq: number | undefined) => {
    const r = await t.app.request(`/api/conversations/${id}/shares`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ fromSeq, toSeq, expiresInHours: 1 }),
    });
    assert.equal(r.status, 201);
    const s = await r.json();
    return { id: s.id as string, path: new URL(s.url).pathname };
  };
  /** Re-imports the conversation from `bytes` as the worker does after a re-parse request. */
  const reimport = async (bytes: string) => {
    const imp = await getImportById(t.db.sql, id);
    await t.blobs.put(imp!.blobKey, new TextEncoder().encode(bytes));
    await t.db.sql`update imports set status = 'queued' where id = ${id}`;
    assert.equal((await importChat(deps, id)).status, "done");
  };
  return { t, id, logs, share, reimport };
}

/** The words a shared page shows (null: 404). */
async function shown(t: TestApp, path: string): Promise<string[] | null> {
  const res = await t.app.request(path);
  if (res.status === 404) {
    await res.body?.cancel();
    return null;
  }
  assert.equal(res.status, 200);
  return [...(await res.text()).matchAll(/([a-z]+)-(word|edited)/g)].map((m) => m[1]);
}

const rangeOf = async (t: TestApp, shareId: string) => {
  const rows = await t.db.sql`select from_seq, to_seq from shares where id = ${shareId}`;
  return rows[0] ? [rows[0].fromSeq, rows[0].toSeq] : null;
};

Deno.test("re-import with the same parse: share ranges unchanged, nothing aligned", async () => {
  const { t, logs, share, reimport } = await setup();
  try {
    const s = await share(3, 5), open = await share(6, undefined);
    assert.deepEqual(await shown(t, s.path), ["charlie", "delta", "echo"]);
    await reimport(chat());
    assert.deepEqual(await rangeOf(t, s.id), [3, 5]);
    assert.deepEqual(await rangeOf(t, open.id), [6, null]);
    assert.deepEqual(await shown(t, s.path), ["charlie", "delta", "echo"]);
    assert.ok(!logs.some((l) => /share (moved|deleted)/.test(l)));
  } finally {
    await t.close();
  }
});

Deno.test("re-import where a message before the range joins its predecessor: same messages", async () => {
  const { t, share, reimport } = await setup();
  try {
    const s = await share(4, 6), open = await share(undefined, 3), tail = await share(7, undefined);
    assert.deepEqual(await shown(t, s.path), ["delta", "echo", "foxtrot"]);
    assert.deepEqual(await shown(t, tail.path), ["golf", "hotel"]);
    await reimport(chat({ broken: 1 })); // bravo becomes part of alpha: refs after it shift by one
    assert.deepEqual(await rangeOf(t, s.id), [3, 5]);
    assert.deepEqual(await shown(t, s.path), ["delta", "echo", "foxtrot"]);
    assert.deepEqual(await rangeOf(t, tail.id), [6, null]);
    assert.deepEqual(await shown(t, tail.path), ["golf", "hotel"]);
    // alpha changed (it absorbed bravo), charlie did not: the open start keeps up to charlie.
    assert.deepEqual(await rangeOf(t, open.id), [null, 2]);
    assert.deepEqual(await shown(t, open.path), ["alpha", "bravo", "charlie"]);
  } finally {
    await t.close();
  }
});

Deno.test("re-import where the range's last message absorbs the next line: the range shrinks", async () => {
  const { t, share, reimport } = await setup();
  try {
    const s = await share(2, 4);
    assert.deepEqual(await shown(t, s.path), ["bravo", "charlie", "delta"]);
    await reimport(chat({ broken: 4 })); // echo's line (outside the share) joins delta
    assert.deepEqual(await rangeOf(t, s.id), [2, 3]);
    const words = await shown(t, s.path);
    assert.deepEqual(words, ["bravo", "charlie"]);
    assert.ok(!words!.includes("echo"), "the absorbed outside line is not shared");
  } finally {
    await t.close();
  }
});

Deno.test("re-import where nothing of the range survives: the share is deleted", async () => {
  const { t, logs, share, reimport } = await setup();
  try {
    const s = await share(3, 3), kept = await share(5, 5);
    await reimport(chat({ changed: 2 })); // charlie's text is not the same any more
    assert.equal(await rangeOf(t, s.id), null);
    assert.equal(await shown(t, s.path), null);
    assert.ok(logs.some((l) => l.includes("share deleted") && l.includes(s.id)));
    assert.deepEqual(await shown(t, kept.path), ["echo"]);
  } finally {
    await t.close();
  }
});

Deno.test("re-import with a forced date order: the dates change, the shares keep their messages", async () => {
  const { t, id, share, reimport } = await setup();
  try {
    const s = await share(3, 5);
    const before = await t.db
      .sql`select date from messages where conversation_id = ${id} and ref = 3`;
    await t.db.sql`update imports set date_order = 'MDY' where id = ${id}`;
    await reimport(chat()); // 01/02/2024 read month first: 2 January, not 1 February
    const after = await t.db
      .sql`select date from messages where conversation_id = ${id} and ref = 3`;
    assert.notEqual(String(after[0].date), String(before[0].date), "the dates were read again");
    assert.deepEqual(await rangeOf(t, s.id), [3, 5]);
    assert.deepEqual(await shown(t, s.path), ["charlie", "delta", "echo"]);
  } finally {
    await t.close();
  }
});

Deno.test("re-import that finds more messages: a whole-chat share shows them all", async () => {
  const { t, reimport, share } = await setup();
  try {
    await reimport(chat({ broken: 2 })); // 7 messages: "charlie" joined "bravo"
    const whole = await share(undefined, undefined);
    await reimport(chat()); // 8 again; refs are 1..8, and ref 8 is not one a merge added
    assert.deepEqual(await shown(t, whole.path), WORDS);
  } finally {
    await t.close();
  }
});
