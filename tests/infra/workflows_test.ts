// .github/workflows: CI runs the project's gate (`bash .ci/run`); Deploy builds and pushes
// both images, applies the configuration of infra/k8s, migrates with the Job of infra/k8s,
// then applies the workloads of infra/k8s with the new images and waits for each rollout
// (`kubectl rollout status`, undone when it fails).
import assert from "node:assert/strict";
import {
  type Container,
  exists,
  find,
  type K8sObject,
  k8sObjects,
  loadYaml,
  parseYamlDocs,
  podTemplate,
  readText,
  repoPath,
  WORKLOAD_KINDS,
} from "./_util.ts";

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  shell?: string;
  with?: Record<string, string | boolean>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<
    string,
    {
      steps: Step[];
      needs?: string;
      if?: string;
      container?: string;
      defaults?: { run?: { shell?: string } };
    }
  >;
}

const ci = loadYaml(".github/workflows/ci.yml") as Workflow;
const deploy = loadYaml(".github/workflows/deploy.yml") as Workflow;
/** A step's script with its line continuations joined. */
const script = (s: Step) => (s.run ?? "").replace(/\s*\\\n\s*/g, " ");
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.map(script)).join("\n");
const objects = k8sObjects();

/** infra/k8s/*.yaml (what `kubectl apply -f infra/k8s/` takes): file → its objects. */
const manifestFiles = new Map(
  [...Deno.readDirSync(repoPath("infra/k8s"))]
    .filter((e) => e.isFile && e.name.endsWith(".yaml"))
    .map((e) => `infra/k8s/${e.name}`)
    .sort()
    .map((f) => [f, parseYamlDocs(readText(f), f) as K8sObject[]]),
);

const deploySteps = deploy.jobs.deploy.steps;
/** Index of the deploy job's step whose script matches. */
function stepIndex(pattern: RegExp): number {
  const i = deploySteps.findIndex((s) => pattern.test(script(s)));
  assert.ok(i >= 0, `no deploy step matches ${pattern}`);
  return i;
}

/** `kubectl apply -f A -f B…` of manifest files (not through `set image`): step index → files. */
function plainApplies(): Map<number, string[]> {
  const out = new Map<number, string[]>();
  deploySteps.forEach((s, i) => {
    for (const m of script(s).matchAll(/kubectl apply((?: -f \S+)+)/g)) {
      const files = [...m[1].matchAll(/-f (\S+)/g)].map((f) => f[1]).filter((f) => f !== "-");
      if (files.length) out.set(i, [...(out.get(i) ?? []), ...files]);
    }
  });
  return out;
}

/** `kubectl set image --local -o yaml -f FILE c=IMG… | kubectl apply -f -`: file → its step and images. */
function imageApplies(): Map<string, { step: number; images: Record<string, string> }> {
  const out = new Map<string, { step: number; images: Record<string, string> }>();
  deploySteps.forEach((s, i) => {
    const pattern =
      /kubectl set image --local -o yaml -f (\S+)((?: [\w-]+="\$\w+")+) \| kubectl apply -f -/g;
    for (const m of script(s).matchAll(pattern)) {
      const images = Object.fromEntries(
        [...m[2].matchAll(/([\w-]+)="(\$\w+)"/g)].map((p) => [p[1], p[2]]),
      );
      out.set(m[1], { step: i, images });
    }
  });
  return out;
}

Deno.test("workflows: CI runs .ci/run on pushes and pull requests", () => {
  assert.ok("push" in ci.on && "pull_request" in ci.on);
  assert.match(runs(ci), /^bash \.ci\/run$/m);
  assert.ok(exists(".ci/run"));
  const steps = ci.jobs.image.steps.filter((s) => s.uses?.startsWith("docker/build-push-action"));
  assert.deepEqual(steps.map((s) => s.with!.target).sort(), ["app", "backup"], "both images build");
  assert.ok(steps.every((s) => s.with!.push === false), "CI never pushes");
});

