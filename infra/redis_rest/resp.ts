/**
 * RESP2: an encoder for commands, an incremental decoder for replies, and one connection over
 * `Deno.connect` that sends a batch of commands and reads their replies in order.
 *
 * @module
 */
import type { RedisEndpoint } from "./redis_url.ts";

/** An error reply from Redis (`-ERR ...`), kept as a value so pipelines can carry it. */
export class RespError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RespError";
  }
}

/**
 * A decoded reply: simple strings are `string`, bulk strings stay bytes (`Uint8Array`, so binary
 * values survive), integers are `number`, nil bulk/array is `null`.
 */
export type RespValue = string | number | Uint8Array | null | RespError | RespValue[];

/** One argument of a command. */
export type RespArg = string | number | Uint8Array;

const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");

/** Encodes commands as RESP arrays of bulk strings, concatenated. */
export function encodeCommands(commands: readonly (readonly RespArg[])[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    size += part.byteLength;
  };
  for (const command of commands) {
    push(encoder.encode(`*${command.length}\r\n`));
    for (const arg of command) {
      const bytes = arg instanceof Uint8Array ? arg : encoder.encode(String(arg));
      push(encoder.encode(`$${bytes.byteLength}\r\n`));
      push(bytes);
      push(CRLF);
    }
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const textDecoder = new TextDecoder();
const INCOMPLETE = Symbol("incomplete");

/** Incremental RESP2 reply decoder: `push` bytes as they arrive, then `next()` until undefined. */
export class RespDecoder {
  #buf = new Uint8Array(16 * 1024);
  #start = 0;
  #end = 0;

  /** Appends received bytes. */
  push(chunk: Uint8Array): void {
    if (this.#end + chunk.byteLength > this.#buf.byteLength) {
      const live = this.#end - this.#start;
      const needed = live + chunk.byteLength;
      const target = needed > this.#buf.byteLength / 2
        ? new Uint8Array(Math.max(needed * 2, this.#buf.byteLength))
        : this.#buf;
      target.set(this.#buf.subarray(this.#start, this.#end), 0);
      this.#buf = target;
      this.#start = 0;
      this.#end = live;
    }
    this.#buf.set(chunk, this.#end);
    this.#end += chunk.byteLength;
  }

  /** The next complete reply, or `undefined` when more bytes are needed. */
  next(): { value: RespValue } | undefined {
    const parsed = this.#parse(this.#start);
    if (parsed === INCOMPLETE) return undefined;
    this.#start = parsed.offset;
    if (this.#start === this.#end) this.#start = this.#end = 0;
    return { value: parsed.value };
  }

  #line(from: number): { text: string; offset: number } | typeof INCOMPLETE {
    for (let i = from; i + 1 < this.#end; i++) {
      if (this.#buf[i] === 13 && this.#buf[i + 1] === 10) {
        return { text: textDecoder.decode(this.#buf.subarray(from, i)), offset: i + 2 };
      }
    }
    return INCOMPLETE;
  }

  #parse(at: number): { value: RespValue; offset: number } | typeof INCOMPLETE {
    if (at >= this.#end) return INCOMPLETE;
    const type = this.#buf[at];
    const line = this.#line(at + 1);
    if (line === INCOMPLETE) return INCOMPLETE;
    switch (type) {
      case 43: // '+'
        return { value: line.text, offset: line.offset };
      case 45: // '-'
        return { value: new RespError(line.text), offset: line.offset };
      case 58: // ':'
        return { value: Number(line.text), offset: line.offset };
      case 36: { // '$'
        const length = Number(line.text);
        if (length < 0) return { value: null, offset: line.offset };
        if (line.offset + length + 2 > this.#end) return INCOMPLETE;
        const value = this.#buf.slice(line.offset, line.offset + length);
        return { value, offset: line.offset + length + 2 };
      }
      case 42: { // '*'
        const count = Number(line.text);
        if (count < 0) return { value: null, offset: line.offset };
        const items: RespValue[] = [];
        let offset = line.offset;
        for (let i = 0; i < count; i++) {
          const item = this.#parse(offset);
          if (item === INCOMPLETE) return INCOMPLETE;
          items.push(item.value);
          offset = item.offset;
        }
        return { value: items, offset };
      }
      default:
        throw new Error(
          `RESP protocol error: expected a type byte (+ - : $ *), got ${
            JSON.stringify(
              String.fromCharCode(type),
            )
          }`,
        );
    }
  }
}

interface Waiter {
  resolve(value: RespValue): void;
  reject(error: Error): void;
}

/**
 * One Redis connection. Commands go out in order and replies resolve in order; `send` writes a
 * batch in one write, so a MULTI … EXEC batch is never interleaved with other commands.
 */
export class RespConnection {
  #conn: Deno.Conn;
  #decoder = new RespDecoder();
  #waiters: Waiter[] = [];
  #closed = false;
  #reading: Promise<void>;
  #writing: Promise<void> = Promise.resolve();

  private constructor(conn: Deno.Conn) {
    this.#conn = conn;
    this.#reading = this.#readLoop();
  }

  /** Connects, authenticates and selects the database. */
  static async connect(endpoint: RedisEndpoint): Promise<RespConnection> {
    const { hostname, port } = endpoint;
    const conn = endpoint.tls
      ? await Deno.connectTls({ hostname, port })
      : await Deno.connect({ hostname, port });
    const connection = new RespConnection(conn);
    const setup: RespArg[][] = [];
    if (endpoint.password !== undefined) {
      setup.push(
        endpoint.username
          ? ["AUTH", endpoint.username, endpoint.password]
          : ["AUTH", endpoint.password],
      );
    }
    if (endpoint.db !== 0) setup.push(["SELECT", endpoint.db]);
    if (setup.length > 0) {
      const replies = await connection.send(setup).catch(async (err) => {
        await connection.close();
        throw err;
      });
      const failed = replies.find((r) => r instanceof RespError);
      if (failed) {
        await connection.close();
        throw new Error(`Redis refused the connection setup: ${(failed as RespError).message}`);
      }
    }
    return connection;
  }

  /** False once the socket closed (by us, by Redis, or after a protocol error). */
  get open(): boolean {
    return !this.#closed;
  }

  /** Sends commands in one write and resolves with their replies in order. */
  send(commands: readonly (readonly RespArg[])[]): Promise<RespValue[]> {
    if (this.#closed) return Promise.reject(new Error("the Redis connection is closed"));
    const replies = commands.map(() =>
      new Promise<RespValue>((resolve, reject) => this.#waiters.push({ resolve, reject }))
    );
    const bytes = encodeCommands(commands);
    this.#writing = this.#writing.then(() => this.#writeAll(bytes)).catch((err) => {
      this.#fail(err instanceof Error ? err : new Error(String(err)));
    });
    return Promise.all(replies);
  }

  /** Closes the socket; commands still waiting are rejected. */
  async close(): Promise<void> {
    this.#fail(new Error("the Redis connection was closed"));
    await this.#reading;
  }

  async #writeAll(bytes: Uint8Array): Promise<void> {
    let written = 0;
    while (written < bytes.byteLength) {
      written += await this.#conn.write(bytes.subarray(written));
    }
  }

  #fail(error: Error): void {
    if (!this.#closed) {
      this.#closed = true;
      try {
        this.#conn.close();
      } catch { /* already closed */ }
    }
    for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
  }

  async #readLoop(): Promise<void> {
    const buf = new Uint8Array(64 * 1024);
    try {
      while (true) {
        const n = await this.#conn.read(buf);
        if (n === null) break;
        this.#decoder.push(buf.subarray(0, n));
        for (let reply = this.#decoder.next(); reply; reply = this.#decoder.next()) {
          const waiter = this.#waiters.shift();
          if (!waiter) throw new Error("RESP protocol error: a reply arrived with no command");
          waiter.resolve(reply.value);
        }
      }
      this.#fail(new Error("Redis closed the connection"));
    } catch (err) {
      this.#fail(
        this.#closed
          ? new Error("the Redis connection was closed")
          : err instanceof Error
          ? new Error(`Redis connection failed: ${err.message}`)
          : new Error(String(err)),
      );
    }
  }
}
