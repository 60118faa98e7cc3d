import assert from "node:assert/strict";
import { createTestDb } from "../../tests/helpers/db.ts";
import { latestMigration, migrate } from "./migrate.ts";

for (const kind of ["real", "embedded"] as const) {
  Deno.test(`migrations apply once, concurrently safe (${kind} PostgreSQL)`, async () => {
    const db = await createTestDb(kind);
    try {
      // createTestDb already migrated: running again (twice at once) applies nothing.
      const again = await Promise.all([migrate(db.url), migrate(db.url)]);
      assert.deepEqual(again, [[], []]);
      const rows = await db.sql`select migration_id from migrations order by migration_id`;
      assert.equal(rows.length, latestMigration());
      const tables = await db.sql`
        select table_name from information_schema.tables
        where table_schema = 'public' order by table_name`;
      const names = new Set(tables.map((t) => t.tableName));
      for (
        const core of [
          "users",
          "sessions",
          "imports",
          "conversations",
          "participants",
          "messages",
          "media",
        ]
      ) {
        assert.ok(names.has(core), `table ${core} exists`);
      }
    } finally {
      await db.drop();
    }
  });
}
