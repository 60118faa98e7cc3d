import { ConfigError, loadConfig } from "../config.ts";
import { migrate } from "./migrate.ts";

// Entry of the Kubernetes migration Job and `deno task migrate`: applies migrations and exits.
// A bad environment is reported as main.ts and worker/main.ts report it: the message naming
// each variable, exit code 2 (not an uncaught error with a stack trace).
let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  Deno.exit(2);
}
if (!config.databaseUrl) {
  console.error(
    "Invalid environment:\n  DATABASE_URL: is required to run migrations outside the embedded " +
      "mode (`deno task start` applies them itself)",
  );
  Deno.exit(2);
}
const applied = await migrate(config.databaseUrl);
console.log(JSON.stringify({ msg: "migrations applied", applied }));
