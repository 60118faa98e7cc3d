// docker-compose.yml passes dclint, starts services in dependency order on health checks,
// runs the deno.json tasks, and nginx fronts the api with the upload limit of MAX_UPLOAD_BYTES.
import assert from "node:assert/strict";
import { DCLinter } from "dclint";
import {
  APP_ROUTES,
  BRIDGE_ROUTES,
  loadYaml,
  matchTask,
  nginxSize,
  PORTS,
  readText,
  repoPath,
} from "./_util.ts";

interface Service {
  image?: string;
  build?: { context: string; target: string };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
  restart?: string;
  read_only?: boolean;
  cap_drop?: string[];
  pull_policy?: string;
  environment?: Record<string, string>;
}

const compose = loadYaml("docker-compose.yml") as { services: Record<string, Service> };
const services = compose.services;
const APP_SERVICES: Record<string, string> = {
  api: "start",
  worker: "worker",
  migrate: "migrate",
  "redis-rest": "redis-rest",
};

Deno.test("compose: dclint finds no problem", () => {
  // deno fmt writes YAML strings with double quotes; dclint's default asks for single ones.
  const linter = new DCLinter({
    rules: { "require-quotes-in-ports": [2, { quoteType: "double" }] },
    quiet: false,
    debug: false,
    exclude: [],
  });
  const [result] = linter.lintFiles([repoPath("docker-compose.yml")], false);
  const problems = result.messages.map((m) => `${m.line}: ${m.rule}: ${m.message}`);
  assert.deepEqual(problems, []);
});

Deno.test("compose: the reader's services are all there", () => {
  assert.deepEqual(Object.keys(services).sort(), [
    "api",
    "migrate",
    "minio",
    "minio-init",
    "nginx",
    "postgres",
    "redis",
    "redis-rest",
    "worker",
  ]);
});

Deno.test("compose: app services build the one image and run the deno.json tasks", () => {
  for (const [name, task] of Object.entries(APP_SERVICES)) {
    const s = services[name];
    assert.equal(s.image, "whatsapp-reader:local", `${name}: image`);
    assert.deepEqual(s.build, { context: ".", target: "app" }, `${name}: build`);
    assert.equal(s.pull_policy, "build", `${name}: never pulled`);
    assert.equal(matchTask(s.command!), task, `${name}: command`);
    assert.equal(s.read_only, true, `${name}: read-only root filesystem`);
    assert.deepEqual(s.cap_drop, ["ALL"], `${name}: no capabilities`);
  }
});

Deno.test("compose: start order waits on health checks and one-shot jobs", () => {
  for (const [name, s] of Object.entries(services)) {
    for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
      assert.ok(services[dep], `${name} depends on unknown ${dep}`);
      if (condition === "service_healthy") {
        assert.ok(
          services[dep].healthcheck,
          `${name} waits for ${dep} to be healthy: it needs a check`,
        );
      } else {
        assert.equal(condition, "service_completed_successfully", `${name} → ${dep}: a condition`);
        assert.equal(services[dep].restart, "no", `${dep} is a one-shot job`);
      }
    }
  }
  const deps = (name: string) =>
    Object.entries(services[name].depends_on ?? {}).map(([d, c]) => `${d}:${c.condition}`);
  for (const app of ["api", "worker"]) {
    assert.deepEqual(deps(app), [
      "migrate:service_completed_successfully",
      "minio-init:service_completed_successfully",
      "postgres:service_healthy",
      "redis-rest:service_healthy",
    ]);
  }
  assert.deepEqual(deps("migrate"), ["postgres:service_healthy"]);
  assert.deepEqual(deps("redis-rest"), ["redis:service_healthy"]);
  assert.deepEqual(deps("minio-init"), ["minio:service_healthy"]);
  assert.deepEqual(deps("nginx"), ["api:service_healthy"]);
});

Deno.test("compose: long-running services have health checks on the code's ports and routes", () => {
  for (const [name, s] of Object.entries(services)) {
    if (s.restart === "no") continue;
    assert.ok(s.healthcheck?.test?.length, `${name}: healthcheck`);
  }
  for (const name of ["api", "worker", "redis-rest"]) {
    const script = services[name].healthcheck!.test.join(" ");
    const url = /http:\/\/127\.0\.0\.1:(\d+)(\/[\w/]*)/.exec(script);
    assert.ok(url, `${name}: the health check fetches a local URL`);
    assert.equal(Number(url[1]), PORTS[name], `${name}: health check port`);
    assert.ok(
      (name === "redis-rest" ? BRIDGE_ROUTES : APP_ROUTES).includes(url[2]),
      `${name}: route`,
    );
  }
});

