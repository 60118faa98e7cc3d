/**
 * Shared by the infrastructure tests: file loading, the Kubernetes object helpers and the
 * contract between the code and the deployment files (ports, routes, environment).
 *
 * @module
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { envSchema } from "../../lib/config.ts";
import { bridgeEnvSchema } from "../../infra/redis_rest/config.ts";

/** Absolute path of a repository file. */
export function repoPath(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}

export function readText(rel: string): string {
  return Deno.readTextFileSync(repoPath(rel));
}

export function exists(rel: string): boolean {
  try {
    Deno.statSync(repoPath(rel));
    return true;
  } catch {
    return false;
  }
}

/** Every document of a YAML text; throws on the first syntax error, naming the source. */
export function parseYamlDocs(text: string, source: string): unknown[] {
  return parseAllDocuments(text).flatMap((doc) => {
    if (doc.errors.length) throw new Error(`${source}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}

export function loadYaml(rel: string): unknown {
  const [doc] = parseYamlDocs(readText(rel), rel);
  return doc;
}

// ---- the code's facts ----------------------------------------------------------------------

/** Routes the app serves that probes may use (to be replaced by the app's route list). */
export const APP_ROUTES = ["/health", "/ready", "/metrics"];
/** Routes of the Redis REST bridge without a token. */
export const BRIDGE_ROUTES = ["/health"];
/** Container port of each component. */
export const PORTS: Record<string, number> = { api: 8000, worker: 9000, "redis-rest": 8079 };

/** Variables lib/config.ts reads, and those of the REST bridge (infra/redis_rest/config.ts). */
export const APP_ENV = Object.keys(envSchema.shape);
export const BRIDGE_ENV = Object.keys(bridgeEnvSchema.shape);

/** Optional in the schema (embedded mode) but required by every deployment. */
export const REQUIRED_IN_DEPLOYMENT = [
  "DATABASE_URL",
  "UPSTASH_REDIS_REST_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "S3_BUCKET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "JWT_SECRET",
];

/** Values that must come from a Secret, never a ConfigMap or a plain value. */
export const SECRET_ENV = [
  "DATABASE_URL",
  "UPSTASH_REDIS_REST_TOKEN",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "JWT_SECRET",
  "REDIS_URL",
  "REDIS_REST_TOKEN",
];

/** App variables deliberately left to their defaults, per target, with the reason. */
export const APP_DEFAULTED: Record<"kubernetes" | "compose", Record<string, string>> = {
  kubernetes: {
    HOST: "0.0.0.0 is right in a pod",
    DATA_DIR: "unused: PostgreSQL and S3 are configured",
    QUEUE_STREAM: "web and worker share the default",
    S3_ENDPOINT: "AWS S3: the SDK derives the endpoint from S3_REGION",
    S3_PUBLIC_ENDPOINT: "AWS S3: presigned URLs name the regional endpoint browsers reach",
    USER_IMPORT_CONCURRENCY: "the code's fairness default (one import per user at a time)",
    MERGE_IN_WORKER_ABOVE: "the code's threshold (50,000 messages) for merges in the worker",
    RATE_LIMIT_SIGNIN: "the code's default limits are the intended ones",
    RATE_LIMIT_SIGNUP: "the code's default limits are the intended ones",
    RATE_LIMIT_UPLOAD: "the code's default limits are the intended ones",
    RATE_LIMIT_HEAVY: "the code's default limits are the intended ones",
  },
  compose: {
    HOST: "0.0.0.0 is right in a container",
    DATA_DIR: "unused: PostgreSQL and S3 (MinIO) are configured",
    QUEUE_STREAM: "web and worker share the default",
    RATE_LIMIT_SIGNIN: "the code's default limits are the intended ones",
    RATE_LIMIT_SIGNUP: "the code's default limits are the intended ones",
    RATE_LIMIT_UPLOAD: "the code's default limits are the intended ones",
    RATE_LIMIT_HEAVY: "the code's default limits are the intended ones",
    WORKER_CONCURRENCY: "the code's default suits one machine",
    USER_IMPORT_CONCURRENCY: "the code's fairness default (one import per user at a time)",
    MERGE_IN_WORKER_ABOVE: "the code's threshold (50,000 messages) for merges in the worker",
  },
};

/**
 * Variables the app image itself sets (`ENV` of the Dockerfile's app stage), provided to every
 * container of it: BUILD_ID, the commit CI builds (empty = a random id per process).
 */
export function imageEnv(): string[] {
  const dockerfile = readText("Dockerfile").replace(/\\\n/g, " ");
  const app = dockerfile.slice(dockerfile.search(/^FROM \S+ AS app$/m));
  return [...app.matchAll(/^ENV (.+)$/gm)].flatMap((m) =>
    [...m[1].matchAll(/(\w+)=/g)].map((k) => k[1])
  );
}

/** Bridge variables deliberately left to their defaults. */
export const BRIDGE_DEFAULTED: Record<string, string> = {
  REDIS_REST_HOSTNAME: "0.0.0.0 is right in a container",
};

// ---- deno.json tasks -----------------------------------------------------------------------

/** `deno.json` tasks; for a task chaining commands (`a && b`), its last command. */
export function denoRunTasks(): Map<string, string[]> {
  const tasks = (JSON.parse(readText("deno.json")) as { tasks: Record<string, string> }).tasks;
  const out = new Map<string, string[]>();
  for (const [name, command] of Object.entries(tasks)) {
    const last = command.split("&&").at(-1)!.trim().split(/\s+/);
    if (last[0] === "deno" && last[1] === "run") out.set(name, last);
  }
  return out;
}

/**
 * Checks a container command against the tasks: once `--cached-only` (our addition for
 * images) is dropped, it must equal the `deno run` of a task, and its entry file must exist.
 * Returns the task's name.
 */
export function matchTask(command: string[]): string {
  const argv = command.filter((a) => a !== "--cached-only");
  for (const [name, task] of denoRunTasks()) {
    if (task.join(" ") === argv.join(" ")) {
      const entry = argv.at(-1)!;
      if (!exists(entry)) throw new Error(`task ${name}: entry file ${entry} does not exist`);
      return name;
    }
  }
  throw new Error(`command "${command.join(" ")}" matches no deno.json task`);
}

// ---- Kubernetes ----------------------------------------------------------------------------

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // deno-lint-ignore no-explicit-any
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { name: string; key: string };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  // deno-lint-ignore no-explicit-any
  [key: string]: any;
}

/** infra/k8s/*.yaml and the Secret template, in file order. */
export function k8sObjects(): K8sObject[] {
  const files = [...Deno.readDirSync(repoPath("infra/k8s"))]
    .filter((e) => e.isFile && e.name.endsWith(".yaml"))
    .map((e) => `infra/k8s/${e.name}`)
    .sort();
  files.push("infra/k8s/example/secrets.yaml");
  return files.flatMap((f) => parseYamlDocs(readText(f), f) as K8sObject[]);
}

export const WORKLOAD_KINDS = ["Deployment", "Job", "CronJob"];

/** A pod template (its spec loosely typed: tests read many fields). */
export interface PodTemplate {
  metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
  // deno-lint-ignore no-explicit-any
  spec: any;
}

/** The pod template of a Deployment, Job or CronJob. */
export function podTemplate(obj: K8sObject): PodTemplate {
  if (obj.kind === "CronJob") return obj.spec.jobTemplate.spec.template;
  return obj.spec.template;
}

export function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const obj = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!obj) throw new Error(`no ${kind} named ${name}`);
  return obj;
}

/** A label selector (matchLabels) selects these labels. */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string>,
) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
}

/**
 * The environment a container gets: name → where it comes from and, for plain values and
 * ConfigMap/Secret entries, its value.
 */
export function containerEnv(
  container: Container,
  objects: K8sObject[],
): Map<string, { from: "value" | "configmap" | "secret"; value?: string }> {
  const env = new Map<string, { from: "value" | "configmap" | "secret"; value?: string }>();
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const cm = find(objects, "ConfigMap", source.configMapRef.name);
      for (const [k, v] of Object.entries(cm.data ?? {})) {
        env.set(k, { from: "configmap", value: v });
      }
    }
    if (source.secretRef) {
      const secret = find(objects, "Secret", source.secretRef.name);
      for (const [k, v] of Object.entries(secret.stringData ?? {})) {
        env.set(k, { from: "secret", value: v });
      }
    }
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom?.secretKeyRef) {
      const { name, key } = e.valueFrom.secretKeyRef;
      const secret = find(objects, "Secret", name);
      const value = secret.stringData?.[key];
      if (value === undefined) throw new Error(`Secret ${name} has no key ${key}`);
      env.set(e.name, { from: "secret", value });
    } else env.set(e.name, { from: "value", value: e.value });
  }
  return env;
}

/**
 * The `checksum/config` pod annotation of the Deployments that read a ConfigMap: sha256 of its
 * data as compact JSON with sorted keys (what `jq -cjS .data | sha256sum` prints). A changed
 * ConfigMap changes the pod template, so applying the manifests rolls the pods.
 */
export function configChecksum(data: Record<string, string> = {}): string {
  const sorted = Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

/** Names of the ConfigMaps a pod's containers read (envFrom, configMapKeyRef, volumes). */
export function configMapsRead(pod: PodTemplate): string[] {
  const names = new Set<string>();
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    for (const source of c.envFrom ?? []) {
      if (source.configMapRef) names.add(source.configMapRef.name);
    }
    for (const e of c.env ?? []) {
      if (e.valueFrom?.configMapKeyRef) names.add(e.valueFrom.configMapKeyRef.name);
    }
  }
  for (const v of pod.spec.volumes ?? []) {
    if (v.configMap) names.add(v.configMap.name);
  }
  return [...names].sort();
}

/** Bytes of an nginx size ("2049m", "1g", "512k", "1048576"). */
export function nginxSize(size: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(size.trim());
  if (!m) throw new Error(`expected an nginx size like 2049m, got "${size}"`);
  const unit = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase()]!;
  return Number(m[1]) * unit;
}

// ---- networks ------------------------------------------------------------------------------

function ipv4(address: string): number {
  return address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

/** True when CIDR `inner` lies within CIDR `outer` (IPv4). */
export function cidrContains(outer: string, inner: string): boolean {
  const [oa, ob] = outer.split("/");
  const [ia, ib] = inner.split("/");
  const obits = Number(ob), ibits = Number(ib);
  if (ibits < obits) return false;
  const size = 2 ** (32 - obits);
  return Math.floor(ipv4(ia) / size) === Math.floor(ipv4(oa) / size);
}

// ---- Terraform -----------------------------------------------------------------------------

/** HCL as JSON (`@cdktf/hcl2json`, HashiCorp's HCL parser compiled to WASM). */
// deno-lint-ignore no-explicit-any
export type Hcl = Record<string, any>;

let terraformCache: Promise<Record<string, Hcl>> | null = null;

/** Every infra/terraform/*.tf, parsed: file name → JSON. Throws on a syntax error. */
export function terraformFiles(): Promise<Record<string, Hcl>> {
  terraformCache ??= (async () => {
    const { parse } = await import("@cdktf/hcl2json");
    const out: Record<string, Hcl> = {};
    const names = [...Deno.readDirSync(repoPath("infra/terraform"))]
      .filter((e) => e.isFile && e.name.endsWith(".tf"))
      .map((e) => e.name)
      .sort();
    for (const name of names) {
      out[name] = await parse(name, readText(`infra/terraform/${name}`));
    }
    return out;
  })();
  return terraformCache;
}

/** The default of a Terraform variable. */
export async function terraformDefault(name: string): Promise<unknown> {
  const { "variables.tf": variables } = await terraformFiles();
  const block = variables.variable?.[name]?.[0];
  if (!block) throw new Error(`infra/terraform/variables.tf declares no variable ${name}`);
  return block.default;
}
