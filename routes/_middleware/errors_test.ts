import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";
import { onError, onNotFound } from "./errors.ts";

function app() {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  return app;
}

Deno.test("errors: an unknown route under /api is a JSON 404, /api itself included", async () => {
  for (const path of ["/api", "/api/", "/api/nope", "/api?x=1"]) {
    const res = await app().request(path);
    assert.equal(res.status, 404, path);
    assert.match(res.headers.get("content-type")!, /^application\/json/, path);
    assert.equal((await res.json()).error.code, "not_found", path);
  }
});

Deno.test("errors: pages (and paths merely starting with /api) get the HTML error page", async () => {
  for (const path of ["/nope", "/apiary"]) {
    const res = await app().request(path);
    assert.equal(res.status, 404, path);
    assert.match(res.headers.get("content-type")!, /^text\/html/, path);
    await res.body?.cancel();
  }
});
