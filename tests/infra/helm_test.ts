// The Helm chart renders, for its default values, the same objects as infra/k8s/ (kinds,
// names, ports, env, probes, resources, policies: everything but Helm's own labels and
// annotations, and the migration hook's copies of the ConfigMap and Secret, which give it the
// new release's values on upgrade). Rendered with the test-only Go-template renderer
// (_helm_render.ts), and also with a real `helm` when one is on PATH or in HELM_BIN.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { loadConfig } from "../../lib/config.ts";
import { renderChart } from "./_helm_render.ts";
import {
  type Container,
  containerEnv,
  type K8sObject,
  k8sObjects,
  loadYaml,
  parseYamlDocs,
  podTemplate,
  readText,
  repoPath,
} from "./_util.ts";

const CHART = "infra/helm/whatsapp-reader";
const RELEASE = { Name: "whatsapp-reader", Namespace: "whatsapp-reader" };

type Values = Record<string, unknown>;

function chartMeta() {
  return loadYaml(`${CHART}/Chart.yaml`) as {
    name: string;
    version: string;
    appVersion: string;
    dependencies: { name: string; repository: string; condition: string; version: string }[];
  };
}

function templates(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of Deno.readDirSync(repoPath(`${CHART}/templates`))) {
    if (entry.isFile) out[entry.name] = readText(`${CHART}/templates/${entry.name}`);
  }
  return out;
}

function deepMerge(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v && typeof v === "object" && !Array.isArray(v) && b && typeof b === "object"
      ? deepMerge(b as Values, v as Values)
      : v;
  }
  return out;
}

/**
 * Secrets are never chart defaults: an install passes them (`--set`, `-f` from a secret store).
 * The tests pass the example Secrets' placeholders, so the render equals infra/k8s/.
 */
function exampleSecrets(): Values {
  const secrets = parseYamlDocs(
    readText("infra/k8s/example/secrets.yaml"),
    "example/secrets.yaml",
  ) as K8sObject[];
  const app = secrets.find((o) => o.metadata.name === "whatsapp-reader-secrets")!;
  const redis = secrets.find((o) => o.metadata.name === "whatsapp-reader-redis")!;
  return { secrets: { values: app.stringData, redisUrl: redis.stringData!.REDIS_URL } };
}

function render(overrides: Values = {}, withSecrets = true): K8sObject[] {
  const chart = chartMeta();
  const defaults = loadYaml(`${CHART}/values.yaml`) as Values;
  const rendered = renderChart({
    chartName: chart.name,
    chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
    values: deepMerge(withSecrets ? deepMerge(defaults, exampleSecrets()) : defaults, overrides),
    templates: templates(),
    release: RELEASE,
  });
  return Object.entries(rendered).flatMap(([file, text]) =>
    parseYamlDocs(text, file) as K8sObject[]
  );
}

const HELM_LABELS = ["helm.sh/chart", "app.kubernetes.io/managed-by", "app.kubernetes.io/version"];

