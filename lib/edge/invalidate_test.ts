import assert from "node:assert/strict";
import { silentLogger } from "../log.ts";
import { boundedPaths, createCloudFrontInvalidator, MAX_WILDCARDS } from "./cloudfront.ts";
import { createEdgeInvalidator, noEdgeInvalidator } from "./invalidate.ts";

Deno.test("edge: CloudFront CreateInvalidation carries the distribution and the paths", async () => {
  const seen: { path: string; body: string }[] = [];
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
    seen.push({ path: new URL(req.url).pathname, body: await req.text() });
    const xml = `<?xml version="1.0"?><Invalidation><Id>I1</Id><Status>InProgress</Status>` +
      `<CreateTime>2024-01-01T00:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>1` +
      `</Quantity></Paths><CallerReference>x</CallerReference></InvalidationBatch></Invalidation>`;
    return new Response(xml, {
      status: 201,
      headers: { "content-type": "text/xml", location: "https://x/I1" },
    });
  });
  try {
    const edge = createCloudFrontInvalidator({
      distributionId: "E2TESTDIST",
      logger: silentLogger,
      endpoint: `http://127.0.0.1:${server.addr.port}`,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    await edge.invalidate(["/files/abc/*", "/s/tok*"]);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].path, "/2020-05-31/distribution/E2TESTDIST/invalidation");
    const paths = [...seen[0].body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]);
    assert.deepEqual(paths, ["/files/abc/*", "/s/tok*"]);
    assert.match(seen[0].body, /<Quantity>2<\/Quantity>/);
    // Nothing to purge: no request.
    await edge.invalidate([]);
    assert.equal(seen.length, 1);
    // An account with many conversations: one request CloudFront accepts (≤ 15 wildcards).
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`);
    await edge.invalidate([...ids.map((id) => `/files/${id}/*`), "/s/tok*"]);
    const widened = [...seen[1].body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]);
    assert.deepEqual(widened, ["/files/*", "/s/*"]);
  } finally {
    await server.shutdown();
  }
});

Deno.test("edge: a failing CDN is logged, never thrown", async () => {
  const errors: string[] = [];
  const logger = { ...silentLogger, error: (msg: string) => void errors.push(msg) };
  const edge = createCloudFrontInvalidator({
    distributionId: "E2TESTDIST",
    logger: logger as typeof silentLogger,
    endpoint: "http://127.0.0.1:9", // discard port: connection refused
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  await edge.invalidate(["/files/abc/*"]);
  assert.deepEqual(errors, ["CloudFront invalidation failed"]);
});

Deno.test("edge: without a distribution the invalidator does nothing", async () => {
  const edge = createEdgeInvalidator({ cloudFront: null, logger: silentLogger });
  assert.equal(edge, noEdgeInvalidator);
  await edge.invalidate(["/files/abc/*"]);
});

Deno.test("edge: paths are widened only past the wildcard budget", () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => `/files/c${i}/*`);
  assert.deepEqual(boundedPaths(files(MAX_WILDCARDS)), files(MAX_WILDCARDS));
  assert.deepEqual(boundedPaths(files(MAX_WILDCARDS + 1)), ["/files/*"]);
  assert.deepEqual(boundedPaths(["/health", ...files(MAX_WILDCARDS + 1)]), ["/health", "/files/*"]);
});
