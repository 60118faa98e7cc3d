import type { Sql } from "./client.ts";

/** A user row without the password hash. */
export interface User {
  id: string;
  email: string;
  createdAt: Date;
}

/** Inserts a user; returns null when the email (case-insensitive) is taken. */
export async function createUser(sql: Sql, email: string, passwordHash: string) {
  const rows = await sql<User[]>`
    insert into users (email, password_hash) values (${email}, ${passwordHash})
    on conflict ((lower(email))) do nothing
    returning id, email, created_at`;
  return rows[0] ?? null;
}

/** Finds a user and its password hash by email, case-insensitively. */
export async function findUserByEmail(sql: Sql, email: string) {
  const rows = await sql<(User & { passwordHash: string })[]>`
    select id, email, created_at, password_hash from users where lower(email) = lower(${email})`;
  return rows[0] ?? null;
}

/** Loads a user by id. */
export async function getUser(sql: Sql, id: string) {
  const rows = await sql<User[]>`select id, email, created_at from users where id = ${id}`;
  return rows[0] ?? null;
}

/** The zone a user reads in (`users.reading_zone`); null: each conversation's own zone. */
export async function getReadingZone(sql: Sql, userId: string): Promise<string | null> {
  const rows = await sql<{ readingZone: string | null }[]>`
    select reading_zone from users where id = ${userId}`;
  return rows[0]?.readingZone ?? null;
}

/** Sets (a canonical IANA name, validated by the caller) or clears (null) the reading zone. */
export async function setReadingZone(sql: Sql, userId: string, zone: string | null) {
  await sql`update users set reading_zone = ${zone} where id = ${userId}`;
}

/**
 * The zones of one of this user's conversations: its own (`conversations.time_zone`, the
 * exporting phone's) and the user's reading zone; null when it is not theirs.
 */
export async function conversationZones(sql: Sql, userId: string, conversationId: string) {
  const rows = await sql<{ timeZone: string; readingZone: string | null }[]>`
    select c.time_zone, u.reading_zone from conversations c join users u on u.id = c.user_id
    where c.id = ${conversationId} and c.user_id = ${userId}`;
  if (!rows[0]) return null;
  const { timeZone, readingZone } = rows[0];
  /** `reading`: the zone times are shown in. */
  return { own: timeZone, reading: readingZone ?? timeZone, chosen: readingZone };
}
