// The Dockerfile: dependencies cached in their own layer, non-root, the app target last (the
// default), CMD = the web task, HEALTHCHECK on the web port's /health, EXPOSE of every port,
// the Deno version of the tests, the PostgreSQL major of compose and Terraform; and
// .dockerignore keeps the sources the image needs.
import assert from "node:assert/strict";
import {
  APP_ROUTES,
  exists,
  loadYaml,
  matchTask,
  PORTS,
  readText,
  terraformDefault,
} from "./_util.ts";

interface Instruction {
  op: string;
  args: string;
}

interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions (continuation lines joined, comments dropped) grouped by stage. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim());
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    if (!line || line.startsWith("#")) continue;
    const [, op, rest] = /^(\w+)\s+(.*)$/.exec(line)!;
    const upper = op.toUpperCase();
    if (upper === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest)!;
      stages.push({ from: m[1], name: m[2], instructions: [] });
    } else if (upper === "ARG" && stages.length === 0) {
      const [k, v] = rest.split("=");
      args[k] = v;
    } else stages.at(-1)!.instructions.push({ op: upper, args: rest.replace(/\s+/g, " ") });
  }
  return { args, stages };
}

const { args, stages } = parseDockerfile(readText("Dockerfile"));
const stage = (name: string) => stages.find((s) => s.name === name)!;
const expand = (s: string) => s.replace(/\$\{(\w+)\}/g, (_, k) => args[k]);
const ops = (s: Stage, op: string) => s.instructions.filter((i) => i.op === op).map((i) => i.args);

Deno.test("docker: Deno is the version the tests run on, from the official image", () => {
  assert.equal(args.DENO_VERSION, Deno.version.deno, "Dockerfile DENO_VERSION");
  assert.equal(expand(stages[0].from), `denoland/deno:bin-${Deno.version.deno}`);
  for (const name of ["build", "app"]) {
    assert.match(expand(stage(name).from), /^debian:[\w.]+-slim$/, `${name}: a Debian slim base`);
    assert.ok(ops(stage(name), "COPY").includes("--from=deno /deno /usr/local/bin/deno"));
  }
});

Deno.test("docker: dependencies are cached in a layer of their own, before the sources", () => {
  const build = stage("build").instructions.map((i) => `${i.op} ${i.args}`);
  const lock = build.indexOf("COPY deno.json deno.lock ./");
  const install = build.indexOf("RUN deno install --frozen");
  const sources = build.indexOf("COPY . .");
  assert.ok(
    lock >= 0 && lock < install && install < sources,
    "COPY deno.json deno.lock → install → COPY .",
  );
  const entry = build.find((l) => l.includes("--entrypoint"))!;
  const entries = entry.split("--entrypoint")[1].trim().split(" ");
  assert.deepEqual(entries, [
    "main.ts",
    "worker/main.ts",
    "lib/db/migrate_cli.ts",
    "infra/redis_rest/main.ts",
  ]);
  for (const file of entries) assert.ok(exists(file), `${file} exists`);
});

Deno.test("docker: the app target is the default, non-root, with the web task as CMD", () => {
  assert.equal(stages.at(-1)!.name, "app", "the last stage (default target) is the app");
  const app = stage("app");
  assert.deepEqual(ops(app, "USER"), ["10001:10001"]);
  assert.deepEqual(ops(app, "ARG"), ['BUILD_ID=""'], "BUILD_ID is a build argument of the app");
  assert.ok(ops(app, "ENV").some((e) => e.includes("BUILD_ID=${BUILD_ID}")));
  assert.deepEqual(
    ops(app, "EXPOSE")[0].split(" ").map(Number).sort(),
    Object.values(PORTS).sort(),
  );
  const cmd = JSON.parse(ops(app, "CMD")[0]) as string[];
  assert.equal(matchTask(cmd), "start");
  assert.ok(cmd.includes("--cached-only"));
});

Deno.test("docker: the health check fetches /health on the web port", () => {
  const [healthcheck] = ops(stage("app"), "HEALTHCHECK");
  assert.ok(healthcheck, "HEALTHCHECK is set");
  const cmd = JSON.parse(healthcheck.slice(healthcheck.indexOf("CMD ") + 4)) as string[];
  assert.deepEqual(cmd.slice(0, 2), ["deno", "eval"]);
  const script = cmd[2];
  assert.match(script, /Deno\.env\.get\('PORT'\) \|\| 8000/, "PORT, default 8000");
  assert.equal(PORTS.api, 8000);
  const path = /\}(\/\w+)`/.exec(script)?.[1];
  assert.ok(path && APP_ROUTES.includes(path) && path === "/health", `health route ${path}`);
  assert.match(script, /Deno\.exit\(r\.ok \? 0 : 1\)/);
  assert.match(healthcheck, /--timeout=\d+s/);
});

Deno.test("docker: the backup target has pg_dump of the PostgreSQL major of compose and RDS", async () => {
  const backup = stage("backup");
  assert.equal(expand(backup.from), `postgres:${args.PG_MAJOR}-bookworm`);
  const copies = ops(backup, "COPY").join(" ");
  for (const script of ["infra/backup/backup.sh", "infra/backup/restore.sh"]) {
    assert.ok(copies.includes(script) && exists(script), script);
  }
  assert.deepEqual(ops(backup, "USER"), ["postgres"]);
  assert.match(ops(backup, "RUN").join(" "), /apt-get install .*awscli/);
  const compose = loadYaml("docker-compose.yml") as { services: { postgres: { image: string } } };
  assert.match(compose.services.postgres.image, new RegExp(`^postgres:${args.PG_MAJOR}-`));
  assert.equal(await terraformDefault("db_engine_version"), args.PG_MAJOR);
});

// ---- .dockerignore -------------------------------------------------------------------------

/** Docker's matching: patterns in order, the last match wins, `!` re-includes. */
function dockerIgnored(patterns: string[], path: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negate = raw.startsWith("!");
    const pattern = (negate ? raw.slice(1) : raw).replace(/^\/|\/$/g, "");
    // `**/` = any directories, `**` = anything, `*` and `?` stay within one path segment.
    const body = pattern.split(/(\*\*\/|\*\*|\*|\?)/).map((part) => {
      if (part === "**/") return "(?:.*/)?";
      if (part === "**") return ".*";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }).join("");
    // A pattern matching a directory excludes everything below it.
    if (new RegExp(`^${body}(?:/.*)?$`).test(path)) ignored = !negate;
  }
  return ignored;
}

Deno.test("docker: .dockerignore keeps the sources and drops secrets, tests and node_modules", () => {
  const patterns = readText(".dockerignore").split("\n").map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  for (
    const kept of [
      "deno.json",
      "deno.lock",
      "main.ts",
      "worker/main.ts",
      "lib/db/migrate_cli.ts",
      "lib/config.ts",
      "routes/app.ts",
      "static/app.css",
      "infra/redis_rest/main.ts",
      "infra/redis_rest/config.ts",
      "infra/backup/backup.sh",
      "infra/backup/restore.sh",
    ]
  ) {
    assert.ok(!dockerIgnored(patterns, kept), `${kept} reaches the build`);
  }
  for (
    const dropped of [
      ".git/HEAD",
      "node_modules/hono/package.json",
      ".env",
      "infra/k8s/10-config.yaml",
      "infra/terraform/rds.tf",
      "tests/infra/env_test.ts",
      "lib/config_test.ts",
      "infra/redis_rest/bridge_test.ts",
      "data/blobs/x",
    ]
  ) {
    assert.ok(dockerIgnored(patterns, dropped), `${dropped} stays out of the image`);
  }
});
