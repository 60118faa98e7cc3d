import assert from "node:assert/strict";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "./env.ts";
import { onError } from "./errors.ts";
import { validate } from "./validate.ts";
import { operations } from "../api/openapi.ts";

const body = z.object({ title: z.string(), days: z.number().optional() })
  .refine((b) => b.title !== "x", { message: "must not be x", path: ["title"] });

function app() {
  const app = new Hono<AppEnv>();
  app.post("/api/things", validate("json", body), (c) => c.json(c.req.valid("json")));
  app.onError(onError);
  return app;
}

const post = (init: { type?: string; body: string }) =>
  app().request("/api/things", {
    method: "POST",
    headers: init.type ? { "content-type": init.type } : {},
    body: init.body,
  });

async function error(res: Response) {
  assert.match(res.headers.get("content-type")!, /^application\/json/);
  return (await res.json()).error;
}

Deno.test("validate json: a valid body passes, with a +json or charset content type too", async () => {
  for (
    const type of ["application/json", "application/json; charset=utf-8", "application/x+json"]
  ) {
    const res = await post({ type, body: '{"title":"a","days":2}' });
    assert.equal(res.status, 200, type);
    assert.deepEqual(await res.json(), { title: "a", days: 2 });
  }
});

Deno.test("validate json: malformed JSON is a 400 invalid_request like every other bad input", async () => {
  for (const text of ["{bad", ""]) {
    const res = await post({ type: "application/json", body: text });
    assert.equal(res.status, 400);
    const e = await error(res);
    assert.equal(e.code, "invalid_request");
    assert.match(e.message, /^body: malformed JSON/);
  }
});

Deno.test("validate json: a body that is not declared JSON is a 415, not a missing field", async () => {
  for (const type of [undefined, "text/plain", "application/x-www-form-urlencoded"]) {
    const res = await post({ type, body: '{"title":"a"}' });
    assert.equal(res.status, 415, String(type));
    const e = await error(res);
    assert.equal(e.code, "unsupported_media_type");
    assert.match(e.message, /application\/json/);
  }
});
Deno.test("validate json: no body and no type is an empty object (all-optional bodies)", async () => {
  const bare = await app().request("/api/things", { method: "POST" });
  assert.equal(bare.status, 400);
  assert.equal(
    (await error(bare)).message,
    "title: Invalid input: expected string, received undefined",
  );
  const optional = new Hono<AppEnv>();
  optional.post(
    "/api/x",
    validate("json", z.object({ n: z.number().default(3) })),
    (c) => c.json(c.req.valid("json")),
  );
  optional.onError(onError);
  const res = await optional.request("/api/x", { method: "POST" });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { n: 3 });
});
Deno.test("validate json: an unknown field is a 400 naming it (a typo must not be ignored)", async () => {
  const res = await post({ type: "application/json", body: '{"title":"a","dayz":2}' });
  assert.equal(res.status, 400);
  const e = await error(res);
  assert.equal(e.code, "invalid_request");
  assert.equal(e.message, "dayz: unknown field (expected title, days)");
  // The schema's own refinements still apply.
  const refined = await post({ type: "application/json", body: '{"title":"x"}' });
  assert.equal((await error(refined)).message, "title: must not be x");
});

Deno.test("validate json: every JSON body of the API is an object whose unknown fields are refused", () => {
  const bodies = operations.filter((op) => op.body);
  assert.ok(bodies.length >= 10, `${bodies.length} bodies`);
  for (const op of bodies) {
    // A transform or union would make validate() skip the unknown-field check silently.
    assert.ok(op.body instanceof z.ZodObject, `${op.method} ${op.path}: a z.object`);
    assert.equal(op.body._zod.def.catchall, undefined, `${op.method} ${op.path}: not loose`);
  }
});