Deno.test("workflows: Deploy follows a green CI and pushes both images", () => {
  const trigger = deploy.on.workflow_run as { workflows: string[]; branches: string[] };
  assert.deepEqual(trigger.workflows, [ci.name], "runs after CI");
  assert.deepEqual(trigger.branches, ["main"]);
  const builds = deploy.jobs.build.steps.filter((s) =>
    s.uses?.startsWith("docker/build-push-action")
  );
  assert.deepEqual(builds.map((s) => s.with!.target).sort(), ["app", "backup"]);
  assert.ok(builds.every((s) => s.with!.push === true));
  const app = builds.find((s) => s.with!.target === "app")!;
  assert.match(String(app.with!["build-args"]), /^BUILD_ID=\$\{\{ steps\.refs\.outputs\.tag \}\}$/);
  assert.ok(deploy.jobs.build.steps.some((s) => s.uses?.startsWith("docker/login-action")));
  assert.equal(deploy.jobs.deploy.needs, "build");
  // The image names are those of the manifests.
  const apiDeployment = find(objects, "Deployment", "whatsapp-reader-api");
  const api = podTemplate(apiDeployment).spec.containers[0] as Container;
  const repo = api.image.split(":")[0].split("/").at(-1);
  const env = (deploy as unknown as { env: Record<string, string> }).env;
  assert.equal(env.IMAGE_NAME, repo);
  assert.equal(env.BACKUP_IMAGE_NAME, `${repo}-backup`);
  assert.equal(env.NAMESPACE, apiDeployment.metadata.namespace);
});

/**
 * Evaluates a job's `if:` as GitHub does for the little of its expression language a deploy
 * guard uses: `||`, `&&`, `==`, `!=`, parentheses, 'strings' and context paths (`a.b.c`, from
 * `context`; missing: null).
 */
function evaluateIf(expression: string, context: Record<string, unknown>): unknown {
  const tokens = expression.match(/'[^']*'|\|\||&&|==|!=|[()]|[\w.-]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const value = (): unknown => {
    const t = tokens[at++];
    if (t === "(") {
      const v = or();
      assert.equal(tokens[at++], ")", expression);
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1);
    if (t === "true" || t === "false") return t === "true";
    return t.split(".").reduce<unknown>(
      (o, key) => (o as Record<string, unknown> | null)?.[key] ?? null,
      context,
    );
  };
  const compare = (): unknown => {
    const left = value();
    if (peek() !== "==" && peek() !== "!=") return left;
    const op = tokens[at++], right = value();
    return op === "==" ? left === right : left !== right;
  };
  const and = (): unknown => {
    let v = compare();
    while (peek() === "&&") {
      at++;
      const right = compare();
      v = v ? right : v;
    }
    return v;
  };
  const or = (): unknown => {
    let v = and();
    while (peek() === "||") {
      at++;
      const right = and();
      v = v || right;
    }
    return v;
  };
  const result = or();
  assert.equal(at, tokens.length, `unparsed: ${tokens.slice(at).join(" ")}`);
  return result;
}

Deno.test("workflows: Deploy ships main of this repository only, never a pull request's commit", () => {
  const guard = deploy.jobs.build.if;
  assert.ok(guard, "the build job (which the deploy job needs) has an `if:`");
  const repository = "owner/whatsapp-reader";
  const ciRun = (run: Record<string, unknown>) =>
    Boolean(evaluateIf(guard, {
      github: {
        event_name: "workflow_run",
        repository,
        ref: "refs/heads/main",
        event: {
          workflow_run: {
            conclusion: "success",
            event: "push",
            head_branch: "main",
            head_repository: { full_name: repository },
            ...run,
          },
        },
      },
    }));
  assert.equal(ciRun({}), true, "a green CI of a push to main deploys");
  assert.equal(ciRun({ conclusion: "failure" }), false, "a red CI does not");
  // `branches: [main]` lets these through (the head branch is called main): the guard must not.
  assert.equal(
    ciRun({ event: "pull_request", head_repository: { full_name: "mallory/whatsapp-reader" } }),
    false,
    "a fork's pull request from its branch called main",
  );
  assert.equal(ciRun({ event: "pull_request" }), false, "any pull request");
  assert.equal(
    ciRun({ head_repository: { full_name: "mallory/whatsapp-reader" } }),
    false,
    "a push elsewhere",
  );
  assert.equal(ciRun({ head_branch: "feature" }), false);
  const byHand = (ref: string) =>
    Boolean(evaluateIf(guard, { github: { event_name: "workflow_dispatch", repository, ref } }));
  assert.equal(byHand("refs/heads/main"), true, "run by hand on main");
  assert.equal(byHand("refs/heads/feature"), false, "run by hand on another branch");
});

