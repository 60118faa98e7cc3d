import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { schemaErrors } from "../../tests/helpers/json_schema.ts";
import { numbered, seedChat } from "../_test_chat.ts";
import { importExport } from "../../lib/merge/fixtures_test_util.ts";
import { openApiDocument } from "./openapi_document.ts";

type Json = Record<string, unknown>;

Deno.test("OpenAPI: real answers have the documented shapes (no field more, none missing)", async () => {
  const t = await createTestApp();
  try {
    const doc = openApiDocument() as { paths: Record<string, Record<string, Json>> };
    const { headers, userId } = await signUp(t.app);
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const id = await seedChat(t, userId, {
      messages: [
        ...numbered(4),
        {
          date: "2024-01-02T10:00:00",
          author: "Ann",
          text: "a.png",
          kind: "media",
          attachment: "a.png",
        },
      ],
      media: [{ name: "a.png", contentType: "image/png", bytes: png }],
    });
    const problems: string[] = [];
    /** Calls the route and holds its JSON answer against `template`'s documented one. */
    const check = async (method: string, template: string, path: string, body?: unknown) => {
      const res = await t.app.request(path, {
        method,
        headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return await hold(method, template, res);
    };
    /** Holds an answer's JSON against its documented shape. */
    const hold = async (method: string, template: string, res: Response) => {
      const answer = await res.json();
      const documented = doc.paths[template]?.[method.toLowerCase()] as
        | { responses: Record<string, { content?: Record<string, { schema: Json }> }> }
        | undefined;
      const schema = documented?.responses[res.status]?.content?.["application/json"]?.schema;
      if (!schema) {
        problems.push(`${method} ${template}: ${res.status} is not documented`);
        return answer;
      }
      problems.push(...schemaErrors(schema, answer, doc).map((e) => `${method} ${template}: ${e}`));
      return answer;
    };
    const c = `/api/conversations/${id}`;
    await check("GET", "/api/conversations", "/api/conversations");
    await check("GET", "/api/conversations/{id}", c);
    await check("GET", "/api/conversations/{id}/messages", `${c}/messages`);
    await check("GET", "/api/conversations/{id}/messages", `${c}/messages?around=2&tz=Asia/Tokyo`);
    const byRef = await check("GET", "/api/conversations/{id}/messages", `${c}/messages?ref=3`);
    assert.equal(byRef.target, 3);
    await check("GET", "/api/conversations/{id}/messages", `${c}/messages?ref=999`);
    await check("PATCH", "/api/conversations/{id}", c, { title: "Renamed" });
    await check("PUT", "/api/conversations/{id}/view-as", `${c}/view-as`, { participant: "Bob" });
    await check("GET", "/api/conversations/{id}/insights", `${c}/insights`);
    await check("GET", "/api/conversations/{id}/media", `${c}/media`);
    await check("GET", "/api/media", "/api/media");
    await check("GET", "/api/search", "/api/search?q=message&limit=1");
    await check("POST", "/api/conversations/{id}/shares", `${c}/shares`, { expiresInHours: 1 });
    await check("GET", "/api/conversations/{id}/shares", `${c}/shares`);
    const all = await check("GET", "/api/shares", "/api/shares");
    assert.equal(all.shares.length, 1);
    await check("PUT", "/api/conversations/{id}/retention", `${c}/retention`, { days: 30 });
    await check("GET", "/api/conversations/{id}/retention", `${c}/retention`);
    await check("GET", "/api/account", "/api/account");
    await check("PUT", "/api/account/reading-zone", "/api/account/reading-zone", { zone: "UTC" });
    await check("POST", "/api/tokens", "/api/tokens", { name: "script" });
    await check("GET", "/api/tokens", "/api/tokens");
    await check("GET", "/api/imports", "/api/imports");
    // Another chat of the same title: a merge candidate.
    const twin = await seedChat(t, userId, { messages: numbered(2) });
    const twins = await check(
      "GET",
      "/api/conversations/{id}/merge-candidates",
      `${c}/merge-candidates`,
    );
    assert.deepEqual(twins.candidates.map((x: Json) => x.id), [twin]);
    // An imported export has a source (a seeded chat has none).
    const imported = await importExport(t, userId, "chat.txt", "01/01/2024, 09:00 - Ann: Hi\n");
    const coverage = await check(
      "GET",
      "/api/conversations/{id}/coverage",
      `/api/conversations/${imported}/coverage`,
    );
    assert.equal(coverage.sources.length, 1);
    // Errors use the shared error body too.
    await check("GET", "/api/conversations/{id}", `/api/conversations/${crypto.randomUUID()}`);
    await check("GET", "/api/conversations/{id}/messages", `${c}/messages?limit=0`);
    await check("DELETE", "/api/conversations/{id}", c);
    // The same file twice: the 409 names the earlier import in fields of its own.
    const upload = () =>
      t.app.request("/api/imports?filename=chat.txt", {
        method: "POST",
        headers: { ...headers, "content-type": "text/plain" },
        body: "01/01/2024, 09:00 - Ann: Hi\n",
      });
    assert.equal((await hold("POST", "/api/imports", await upload())).id.length, 36);
    const duplicate = await hold("POST", "/api/imports", await upload());
    assert.equal(duplicate.error.code, "duplicate_upload");
    assert.deepEqual(problems, []);
  } finally {
    await t.close();
  }
});
