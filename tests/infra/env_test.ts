// Every environment variable the code reads (lib/config.ts envSchema, and the REST bridge's
// schema) is provided where it should be — in Kubernetes (ConfigMap/Secret), docker compose and
// the Helm values — or deliberately left to its default (the allow-lists in _util.ts); no
// deployment sets a variable the code does not read; and each environment actually loads.
import assert from "node:assert/strict";
import { loadConfig } from "../../lib/config.ts";
import { loadBridgeConfig } from "../../infra/redis_rest/config.ts";
import {
  APP_DEFAULTED,
  APP_ENV,
  BRIDGE_DEFAULTED,
  BRIDGE_ENV,
  type Container,
  containerEnv,
  find,
  imageEnv,
  k8sObjects,
  loadYaml,
  podTemplate,
  PORTS,
  REQUIRED_IN_DEPLOYMENT,
  SECRET_ENV,
} from "./_util.ts";

/** App variables the image sets for every container of it (BUILD_ID). */
const FROM_IMAGE = imageEnv().filter((k) => APP_ENV.includes(k));

/** Provided names must be known; every known name provided or allow-listed, never both. */
function checkCoverage(
  where: string,
  provided: string[],
  known: string[],
  defaulted: Record<string, string>,
  required: string[],
) {
  assert.equal(new Set(provided).size, provided.length, `${where}: a variable is set twice`);
  const unknown = provided.filter((k) => !known.includes(k));
  assert.deepEqual(unknown, [], `${where}: variables the code does not read: ${unknown}`);
  for (const name of required) {
    assert.ok(provided.includes(name), `${where}: required variable ${name} is not provided`);
  }
  for (const name of known) {
    const isProvided = provided.includes(name), isDefaulted = name in defaulted;
    assert.ok(
      isProvided || isDefaulted,
      `${where}: ${name} is neither provided nor in the allow-list of deliberate defaults`,
    );
    assert.ok(
      !(isProvided && isDefaulted),
      `${where}: ${name} is provided but still in the allow-list of defaults (stale list)`,
    );
  }
  for (const name of Object.keys(defaulted)) {
    assert.ok(
      known.includes(name),
      `${where}: the allow-list names ${name}, which the code does not read`,
    );
  }
}

function checkAppConfig(where: string, env: Record<string, string>) {
  const config = loadConfig(env);
  assert.ok(config.databaseUrl, `${where}: no database`);
  assert.ok(config.redis, `${where}: no Redis queue`);
  assert.ok(config.s3, `${where}: no S3 store`);
  assert.ok(config.jwtSecrets?.length, `${where}: no JWT secret`);
  assert.equal(config.workerInProcess, false, `${where}: the worker runs as its own process`);
  assert.equal(config.port, PORTS.api, `${where}: PORT`);
  assert.equal(config.workerPort, PORTS.worker, `${where}: WORKER_PORT`);
  return config;
}

// ---- Kubernetes ----------------------------------------------------------------------------

const objects = k8sObjects();

function k8sContainer(kind: string, name: string): Container {
  return podTemplate(find(objects, kind, name)).spec.containers[0];
}

const appContainers: [string, string][] = [
  ["Deployment", "whatsapp-reader-api"],
  ["Deployment", "whatsapp-reader-worker"],
  ["Job", "whatsapp-reader-migrate"],
];

for (const [kind, name] of appContainers) {
  Deno.test(`env: k8s ${kind} ${name} gets every variable of envSchema`, () => {
    const env = containerEnv(k8sContainer(kind, name), objects);
    checkCoverage(
      `${kind}/${name}`,
      [...env.keys(), ...FROM_IMAGE],
      APP_ENV,
      APP_DEFAULTED.kubernetes,
      REQUIRED_IN_DEPLOYMENT,
    );
    for (const secret of SECRET_ENV.filter((k) => env.has(k))) {
      assert.equal(env.get(secret)!.from, "secret", `${name}: ${secret} must come from a Secret`);
    }
    const values = Object.fromEntries([...env].map(([k, v]) => [k, v.value ?? ""]));
    const config = checkAppConfig(`${kind}/${name}`, values);
    assert.equal(
      config.redis!.url,
      `http://whatsapp-reader-redis-rest:${PORTS["redis-rest"]}`,
      "UPSTASH_REDIS_REST_URL names the bridge's Service and port",
    );
  });
}

Deno.test("env: the image sets BUILD_ID (the ETag salt) from the commit CI builds", () => {
  assert.deepEqual(FROM_IMAGE, ["BUILD_ID"]);
});

Deno.test("env: k8s ConfigMap and app Secret hold only envSchema variables, secrets only in the Secret", () => {
  const cm = find(objects, "ConfigMap", "whatsapp-reader-config");
  const secret = find(objects, "Secret", "whatsapp-reader-secrets");
  for (const key of Object.keys(cm.data ?? {})) {
    assert.ok(APP_ENV.includes(key), `ConfigMap key ${key} is not read by the app`);
    assert.ok(!SECRET_ENV.includes(key), `ConfigMap holds the secret ${key}`);
  }
  for (const key of Object.keys(secret.stringData ?? {})) {
    assert.ok(APP_ENV.includes(key), `Secret key ${key} is not read by the app`);
  }
});

