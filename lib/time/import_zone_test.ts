// Through the worker: an export that crosses Berlin's autumn fold, uploaded with the phone's
// zone, stores strictly increasing instants (messages.at) and the zone on the conversation.
import assert from "node:assert/strict";
import { createImport } from "../db/imports.ts";
import { silentLogger } from "../log.ts";
import { createFsBlobStore } from "../storage/fs.ts";
import { createTestDb } from "../../tests/helpers/db.ts";
import { importChat } from "../../worker/import_chat.ts";

const CHAT = [
  "26/10/2024, 23:59 - Ann: before",
  "27/10/2024, 02:10 - Bob: first pass",
  "27/10/2024, 02:50 - Ann: still summer time",
  "27/10/2024, 02:05 - Bob: clocks went back",
  "27/10/2024, 02:55 - Ann: winter time",
  "27/10/2024, 03:30 - Bob: after",
  "31/03/2024, 02:30 - Ann: out of order, in the spring gap",
].join("\n") + "\n";

Deno.test("importChat stores instants in the phone's zone across the Berlin DST fold", async () => {
  const db = await createTestDb();
  const dir = await Deno.makeTempDir({ prefix: "wcr-tz-" });
  try {
    const blobs = createFsBlobStore(dir);
    const [user] = await db.sql`
      insert into users (email, password_hash) values (${`tz${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const id = crypto.randomUUID();
    const body = new TextEncoder().encode(CHAT);
    await blobs.put(`imports/${id}/original`, body);
    await createImport(db.sql, {
      id,
      userId: user.id,
      filename: "WhatsApp Chat with Bob.txt",
      size: body.byteLength,
      sha256: "0".repeat(64),
      blobKey: `imports/${id}/original`,
      timeZone: "Europe/Berlin",
    });
    await importChat({ db: db.sql, blobs, logger: silentLogger }, id);

    const rows = await db.sql<{ date: string; at: string }[]>`
      select to_char(date, 'YYYY-MM-DD"T"HH24:MI') as date,
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as at
      from messages where conversation_id = ${id} order by seq`;
    assert.deepEqual(rows.map((r) => [r.date, r.at]), [
      ["2024-10-26T23:59", "2024-10-26T21:59Z"],
      ["2024-10-27T02:10", "2024-10-27T00:10Z"],
      ["2024-10-27T02:50", "2024-10-27T00:50Z"],
      ["2024-10-27T02:05", "2024-10-27T01:05Z"],
      ["2024-10-27T02:55", "2024-10-27T01:55Z"],
      ["2024-10-27T03:30", "2024-10-27T02:30Z"],
      // The wall clock stays as exported; the instant is shifted forward by the gap.
      ["2024-03-31T02:30", "2024-03-31T01:30Z"],
    ]);
    const [conv] = await db.sql`select time_zone from conversations where id = ${id}`;
    assert.equal(conv.timeZone, "Europe/Berlin");
  } finally {
    await db.drop();
    await Deno.remove(dir, { recursive: true });
  }
});