Deno.test("workflows: Deploy runs its steps with pipefail (a failed `set image` stops it)", () => {
  // GitHub runs `shell: bash` as `bash --noprofile --norc -eo pipefail`; its default has no
  // pipefail, and `kubectl set image … | kubectl apply -f -` would go on after a failure.
  assert.equal(deploy.jobs.deploy.defaults?.run?.shell, "bash");
  for (const step of deploySteps) {
    assert.ok(step.shell === undefined || step.shell === "bash", `${step.name}: shell`);
  }
});

Deno.test("workflows: Deploy applies the configuration of infra/k8s before the migration", () => {
  const applies = plainApplies();
  assert.equal(applies.size, 1, "one step applies the configuration");
  const [[configStep, configFiles]] = [...applies];
  const workloadFiles = [...imageApplies().keys()];
  for (const file of [...configFiles, ...workloadFiles]) {
    assert.ok(manifestFiles.has(file), `${file} is a manifest of infra/k8s/ (not example/)`);
  }
  // Every manifest is applied by one of the two, but the Namespace (cluster-scoped: ops).
  for (const [file, objs] of manifestFiles) {
    const kinds = objs.map((o) => o.kind);
    const how = [configFiles.includes(file), workloadFiles.includes(file)].filter(Boolean);
    if (kinds.every((k) => k === "Namespace")) {
      assert.equal(how.length, 0, `${file}: the Namespace is applied by hand`);
      continue;
    }
    assert.equal(how.length, 1, `${file} is applied by the deploy, once`);
    const workloads = kinds.filter((k) => WORKLOAD_KINDS.includes(k));
    if (configFiles.includes(file)) {
      assert.deepEqual(workloads, [], `${file}: workloads take the new image, after migrating`);
      assert.ok(!kinds.includes("Secret") && !kinds.includes("Namespace"), file);
    }
  }
  const configMaps = [...manifestFiles].filter(([, objs]) =>
    objs.some((o) => o.kind === "ConfigMap")
  );
  assert.ok(configMaps.length > 0);
  for (const [file] of configMaps) assert.ok(configFiles.includes(file), `${file} is applied`);
  // Before the migration (it reads the ConfigMap) and so before the workloads.
  const migrate = stepIndex(/delete job whatsapp-reader-migrate /);
  assert.ok(configStep < migrate, "the configuration is applied before the migration");
  for (const [file, { step }] of imageApplies()) {
    if (file.includes("migrate")) continue;
    assert.ok(migrate < step, `${file} is applied after the migration`);
  }
  // Secrets never come from the repository.
  assert.doesNotMatch(runs(deploy), /example\/|secrets\.ya?ml|create secret/);
});

Deno.test("workflows: Deploy refuses to apply the example's placeholders", () => {
  const guard = stepIndex(/grep -nE '[^']+' infra\/k8s\/\*\.yaml/);
  const [configStep] = plainApplies().keys();
  assert.ok(guard < configStep, "the placeholders are refused before anything is applied");
  const pattern = script(deploySteps[guard]).match(/grep -nE '([^']+)'/)![1];
  assert.match(script(deploySteps[guard]), /then[\s\S]*exit 1/);
  const found = new RegExp(pattern, "m");
  // The example's account, buckets and host: each file holding one would be refused as it is.
  const placeholders = [...manifestFiles.keys()].filter((f) =>
    readText(f).split("\n").some((line) =>
      !line.trimStart().startsWith("#") && /123456789012|example\.com/.test(line)
    )
  );
  assert.ok(placeholders.length >= 4, `placeholders in ${placeholders}`);
  for (const file of placeholders) assert.match(readText(file), found, file);
  // Images of the example (ghcr.io/example/…) are replaced by the deploy: not refused.
  assert.doesNotMatch("          image: ghcr.io/example/whatsapp-reader:0.1.0", found);
  assert.doesNotMatch("  # reader.example.com in a comment", found);
});

