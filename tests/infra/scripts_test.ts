// infra/backup/*.sh: `bash -n`, shellcheck (when installed), the CronJob provides what
// backup.sh requires, and a real round trip against PostgreSQL with a stand-in `aws` that
// keeps "S3" in a directory: backup → list → restore into an empty database → refusal of a
// non-empty one → a failed backup leaves nothing behind.
import assert from "node:assert/strict";
import { reachable, requireInCi } from "../helpers/services.ts";
import {
  type Container,
  containerEnv,
  find,
  type Hcl,
  k8sObjects,
  podTemplate,
  readText,
  repoPath,
  terraformFiles,
} from "./_util.ts";

const SCRIPTS = ["infra/backup/backup.sh", "infra/backup/restore.sh"];

async function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(cmd, { args, env, stdout: "piped", stderr: "piped" }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

function has(bin: string, args = ["--version"]): boolean {
  try {
    return new Deno.Command(bin, { args, stdout: "null", stderr: "null" }).outputSync().success;
  } catch {
    return false;
  }
}

for (const script of SCRIPTS) {
  Deno.test(`scripts: ${script} passes bash -n and is executable`, async () => {
    const result = await run("bash", ["-n", repoPath(script)]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok((Deno.statSync(repoPath(script)).mode ?? 0o755) & 0o100, `${script} is executable`);
    assert.match(readText(script), /^#!\/usr\/bin\/env bash\n/);
    assert.match(readText(script), /^set -Eeuo pipefail$/m);
  });
}

Deno.test({
  name: "scripts: shellcheck finds nothing (when shellcheck is installed)",
  ignore: !has("shellcheck"),
  fn: async () => {
    const result = await run("shellcheck", ["--severity=style", ...SCRIPTS.map(repoPath)]);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  },
});

Deno.test("scripts: the backup CronJob provides every variable backup.sh requires", () => {
  const required = [...readText("infra/backup/backup.sh").matchAll(/: "\$\{(\w+):\?/g)].map((m) =>
    m[1]
  );
  assert.deepEqual(required, ["DATABASE_URL", "BACKUP_S3_URI"]);
  const objects = k8sObjects();
  const cron = find(objects, "CronJob", "whatsapp-reader-backup");
  const env = containerEnv(podTemplate(cron).spec.containers[0] as Container, objects);
  const read = new Set(
    [...readText("infra/backup/backup.sh").matchAll(/\$\{(\w+)/g)].map((m) => m[1]),
  );
  for (const name of required) assert.ok(env.has(name), `CronJob sets ${name}`);
  for (const name of env.keys()) {
    assert.ok(
      read.has(name) || /^AWS_|^HOME$/.test(name),
      `CronJob sets ${name}, which nothing reads`,
    );
  }
  assert.equal(env.get("DATABASE_URL")!.from, "secret");
  assert.match(env.get("BACKUP_S3_URI")!.value!, /^s3:\/\/[\w.-]+\/\w+/);
});

/**
 * The S3 actions an `aws s3` command line needs. A `mv` between two S3 keys is a copy and a
 * delete; for an object of 8 MB or more (every real dump) the copy is multipart, and the CLI's
 * default `--copy-props default` then reads the source's tags (GetObjectTagging, and writes
 * them with PutObjectTagging): `--copy-props none` needs neither.
 */
function s3Actions(line: string): string[] {
  const [, cmd] = /\baws s3 (\w+)/.exec(line)!;
  const args = line.split(/\s+/);
  switch (cmd) {
    case "ls":
      return ["s3:ListBucket"];
    case "rm":
      return ["s3:DeleteObject"];
    case "cp":
      return args.at(-1) === "-" ? ["s3:GetObject"] : ["s3:PutObject"];
    case "mv": {
      const copyProps = /--copy-props (\S+)/.exec(line)?.[1] ?? "default";
      const tags = copyProps === "default" ? ["s3:GetObjectTagging"] : [];
      return ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", ...tags];
    }
    default:
      throw new Error(`no S3 actions known for "aws s3 ${cmd}"`);
  }
}

Deno.test("scripts: the backup role (IRSA) allows every S3 call of backup.sh and restore.sh", async () => {
  const { "s3.tf": s3 } = await terraformFiles();
  const statements = s3.data.aws_iam_policy_document.backup[0].statement as Hcl[];
  const granted = new Set(statements.flatMap((st) => st.actions as string[]));
  for (const script of SCRIPTS) {
    const lines = readText(script).split("\n").filter((l) => /\baws s3 \w/.test(l));
    assert.ok(lines.length > 0, `${script} calls aws s3`);
    for (const line of lines) {
      for (const action of s3Actions(line.split("|")[0].trim())) {
        assert.ok(granted.has(action), `${script}: "${line.trim()}" needs ${action}`);
      }
    }
  }
});

// ---- the round trip ------------------------------------------------------------------------

/** `aws s3 cp/mv/rm/ls` over $FAKE_S3_ROOT; every call is logged to $FAKE_S3_LOG. */
const FAKE_AWS = `#!/usr/bin/env bash
set -euo pipefail
echo "$*" >> "$FAKE_S3_LOG"
[ "$1" = s3 ] || { echo "fake aws: only s3" >&2; exit 2; }
cmd="$2"; shift 2
args=(); recursive=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only-show-errors) ;;
    --sse | --expected-size | --copy-props) shift ;;
    --recursive) recursive=1 ;;
    *) args+=("$1") ;;
  esac
  shift
done
local_path() { echo "$FAKE_S3_ROOT/\${1#s3://}"; }
case "$cmd" in
  cp)
    if [ "\${args[0]}" = - ]; then
      mkdir -p "$(dirname "$(local_path "\${args[1]}")")"
      cat > "$(local_path "\${args[1]}")"
    else
      cat "$(local_path "\${args[0]}")"
    fi ;;
  mv) mv "$(local_path "\${args[0]}")" "$(local_path "\${args[1]}")" ;;
  rm) rm -f "$(local_path "\${args[0]}")" ;;
  ls)
    target="$(local_path "\${args[0]}")"
    bucket="\${args[0]#s3://}"; bucket="\${bucket%%/*}"
    if [ "$recursive" = 1 ]; then
      [ -d "$target" ] || exit 0
      find "$target" -type f | sort | while read -r f; do
        echo "2026-01-01 00:00:00 $(stat -c %s "$f") \${f#"$FAKE_S3_ROOT/$bucket/"}"
      done
    else
      [ -f "$target" ] || exit 1
      echo "2026-01-01 00:00:00 $(stat -c %s "$target") $(basename "$target")"
    fi ;;
  *) echo "fake aws: no s3 $cmd" >&2; exit 2 ;;
esac
`;

const ADMIN_URL = Deno.env.get("TEST_DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/postgres";

async function pgAvailable(): Promise<boolean> {
  const url = new URL(ADMIN_URL);
  const tools = ["pg_dump", "pg_restore", "psql"].every((t) => has(t));
  const up = tools && await reachable(url.hostname, Number(url.port || 5432));
  requireInCi("PostgreSQL and its client tools (pg_dump, pg_restore, psql)", up);
  return up;
}

const pgUp = await pgAvailable();

function dbUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.href;
}

async function psql(url: string, sql: string): Promise<string> {
  const result = await run("psql", [
    "-X",
    "-q",
    "-A",
    "-t",
    "-v",
    "ON_ERROR_STOP=1",
    "-d",
    url,
    "-c",
    sql,
  ]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

function jsonLines(text: string): { level: string; msg: string; [k: string]: unknown }[] {
  return text.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
}

Deno.test({
  name: "scripts: backup → restore into an empty database, refusal of a non-empty one",
  ignore: !pgUp,
  fn: async () => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const [source, target] = [`wr_backup_src_${suffix}`, `wr_backup_dst_${suffix}`];
    const dir = await Deno.makeTempDir({ prefix: "wr-backup-" });
    try {
      await psql(ADMIN_URL, `create database ${source}`);
      await psql(ADMIN_URL, `create database ${target}`);

      await psql(
        dbUrl(source),
        `create table migrations (migration_id int primary key);
         insert into migrations values (1), (2);
         create table messages (id bigserial primary key, body text not null);
         insert into messages (body) select 'message ' || g from generate_series(1, 500) g;`,
      );
      await Deno.mkdir(`${dir}/bin`);
      await Deno.writeTextFile(`${dir}/bin/aws`, FAKE_AWS, { mode: 0o755 });
      const env = {
        PATH: `${dir}/bin:${Deno.env.get("PATH")}`,
        HOME: dir,
        FAKE_S3_ROOT: `${dir}/s3`,
        FAKE_S3_LOG: `${dir}/aws.log`,
        BACKUP_S3_URI: "s3://backups/postgres",
      };
      const backup = repoPath("infra/backup/backup.sh"),
        restore = repoPath("infra/backup/restore.sh");
      const objects = async () =>
        [...await Array.fromAsync(Deno.readDir(`${dir}/s3/backups`)).catch(() => [])].length === 0
          ? []
          : (await run("find", [`${dir}/s3`, "-type", "f"])).stdout.trim().split("\n").sort();

      // Backup: one complete .dump under a dated key, no .partial left.
      const made = await run("bash", [backup], { ...env, DATABASE_URL: dbUrl(source) });
      assert.equal(made.code, 0, made.stderr);
      const files = await objects();
      assert.equal(files.length, 1, `one object: ${files}`);
      assert.match(
        files[0],
        /\/s3\/backups\/postgres\/\d{4}\/\d{2}\/\d{2}\/whatsapp-reader-\d{8}T\d{6}Z\.dump$/,
      );
      const done = jsonLines(made.stderr).find((l) => l.msg === "backup done")!;
      assert.ok(Number(done.bytes) > 0, "the log reports the size");
      assert.match(
        await Deno.readTextFile(`${dir}/aws.log`),
        /\.dump\.partial/,
        "uploaded as .partial first",
      );

      // --list names it.
      const listed = await run("bash", [restore, "--list"], env);
      assert.equal(listed.code, 0, listed.stderr);
      assert.equal(listed.stdout.trim(), `s3://backups/${files[0].split("/s3/backups/")[1]}`);

      // Restore into the empty database.
      const restored = await run("bash", [restore, "--latest"], {
        ...env,
        RESTORE_DATABASE_URL: dbUrl(target),
      });
      assert.equal(restored.code, 0, restored.stderr);
      const digest =
        "select count(*) || ' ' || md5(string_agg(body, ',' order by id)) from messages";
      const expected = await psql(dbUrl(source), digest);
      assert.match(expected, /^500 /);
      assert.equal(await psql(dbUrl(target), digest), expected);
      const log = jsonLines(restored.stderr).find((l) => l.msg === "restore done")!;
      assert.equal(log.migration, "2");

      // The target is no longer empty: refused, untouched.
      const again = await run("bash", [restore, "--latest"], {
        ...env,
        RESTORE_DATABASE_URL: dbUrl(target),
      });
      assert.equal(again.code, 3, again.stderr);
      assert.match(again.stderr, /refusing to restore: the target database is not empty/);
      assert.equal(await psql(dbUrl(target), digest), expected, "untouched");

      // A failing dump leaves neither a .dump nor a .partial.
      const failed = await run("bash", [backup], {
        ...env,
        DATABASE_URL: dbUrl(`${source}_missing`),
      });
      assert.notEqual(failed.code, 0);
      assert.match(failed.stderr, /"msg":"backup failed"/);
      assert.deepEqual(await objects(), files);

      // Usage errors.
      assert.equal((await run("bash", [restore], env)).code, 2);
      const noTarget = await run("bash", [restore, "--latest"], env);
      assert.notEqual(noTarget.code, 0);
      assert.match(noTarget.stderr, /RESTORE_DATABASE_URL is required/);
    } finally {
      await Promise.all(
        [source, target].map((db) =>
          psql(ADMIN_URL, `drop database if exists ${db}`).catch(() => {})
        ),
      );
      await Deno.remove(dir, { recursive: true });
    }
  },
});
