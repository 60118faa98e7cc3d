import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./config.ts";

Deno.test("config: embedded defaults with an empty environment", () => {
  const c = loadConfig({});
  assert.equal(c.port, 8000);
  assert.equal(c.databaseUrl, null);
  assert.equal(c.redis, null);
  assert.equal(c.s3, null);
  assert.equal(c.workerInProcess, true);
  assert.equal(c.maxUploadBytes, 2 * 1024 ** 3);
});

Deno.test("config: real services are selected by their variables", () => {
  const c = loadConfig({
    DATABASE_URL: "postgres://u@db:5432/app",
    JWT_SECRET: "new-secret-0123456789abcdef0123456789, old-secret-0123456789abcdef0123456789",
    UPSTASH_REDIS_REST_URL: "http://bridge:8079",
    UPSTASH_REDIS_REST_TOKEN: "t",
    S3_ENDPOINT: "http://minio:9000",
    S3_BUCKET: "uploads",
    S3_ACCESS_KEY_ID: "k",
    S3_SECRET_ACCESS_KEY: "s",
    S3_FORCE_PATH_STYLE: "true",
  });
  assert.equal(c.databaseUrl, "postgres://u@db:5432/app");
  assert.deepEqual(c.redis, { url: "http://bridge:8079", token: "t", stream: "imports" });
  assert.equal(c.s3?.forcePathStyle, true);
  assert.equal(c.jwtSecrets?.length, 2);
  assert.equal(c.workerInProcess, false);
  assert.equal(c.cloudFront, null);
});

Deno.test("config: CloudFront purges are signed with the app's S3 keys when there are some", () => {
  const s3 = { S3_BUCKET: "uploads", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" };
  assert.deepEqual(loadConfig({ ...s3, CLOUDFRONT_DISTRIBUTION_ID: "E2ABC" }).cloudFront, {
    distributionId: "E2ABC",
    credentials: { accessKeyId: "k", secretAccessKey: "s" },
  });
  // Without S3 keys: the SDK's provider chain (an instance role, IRSA).
  assert.deepEqual(loadConfig({ CLOUDFRONT_DISTRIBUTION_ID: "E2ABC" }).cloudFront, {
    distributionId: "E2ABC",
  });
});

const cases: [Record<string, string>, string][] = [
  [{ PORT: "eighty" }, "PORT"],
  [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
  [{ DATABASE_URL: "postgres://x/y" }, "JWT_SECRET"],
  [{ UPSTASH_REDIS_REST_URL: "http://x" }, "UPSTASH_REDIS_REST_TOKEN"],
  [
    { UPSTASH_REDIS_REST_URL: "not a url", UPSTASH_REDIS_REST_TOKEN: "t" },
    "UPSTASH_REDIS_REST_URL",
  ],
  [{ S3_BUCKET: "uploads" }, "S3_ACCESS_KEY_ID"],
  [{ JWT_SECRET: "short" }, "JWT_SECRET"],
  [{ MAX_UPLOAD_BYTES: "-1" }, "MAX_UPLOAD_BYTES"],
];
for (const [env, variable] of cases) {
  Deno.test(`config: a bad ${variable} is named in the error`, () => {
    assert.throws(() => loadConfig(env), (err: Error) => {
      assert.ok(err instanceof ConfigError);
      assert.match(err.message, new RegExp(`\\b${variable}\\b`));
      return true;
    });
  });
}
