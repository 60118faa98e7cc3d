// Deleting a conversation while its insights are being computed: the refresh's COPY then
// breaks a foreign key, an error PostgreSQL reports only after the data was sent. Before
// `routeCopyErrors` (lib/db/copy.ts) that error was lost and the refresh hung for ever.
import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { CHAT, seedChat } from "./fixture_test_util.ts";
import { refreshInsights } from "./refresh.ts";

const TABLES = ["days", "starts", "replies", "runs", "terms", "state"];

Deno.test("refreshInsights: deleting the conversation mid-refresh neither hangs nor leaves rows", async () => {
  const t = await createTestApp();
  try {
    const user = await signUp(t.app);
    const id = await seedChat(t.db.sql, user.userId, CHAT);
    // As right after an import: no insights yet, so the refresh clears nothing and holds no
    // row lock that the delete's cascade would wait for (which would deadlock, not hang).
    for (const table of TABLES) {
      await t.db.sql`delete from ${t.db.sql(`insights_${table}`)} where conversation_id = ${id}`;
    }
    // Held after its old rows are cleared and its messages read, before anything is written.
    let reached!: () => void, release!: () => void;
    const atScan = new Promise<void>((resolve) => reached = resolve);
    const held = new Promise<void>((resolve) => release = resolve);
    const refresh = refreshInsights(t.db.sql, id, {
      onStep: async (step) => {
        if (step !== "scan") return;
        reached();
        await held;
      },
    });
    const outcome = refresh.then(() => "done", (err: Error) => err.message);
    await atScan;
    // Another connection deletes it (the refresh holds no lock on the conversation yet).
    const deleted = await t.db.sql`
      delete from conversations where id = ${id} and user_id = ${user.userId} returning id`;
    assert.equal(deleted.length, 1);
    release();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const result = await Promise.race([
      outcome,
      new Promise<string>((resolve) => timer = setTimeout(() => resolve("hung"), 10_000)),
    ]);
    clearTimeout(timer);
    assert.match(
      result,
      /foreign key/,
      `the refresh should fail on the foreign key, got ${result}`,
    );
    for (const table of TABLES) {
      const [{ n }] = await t.db.sql<{ n: number }[]>`
        select count(*)::int as n from ${
        t.db.sql(`insights_${table}`)
      } where conversation_id = ${id}`;
      assert.equal(n, 0, `insights_${table} rows left behind`);
    }
    const [{ n }] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from messages where conversation_id = ${id}`;
    assert.equal(n, 0);
  } finally {
    await t.close();
  }
});