Deno.test("workflows: Deploy migrates first, with the Job of infra/k8s", () => {
  const job = objects.find((o) => o.kind === "Job")!;
  const container = podTemplate(job).spec.containers[0] as Container;
  const migrateStep = stepIndex(new RegExp(`delete job ${job.metadata.name} `));
  const text = script(deploySteps[migrateStep]);
  const [file, applied] = [...imageApplies()].find(([, a]) => a.step === migrateStep)!;
  assert.ok(exists(file), "the migration Job's manifest is applied");
  assert.ok(manifestFiles.get(file)!.some((o) => o.kind === "Job"), `${file} holds the Job`);
  assert.deepEqual(applied.images, { [container.name]: "$IMAGE" });
  // It waits until the Job completes or fails, whichever comes first (not a timeout's length).
  assert.match(text, new RegExp(`get job/${job.metadata.name} -o jsonpath=`));
  assert.match(text, /\*" Complete "\* \| \*" Failed "\*\) break/);
  assert.ok(text.includes(`[[ " $state" != *" Complete "* ]]`), "only Complete goes on");
  const [, tries, pause] = /for _ in \$\(seq (\d+)\); do[^]*?sleep (\d+)/.exec(text)!;
  assert.ok(job.spec.activeDeadlineSeconds <= Number(tries) * Number(pause), "outlasts the Job");
});

Deno.test("workflows: Deploy applies every workload with its new image and waits for each rollout", () => {
  const applied = imageApplies();
  const rollout = stepIndex(/rollout status/);
  for (const w of objects.filter((o) => WORKLOAD_KINDS.includes(o.kind))) {
    const [file] = [...manifestFiles].find(([, objs]) =>
      objs.some((o) => o.kind === w.kind && o.metadata.name === w.metadata.name)
    )!;
    const entry = applied.get(file);
    assert.ok(entry, `${w.kind}/${w.metadata.name} (${file}) is applied with its new image`);
    // `set image --local` prints only the objects it changed, and fails on any other kind.
    assert.deepEqual(
      manifestFiles.get(file)!.map((o) => o.kind),
      [w.kind],
      `${file}: one workload`,
    );
    const expected = w.metadata.labels?.["app.kubernetes.io/component"] === "backup"
      ? "$BACKUP_IMAGE"
      : "$IMAGE";
    const containers = podTemplate(w).spec.containers as Container[];
    assert.deepEqual(
      entry.images,
      Object.fromEntries(containers.map((c) => [c.name, expected])),
      `${file}: every container gets ${expected}`,
    );
    if (w.kind !== "Job") assert.equal(entry.step, rollout, `${file} is applied by the roll-out`);
  }
  const text = script(deploySteps[rollout]);
  const deployments = objects.filter((o) => o.kind === "Deployment");
  const loop = /for deployment in ([\w\s-]+); do/.exec(text)?.[1].trim().split(/\s+/) ?? [];
  for (const d of deployments) {
    assert.ok(loop.includes(d.metadata.name), `rollout status waits for ${d.metadata.name}`);
  }
  assert.equal(loop.length, deployments.length);
  assert.match(text, /rollout status "deployment\/\$deployment"/);
  assert.match(text, /rollout undo "deployment\/\$deployment"/);
  // The rollout waits come after every workload is applied.
  const lastApply = Math.max(...[...text.matchAll(/kubectl apply -f -/g)].map((m) => m.index!));
  assert.ok(lastApply < text.indexOf("rollout status"));
});