/** Drops what only Helm adds: its labels, hook and checksum annotations. */
function normalize(obj: K8sObject): K8sObject {
  const copy = structuredClone(obj);
  // deno-lint-ignore no-explicit-any
  const strip = (meta: any) => {
    if (!meta) return;
    for (const label of HELM_LABELS) delete meta.labels?.[label];
    for (const key of Object.keys(meta.annotations ?? {})) {
      if (key.startsWith("helm.sh/") || key.startsWith("checksum/")) delete meta.annotations[key];
    }
    if (meta.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations;
  };
  strip(copy.metadata);
  strip(copy.spec?.template?.metadata);
  strip(copy.spec?.jobTemplate?.spec?.template?.metadata);
  return copy;
}

const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;

const annotation = (o: K8sObject, name: string) => o.metadata.annotations?.[`helm.sh/${name}`];
const isHook = (o: K8sObject) => annotation(o, "hook") !== undefined;
const hookEvents = (o: K8sObject) => (annotation(o, "hook") ?? "").split(",").sort();
const hookWeight = (o: K8sObject) => Number(annotation(o, "hook-weight") ?? "0");
const deletePolicies = (o: K8sObject) => (annotation(o, "hook-delete-policy") ?? "").split(",");

/**
 * The migration hook reads copies of the release's ConfigMap and Secret (hooks created just
 * before it: see "the migration hook sees this release's values"); the Job of infra/k8s reads
 * the originals, which the deploy workflow applies before it. Drops the copies and points the
 * Job back at the originals (`<fullname>-migrate-config` → `<fullname>-config`).
 */
function withoutMigrateEnvCopies(rendered: K8sObject[]): K8sObject[] {
  const copies = new Map<string, string>();
  for (const o of rendered) {
    if (isHook(o) && (o.kind === "ConfigMap" || o.kind === "Secret")) {
      copies.set(key(o), o.metadata.name.replace(/-migrate-/, "-"));
    }
  }
  return rendered.filter((o) => !copies.has(key(o))).map((o) => {
    if (o.kind !== "Job") return o;
    const job = structuredClone(o);
    for (const c of podTemplate(job).spec.containers as Container[]) {
      for (const source of c.envFrom ?? []) {
        const ref = source.configMapRef ?? source.secretRef!;
        const kind = source.configMapRef ? "ConfigMap" : "Secret";
        ref.name = copies.get(`${kind}/${ref.name}`) ?? ref.name;
      }
    }
    return job;
  });
}

function compareWithManifests(rendered: K8sObject[], label: string) {
  const raw = k8sObjects().filter((o) => o.kind !== "Namespace").map(normalize);
  const chart = new Map(withoutMigrateEnvCopies(rendered).map((o) => [key(o), normalize(o)]));
  assert.deepEqual(
    [...chart.keys()].sort(),
    raw.map(key).sort(),
    `${label}: the same kinds and names`,
  );
  for (const expected of raw) {
    const actual = chart.get(key(expected))!;
    if (!isDeepStrictEqual(actual, expected)) {
      // deepEqual names the first difference (ports, env, probes, resources…).
      assert.deepEqual(actual, expected, `${label}: ${key(expected)} differs from infra/k8s`);
    }
  }
}

Deno.test("helm: default values render the objects of infra/k8s/", () => {
  compareWithManifests(render(), "test renderer");
});

/** Where a container's environment comes from: `Kind/name` of each ConfigMap and Secret. */
function envSources(c: Container): string[] {
  return [
    ...(c.envFrom ?? []).map((s) =>
      s.configMapRef ? `ConfigMap/${s.configMapRef.name}` : `Secret/${s.secretRef!.name}`
    ),
    ...(c.env ?? []).flatMap((e) =>
      e.valueFrom?.secretKeyRef
        ? [`Secret/${e.valueFrom.secretKeyRef.name}`]
        : e.valueFrom?.configMapKeyRef
        ? [`ConfigMap/${e.valueFrom.configMapKeyRef.name}`]
        : []
    ),
  ];
}

const migrateJob = (objects: K8sObject[]) =>
  objects.find((o) => o.kind === "Job" && o.metadata.name.endsWith("-migrate"))!;

Deno.test("helm: the migration hook sees this release's values, on install and on upgrade", () => {
  // An upgrade that moves the database and changes a setting, and one with in-cluster PostgreSQL.
  const upgrades: Values[] = [
    {
      config: { LOG_LEVEL: "debug" },
      secrets: { values: { DATABASE_URL: "postgres://reader:new@new-host:5432/reader" } },
    },
    { postgresql: { enabled: true, auth: { password: "pg-pass" } } },
  ];
  for (const overrides of upgrades) {
    const objects = render(overrides);
    const job = migrateJob(objects);
    assert.ok(isHook(job));
    // pre-upgrade runs before Helm updates the release's objects; post-install (not
    // pre-install) because its ServiceAccount and NetworkPolicy come with the release.
    assert.deepEqual(hookEvents(job), ["post-install", "pre-upgrade"]);
    const container = podTemplate(job).spec.containers[0] as Container;
    const sources = envSources(container);
    assert.deepEqual(sources.map((s) => s.split("/")[0]).sort(), ["ConfigMap", "Secret"]);
    for (const source of sources) {
      const copy = objects.find((o) => key(o) === source);
      assert.ok(copy, `${source} is rendered by the chart`);
      // A release object would still hold the previous release's values during pre-upgrade.
      assert.ok(isHook(copy), `${source}: the migration reads a hook, not the release's object`);
      assert.deepEqual(hookEvents(copy), hookEvents(job), `${source}: the Job's events`);
      assert.ok(hookWeight(copy) < hookWeight(job), `${source}: created before the Job`);
      assert.ok(deletePolicies(copy).includes("before-hook-creation"), `${source}: re-creatable`);
      assert.ok(deletePolicies(copy).includes("hook-succeeded"), `${source}: does not linger`);
    }
    // The copies hold exactly what the release's pods get.
    const release = (kind: string, suffix: string) =>
      objects.find((o) => o.kind === kind && !isHook(o) && o.metadata.name.endsWith(suffix))!;
    const copyOf = (kind: string) => objects.find((o) => o.kind === kind && isHook(o))!;
    assert.deepEqual(copyOf("ConfigMap").data, release("ConfigMap", "-config").data);
    assert.deepEqual(copyOf("Secret").stringData, release("Secret", "-secrets").stringData);
    // And the migration loads this release's configuration.
    const env = containerEnv(container, objects);
    const config = loadConfig(Object.fromEntries([...env].map(([k, v]) => [k, v.value ?? ""])));
    assert.equal(config.databaseUrl, release("Secret", "-secrets").stringData!.DATABASE_URL);
    if (overrides.config) {
      assert.equal(config.databaseUrl, "postgres://reader:new@new-host:5432/reader");
      assert.equal(config.logLevel, "debug");
    }
  }
});

Deno.test("helm: with Secrets made outside the chart the migration hook reads them directly", () => {
  const objects = render({ secrets: { create: false } }, false);
  assert.ok(!objects.some((o) => o.kind === "Secret"), "the chart makes no Secret");
  const sources = envSources(podTemplate(migrateJob(objects)).spec.containers[0]);
  // Not managed by Helm, so never an old revision of it: the pods read the same one.
  assert.ok(sources.includes("Secret/whatsapp-reader-secrets"), `${sources}`);
  const copy = objects.find((o) => key(o) === sources.find((s) => s.startsWith("ConfigMap/")));
  assert.ok(copy && isHook(copy), "the config still comes from the hook's copy");
});

Deno.test("helm: a changed config or secret rolls the pods that read it (checksum annotations)", () => {
  const checksums = (overrides: Values) =>
    Object.fromEntries(
      render(overrides).filter((o) => o.kind === "Deployment").map((d) => [
        d.metadata.name.replace(/^whatsapp-reader-/, ""),
        podTemplate(d).metadata.annotations ?? {},
      ]),
    );
  const before = checksums({});
  const config = checksums({ config: { LOG_LEVEL: "debug" } });
  const secret = checksums({ secrets: { values: { JWT_SECRET: "another-secret-".repeat(3) } } });
  for (const name of ["api", "worker"]) {
    assert.ok(before[name]["checksum/config"], `${name}: checksum/config`);
    assert.notEqual(config[name]["checksum/config"], before[name]["checksum/config"], name);
    assert.equal(config[name]["checksum/secrets"], before[name]["checksum/secrets"], name);
  }
  for (const name of ["api", "worker", "redis-rest"]) {
    assert.notEqual(secret[name]["checksum/secrets"], before[name]["checksum/secrets"], name);
  }
  assert.deepEqual(config["redis-rest"], before["redis-rest"], "the bridge reads no ConfigMap");
});

Deno.test("helm: no secret has a default; an install without them fails, naming the key", () => {
  const values = loadYaml(`${CHART}/values.yaml`) as {
    secrets: { values: Record<string, string>; redisUrl: string };
  };
  for (const [key, value] of Object.entries(values.secrets.values)) {
    assert.equal(value, "", `values.yaml: secrets.values.${key} has a default`);
  }
  assert.equal(values.secrets.redisUrl, "", "values.yaml: secrets.redisUrl has a default");
  assert.throws(() => render({}, false), /secrets\.values\.\w+ is required/);
  const only = (keep: string) => {
    const given = structuredClone(exampleSecrets()) as { secrets: { values: Values } };
    for (const key of Object.keys(given.secrets.values)) {
      if (key !== keep) given.secrets.values[key] = "";
    }
    return given;
  };
  assert.throws(() => render(only("DATABASE_URL"), false), /secrets\.values\.JWT_SECRET/);
  // Secrets made elsewhere (create: false) need none.
  assert.ok(render({ secrets: { create: false } }, false).length > 0);
});

Deno.test("helm: postgres and redis are optional bitnami dependencies, not vendored", () => {
  const chart = chartMeta();
  const deps = Object.fromEntries(chart.dependencies.map((d) => [d.name, d]));
  assert.deepEqual(Object.keys(deps).sort(), ["postgresql", "redis"]);
  assert.equal(deps.postgresql.condition, "postgresql.enabled");
  assert.equal(deps.redis.condition, "redis.enabled");
  for (const dep of chart.dependencies) assert.match(dep.repository, /bitnami/);
  const values = loadYaml(`${CHART}/values.yaml`) as Record<string, { enabled: boolean }>;
  assert.equal(values.postgresql.enabled, false);
  assert.equal(values.redis.enabled, false);
  assert.throws(() => Deno.statSync(repoPath(`${CHART}/charts`)), "no vendored charts/");
});

Deno.test("helm: the in-cluster postgresql and redis have no default password either", () => {
  const values = loadYaml(`${CHART}/values.yaml`) as Record<string, { auth: Values }>;
  assert.equal(values.postgresql.auth.password, "", "values.yaml: postgresql.auth.password");
  assert.equal(values.redis.auth.password, "", "values.yaml: redis.auth.password");
  assert.throws(
    () => render({ postgresql: { enabled: true } }),
    /postgresql\.auth\.password is required/,
  );
  assert.throws(() => render({ redis: { enabled: true } }), /redis\.auth\.password is required/);
});

Deno.test("helm: enabling postgresql and redis derives the URLs and the NetworkPolicies", () => {
  const objects = render({
    postgresql: { enabled: true, auth: { password: "pg-pass" } },
    redis: { enabled: true, auth: { password: "redis-pass" } },
  });
  const secret = objects.find((o) =>
    o.kind === "Secret" && !isHook(o) && o.metadata.name.endsWith("-secrets")
  )!;
  assert.equal(
    secret.stringData!.DATABASE_URL,
    "postgres://reader:pg-pass@whatsapp-reader-postgresql:5432/reader",
  );
  const redis = objects.find((o) => o.kind === "Secret" && o.metadata.name.endsWith("-redis"))!;
  assert.equal(
    redis.stringData!.REDIS_URL,
    "redis://:redis-pass@whatsapp-reader-redis-master:6379",
  );
  const api = objects.find((o) => o.kind === "NetworkPolicy" && o.metadata.name.endsWith("-api"))!;
  const postgresRule = api.spec.egress.find((r: { ports: { port: number }[] }) =>
    r.ports[0].port === 5432
  );
  assert.deepEqual(postgresRule.to, [{
    podSelector: {
      matchLabels: {
        "app.kubernetes.io/name": "postgresql",
        "app.kubernetes.io/instance": "whatsapp-reader",
      },
    },
  }]);
});

Deno.test("helm: switches remove what they control", () => {
  const objects = render({
    ingress: { enabled: false },
    backup: { enabled: false },
    networkPolicy: { enabled: false },
    secrets: { create: false },
  });
  const kinds = new Set(objects.map((o) => o.kind));
  for (const kind of ["Ingress", "CronJob", "NetworkPolicy", "Secret"]) {
    assert.ok(!kinds.has(kind), kind);
  }
  assert.ok(kinds.has("Deployment"));
});

Deno.test("helm: manifest templates are *.yaml.tpl (deno fmt parses *.yaml)", () => {
  for (const name of Object.keys(templates())) {
    assert.ok(name.endsWith(".tpl") || name === "NOTES.txt", `${name}: not a .yaml file`);
  }
});

/** A real Helm, if this machine has one. */
function helmBinary(): string | null {
  const candidates = [Deno.env.get("HELM_BIN"), "helm"].filter(Boolean) as string[];
  for (const bin of candidates) {
    try {
      if (
        new Deno.Command(bin, { args: ["version", "--short"], stdout: "null", stderr: "null" })
          .outputSync().success
      ) {
        return bin;
      }
    } catch { /* not installed */ }
  }
  return null;
}

const helm = helmBinary();

Deno.test({
  name: "helm: real `helm template` and `helm lint` agree (when helm is installed)",
  ignore: helm === null,
  fn: async () => {
    // Without network access the bitnami dependencies cannot be fetched: render a copy of the
    // chart without them (they are disabled by default anyway).
    const dir = await Deno.makeTempDir({ prefix: "wr-chart-" });
    try {
      const copy = `${dir}/whatsapp-reader`;
      await Deno.mkdir(`${copy}/templates`, { recursive: true });
      const chartYaml = readText(`${CHART}/Chart.yaml`);
      await Deno.writeTextFile(
        `${copy}/Chart.yaml`,
        chartYaml.replace(/\n# Optional in-cluster[\s\S]*$/, "\n"),
      );
      await Deno.copyFile(repoPath(`${CHART}/values.yaml`), `${copy}/values.yaml`);
      // JSON is YAML: the example Secrets' values, as an install passes its own.
      const secrets = `${dir}/secrets.json`;
      await Deno.writeTextFile(secrets, JSON.stringify(exampleSecrets()));
      for (const [name, text] of Object.entries(templates())) {
        await Deno.writeTextFile(`${copy}/templates/${name}`, text);
      }
      const run = async (args: string[]) => {
        const out = await new Deno.Command(helm!, { args, stdout: "piped", stderr: "piped" })
          .output();
        const text = new TextDecoder().decode(out.stdout);
        assert.ok(
          out.success,
          `helm ${args[0]} failed: ${new TextDecoder().decode(out.stderr)}${text}`,
        );
        return text;
      };
      await run(["lint", copy, "-f", secrets]);
      const text = await run([
        "template",
        RELEASE.Name,
        copy,
        "--namespace",
        RELEASE.Namespace,
        "-f",
        secrets,
      ]);
      compareWithManifests(parseYamlDocs(text, "helm template") as K8sObject[], "real helm");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
