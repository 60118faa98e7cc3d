// infra/terraform parses (HCL → JSON with @cdktf/hcl2json), is split per concern, and its
// resources carry the settings the brief and docs/operations.md promise: encrypted RDS with
// backups, ElastiCache with TLS and failover, versioned/encrypted/private S3, and CloudFront
// behaviours whose cache policies match the app's Cache-Control headers.
import assert from "node:assert/strict";
import { type Hcl, repoPath, terraformFiles } from "./_util.ts";

const FILES = [
  "cloudfront.tf",
  "eks.tf",
  "elasticache.tf",
  "network.tf",
  "outputs.tf",
  "rds.tf",
  "s3.tf",
  "variables.tf",
  "versions.tf",
];

/** All files merged: `resource.TYPE.NAME` → its (first) block. */
async function tf() {
  const files = await terraformFiles();
  const get = (section: string, type: string, name?: string): Hcl => {
    for (const json of Object.values(files)) {
      const entry = json[section]?.[type];
      if (!entry) continue;
      if (name === undefined) return entry[0] ?? entry;
      if (entry[name]) return entry[name][0];
    }
    throw new Error(`no ${section} ${type}${name ? `.${name}` : ""} in infra/terraform`);
  };
  return {
    files,
    resource: (t: string, n: string) => get("resource", t, n),
    module: (n: string) => get("module", n),
  };
}

Deno.test("terraform: every file parses, one concern per file", async () => {
  const { files } = await tf();
  assert.deepEqual(Object.keys(files), FILES);
  assert.ok(files["rds.tf"].resource.aws_db_instance, "rds.tf holds the database");
  assert.ok(files["elasticache.tf"].resource.aws_elasticache_replication_group);
  assert.ok(files["cloudfront.tf"].resource.aws_cloudfront_distribution);
  assert.ok(files["s3.tf"].resource.aws_s3_bucket);
  assert.ok(files["network.tf"].module.vpc && files["eks.tf"].module.eks);
});

Deno.test("terraform: VPC and EKS from terraform-aws-modules; EKS enforces NetworkPolicies", async () => {
  const { module } = await tf();
  assert.equal(module("vpc").source, "terraform-aws-modules/vpc/aws");
  assert.equal(module("eks").source, "terraform-aws-modules/eks/aws");
  const cni = module("eks").addons["vpc-cni"];
  assert.match(cni.configuration_values, /enableNetworkPolicy/);
  assert.ok(module("eks").addons["metrics-server"], "metrics for the HPAs");
});

Deno.test("terraform: RDS PostgreSQL is encrypted, private, backed up and TLS-only", async () => {
  const { resource } = await tf();
  const db = resource("aws_db_instance", "postgres");
  assert.equal(db.engine, "postgres");
  assert.equal(db.storage_encrypted, true);
  assert.equal(db.publicly_accessible, false);
  assert.equal(db.deletion_protection, true);
  assert.equal(db.skip_final_snapshot, false);
  assert.equal(db.backup_retention_period, "${var.db_backup_retention_days}");
  const params = resource("aws_db_parameter_group", "postgres").parameter;
  assert.ok(params.some((p: Hcl) => p.name === "rds.force_ssl" && p.value === "1"));
});

Deno.test("terraform: ElastiCache Redis has TLS, AUTH, failover and never evicts", async () => {
  const { resource } = await tf();
  const redis = resource("aws_elasticache_replication_group", "redis");
  assert.equal(redis.transit_encryption_enabled, true);
  assert.equal(redis.at_rest_encryption_enabled, true);
  assert.equal(redis.automatic_failover_enabled, true);
  assert.equal(redis.multi_az_enabled, true);
  assert.ok(redis.num_cache_clusters >= 2);
  assert.ok(redis.auth_token);
  const params = resource("aws_elasticache_parameter_group", "redis").parameter;
  assert.ok(params.some((p: Hcl) => p.name === "maxmemory-policy" && p.value === "noeviction"));
});

