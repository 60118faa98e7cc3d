import { loadConfig } from "../config.ts";
import { migrate } from "./migrate.ts";

// Entry of the Kubernetes migration Job and `deno task migrate`: applies migrations and exits.
const config = loadConfig();
if (!config.databaseUrl) {
  console.error("DATABASE_URL is required to run migrations outside the embedded mode");
  Deno.exit(2);
}
const applied = await migrate(config.databaseUrl);
console.log(JSON.stringify({ msg: "migrations applied", applied }));
