/**
 * A small pool of Redis connections. Ordinary commands borrow one of at most `size` shared
 * connections; blocking commands (XREADGROUP … BLOCK, BLPOP, …) get a dedicated connection
 * outside that limit, so a long-poll never delays anything else.
 *
 * @module
 */
import type { RedisEndpoint } from "./redis_url.ts";
import { type RespArg, RespConnection, type RespValue } from "./resp.ts";

/** Pool limits. */
export interface PoolOptions {
  /** Shared connections for ordinary commands (default 8). */
  size?: number;
  /** Concurrent blocking commands, each on its own connection (default 64). */
  maxBlocking?: number;
  /** Idle dedicated connections kept for reuse (default 4). */
  idleBlocking?: number;
  /** An ordinary batch taking longer fails and its connection is dropped (default 30 s). */
  commandTimeoutMs?: number;
}

/** Thrown when Redis cannot be reached or the pool is saturated or closed. */
export class PoolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PoolError";
  }
}

/** Thrown by a blocking batch whose `signal` aborted (the HTTP client went away). */
export class ClientGone extends PoolError {
  constructor() {
    super("the client went away; its blocking command was cancelled");
    this.name = "ClientGone";
  }
}

/** Connections to one Redis; see the module doc. */
export class RedisPool {
  #endpoint: RedisEndpoint;
  #size: number;
  #maxBlocking: number;
  #idleBlocking: number;
  #timeoutMs: number;
  #idle: RespConnection[] = [];
  #idleDedicated: RespConnection[] = [];
  #busy = new Set<RespConnection>();
  #opening = 0;
  #blocking = 0;
  #waiters: { resolve(c: RespConnection): void; reject(e: Error): void }[] = [];
  #closed = false;

  constructor(endpoint: RedisEndpoint, options: PoolOptions = {}) {
    this.#endpoint = endpoint;
    this.#size = options.size ?? 8;
    this.#maxBlocking = options.maxBlocking ?? 64;
    this.#idleBlocking = options.idleBlocking ?? 4;
    this.#timeoutMs = options.commandTimeoutMs ?? 30_000;
  }

  /**
   * Sends a batch on one connection and returns the replies in order. `blocking` batches use a
   * dedicated connection with no timeout; aborting `signal` closes that connection, which
   * unblocks Redis.
   */
  async run(
    commands: readonly (readonly RespArg[])[],
    options: { blocking?: boolean; signal?: AbortSignal } = {},
  ): Promise<RespValue[]> {
    if (options.blocking) return await this.#runDedicated(commands, options.signal);
    const conn = await this.#acquire();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new PoolError(`Redis did not answer within ${this.#timeoutMs} ms`));
          conn.close();
        }, this.#timeoutMs);
      });
      return await Promise.race([conn.send(commands), timeout]);
    } finally {
      clearTimeout(timer);
      this.#release(conn);
    }
  }

  /** Closes every connection; later calls fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiters.splice(0)) w.reject(new PoolError("the pool is closed"));
    const all = [...this.#idle.splice(0), ...this.#idleDedicated.splice(0), ...this.#busy];
    this.#busy.clear();
    await Promise.all(all.map((c) => c.close()));
  }

  async #open(): Promise<RespConnection> {
    const { hostname, port } = this.#endpoint;
    try {
      return await RespConnection.connect(this.#endpoint);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new PoolError(`cannot connect to Redis at ${hostname}:${port}: ${why}`);
    }
  }

  async #acquire(): Promise<RespConnection> {
    if (this.#closed) throw new PoolError("the pool is closed");
    while (this.#idle.length > 0) {
      const conn = this.#idle.pop()!;
      if (conn.open) {
        this.#busy.add(conn);
        return conn;
      }
    }
    if (this.#busy.size + this.#opening < this.#size) {
      this.#opening++;
      try {
        const conn = await this.#open();
        if (this.#closed) {
          await conn.close();
          throw new PoolError("the pool is closed");
        }
        this.#busy.add(conn);
        return conn;
      } finally {
        this.#opening--;
      }
    }
    return await new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #release(conn: RespConnection): void {
    this.#busy.delete(conn);
    if (this.#closed) {
      void conn.close();
      return;
    }
    const waiter = this.#waiters.shift();
    if (!waiter) {
      if (conn.open) this.#idle.push(conn);
      return;
    }
    if (conn.open) {
      this.#busy.add(conn);
      waiter.resolve(conn);
      return;
    }
    // The connection died: the waiter opens a fresh one (there is room for it now).
    this.#acquire().then(waiter.resolve, waiter.reject);
  }

  async #runDedicated(
    commands: readonly (readonly RespArg[])[],
    signal?: AbortSignal,
  ): Promise<RespValue[]> {
    if (this.#closed) throw new PoolError("the pool is closed");
    if (this.#blocking >= this.#maxBlocking) {
      throw new PoolError(`too many concurrent blocking commands (limit ${this.#maxBlocking})`);
    }
    this.#blocking++;
    let conn: RespConnection | undefined;
    const onAbort = () => conn?.close();
    try {
      while (this.#idleDedicated.length > 0 && !conn) {
        const c = this.#idleDedicated.pop()!;
        if (c.open) conn = c;
      }
      conn ??= await this.#open();
      this.#busy.add(conn);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (signal?.aborted) onAbort();
      return await conn.send(commands);
    } catch (err) {
      throw signal?.aborted ? new ClientGone() : err;
    } finally {
      signal?.removeEventListener("abort", onAbort);
      this.#blocking--;
      if (conn) {
        this.#busy.delete(conn);
        if (!this.#closed && conn.open && this.#idleDedicated.length < this.#idleBlocking) {
          this.#idleDedicated.push(conn);
        } else {
          void conn.close();
        }
      }
    }
  }
}