Deno.test("terraform: the S3 buckets are versioned, encrypted, private and TLS-only", async () => {
  const { resource, files } = await tf();
  const s3 = files["s3.tf"].resource;
  const buckets = Object.keys(s3.aws_s3_bucket).sort();
  assert.deepEqual(buckets, ["backups", "uploads"]);
  for (const name of buckets) {
    const versioning = resource("aws_s3_bucket_versioning", name).versioning_configuration[0];
    assert.equal(versioning.status, "Enabled", `${name}: versioned`);
  }
  // The shared settings iterate over both buckets.
  for (
    const type of [
      "aws_s3_bucket_server_side_encryption_configuration",
      "aws_s3_bucket_public_access_block",
      "aws_s3_bucket_policy",
    ]
  ) {
    assert.equal(
      resource(type, type === "aws_s3_bucket_policy" ? "tls_only" : "this").for_each,
      "${local.buckets}",
    );
  }
  assert.match(files["s3.tf"].locals[0].buckets.uploads, /aws_s3_bucket\.uploads/);
  assert.match(files["s3.tf"].locals[0].buckets.backups, /aws_s3_bucket\.backups/);
  const block = resource("aws_s3_bucket_public_access_block", "this");
  for (
    const flag of [
      "block_public_acls",
      "block_public_policy",
      "ignore_public_acls",
      "restrict_public_buckets",
    ]
  ) {
    assert.equal(block[flag], true, flag);
  }
  const cors = resource("aws_s3_bucket_cors_configuration", "uploads").cors_rule[0];
  assert.deepEqual(cors.allowed_methods, ["PUT"], "browsers PUT direct-upload parts");
  assert.deepEqual(cors.expose_headers, ["ETag"], "and read each part's ETag");
  assert.deepEqual(cors.allowed_origins, ["https://${var.domain_name}"]);
  const sse = resource("aws_s3_bucket_server_side_encryption_configuration", "this").rule[0];
  assert.equal(sse.apply_server_side_encryption_by_default[0].sse_algorithm, "aws:kms");
});

Deno.test("terraform: CloudFront behaviours match the app's Cache-Control headers", async () => {
  const { resource, files } = await tf();
  const dist = resource("aws_cloudfront_distribution", "reader");
  const policyOf = (ref: string) => {
    const m = /^\$\{aws_cloudfront_cache_policy\.(\w+)\.id\}$/.exec(ref);
    assert.ok(m, `a cache policy of this configuration: ${ref}`);
    return resource("aws_cloudfront_cache_policy", m[1]);
  };
  const key = (policy: Hcl) => policy.parameters_in_cache_key_and_forwarded_to_origin[0];
  const behaviours = Object.fromEntries(
    dist.ordered_cache_behavior.map((b: Hcl) => [b.path_pattern, b]),
  );
  assert.deepEqual(Object.keys(behaviours).sort(), ["/files/*", "/s/*", "/static/build/*"]);

  // Pages and API (`private, no-cache` + ETag): min TTL 0, keyed on Authorization and cookies.
  const privatePolicy = policyOf(dist.default_cache_behavior[0].cache_policy_id);
  assert.equal(privatePolicy.min_ttl, 0);
  assert.ok(privatePolicy.max_ttl <= 1, "nothing private is kept");
  assert.equal(key(privatePolicy).cookies_config[0].cookie_behavior, "all");
  assert.deepEqual(key(privatePolicy).headers_config[0].headers[0].items, ["Authorization"]);
  assert.match(dist.default_cache_behavior[0].origin_request_policy_id, /all_viewer/);
  assert.equal(
    files["cloudfront.tf"].data.aws_cloudfront_origin_request_policy.all_viewer[0].name,
    "Managed-AllViewer",
  );
  assert.ok(dist.default_cache_behavior[0].allowed_methods.includes("POST"), "uploads and forms");

  // Hashed assets (`public, max-age=31536000, immutable`): a year, no cookies in the key.
  const assets = policyOf(behaviours["/static/build/*"].cache_policy_id);
  assert.ok(assets.max_ttl >= 31536000);
  assert.equal(key(assets).cookies_config[0].cookie_behavior, "none");
  assert.equal(key(assets).headers_config[0].header_behavior, "none");

  // Shared pages (`public, s-maxage=60`): path + query string only.
  const shared = policyOf(behaviours["/s/*"].cache_policy_id);
  assert.equal(shared.min_ttl, 0);
  assert.ok(shared.max_ttl >= 60, "s-maxage=60 is honoured");
  assert.equal(key(shared).cookies_config[0].cookie_behavior, "none");
  assert.equal(key(shared).headers_config[0].header_behavior, "none");
  assert.equal(key(shared).query_strings_config[0].query_string_behavior, "all");

  // Media by capability URL (`public, max-age=31536000, immutable`): a year, path + query key.
  const media = policyOf(behaviours["/files/*"].cache_policy_id);
  assert.ok(media.max_ttl >= 31536000);
  assert.equal(key(media).cookies_config[0].cookie_behavior, "none");
  assert.equal(key(media).headers_config[0].header_behavior, "none");
  assert.equal(key(media).query_strings_config[0].query_string_behavior, "all", "?download=1");

  // Cached behaviours never forward cookies to the app.
  for (const pattern of ["/files/*", "/s/*", "/static/build/*"]) {
    const ref = behaviours[pattern].origin_request_policy_id;
    const name = /aws_cloudfront_origin_request_policy\.(\w+)\.id/.exec(ref)![1];
    const orp = resource("aws_cloudfront_origin_request_policy", name);
    assert.equal(orp.cookies_config[0].cookie_behavior, "none", pattern);
    assert.ok(!orp.headers_config[0].headers[0].items.includes("Authorization"), pattern);
    assert.deepEqual(behaviours[pattern].allowed_methods, ["GET", "HEAD"], pattern);
  }
  assert.equal(dist.viewer_certificate[0].minimum_protocol_version, "TLSv1.2_2021");
  assert.equal(dist.default_cache_behavior[0].viewer_protocol_policy, "redirect-to-https");
});

