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