Deno.test("env: k8s REST bridge gets its variables, the token shared with the app", () => {
  const container = k8sContainer("Deployment", "whatsapp-reader-redis-rest");
  const env = containerEnv(container, objects);
  checkCoverage("redis-rest", [...env.keys()], BRIDGE_ENV, BRIDGE_DEFAULTED, [
    "REDIS_URL",
    "REDIS_REST_TOKEN",
  ]);
  assert.equal(env.get("REDIS_URL")!.from, "secret");
  assert.equal(env.get("REDIS_REST_TOKEN")!.from, "secret");
  const bridge = loadBridgeConfig(Object.fromEntries([...env].map(([k, v]) => [k, v.value ?? ""])));
  assert.equal(bridge.port, PORTS["redis-rest"]);
  const appSecret = find(objects, "Secret", "whatsapp-reader-secrets");
  assert.equal(bridge.token, appSecret.stringData!.UPSTASH_REDIS_REST_TOKEN);
  assert.ok(bridge.redisUrl.startsWith("rediss://"), "ElastiCache requires TLS: rediss://");
});

// ---- docker compose ------------------------------------------------------------------------

/** Compose interpolation with the file's defaults (`${A:-x}`, `${A-x}`, `${A}`, `$$`). */
function interpolate(value: string): string {
  return value
    .replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_, _name, fallback) => fallback ?? "")
    .replace(/\$\$/g, "$");
}

type ComposeService = { environment?: Record<string, string | number | boolean> };
const compose = loadYaml("docker-compose.yml") as { services: Record<string, ComposeService> };

function composeEnv(service: string): Record<string, string> {
  const raw = compose.services[service]?.environment;
  assert.ok(raw && !Array.isArray(raw), `compose ${service}: environment must be a map`);
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, interpolate(String(v))]));
}

for (const service of ["api", "worker", "migrate"]) {
  Deno.test(`env: compose ${service} gets every variable of envSchema`, () => {
    const env = composeEnv(service);
    checkCoverage(
      `compose ${service}`,
      [...Object.keys(env), ...FROM_IMAGE],
      APP_ENV,
      APP_DEFAULTED.compose,
      REQUIRED_IN_DEPLOYMENT,
    );
    const config = checkAppConfig(`compose ${service}`, env);
    assert.equal(new URL(config.databaseUrl!).host, "postgres:5432");
    assert.equal(config.redis!.url, `http://redis-rest:${PORTS["redis-rest"]}`);
    assert.equal(config.s3!.endpoint, "http://minio:9000");
    assert.equal(config.s3!.forcePathStyle, true, "MinIO needs path-style S3 URLs");
    // Secrets are overridable from .env, never fixed in the file.
    const raw = compose.services[service].environment!;
    for (
      const key of [
        "DATABASE_URL",
        "JWT_SECRET",
        "S3_SECRET_ACCESS_KEY",
        "UPSTASH_REDIS_REST_TOKEN",
      ]
    ) {
      assert.match(
        String(raw[key]),
        /\$\{\w+:-/,
        `compose ${service}: ${key} must be \${VAR:-default}`,
      );
    }
  });
}

Deno.test("env: compose REST bridge matches the app's token and the redis service", () => {
  const env = composeEnv("redis-rest");
  checkCoverage("compose redis-rest", Object.keys(env), BRIDGE_ENV, BRIDGE_DEFAULTED, [
    "REDIS_URL",
    "REDIS_REST_TOKEN",
  ]);
  const bridge = loadBridgeConfig(env);
  assert.equal(bridge.port, PORTS["redis-rest"]);
  assert.equal(bridge.token, composeEnv("api").UPSTASH_REDIS_REST_TOKEN);
  assert.equal(new URL(bridge.redisUrl).host, "redis:6379");
  const redisPassword = interpolate(String(compose.services.redis.environment!.REDIS_PASSWORD));
  assert.equal(decodeURIComponent(new URL(bridge.redisUrl).password), redisPassword);
});

Deno.test("env: compose MinIO init creates the bucket and the user the app uses", () => {
  const app = composeEnv("api");
  const init = composeEnv("minio-init");
  assert.equal(init.S3_BUCKET, app.S3_BUCKET);
  assert.equal(init.S3_APP_ACCESS_KEY, app.S3_ACCESS_KEY_ID);
  assert.equal(init.S3_APP_SECRET_KEY, app.S3_SECRET_ACCESS_KEY);
  const postgres = composeEnv("postgres");
  const db = new URL(app.DATABASE_URL);
  assert.equal(db.username, postgres.POSTGRES_USER);
  assert.equal(decodeURIComponent(db.password), postgres.POSTGRES_PASSWORD);
  assert.equal(db.pathname, `/${postgres.POSTGRES_DB}`);
});

// ---- Helm values ---------------------------------------------------------------------------

Deno.test("env: Helm values provide every variable of envSchema", () => {
  const values = loadYaml("infra/helm/whatsapp-reader/values.yaml") as {
    config: Record<string, string>;
    secrets: { values: Record<string, string> };
  };
  // The chart derives UPSTASH_REDIS_REST_URL from the bridge's Service (configmap.yaml.tpl).
  const provided = [
    ...Object.keys(values.config),
    ...Object.keys(values.secrets.values),
    "UPSTASH_REDIS_REST_URL",
    ...FROM_IMAGE,
  ];
  checkCoverage("helm values", provided, APP_ENV, APP_DEFAULTED.kubernetes, REQUIRED_IN_DEPLOYMENT);
  for (const key of Object.keys(values.config)) {
    assert.ok(!SECRET_ENV.includes(key), `values.config holds the secret ${key}`);
  }
  for (const [key, value] of Object.entries(values.config)) {
    assert.equal(
      typeof value,
      "string",
      `values.config.${key} must be a string (a ConfigMap value)`,
    );
  }
});
