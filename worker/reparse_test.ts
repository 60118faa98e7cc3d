import assert from "node:assert/strict";
import { createImport, getImportById } from "../lib/db/imports.ts";
import { silentLogger } from "../lib/log.ts";
import { PARSER_VERSION } from "../lib/parse/version.ts";
import { createMemoryQueue } from "../lib/queue/memory.ts";
import type { Queue } from "../lib/queue/types.ts";
import { createFsBlobStore } from "../lib/storage/fs.ts";
import { createTestDb } from "../tests/helpers/db.ts";
import { importChat } from "./import_chat.ts";
import { enqueueStaleImports } from "./reparse.ts";

const CHAT = "01/02/2024, 10:00 - Ann: hello\n01/02/2024, 10:01 - Bob: hi\n";

Deno.test("enqueueStaleImports: outdated imports are queued once, fused ones left alone", async () => {
  const db = await createTestDb();
  const dir = await Deno.makeTempDir({ prefix: "wcr-reparse-" });
  const blobs = createFsBlobStore(dir);
  const queue = createMemoryQueue();
  try {
    const [user] = await db.sql`
      insert into users (email, password_hash) values (${`r${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const deps = { db: db.sql, blobs, logger: silentLogger };
    const imported = async () => {
      const id = crypto.randomUUID();
      await blobs.put(`imports/${id}/original`, new TextEncoder().encode(CHAT));
      await createImport(db.sql, {
        id,
        userId: user.id,
        filename: "chat.txt",
        size: CHAT.length,
        sha256: "0".repeat(64),
        blobKey: `imports/${id}/original`,
      });
      assert.equal((await importChat(deps, id)).status, "done");
      return id;
    };
    const [plain, fused, current] = [await imported(), await imported(), await imported()];
    // `fused` also holds another export's messages (a second source row).
    await db.sql`insert into conversation_sources (conversation_id, import_id, message_count,
      added_count) values (${fused}, ${plain}, 1, 1)`;
    await db.sql`update imports set parser_version = ${PARSER_VERSION + 1} where id = ${current}`;

    // The parser is "upgraded" to PARSER_VERSION + 1; two workers start at the same moment.
    const next = PARSER_VERSION + 1;
    const [a, b] = await Promise.all([
      enqueueStaleImports(db.sql, queue, silentLogger, { version: next }),
      enqueueStaleImports(db.sql, queue, silentLogger, { version: next }),
    ]);
    assert.deepEqual([...a, ...b], [plain], "claimed exactly once, fused and current skipped");
    assert.equal((await queue.stats()).length, 1);
    const row = await getImportById(db.sql, plain);
    assert.equal(row!.status, "queued");
    assert.equal((await getImportById(db.sql, fused))!.status, "done");

    // The worker re-imports it from the stored original, into the same conversation.
    assert.equal((await importChat(deps, plain)).status, "done");
    const again = await getImportById(db.sql, plain);
    assert.equal(again!.status, "done");
    assert.equal(again!.parserVersion, PARSER_VERSION);
    const [conv] = await db.sql`select message_count from conversations where id = ${plain}`;
    assert.equal(conv.messageCount, 2);

    // Nothing left for a restart with the current version.
    assert.deepEqual(await enqueueStaleImports(db.sql, queue, silentLogger), []);
  } finally {
    await queue.close();
    blobs.close?.();
    await db.drop();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("enqueueStaleImports: a failed enqueue hands the imports back as done", async () => {
  const db = await createTestDb();
  try {
    const [user] = await db.sql`
      insert into users (email, password_hash) values (${`r${crypto.randomUUID()}@x.io`}, 'x')
      returning id`;
    const id = crypto.randomUUID();
    await db.sql`insert into conversations (id, user_id, title) values (${id}, ${user.id}, 'c')`;
    await createImport(db.sql, {
      id,
      userId: user.id,
      filename: "chat.txt",
      size: 1,
      sha256: "0".repeat(64),
      blobKey: `imports/${id}/original`,
    });
    await db.sql`update imports set status = 'done', conversation_id = ${id} where id = ${id}`;
    const broken = { enqueue: () => Promise.reject(new Error("redis down")) } as unknown as Queue;
    const ids = await enqueueStaleImports(db.sql, broken, silentLogger, {
      version: PARSER_VERSION + 1,
    });
    assert.deepEqual(ids, []);
    assert.equal((await getImportById(db.sql, id))!.status, "done");
  } finally {
    await db.drop();
  }
});
