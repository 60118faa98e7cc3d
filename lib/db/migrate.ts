import shift from "postgres-shift";
import postgres from "postgres";
import { fileURLToPath } from "node:url";

const MIGRATIONS = fileURLToPath(new URL("./migrations", import.meta.url));
/** Arbitrary constant key for pg_advisory_lock, shared by every process of the app. */
const LOCK_KEY = 727_274_001;

/**
 * Applies pending migrations (forward-only numbered SQL files in lib/db/migrations, via
 * postgres-shift, all pending ones in one transaction) while holding a session advisory
 * lock on a dedicated connection, so concurrent starts of web, worker and the migration
 * job apply each migration exactly once.
 */
export async function migrate(url: string): Promise<number[]> {
  const lock = postgres(url, { max: 1, onnotice: () => {} });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const applied: number[] = [];
  try {
    await lock`select pg_advisory_lock(${LOCK_KEY})`;
    await shift({
      sql,
      path: MIGRATIONS,
      after: ({ migration_id }: { migration_id: number }) => applied.push(migration_id),
    });
    await lock`select pg_advisory_unlock(${LOCK_KEY})`;
  } finally {
    await sql.end({ timeout: 5 });
    await lock.end({ timeout: 5 });
  }
  return applied;
}

/** The number of the newest migration file, for readiness checks. */
export function latestMigration(): number {
  let latest = 0;
  for (const entry of Deno.readDirSync(MIGRATIONS)) {
    const n = parseInt(entry.name.slice(0, 5), 10);
    if (n > latest) latest = n;
  }
  return latest;
}
