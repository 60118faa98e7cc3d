import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { schemaErrors } from "../../tests/helpers/json_schema.ts";
import { numbered, seedChat } from "../_test_chat.ts";
import { openApiDocument } from "./openapi_document.ts";

type Json = Record<string, unknown>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

Deno.test("API: a method a path does not have is a 405 with Allow, in the JSON error body", async () => {
  const t = await createTestApp();
  try {
    const { headers, userId } = await signUp(t.app);
    const id = await seedChat(t, userId, { messages: numbered(3) });
    const doc = openApiDocument();
    const call = (method: string, path: string) => t.app.request(path, { method, headers });
    const refused = async (method: string, path: string, allow: string) => {
      const res = await call(method, path);
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.get("allow"), allow, `${method} ${path}`);
      assert.match(res.headers.get("content-type")!, /^application\/json/);
      const body = await res.json();
      assert.deepEqual(schemaErrors({ $ref: "#/components/schemas/Error" }, body, doc), []);
      assert.equal(body.error.code, "method_not_allowed");
      assert.equal(body.error.message, `${method} is not allowed on ${path}: expected ${allow}`);
    };
    const c = `/api/conversations/${id}`;
    await refused("DELETE", `${c}/messages`, "GET, HEAD");
    await refused("POST", `${c}/messages`, "GET, HEAD");
    await refused("PUT", "/api/imports", "GET, HEAD, POST");
    await refused("POST", c, "GET, HEAD, PATCH, DELETE");
    await refused("PUT", `${c}/shares/${crypto.randomUUID()}`, "DELETE");
    await refused("GET", "/api/auth/logout", "POST");
    await refused("DELETE", "/api/openapi.json", "GET, HEAD");

    // HEAD stays the GET without a body; on a path without GET it is refused like the others.
    for (const path of [`${c}/messages`, c, "/api/imports"]) {
      const res = await call("HEAD", path);
      assert.equal(res.status, 200, `HEAD ${path}`);
      assert.equal(await res.text(), "");
    }
    const head = await call("HEAD", "/api/auth/logout");
    assert.deepEqual([head.status, head.headers.get("allow")], [405, "POST"]);
    await head.body?.cancel();

    // No route at that path at all: still the 404; so is a route's own 404 (not yours).
    for (
      const [method, path] of [
        ["GET", "/api/nope"],
        ["DELETE", "/api/nope"],
        ["DELETE", `${c}/nope`],
        ["PUT", "/api/imports/"],
        ["GET", `/api/conversations/${crypto.randomUUID()}`],
        ["DELETE", `/api/conversations/${crypto.randomUUID()}`],
      ]
    ) {
      const res = await call(method, path);
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.headers.get("allow"), null, `${method} ${path}`);
      assert.equal((await res.json()).error.code, "not_found", `${method} ${path}`);
    }
  } finally {
    await t.close();
  }
});

Deno.test("API: every documented path refuses the methods it lacks, naming exactly its own", async () => {
  const t = await createTestApp();
  try {
    const { headers } = await signUp(t.app);
    const doc = openApiDocument() as { paths: Record<string, Json> };
    for (const [template, item] of Object.entries(doc.paths)) {
      const own = METHODS.filter((m) => m.toLowerCase() in item);
      const allow = own.flatMap((m) => m === "GET" ? ["GET", "HEAD"] : [m]);
      const path = template.replace(/\{\w+\}/g, () => crypto.randomUUID());
      for (const method of METHODS.filter((m) => !own.includes(m))) {
        const res = await t.app.request(path, { method, headers });
        await res.body?.cancel();
        assert.equal(res.status, 405, `${method} ${template}`);
        assert.deepEqual(
          res.headers.get("allow")!.split(", ").sort(),
          allow.sort(),
          `${method} ${template}`,
        );
      }
    }
  } finally {
    await t.close();
  }
});
