import assert from "node:assert/strict";
import { silentLogger } from "../lib/log.ts";
import { createTestApp, signUp, type TestApp } from "../tests/helpers/app.ts";
import { importChat } from "../worker/import_chat.ts";

// Every day and month ≤ 12: either order reads it. Day-first wins by chronology ("inferred":
// the first number changes, the second never does).
const AMBIGUOUS = [
  "01/02/2024, 10:00 - Ann: hello",
  "03/02/2024, 10:01 - Bob: hi",
  "05/02/2024, 09:00 - Ann: later",
].join("\n") + "\n";
const UNPLACED = await Deno.readTextFile(
  new URL("../lib/parse/testdata/unplaced.txt", import.meta.url),
);

async function imported(t: TestApp, headers: Record<string, string>, name: string, text: string) {
  const res = await t.app.request(`/api/imports?filename=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { ...headers, "content-type": "text/plain" },
    body: text,
  });
  assert.equal(res.status, 202);
  const { id } = await res.json();
  await work(t, id);
  return id as string;
}

async function work(t: TestApp, id: string) {
  const outcome = await importChat({ db: t.db.sql, blobs: t.blobs, logger: silentLogger }, id);
  assert.equal(outcome.status, "done");
}

const get = async (t: TestApp, path: string, headers: Record<string, string>) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, body: await res.text() };
};

Deno.test("report: what the parser detected, how sure, the file and its hash", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await imported(t, ann.headers, "WhatsApp Chat with Bob.txt", AMBIGUOUS);
    const res = await t.app.request(`/api/imports/${id}/report`, { headers: ann.headers });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "private, no-cache");
    const report = await res.json();
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(AMBIGUOUS));
    const sha = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    assert.deepEqual(report.file.sha256, sha);
    assert.equal(report.file.name, "WhatsApp Chat with Bob.txt");
    assert.equal(report.file.size, AMBIGUOUS.length);
    assert.equal(report.parse.platform, "Android");
    assert.equal(report.parse.dateOrder, "DMY");
    assert.equal(report.parse.dateOrderCertainty, "inferred");
    assert.equal(report.parse.dateOrderSource, "detected");
    assert.equal(report.parse.clock, "24h");
    assert.equal(report.parse.messages, 3);
    assert.deepEqual(report.parse.participants, ["Ann", "Bob"]);
    assert.equal(report.parse.unplacedLines, 0);
    assert.deepEqual(report.switchTo, ["MDY"]);
    assert.equal(report.reparseBlocked, null);

    const page = await get(t, `/imports/${id}/report`, ann.headers);
    assert.equal(page.status, 200);
    assert.match(page.body, new RegExp(sha));
    assert.match(page.body, /day-first \(31\/12\/2024\) — inferred/);
    assert.match(page.body, new RegExp(`href="/imports/${id}/reparse\\?dateOrder=MDY"`));
    assert.match(page.body, /Read dates as month-first instead/);
    // Linked from the import page and the conversation's header.
    assert.match((await get(t, `/imports/${id}?stay`, ann.headers)).body, /\/report"/);
    assert.match((await get(t, `/c/${id}`, ann.headers)).body, /Import report/);

    // A certain order (13 can only be a day) offers no switch.
    const sure = await imported(t, ann.headers, "sure.txt", "13/02/2024, 10:00 - Ann: hi\n");
    const certain = await (await t.app.request(`/api/imports/${sure}/report`, {
      headers: ann.headers,
    })).json();
    assert.equal(certain.parse.dateOrderCertainty, "certain");
    assert.deepEqual(certain.switchTo, []);
    assert.doesNotMatch((await get(t, `/imports/${sure}/report`, ann.headers)).body, /instead/);
  } finally {
    await t.close();
  }
});

Deno.test("report: unplaced lines with their numbers and text", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await imported(t, ann.headers, "club.txt", UNPLACED);
    const report = await (await t.app.request(`/api/imports/${id}/report`, {
      headers: ann.headers,
    })).json();
    assert.equal(report.parse.unplacedLines, 3);
    assert.deepEqual(report.parse.unplacedSamples.map((s: { line: number }) => s.line), [1, 4, 5]);
    assert.match(report.parse.unplacedSamples[1].text, /31\/02\/2021/);
    const page = (await get(t, `/imports/${id}/report`, ann.headers)).body;
    assert.match(page, /3 lines could not be read as messages/);
    assert.match(page, /<td>4<\/td>/);
    assert.match(page, /impossible date/);
  } finally {
    await t.close();
  }
});

Deno.test("reparse: preview, then the worker reads the stored original month-first", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const id = await imported(t, ann.headers, "chat.txt", AMBIGUOUS);
    const preview = await t.app.request(`/api/imports/${id}/reparse/preview?dateOrder=MDY`, {
      headers: ann.headers,
    });
    assert.equal(preview.status, 200);
    const p = await preview.json();
    assert.equal(p.currentOrder, "DMY");
    assert.equal(p.changed, 3);
    assert.equal(p.inversionsAfter, 0);
    assert.deepEqual(p.samples[1], {
      message: 2,
      author: "Bob",
      text: "hi",
      before: "2024-02-03T10:01:00",
      after: "2024-03-02T10:01:00",
    });
    const page = (await get(t, `/imports/${id}/reparse?dateOrder=MDY`, ann.headers)).body;
    assert.match(page, /3 of 3 message dates change when read month-first/);
    assert.match(page, /in chronological order/);
    assert.match(page, /Feb 3, 2024, 10:01/);
    assert.match(page, /Mar 2, 2024, 10:01/);
    assert.match(page, /<input type="hidden" name="dateOrder" value="MDY"/);
    const bad = await t.app.request(`/api/imports/${id}/reparse/preview?dateOrder=XYZ`, {
      headers: ann.headers,
    });
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /^dateOrder: /);

    // Confirm through the page's form: the import is queued again.
    const form = await t.app.request(`/imports/${id}/reparse`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/x-www-form-urlencoded" },
      body: "dateOrder=MDY",
    });
    assert.equal(form.status, 303);
    assert.equal(form.headers.get("location"), `/imports/${id}`);
    const status = await (await t.app.request(`/api/imports/${id}`, { headers: ann.headers }))
      .json();
    assert.equal(status.status, "queued");
    assert.equal((await t.queue.stats()).length, 2, "the upload's job and the re-parse's");
    // A second request while it waits: 409.
    const twice = await t.app.request(`/api/imports/${id}/reparse`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ dateOrder: "MDY" }),
    });
    assert.equal(twice.status, 409);
    assert.equal((await twice.json()).error.code, "in_progress");

    await work(t, id);
    const dates = await t.db.sql`
      select date::text from messages where conversation_id = ${id} order by seq`;
    assert.deepEqual(dates.map((d) => d.date), [
      "2024-01-02 10:00:00",
      "2024-03-02 10:01:00",
      "2024-05-02 09:00:00",
    ]);
    const report = await (await t.app.request(`/api/imports/${id}/report`, {
      headers: ann.headers,
    })).json();
    assert.equal(report.parse.dateOrder, "MDY");
    assert.equal(report.parse.dateOrderSource, "chosen");
    assert.deepEqual(report.switchTo, ["DMY"], "the user may switch back");

    // And back through the API.
    const back = await t.app.request(`/api/imports/${id}/reparse`, {
      method: "POST",
      headers: { ...ann.headers, "content-type": "application/json" },
      body: JSON.stringify({ dateOrder: null }),
    });
    assert.equal(back.status, 202);
    await work(t, id);
    const first = await t.db.sql`
      select date::text from messages where conversation_id = ${id} and seq = 1`;
    assert.equal(first[0].date, "2024-02-01 10:00:00");
  } finally {
    await t.close();
  }
});

Deno.test("reparse: another user's import is 404; a fused conversation is 409", async () => {
  const t = await createTestApp();
  try {
    const ann = await signUp(t.app);
    const eve = await signUp(t.app);
    const id = await imported(t, ann.headers, "chat.txt", AMBIGUOUS);
    const json = { "content-type": "application/json" };
    for (
      const path of [
        `/api/imports/${id}/report`,
        `/api/imports/${id}/reparse/preview?dateOrder=MDY`,
      ]
    ) {
      const res = await t.app.request(path, { headers: eve.headers });
      assert.equal(res.status, 404, path);
      assert.equal((await res.json()).error.code, "not_found");
    }
    for (const path of [`/imports/${id}/report`, `/imports/${id}/reparse?dateOrder=MDY`]) {
      assert.equal((await get(t, path, eve.headers)).status, 404, path);
    }
    const post = await t.app.request(`/api/imports/${id}/reparse`, {
      method: "POST",
      headers: { ...eve.headers, ...json },
      body: JSON.stringify({ dateOrder: "MDY" }),
    });
    assert.equal(post.status, 404);

    // Another export fused into this conversation: re-parsing one would drop the other's.
    // (Another file: the same bytes again would be refused as already imported.)
    const other = await imported(t, ann.headers, "other.txt", AMBIGUOUS.replace("later", "soon"));
    await t.db.sql`insert into conversation_sources (conversation_id, import_id, message_count,
      added_count) values (${id}, ${other}, 3, 0)`;
    const refused = await t.app.request(`/api/imports/${id}/reparse`, {
      method: "POST",
      headers: { ...ann.headers, ...json },
      body: JSON.stringify({ dateOrder: "MDY" }),
    });
    assert.equal(refused.status, 409);
    const error = (await refused.json()).error;
    assert.equal(error.code, "fused");
    assert.match(error.message, /fused from 2 exports/);
    const preview = await t.app.request(`/api/imports/${id}/reparse/preview?dateOrder=MDY`, {
      headers: ann.headers,
    });
    assert.equal(preview.status, 409);
    const report = await (await t.app.request(`/api/imports/${id}/report`, {
      headers: ann.headers,
    })).json();
    assert.deepEqual(report.switchTo, []);
    assert.match(report.reparseBlocked, /fused/);
    const page = (await get(t, `/imports/${id}/report`, ann.headers)).body;
    assert.match(page, /cannot be changed here: this conversation was fused/);
    assert.doesNotMatch(page, /instead/);
    // An export merged into another conversation is refused too.
    await t.db.sql`update imports set conversation_id = ${id} where id = ${other}`;
    const merged = await t.app.request(`/api/imports/${other}/reparse`, {
      method: "POST",
      headers: { ...ann.headers, ...json },
      body: JSON.stringify({ dateOrder: "MDY" }),
    });
    assert.equal(merged.status, 409);
    assert.equal((await t.db.sql`select status from imports where id = ${id}`)[0].status, "done");
  } finally {
    await t.close();
  }
});
