import assert from "node:assert/strict";
import type { Message } from "../parse/types.ts";
import { createTestDb } from "../../tests/helpers/db.ts";
import { copyMessages, tsvRows } from "./copy.ts";

const message = (text: string, extra: Partial<Message> = {}): Message => ({
  date: "2024-01-02T10:00:00",
  author: "Ann",
  text,
  kind: "text",
  attachment: null,
  edited: false,
  ...extra,
});

async function* batches(...groups: Message[][]) {
  for (const g of groups) yield g;
}

async function* failing() {
  yield [message("kept?")];
  throw new Error("parser gave up");
}

/** Fails the test instead of hanging when `promise` never settles. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

Deno.test("tsvRows escapes COPY's specials and writes NULLs", () => {
  const rows = tsvRows("c", 7, [
    message("a\tb\\c\r\nd"),
    message("", { author: null, kind: "system", attachment: "x.jpg", edited: true }),
  ]);
  assert.equal(
    rows,
    "c\t7\t7\t2024-01-02T10:00:00\t2024-01-02T10:00:00Z\tAnn\ta\\tb\\\\c\\r\\nd\ttext\t\\N\tf\n" +
      "c\t8\t8\t2024-01-02T10:00:00\t2024-01-02T10:00:00Z\t\\N\t\tsystem\tx.jpg\tt\n",
  );
});

Deno.test("copyMessages: round trip, failures abort the COPY and never hang", async () => {
  const db = await createTestDb();
  try {
    const [user] = await db.sql`
      insert into users (email, password_hash) values (${`c${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const id = crypto.randomUUID();
    await db.sql`insert into conversations (id, user_id, title) values (${id}, ${user.id}, 't')`;
    const tricky = ["tab\there", "back\\slash", "line\nbreak", "cr\rhere", "\\N", "emoji 👩🏽‍💻"];
    const n = await db.sql.begin((tx) =>
      copyMessages(
        tx as never,
        id,
        batches(
          tricky.slice(0, 3).map((t) => message(t)),
          [],
          tricky.slice(3).map((t) => message(t)),
        ),
      )
    );
    assert.equal(n, tricky.length);
    const rows = await db
      .sql`select seq, text from messages where conversation_id = ${id} order by seq`;
    assert.deepEqual(rows.map((r) => [r.seq, r.text]), tricky.map((t, i) => [i + 1, t]));

    // An error PostgreSQL reports after the last row (a duplicate key) rejects; no hang.
    await assert.rejects(
      within(
        10_000,
        db.sql.begin((tx) => copyMessages(tx as never, id, batches([message("dup")]), 1)),
      ),
      /duplicate key/,
    );
    // The source failing mid-way (a parse error) aborts the COPY and rolls back.
    await assert.rejects(
      within(10_000, db.sql.begin((tx) => copyMessages(tx as never, id, failing(), 100))),
      /parser gave up/,
    );
    const [{ count }] = await db
      .sql`select count(*)::int from messages where conversation_id = ${id}`;
    assert.equal(count, tricky.length);
  } finally {
    await db.drop();
  }
});
