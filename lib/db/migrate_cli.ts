import { ConfigError, loadConfigOrExit } from "../config.ts";
import { migrate } from "./migrate.ts";

// Entry of the Kubernetes migration Job and `deno task migrate`: applies migrations and exits.
// A bad environment is reported as main.ts and worker/main.ts report it.
const config = loadConfigOrExit((config) => {
  if (!config.databaseUrl) {
    throw new ConfigError(
      "Invalid environment:\n  DATABASE_URL: is required to run migrations outside the embedded " +
        "mode (`deno task start` applies them itself)",
    );
  }
});
const applied = await migrate(config.databaseUrl!);
console.log(JSON.stringify({ msg: "migrations applied", applied }));
