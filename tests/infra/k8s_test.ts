// infra/k8s/: ports, probes, commands and images agree with the code and deno.json; every
// container has resources and a hardened security context; Services, Ingress, HPAs, PDBs and
// NetworkPolicies point at what exists; the NetworkPolicies cover every workload and name the
// Terraform subnets.
import assert from "node:assert/strict";
import { healthRoutes } from "../../routes/health.ts";
import {
  APP_ROUTES,
  BRIDGE_ROUTES,
  cidrContains,
  configChecksum,
  configMapsRead,
  type Container,
  find,
  k8sObjects,
  matchTask,
  nginxSize,
  podTemplate,
  PORTS,
  readText,
  selects,
  terraformDefault,
  WORKLOAD_KINDS,
} from "./_util.ts";

const objects = k8sObjects();
const workloads = objects.filter((o) => WORKLOAD_KINDS.includes(o.kind));
const deployments = objects.filter((o) => o.kind === "Deployment");
const component = (o: { metadata: { labels?: Record<string, string> } }) =>
  o.metadata.labels?.["app.kubernetes.io/component"] ?? "";

/** deno.json task each component's command must equal. */
const TASK_OF: Record<string, string> = {
  api: "start",
  worker: "worker",
  migrate: "migrate",
  "redis-rest": "redis-rest",
};

Deno.test("k8s: every object is namespaced and labelled", () => {
  assert.ok(objects.length > 20, "the manifests were found");
  for (const o of objects) {
    const id = `${o.kind}/${o.metadata.name}`;
    if (o.kind === "Namespace") continue;
    assert.equal(o.metadata.namespace, "whatsapp-reader", `${id}: namespace`);
    assert.equal(
      o.metadata.labels?.["app.kubernetes.io/name"],
      "whatsapp-reader",
      `${id}: name label`,
    );
    assert.equal(o.metadata.labels?.["app.kubernetes.io/instance"], "whatsapp-reader", id);
  }
  const keys = new Set(objects.map((o) => `${o.kind}/${o.metadata.name}`));
  assert.equal(keys.size, objects.length, "no duplicate objects");
});

Deno.test("k8s: Deployments serve on the code's ports with probes on real routes", () => {
  assert.deepEqual(deployments.map(component).sort(), ["api", "redis-rest", "worker"]);
  for (const d of deployments) {
    const name = component(d);
    const [c, ...more] = podTemplate(d).spec.containers as Container[];
    assert.equal(more.length, 0, `${name}: one container`);
    assert.deepEqual(
      c.ports?.map((p) => [p.name, p.containerPort]),
      [["http", PORTS[name]]],
      `${name}: container port`,
    );
    const routes = name === "redis-rest" ? BRIDGE_ROUTES : APP_ROUTES;
    for (const probe of ["livenessProbe", "readinessProbe"]) {
      assert.ok(c[probe], `${name}: ${probe} is set`);
    }
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      const spec = c[probe];
      if (!spec) continue;
      const port = spec.httpGet?.port ?? spec.tcpSocket?.port;
      assert.equal(port, "http", `${name}: ${probe} targets the named port`);
      if (spec.httpGet) {
        assert.ok(
          routes.includes(spec.httpGet.path),
          `${name}: ${probe} path ${spec.httpGet.path}`,
        );
      }
    }
    if (name !== "redis-rest") {
      assert.equal(c.livenessProbe.httpGet.path, "/health", `${name}: liveness is /health`);
      assert.equal(c.readinessProbe.httpGet.path, "/ready", `${name}: readiness is /ready`);
    } else {
      assert.equal(c.readinessProbe.httpGet.path, "/health", "bridge readiness pings Redis");
    }
  }
});