Deno.test("compose: only nginx and MinIO publish ports, on loopback; images are pinned", () => {
  for (const [name, s] of Object.entries(services)) {
    if (name !== "nginx" && name !== "minio") assert.equal(s.ports, undefined, `${name}: no port`);
    if (s.image && s.image !== "whatsapp-reader:local") {
      const tag = s.image.split(":").at(-1)!;
      assert.ok(
        s.image.includes(":") && !["latest", "main"].includes(tag),
        `${name}: pinned image`,
      );
    }
  }
  assert.deepEqual(services.nginx.ports, ["127.0.0.1:8080:80"]);
  // Browsers PUT direct uploads to the presigned S3_PUBLIC_ENDPOINT.
  assert.deepEqual(services.minio.ports, ["127.0.0.1:9000:9000"]);
  assert.equal(services.api.environment!.S3_PUBLIC_ENDPOINT, "http://localhost:9000");
});

// ---- nginx ---------------------------------------------------------------------------------

const nginx = readText("infra/nginx/nginx.conf");

function directive(name: string): string[] {
  return [...nginx.matchAll(new RegExp(`^\\s*${name}\\s+([^;{\\n]+);`, "gm"))].map((m) =>
    m[1].trim()
  );
}

Deno.test("nginx: proxies to the api service with the upload limit of MAX_UPLOAD_BYTES", () => {
  assert.ok(services.nginx.volumes!.includes("./infra/nginx/nginx.conf:/etc/nginx/nginx.conf:ro"));
  assert.deepEqual(directive("server"), [`api:${PORTS.api}`], "upstream is the api service");
  assert.deepEqual(directive("proxy_pass"), ["http://api", "http://api"]);
  const max = Number(services.api.environment!.MAX_UPLOAD_BYTES);
  const [size] = directive("client_max_body_size");
  const body = nginxSize(size);
  assert.ok(body >= max + 64 * 1024, `client_max_body_size ${body} admits a ${max}-byte upload`);
  assert.ok(body <= max + 1024 ** 2, `client_max_body_size ${body} is not far above ${max}`);
  assert.deepEqual(directive("proxy_request_buffering"), ["off"], "uploads are streamed");
  assert.deepEqual(directive("proxy_buffering"), ["off"]);
});

Deno.test("nginx: /metrics is not proxied (404 on both servers)", () => {
  const blocks = [...nginx.matchAll(/location = \/metrics \{([^}]*)\}/g)].map((m) => m[1].trim());
  assert.deepEqual(blocks, ["return 404;", "return 404;"]);
});

Deno.test("nginx: a TLS server block is ready and the Host header keeps its port", () => {
  assert.ok(directive("listen").some((l) => /^443 ssl\b/.test(l)), "listen 443 ssl");
  assert.deepEqual(directive("ssl_certificate"), ["$tls_certificate"]);
  assert.deepEqual(directive("ssl_certificate_key"), ["$tls_certificate_key"]);
  assert.ok(services.nginx.volumes!.some((v) => v.endsWith(":/etc/nginx/certs:ro")));
  assert.ok(directive("proxy_set_header").includes("Host $forwarded_host"));
  assert.match(nginx, /map \$http_host \$forwarded_host/);
});

function nginxBinary(): string | null {
  for (
    const bin of [Deno.env.get("NGINX_BIN"), "nginx", "/usr/sbin/nginx"].filter(Boolean) as string[]
  ) {
    try {
      if (new Deno.Command(bin, { args: ["-v"], stderr: "null" }).outputSync().success) return bin;
    } catch { /* not installed */ }
  }
  return null;
}

const nginxBin = nginxBinary();

Deno.test({
  name: "nginx: `nginx -t` accepts the configuration (when nginx is installed)",
  ignore: nginxBin === null,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "wr-nginx-" });
    try {
      // The compose host name `api` does not resolve here; older nginx lacks `http2 on`.
      const conf = nginx
        .replace(`server api:${PORTS.api};`, `server 127.0.0.1:${PORTS.api};`)
        .replace("pid /tmp/nginx.pid;", `pid ${dir}/nginx.pid;`)
        .replace("include /etc/nginx/mime.types;", `include ${dir}/mime.types;`)
        .replace(
          "http {",
          `http {\n${
            ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) =>
              `  ${t}_temp_path ${dir}/${t};`
            ).join("\n")
          }`,
        );
      await Deno.writeTextFile(`${dir}/mime.types`, "types {\n  text/html html;\n}\n");
      for (const temp of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
        await Deno.mkdir(`${dir}/${temp}`);
      }
      const test = async (text: string) => {
        await Deno.writeTextFile(`${dir}/nginx.conf`, text);
        const out = await new Deno.Command(nginxBin!, {
          args: ["-t", "-p", dir, "-c", `${dir}/nginx.conf`],
          stdout: "piped",
          stderr: "piped",
        }).output();
        return { ok: out.success, log: new TextDecoder().decode(out.stderr) };
      };
      let result = await test(conf);
      if (/unknown directive "http2"/.test(result.log)) {
        // nginx < 1.25 (the image runs 1.28): the older spelling of the same setting.
        result = await test(
          conf.replace(/^\s*http2 on;\n/m, "").replaceAll(
            "443 ssl default_server",
            "443 ssl http2 default_server",
          ),
        );
      }
      assert.ok(result.ok, result.log);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
