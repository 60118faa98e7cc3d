import assert from "node:assert/strict";
import { createLogger } from "../lib/log.ts";
import { createTestApp } from "../tests/helpers/app.ts";
import { healthRoutes } from "./health.ts";

Deno.test("/health answers; /ready checks the database, its migrations, the queue and blobs", async (t) => {
  const app = await createTestApp();
  try {
    await t.step("everything up: 200, every check ok, never cached", async () => {
      for (const path of ["/health", "/ready"]) {
        const res = await app.app.request(path);
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get("cache-control"), "no-store");
        assert.equal((await res.json()).status, "ok");
      }
      const ready = await (await app.app.request("/ready")).json();
      assert.deepEqual(ready.checks, { database: "ok", queue: "ok", blobs: "ok" });
    });

    await t.step("a failing dependency: 503 naming it; why is logged, not answered", async () => {
      const logged: string[] = [];
      const logger = createLogger("info", {}, (line) => logged.push(line));
      const secret = "connect ECONNREFUSED 10.0.3.4:9000";
      const blobs = { ...app.blobs, ping: () => Promise.reject(new Error(secret)) };
      const routes = healthRoutes({ db: app.db.sql, queue: app.queue, blobs, logger });
      const res = await routes.request("/ready");
      assert.equal(res.status, 503);
      const body = await res.text();
      assert.deepEqual(JSON.parse(body), {
        status: "unavailable",
        checks: { database: "ok", queue: "ok", blobs: "failed" },
      });
      assert.ok(!body.includes("10.0.3.4"), body);
      assert.equal(logged.length, 1);
      assert.deepEqual(
        { ...JSON.parse(logged[0]), time: undefined },
        { time: undefined, level: "warn", msg: "not ready", check: "blobs", error: secret },
      );
    });

    await t.step("a migration not applied: the database is not ready", async () => {
      await app.db.sql`delete from migrations
        where migration_id = (select max(migration_id) from migrations)`;
      const res = await app.app.request("/ready");
      assert.equal(res.status, 503);
      assert.equal((await res.json()).checks.database, "failed");
    });
  } finally {
    await app.close();
  }
});
