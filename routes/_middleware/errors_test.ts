import assert from "node:assert/strict";
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";
import { AppError, notFound } from "../../lib/errors.ts";
import { asSentence, onError, onNotFound } from "./errors.ts";

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

Deno.test("errors: the page says the message as a sentence; the JSON keeps it as written", async () => {
  const errors = app()
    .get("/c/x", () => {
      throw notFound("conversation");
    })
    .get("/api/conversations/x", () => {
      throw notFound("conversation");
    })
    .get("/tag", () => {
      throw new AppError(400, "invalid_request", "title: <b> is not a name");
    });
  const page = await (await errors.request("/c/x")).text();
  assert.match(page, /<h1>404<\/h1><p>Conversation not found\.<\/p>/);
  const json = await (await errors.request("/api/conversations/x")).json();
  assert.equal(json.error.message, "conversation not found");
  // A field's name stays as the form spells it; the text stays escaped.
  assert.match(
    await (await errors.request("/tag")).text(),
    /<p>title: &#60;b&#62; is not a name\.<\/p>/,
  );

  assert.equal(asSentence("no route for GET /nope"), "No route for GET /nope.");
  assert.equal(asSentence("Already said."), "Already said.");
  assert.equal(asSentence("timeZone: choose a time zone"), "timeZone: choose a time zone.");
});