Deno.test("k8s: the probe and scrape routes are served by the web app and the worker", () => {
  // Neither handler runs here: the deps are never touched while listing routes.
  const served = healthRoutes({} as Parameters<typeof healthRoutes>[0]).routes.map((r) => r.path);
  for (const route of APP_ROUTES.filter((r) => r !== "/metrics")) {
    assert.ok(served.includes(route), `routes/health.ts serves ${route}`);
  }
  for (const entry of ["routes/app.ts", "worker/main.ts"]) {
    assert.match(readText(entry), /\.route\("\/", healthRoutes\(/, `${entry} mounts healthRoutes`);
    assert.match(readText(entry), /"\/metrics",/, `${entry} serves /metrics`);
  }
});

Deno.test("k8s: commands are the deno.json tasks and their entry files exist", () => {
  for (const w of workloads) {
    const c = podTemplate(w).spec.containers[0] as Container;
    const name = component(w);
    if (name === "backup") {
      assert.deepEqual(c.command, ["/usr/local/bin/backup.sh"]);
      continue;
    }
    assert.equal(c.args, undefined, `${name}: the whole command is in command`);
    assert.ok(c.command?.includes("--cached-only"), `${name}: runs from the image's cache only`);
    assert.equal(matchTask(c.command!), TASK_OF[name], `${name}: command`);
  }
});

Deno.test("k8s: one app image everywhere, the backup image beside it", () => {
  const images = new Set<string>();
  let backup = "";
  for (const w of workloads) {
    const c = podTemplate(w).spec.containers[0] as Container;
    if (component(w) === "backup") backup = c.image;
    else images.add(c.image);
  }
  assert.equal(images.size, 1, `one image for web, worker, migrations, bridge: ${[...images]}`);
  const [image] = images;
  const [repo, tag] = image.split(/:(?=[^/]+$)/);
  assert.match(repo, /\/whatsapp-reader$/);
  assert.ok(tag && tag !== "latest", "a pinned tag");
  assert.equal(backup, `${repo}-backup:${tag}`);
});

Deno.test("k8s: every container has resources and a hardened security context", () => {
  for (const w of workloads) {
    const pod = podTemplate(w).spec;
    const id = `${w.kind}/${w.metadata.name}`;
    assert.equal(pod.securityContext?.runAsNonRoot, true, `${id}: runAsNonRoot`);
    assert.equal(pod.securityContext?.seccompProfile?.type, "RuntimeDefault", `${id}: seccomp`);
    assert.equal(pod.automountServiceAccountToken, false, `${id}: no API token`);
    const uid = component(w) === "backup" ? 999 : 10001;
    assert.equal(pod.securityContext.runAsUser, uid, `${id}: the image's user`);
    find(objects, "ServiceAccount", pod.serviceAccountName);
    for (const c of pod.containers as Container[]) {
      const r = c.resources;
      for (const field of ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]) {
        const [a, b] = field.split(".");
        assert.ok(r?.[a]?.[b], `${id}/${c.name}: resources.${field}`);
      }
      assert.equal(
        c.securityContext?.allowPrivilegeEscalation,
        false,
        `${id}: privilege escalation`,
      );
      assert.equal(c.securityContext?.readOnlyRootFilesystem, true, `${id}: read-only root`);
      assert.deepEqual(c.securityContext?.capabilities?.drop, ["ALL"], `${id}: capabilities`);
    }
    if (w.kind !== "Deployment") assert.equal(pod.restartPolicy, "Never", `${id}: restartPolicy`);
  }
});

Deno.test("k8s: a Deployment reading the ConfigMap carries its checksum, so a change rolls it", () => {
  const readers = deployments.filter((d) => configMapsRead(podTemplate(d)).length > 0);
  assert.deepEqual(readers.map(component).sort(), ["api", "worker"]);
  for (const d of readers) {
    const pod = podTemplate(d);
    const [name, ...more] = configMapsRead(pod);
    assert.equal(more.length, 0, `${d.metadata.name}: one ConfigMap, one checksum`);
    const expected = configChecksum(find(objects, "ConfigMap", name).data);
    assert.equal(
      pod.metadata.annotations?.["checksum/config"],
      expected,
      `${d.metadata.name}: the pod template's checksum/config is not that of ConfigMap ${name}` +
        ` (changed?): set it to ${expected}`,
    );
  }
  // The checksum follows the content: a changed value, a new or a removed key changes it.
  const data = find(objects, "ConfigMap", "whatsapp-reader-config").data!;
  const [first] = Object.keys(data);
  const { [first]: _, ...without } = data;
  const variants = [{ ...data, [first]: `${data[first]}x` }, { ...data, NEW_KEY: "" }, without];
  for (const variant of variants) assert.notEqual(configChecksum(variant), configChecksum(data));
});

Deno.test("k8s: Services select one Deployment and target its named port", () => {
  for (const s of objects.filter((o) => o.kind === "Service")) {
    const matches = deployments.filter((d) =>
      selects(s.spec.selector, podTemplate(d).metadata.labels)
    );
    assert.equal(matches.length, 1, `Service ${s.metadata.name} selects one Deployment`);
    const c = podTemplate(matches[0]).spec.containers[0] as Container;
    for (const port of s.spec.ports) {
      const target = c.ports!.find((p) => p.name === port.targetPort);
      assert.ok(target, `Service ${s.metadata.name}: target port ${port.targetPort} exists`);
      assert.equal(port.port, target.containerPort, `Service ${s.metadata.name}: same port number`);
    }
  }
});

Deno.test("k8s: HPAs and PDBs target existing Deployments; HPA-scaled ones set no replicas", () => {
  const hpas = objects.filter((o) => o.kind === "HorizontalPodAutoscaler");
  for (const h of hpas) {
    const d = find(objects, "Deployment", h.spec.scaleTargetRef.name);
    assert.equal(d.spec.replicas, undefined, `${d.metadata.name}: replicas belong to the HPA`);
    assert.ok(h.spec.minReplicas >= 1 && h.spec.maxReplicas > h.spec.minReplicas);
  }
  assert.deepEqual(hpas.map((h) => h.spec.scaleTargetRef.name).sort(), [
    "whatsapp-reader-api",
    "whatsapp-reader-worker",
  ]);
  for (const d of deployments) {
    const pdbs = objects.filter((o) =>
      o.kind === "PodDisruptionBudget" &&
      selects(o.spec.selector.matchLabels, podTemplate(d).metadata.labels)
    );
    assert.equal(pdbs.length, 1, `${d.metadata.name} has one PodDisruptionBudget`);
  }
});

Deno.test("k8s: the Ingress routes to the api, with TLS, rate limits and the upload limit", () => {
  const ingress = find(objects, "Ingress", "whatsapp-reader");
  const a = ingress.metadata.annotations!;
  const backend = ingress.spec.rules[0].http.paths[0].backend.service;
  const service = find(objects, "Service", backend.name);
  assert.ok(service.spec.ports.some((p: { name: string }) => p.name === backend.port.name));
  assert.deepEqual(ingress.spec.tls[0].hosts, [ingress.spec.rules[0].host]);
  assert.ok(Number(a["nginx.ingress.kubernetes.io/limit-rps"]) > 0, "rate limited");
  assert.equal(a["nginx.ingress.kubernetes.io/proxy-request-buffering"], "off");
  const max = Number(find(objects, "ConfigMap", "whatsapp-reader-config").data!.MAX_UPLOAD_BYTES);
  const body = nginxSize(a["nginx.ingress.kubernetes.io/proxy-body-size"]);
  assert.ok(body >= max + 64 * 1024, `proxy-body-size ${body} lets a ${max}-byte upload through`);
  assert.ok(body <= max + 1024 ** 2, `proxy-body-size ${body} is not far above MAX_UPLOAD_BYTES`);
});

Deno.test("k8s: /metrics is refused at the public entry (Prometheus scrapes the pods)", () => {
  const main = find(objects, "Ingress", "whatsapp-reader");
  const metrics = find(objects, "Ingress", "whatsapp-reader-metrics");
  const [path] = metrics.spec.rules[0].http.paths;
  assert.deepEqual([path.path, path.pathType], ["/metrics", "Exact"]);
  assert.equal(metrics.spec.rules[0].host, main.spec.rules[0].host, "the same public host");
  assert.deepEqual(path.backend, main.spec.rules[0].http.paths[0].backend);
  const a = metrics.metadata.annotations!;
  for (const name of ["whitelist-source-range", "allowlist-source-range"]) {
    assert.equal(a[`nginx.ingress.kubernetes.io/${name}`], "127.0.0.1/32", `${name}: nobody`);
  }
  const prometheus = Deno.readTextFileSync(
    new URL("../../infra/prometheus/prometheus.yml", import.meta.url),
  );
  assert.match(prometheus, /kubernetes_sd_configs:\s*\n\s*- role: pod/, "scraped at the pods");
});

// ---- NetworkPolicies -----------------------------------------------------------------------

const policies = objects.filter((o) => o.kind === "NetworkPolicy");
// deno-lint-ignore no-explicit-any
type Rule = { to?: any[]; from?: any[]; ports?: { protocol: string; port: number }[] };

function policiesFor(labels: Record<string, string>) {
  return policies.filter((p) =>
    Object.keys(p.spec.podSelector.matchLabels ?? {}).length > 0 &&
    selects(p.spec.podSelector.matchLabels, labels)
  );
}

Deno.test("k8s: NetworkPolicies deny by default and cover every workload both ways", () => {
  const deny = policies.filter((p) => Object.keys(p.spec.podSelector).length === 0);
  assert.equal(deny.length, 1, "one default-deny policy");
  assert.deepEqual(deny[0].spec.policyTypes, ["Ingress", "Egress"]);
  assert.equal(deny[0].spec.ingress, undefined);
  assert.equal(deny[0].spec.egress, undefined);
  for (const w of workloads) {
    const covering = policiesFor(podTemplate(w).metadata.labels);
    assert.equal(covering.length, 1, `${w.metadata.name} has its own NetworkPolicy`);
    assert.deepEqual(covering[0].spec.policyTypes, ["Ingress", "Egress"]);
  }
});

function egressOf(name: string): Rule[] {
  const w = workloads.find((o) => component(o) === name)!;
  return policiesFor(podTemplate(w).metadata.labels)[0].spec.egress;
}

function ports(rule: Rule) {
  return (rule.ports ?? []).map((p) => `${p.protocol}/${p.port}`).sort().join(",");
}

Deno.test("k8s: the api may reach only DNS, PostgreSQL, Redis (via the bridge) and the object store", () => {
  for (const name of ["api", "worker"]) {
    const egress = egressOf(name);
    assert.deepEqual(egress.map(ports), ["TCP/53,UDP/53", "TCP/5432", "TCP/8079", "TCP/443"], name);
    const [dns, postgres, redis, store] = egress;
    assert.equal(dns.to![0].podSelector.matchLabels["k8s-app"], "kube-dns");
    assert.ok(postgres.to!.every((t) => t.ipBlock && !t.ipBlock.except), "PostgreSQL by address");
    const bridge = find(objects, "Deployment", "whatsapp-reader-redis-rest");
    assert.ok(selects(redis.to![0].podSelector.matchLabels, podTemplate(bridge).metadata.labels));
    const block = store.to![0].ipBlock;
    assert.equal(block.cidr, "0.0.0.0/0");
    for (const range of ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16"]) {
      assert.ok(block.except.includes(range), `${name}: object-store rule excludes ${range}`);
    }
  }
  assert.deepEqual(egressOf("redis-rest").map(ports), ["TCP/53,UDP/53", "TCP/6379"]);
  assert.deepEqual(egressOf("migrate").map(ports), ["TCP/53,UDP/53", "TCP/5432"]);
  assert.deepEqual(egressOf("backup").map(ports), ["TCP/53,UDP/53", "TCP/5432", "TCP/443"]);
});

Deno.test("k8s: NetworkPolicy ingress matches the ports and callers", () => {
  const ingressOf = (name: string): Rule[] => {
    const w = workloads.find((o) => component(o) === name)!;
    return policiesFor(podTemplate(w).metadata.labels)[0].spec.ingress ?? [];
  };
  for (const name of ["api", "worker", "redis-rest"]) {
    for (const rule of ingressOf(name)) {
      assert.deepEqual(rule.ports!.map((p) => p.port), [PORTS[name]], `${name}: ingress port`);
    }
  }
  const callers = ingressOf("redis-rest")[0].from!.map((f) =>
    f.podSelector.matchLabels["app.kubernetes.io/component"]
  );
  assert.deepEqual(callers.sort(), ["api", "worker"]);
  assert.deepEqual(ingressOf("migrate"), []);
});

Deno.test("k8s: NetworkPolicy address blocks contain the Terraform database and Redis subnets", async () => {
  const vpc = await terraformDefault("vpc_cidr") as string;
  const blocks = (rules: Rule[], port: number) =>
    rules.filter((r) => r.ports?.some((p) => p.port === port)).flatMap((r) =>
      r.to!.map((t) => t.ipBlock.cidr)
    );
  for (
    const [variable, port, name] of [["database_subnets", 5432, "api"], [
      "elasticache_subnets",
      6379,
      "redis-rest",
    ]] as const
  ) {
    const subnets = await terraformDefault(variable) as string[];
    const cidrs = blocks(egressOf(name), port);
    for (const subnet of subnets) {
      assert.ok(
        cidrs.some((c) => cidrContains(c, subnet)),
        `${variable} ${subnet} inside ${cidrs}`,
      );
      assert.ok(cidrContains(vpc, subnet), `${subnet} inside the VPC ${vpc}`);
    }
  }
  assert.ok(cidrContains("10.0.0.0/8", vpc), "the object-store rule's exceptions cover the VPC");
});

Deno.test("k8s: the Secret template is not applied with the directory", () => {
  const top = [...Deno.readDirSync(new URL("../../infra/k8s/", import.meta.url))];
  for (const entry of top.filter((e) => e.isFile)) {
    assert.doesNotMatch(
      readText(`infra/k8s/${entry.name}`),
      /^kind: Secret$/m,
      `${entry.name} holds a Secret`,
    );
  }
});
