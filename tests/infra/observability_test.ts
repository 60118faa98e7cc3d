// Prometheus alerts, scrape config and the Grafana dashboard use only metrics that
// lib/metrics.ts defines, and cover what the brief asks: error rate, p95 latency, queue lag,
// dead letters; request rate and import throughput on the dashboard.
import assert from "node:assert/strict";
import { createMetrics } from "../../lib/metrics.ts";
import { find, k8sObjects, loadYaml, podTemplate, readText, repoPath } from "./_util.ts";

/** Metric names defined in lib/metrics.ts; histograms also expose _bucket, _sum, _count. */
function definedMetrics(): Set<string> {
  const source = readText("lib/metrics.ts");
  const names = new Set<string>();
  for (const m of source.matchAll(/new client\.(\w+)\(\{\s*name: "(app_\w+)"/g)) {
    names.add(m[2]);
    if (m[1] === "Histogram") {
      for (const s of ["_bucket", "_sum", "_count"]) names.add(m[2] + s);
    }
    if (m[1] === "Summary") { for (const s of ["_sum", "_count"]) names.add(m[2] + s); }
  }
  return names;
}

const METRICS = definedMetrics();

function assertKnownMetrics(where: string, expr: string) {
  for (const [name] of expr.matchAll(/\bapp_\w+/g)) {
    assert.ok(METRICS.has(name), `${where}: ${name} is not defined in lib/metrics.ts`);
  }
}

/** Label names of each metric as the code registers them (histogram series add `le`). */
const LABELS = new Map(
  createMetrics().registry.getMetricsAsArray().map((m) => [
    m.name,
    (m as unknown as { labelNames: string[] }).labelNames,
  ]),
);

/** Labels every scraped series carries: Prometheus's own and those prometheus.yml adds. */
function targetLabels(): string[] {
  const config = loadYaml("infra/prometheus/prometheus.yml") as {
    scrape_configs: { relabel_configs: { target_label?: string }[] }[];
  };
  const added = config.scrape_configs.flatMap((j) => j.relabel_configs)
    .flatMap((r) => (r.target_label ? [r.target_label] : []));
  return ["job", "instance", ...added];
}

const TARGET_LABELS = targetLabels();

function labelsOf(series: string): string[] {
  const base = series.replace(/_(bucket|sum|count)$/, "");
  const own = LABELS.get(LABELS.has(series) ? series : base) ?? [];
  return [...own, ...(series.endsWith("_bucket") ? ["le"] : []), ...TARGET_LABELS];
}

/** Selectors and `by (…)`/`without (…)` name only labels the series in the expression have. */
function assertKnownLabels(where: string, expr: string) {
  const inExpr = new Set<string>();
  for (const [, series, selector = ""] of expr.matchAll(/\b(app_\w+)(?:\{([^}]*)\})?/g)) {
    const known = labelsOf(series);
    known.forEach((l) => inExpr.add(l));
    for (const [, label] of selector.matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)) {
      assert.ok(known.includes(label), `${where}: ${series} has no label ${label}`);
    }
  }
  for (const [, list] of expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)) {
    for (const label of list.split(",").map((l) => l.trim()).filter(Boolean)) {
      assert.ok(inExpr.has(label), `${where}: no series of this expression has label ${label}`);
    }
  }
}

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; runbook: string };
}

const alerts = loadYaml("infra/prometheus/alerts.yml") as { groups: { rules: Rule[] }[] };
const rules = alerts.groups.flatMap((g) => g.rules);

Deno.test("observability: lib/metrics.ts defines the metrics the brief names", () => {
  for (
    const name of [
      "app_requests_total",
      "app_request_duration_seconds_bucket",
      "app_import_jobs_total",
      "app_import_messages_total",
      "app_import_job_duration_seconds_bucket",
      "app_queue_length",
      "app_queue_pending",
      "app_queue_dead_letters",
    ]
  ) assert.ok(METRICS.has(name), name);
});

Deno.test("observability: alerts cover error rate, p95 latency, queue lag and dead letters", () => {
  const byExpr = (re: RegExp) => rules.filter((r) => re.test(r.expr));
  assert.ok(byExpr(/app_requests_total\{[^}]*status=~"5\.\."/).length, "an error-rate alert");
  assert.ok(
    byExpr(/histogram_quantile\(0\.95,[\s\S]*app_request_duration_seconds_bucket/).length,
    "p95",
  );
  assert.ok(byExpr(/app_queue_length/).length, "a queue-lag alert");
  assert.ok(byExpr(/app_queue_dead_letters/).length, "a dead-letter alert");
  const docs = readText("docs/operations.md");
  const anchors = [...docs.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1].toLowerCase().replace(/[^\w]+/g, "-")
  );
  for (const rule of rules) {
    assertKnownMetrics(rule.alert, rule.expr);
    assertKnownLabels(rule.alert, rule.expr);
    assert.ok(["page", "warn"].includes(rule.labels.severity), `${rule.alert}: severity`);
    assert.ok(rule.annotations.summary, `${rule.alert}: summary`);
    const anchor = rule.annotations.runbook.split("#")[1];
    assert.ok(anchors.includes(anchor), `${rule.alert}: runbook anchor #${anchor} exists`);
  }
  assert.equal(new Set(rules.map((r) => r.alert)).size, rules.length, "unique alert names");
});

