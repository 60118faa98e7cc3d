import assert from "node:assert/strict";
import { type ImportProgress, type PageVisibility, pollImport } from "./poll_import.ts";

/** Answers the API's polls from `answers` in turn (the last repeats); records what was asked. */
function stubFetch(answers: (Partial<ImportProgress> | Response)[]) {
  const asked: string[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL) => {
    asked.push(String(input));
    const answer = answers[Math.min(asked.length, answers.length) - 1];
    return Promise.resolve(
      answer instanceof Response ? answer : Response.json({
        progress: 0,
        conversationId: null,
        error: null,
        ...answer,
      }),
    );
  };
  return { asked, [Symbol.dispose]: () => globalThis.fetch = original };
}

/** A page whose visibility the test sets. */
class FakePage extends EventTarget implements PageVisibility {
  constructor(public hidden: boolean) {
    super();
  }
  show() {
    this.hidden = false;
    this.dispatchEvent(new Event("visibilitychange"));
  }
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

Deno.test("pollImport: follows an import to its end, telling every answer", async () => {
  using api = stubFetch([
    { status: "queued" },
    { status: "processing", progress: 0.5 },
    { status: "done", progress: 1, conversationId: "c1" },
  ]);
  const heard: string[] = [];
  const end = await pollImport("i1", {
    signal: new AbortController().signal,
    onStatus: (s) => heard.push(`${s.status} ${s.progress}`),
    page: new FakePage(false),
  });
  assert.equal(end.conversationId, "c1");
  assert.deepEqual(heard, ["queued 0", "processing 0.5", "done 1"]);
  assert.deepEqual(api.asked, ["/api/imports/i1", "/api/imports/i1", "/api/imports/i1"]);
});

Deno.test("pollImport: a failure ends it too; a refused poll rejects with the API's message", async () => {
  {
    using _ = stubFetch([{ status: "failed", error: "not a chat" }]);
    const end = await pollImport("i1", { signal: new AbortController().signal });
    assert.deepEqual([end.status, end.error], ["failed", "not a chat"]);
  }
  using _ = stubFetch([
    Response.json({ error: { code: "not_found", message: "import not found" } }, { status: 404 }),
  ]);
  await assert.rejects(
    pollImport("i1", { signal: new AbortController().signal }),
    /^Error: import not found$/,
  );
});

Deno.test("pollImport: asks nothing while the page is hidden, at once when it shows", async () => {
  using api = stubFetch([{ status: "done", conversationId: "c1" }]);
  const page = new FakePage(true);
  const end = pollImport("i1", { signal: new AbortController().signal, page });
  await turns(5);
  assert.deepEqual(api.asked, [], "hidden: no poll");
  page.show();
  assert.equal((await end).conversationId, "c1");
  assert.equal(api.asked.length, 1);

  // Stopped while hidden: rejects without asking.
  const stop = new AbortController();
  const hidden = pollImport("i2", { signal: stop.signal, page: new FakePage(true) });
  stop.abort();
  await assert.rejects(hidden, { name: "AbortError" });
  assert.equal(api.asked.length, 1);
});
