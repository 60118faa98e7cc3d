// .github/workflows: CI runs the project's gate (`bash .ci/run`); Deploy builds and pushes
// both images, migrates with the Job of infra/k8s, then `kubectl set image` + `kubectl rollout
// status` on exactly the Deployments (and containers) infra/k8s defines.
import assert from "node:assert/strict";
import { type Container, exists, find, k8sObjects, loadYaml, podTemplate } from "./_util.ts";

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, string | boolean>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; needs?: string; container?: string }>;
}

const ci = loadYaml(".github/workflows/ci.yml") as Workflow;
const deploy = loadYaml(".github/workflows/deploy.yml") as Workflow;
const runs = (w: Workflow) =>
  Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? "")).join("\n");
const objects = k8sObjects();

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

Deno.test("workflows: Deploy migrates first, with the Job of infra/k8s", () => {
  const script = runs(deploy);
  const job = objects.find((o) => o.kind === "Job")!;
  const container = podTemplate(job).spec.containers[0] as Container;
  const file = /-f (infra\/k8s\/[\w.-]+\.yaml) migrate=/.exec(script)?.[1];
  assert.ok(file && exists(file), "the migration Job's manifest is applied");
  assert.match(script, new RegExp(`delete job ${job.metadata.name} `));
  assert.match(script, new RegExp(`-f ${file} ${container.name}="\\$IMAGE"`));
  // It waits until the Job completes or fails, whichever comes first (not a timeout's length).
  assert.match(script, new RegExp(`get job/${job.metadata.name} \\\\?\\s*-o jsonpath=`));
  assert.match(script, /\*" Complete "\* \| \*" Failed "\*\) break/);
  assert.ok(script.includes(`[[ " $state" != *" Complete "* ]]`), "only Complete goes on");
  const [, tries, pause] = /for _ in \$\(seq (\d+)\); do[^]*?sleep (\d+)/.exec(script)!;
  assert.ok(job.spec.activeDeadlineSeconds <= Number(tries) * Number(pause), "outlasts the Job");
  assert.ok(script.indexOf(job.metadata.name) < script.indexOf("set image deployment/"));
});

Deno.test("workflows: Deploy sets the image of every Deployment and waits for each rollout", () => {
  const script = runs(deploy);
  const deployments = objects.filter((o) => o.kind === "Deployment");
  const loop = /for deployment in ([\w\s-]+); do/.exec(script)?.[1].trim().split(/\s+/) ?? [];
  for (const d of deployments) {
    const containers = podTemplate(d).spec.containers as Container[];
    for (const c of containers) {
      assert.match(
        script,
        new RegExp(`set image deployment/${d.metadata.name} ${c.name}="\\$IMAGE"`),
      );
    }
    assert.ok(loop.includes(d.metadata.name), `rollout status waits for ${d.metadata.name}`);
  }
  assert.equal(loop.length, deployments.length);
  assert.match(script, /rollout status "deployment\/\$deployment"/);
  assert.match(script, /rollout undo "deployment\/\$deployment"/);
  const cron = objects.find((o) => o.kind === "CronJob")!;
  const backup = podTemplate(cron).spec.containers[0] as Container;
  assert.match(
    script,
    new RegExp(`set image cronjob/${cron.metadata.name} ${backup.name}="\\$BACKUP_IMAGE"`),
  );
});