Deno.test("observability: an alert on a count of zero still fires before the first sample", async () => {
  // prom-client exports a labelled counter only once a label set was incremented: after a
  // (re)start a worker that never finishes a job exports no app_import_jobs_total at all, and
  // `sum(increase(…)) == 0` is then empty instead of true.
  const exported = await createMetrics().registry.metrics();
  const absentAtStart = [...METRICS].filter((m) => !new RegExp(`^${m}[{ ]`, "m").test(exported));
  assert.ok(absentAtStart.includes("app_import_jobs_total"), "premise");
  for (const rule of rules.filter((r) => /==\s*0\b/.test(r.expr))) {
    const absent = absentAtStart.filter((m) => new RegExp(`\\b${m}\\b`).test(rule.expr));
    if (absent.length === 0) continue;
    assert.match(rule.expr, /or vector\(0\)/, `${rule.alert}: ${absent} may have no series`);
  }
});

Deno.test("observability: Prometheus scrapes the api and worker ports the Deployments name", () => {
  const config = loadYaml("infra/prometheus/prometheus.yml") as {
    rule_files: string[];
    scrape_configs: {
      metrics_path: string;
      kubernetes_sd_configs: { namespaces: { names: string[] } }[];
      relabel_configs: {
        source_labels?: string[];
        regex?: string;
        action?: string;
        target_label?: string;
      }[];
    }[];
  };
  for (const file of config.rule_files) {
    Deno.statSync(repoPath(`infra/prometheus/${file}`));
  }
  const [job] = config.scrape_configs;
  assert.equal(job.metrics_path, "/metrics");
  const keep = (label: string) =>
    job.relabel_configs.find((r) => r.action === "keep" && r.source_labels?.[0] === label)!.regex!;
  const objects = k8sObjects();
  for (const name of ["api", "worker"]) {
    assert.ok(
      new RegExp(`^(${keep("__meta_kubernetes_pod_label_app_kubernetes_io_component")})$`).test(
        name,
      ),
    );
    const d = find(objects, "Deployment", `whatsapp-reader-${name}`);
    const port = podTemplate(d).spec.containers[0].ports[0].name;
    assert.equal(keep("__meta_kubernetes_pod_container_port_name"), port, `${name}: port name`);
    assert.deepEqual(job.kubernetes_sd_configs[0].namespaces.names, [d.metadata.namespace]);
  }
  // The alerts and the dashboard select by the `component` label this job adds.
  assert.ok(job.relabel_configs.some((r) => r.target_label === "component"));
});

Deno.test("observability: the dashboard charts traffic, latency, errors, imports and queue lag", () => {
  const dashboard = JSON.parse(readText("infra/grafana/dashboard.json")) as {
    uid: string;
    panels: { id: number; type: string; title: string; targets?: { expr: string }[] }[];
    templating: { list: { name: string; type: string }[] };
  };
  assert.ok(dashboard.uid);
  assert.ok(dashboard.templating.list.some((v) => v.type === "datasource"));
  const ids = dashboard.panels.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length, "unique panel ids");
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => [p.title, t.expr]));
  for (const [title, expr] of exprs) {
    assertKnownMetrics(`panel "${title}"`, expr);
    assertKnownLabels(`panel "${title}"`, expr);
  }
  const has = (re: RegExp) => exprs.some(([, e]) => re.test(e));
  assert.ok(has(/rate\(app_requests_total/), "request rate");
  assert.ok(has(/histogram_quantile\(0\.95, .*app_request_duration_seconds_bucket/), "p95 latency");
  assert.ok(has(/status=~"5\.\."/), "error rate");
  assert.ok(has(/rate\(app_import_messages_total/), "import throughput");
  assert.ok(has(/app_queue_length.*-.*app_queue_pending/), "queue lag");
});

function promtool(): string | null {
  for (const bin of [Deno.env.get("PROMTOOL_BIN"), "promtool"].filter(Boolean) as string[]) {
    try {
      if (
        new Deno.Command(bin, { args: ["--version"], stdout: "null", stderr: "null" }).outputSync()
          .success
      ) {
        return bin;
      }
    } catch { /* not installed */ }
  }
  return null;
}

const promtoolBin = promtool();

Deno.test({
  name: "observability: `promtool check rules` (when promtool is installed)",
  ignore: promtoolBin === null,
  fn: async () => {
    const out = await new Deno.Command(promtoolBin!, {
      args: ["check", "rules", repoPath("infra/prometheus/alerts.yml")],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(
      out.success,
      new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr),
    );
  },
});
