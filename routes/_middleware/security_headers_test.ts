import assert from "node:assert/strict";
import { Hono } from "hono";
import { securityHeaders, uploadOrigin } from "./security_headers.ts";

const s3 = {
  bucket: "uploads",
  region: "eu-west-1",
  accessKeyId: "k",
  secretAccessKey: "s",
  forcePathStyle: false,
};

Deno.test("uploadOrigin: the origin presigned upload URLs point at", () => {
  assert.equal(uploadOrigin(null), null);
  assert.equal(uploadOrigin(s3), "https://uploads.s3.eu-west-1.amazonaws.com");
  assert.equal(
    uploadOrigin({ ...s3, forcePathStyle: true }),
    "https://s3.eu-west-1.amazonaws.com",
  );
  assert.equal(
    uploadOrigin({
      ...s3,
      endpoint: "http://minio:9000/",
      publicEndpoint: "https://files.example.com/x",
    }),
    "https://files.example.com",
  );
  assert.equal(uploadOrigin({ ...s3, endpoint: "http://127.0.0.1:9000" }), "http://127.0.0.1:9000");
});

Deno.test("securityHeaders: connect-src allows our origin and the upload origin only", async () => {
  const app = new Hono();
  app.use(securityHeaders({ connectOrigins: ["https://uploads.s3.eu-west-1.amazonaws.com"] }));
  app.get("/", (c) => c.text("ok"));
  const csp = (await app.request("/")).headers.get("content-security-policy")!;
  const connect = csp.split("; ").find((d) => d.startsWith("connect-src"));
  assert.equal(connect, "connect-src 'self' https://uploads.s3.eu-west-1.amazonaws.com");
  assert.match(csp, /script-src 'self'(;|$)/);

  const plain = new Hono();
  plain.use(securityHeaders());
  plain.get("/", (c) => c.text("ok"));
  const none = (await plain.request("/")).headers.get("content-security-policy")!;
  assert.match(none, /connect-src 'self';/);
});
