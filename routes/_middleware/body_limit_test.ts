import assert from "node:assert/strict";
import { createTestApp, signUp } from "../../tests/helpers/app.ts";
import { MAX_FORM_BODY_BYTES } from "./body_limit.ts";

/** A body one byte over the limit, as a stream (no Content-Length) or as bytes. */
function oversize(stream: boolean): BodyInit {
  const bytes = new Uint8Array(MAX_FORM_BODY_BYTES + 1).fill(0x61);
  return stream ? ReadableStream.from([bytes.subarray(0, 1024), bytes.subarray(1024)]) : bytes;
}

Deno.test("body limit: forms and JSON over the limit are a 413 before any route reads them", async () => {
  const t = await createTestApp();
  try {
    const anon = { origin: "http://localhost" };
    const form = { ...anon, "content-type": "application/x-www-form-urlencoded" };
    const json = { "content-type": "application/json" };
    const targets: [string, Record<string, string>][] = [
      ["/theme", form],
      ["/signin", form],
      ["/api/auth/login", json],
    ];
    for (const stream of [false, true]) {
      // Anonymous: no account needed to make the process buffer the body.
      for (const [path, headers] of targets) {
        const res = await t.app.request(path, {
          method: "POST",
          headers,
          body: oversize(stream),
        });
        assert.equal(res.status, 413, `${path} (stream: ${stream})`);
        assert.equal(res.headers.get("set-cookie"), null);
        if (path.startsWith("/api/")) {
          assert.deepEqual((await res.json()).error.code, "too_large");
        } else await res.body?.cancel();
      }
    }
    // Bodies within the limit still work.
    const ok = await t.app.request("/theme", {
      method: "POST",
      headers: form,
      body: new URLSearchParams({ theme: "dark", next: "/" }),
    });
    assert.equal(ok.status, 303);
    // Uploads stream with their own (much larger) limit: not cut at the form limit.
    const ann = await signUp(t.app);
    const line = "01/02/2024, 10:00 - Ann: " + "x".repeat(1000) + "\n";
    const chat = new TextEncoder().encode(line.repeat(Math.ceil(MAX_FORM_BODY_BYTES / 1000) + 10));
    const upload = await t.app.request("/api/imports?filename=chat.txt", {
      method: "POST",
      headers: { ...ann.headers, "content-type": "text/plain" },
      body: chat,
    });
    assert.equal(upload.status, 202);
  } finally {
    await t.close();
  }
});
