/**
 * Who may process an import right now, decided with PostgreSQL advisory locks taken in the
 * import's own transaction: they are released at commit or rollback, and by PostgreSQL itself
 * when a worker dies and its connection drops, so a crashed worker never leaks a slot.
 *
 * - The import lock: one holder per import (a duplicate delivery of a job being processed,
 *   e.g. after a reclaim, waits instead of racing it).
 * - User slots: `cap` locks per user; an import needs one, so a user never has more than `cap`
 *   imports processing across all workers, and the others' imports keep flowing.
 *
 * Keys are 64-bit hashes (`hashtextextended`) of namespaced strings, so they cannot meet the
 * migration lock or each other in practice.
 *
 * @module
 */
import type postgres from "postgres";

/** The outcome of {@link claimImport}. */
export type Claim = "claimed" | "user_at_cap" | "in_progress";

type Tx = postgres.TransactionSql<Record<string, never>>;

async function tryLock(tx: Tx, key: string): Promise<boolean> {
  const [row] = await tx<{ locked: boolean }[]>`
    select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`;
  return row.locked;
}

/**
 * Takes the import's lock and one of the user's `cap` slots for the rest of the transaction
 * `tx`, without waiting; `cap` 0 means no per-user cap.
 *
 * @example
 * ```ts
 * await sql.begin(async (tx) => {
 *   if (await claimImport(tx, userId, importId, 1) !== "claimed") return; // try again later
 *   // … import …
 * });
 * ```
 */
export async function claimImport(
  tx: Tx,
  userId: string,
  importId: string,
  cap: number,
): Promise<Claim> {
  if (!(await tryLock(tx, `wcr:import:${importId}`))) return "in_progress";
  if (cap <= 0) return "claimed";
  for (let slot = 0; slot < cap; slot++) {
    if (await tryLock(tx, `wcr:user:${userId}:${slot}`)) return "claimed";
  }
  return "user_at_cap";
}
