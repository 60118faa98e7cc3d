/**
 * Parsing of `redis://` and `rediss://` URLs into what `Deno.connect` needs.
 *
 * @module
 */

/** Where and how to connect; see `parseRedisUrl`. */
export interface RedisEndpoint {
  hostname: string;
  port: number;
  tls: boolean;
  username?: string;
  password?: string;
  db: number;
}

/**
 * Parses `redis://[[user]:password@]host[:port][/db]` (or `rediss://` for TLS).
 *
 * @example
 * ```ts
 * parseRedisUrl("redis://:secret@127.0.0.1:6380/2"); // { hostname: "127.0.0.1", port: 6380, db: 2, ... }
 * ```
 */
export function parseRedisUrl(url: string): RedisEndpoint {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(
      `expected a redis://[:password@]host:port[/db] URL, got ${JSON.stringify(url)}`,
    );
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    throw new Error(`expected the redis:// or rediss:// scheme, got "${u.protocol}//"`);
  }
  if (!u.hostname) throw new Error(`expected a host in the Redis URL, got ${JSON.stringify(url)}`);
  const dbText = u.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) {
    throw new Error(`expected a database number after the host, got "/${dbText}"`);
  }
  return {
    hostname: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: u.port ? Number(u.port) : 6379,
    tls: u.protocol === "rediss:",
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
  };
}
