// The README's test command (`deno task test`): the quality gate fresh's `deno task ok` has —
// format check, lint, type check — then every test, ending with one line
// `N passed, N failed[, N skipped]` that CI reads. Static checks count as one test each.
// Extra arguments are passed to `deno test` (e.g. a path to run a subset).

const artifacts = "tests/artifacts";
await Deno.mkdir(artifacts, { recursive: true });
let passed = 0, failed = 0, skipped = 0;

async function run(label: string, args: string[]): Promise<boolean> {
  console.log(`\n=== ${label}: deno ${args.join(" ")}`);
  const { code } = await new Deno.Command(Deno.execPath(), {
    args,
    stdout: "inherit",
    stderr: "inherit",
  })
    .output();
  return code === 0;
}

const extra = Deno.args;
if (extra.length === 0) {
  for (
    const [label, args] of [
      ["format", ["fmt", "--check"]],
      ["lint", ["lint"]],
      ["types", ["check", "."]],
    ] as const
  ) {
    if (await run(label, [...args])) passed++;
    else {
      failed++;
      console.log(`FAILED: ${label}`);
    }
  }
}

const junit = `${artifacts}/junit.xml`;
await run("tests", [
  "test",
  "-A",
  "--no-check",
  "--unstable-no-legacy-abort",
  `--junit-path=${junit}`,
  ...extra,
]);
const xml = await Deno.readTextFile(junit).catch(() => "");
// Count leaf test cases: a case with steps is reported with its steps as separate cases.
for (const match of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
  const body = match[2] ?? "";
  if (/<failure\b/.test(body)) failed++;
  else if (/<skipped\b/.test(body)) skipped++;
  else passed++;
}
if (!xml) {
  failed++;
  console.log("FAILED: the test run wrote no report");
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
Deno.exit(failed > 0 ? 1 : 0);