Deno.test("terraform: the app's IAM user may purge the CDN (lib/edge) and nothing more there", async () => {
  const { files } = await tf();
  const statements = files["s3.tf"].data.aws_iam_policy_document.app[0].statement as Hcl[];
  const purge = statements.find((st) => st.sid === "PurgeEdgeCache");
  assert.ok(purge, "a statement for the CDN purges");
  assert.deepEqual(purge.actions, ["cloudfront:CreateInvalidation"]);
  assert.deepEqual(purge.resources, ["${aws_cloudfront_distribution.reader.arn}"]);
  const others = statements.filter((st) => st !== purge).flatMap((st) => st.actions as string[]);
  assert.ok(others.every((a) => a.startsWith("s3:")), others.join(", "));
  // The app reads the distribution's id from CLOUDFRONT_DISTRIBUTION_ID (lib/config.ts).
  assert.match(
    files["outputs.tf"].output.cloudfront_distribution_id[0].value,
    /aws_cloudfront_distribution\.reader\.id/,
  );
});

Deno.test("terraform: secrets are sensitive outputs", async () => {
  const { files } = await tf();
  const outputs = files["outputs.tf"].output;
  for (const name of ["database_url", "redis_url", "app_s3_secret_access_key"]) {
    assert.equal(outputs[name][0].sensitive, true, `${name} is sensitive`);
  }
});

function terraformBinary(): string | null {
  try {
    const ok = new Deno.Command("terraform", { args: ["version"], stdout: "null", stderr: "null" })
      .outputSync().success;
    return ok ? "terraform" : null;
  } catch {
    return null;
  }
}

const terraform = terraformBinary();

Deno.test({
  name: "terraform: `terraform fmt -check` (when terraform is installed)",
  ignore: terraform === null,
  fn: async () => {
    const out = await new Deno.Command(terraform!, {
      args: ["fmt", "-check", "-diff", "-recursive"],
      cwd: repoPath("infra/terraform"),
      env: { TF_CLI_CONFIG_FILE: "/dev/null" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(
      out.success,
      new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr),
    );
  },
});
