import type { Sql } from "./client.ts";

/** Records a new session; its id goes into the JWT's `sid` claim. */
export async function createSession(sql: Sql, userId: string, ttlSeconds: number) {
  const [row] = await sql<{ id: string; expiresAt: Date }[]>`
    insert into sessions (user_id, expires_at)
    values (${userId}, now() + make_interval(secs => ${ttlSeconds}))
    returning id, expires_at`;
  return row;
}

/** True when the session exists, belongs to the user, is not revoked and not expired. */
export async function sessionIsActive(sql: Sql, sessionId: string, userId: string) {
  const rows = await sql`
    select 1 from sessions
    where id = ${sessionId} and user_id = ${userId} and revoked_at is null and expires_at > now()`;
  return rows.length > 0;
}

/** Revokes a session (logout): tokens carrying it stop working at once. */
export async function revokeSession(sql: Sql, sessionId: string) {
  await sql`update sessions set revoked_at = now() where id = ${sessionId} and revoked_at is null`;
}
