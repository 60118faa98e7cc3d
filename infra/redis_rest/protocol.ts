/**
 * The Upstash REST wire format: validating command bodies, telling blocking and
 * connection-state commands apart, and rendering RESP replies as JSON (optionally base64).
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { RespError, type RespValue } from "./resp.ts";

/** A command as sent over REST: name first, then arguments. */
export type Command = [string, ...(string | number)[]];

/** A request the bridge refuses with 400 and `message`, before anything reaches Redis. */
export class BadRequest extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BadRequest";
  }
}

const describe = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Checks one command: a non-empty array, a string name, then strings, numbers or booleans. */
export function parseCommand(value: unknown, where = "the body"): Command {
  if (!Array.isArray(value) || value.length === 0 || typeof value[0] !== "string") {
    throw new BadRequest(
      `expected ${where} to be a JSON array like ["SET","key","value"], got ${describe(value)}`,
    );
  }
  const out: Command = [value[0]];
  for (let i = 1; i < value.length; i++) {
    const arg = value[i];
    if (typeof arg === "string" || typeof arg === "number") out.push(arg);
    else if (typeof arg === "boolean") out.push(String(arg));
    else {
      throw new BadRequest(
        `expected argument ${i} of ${where} to be a string, number or boolean, got ${
          describe(arg)
        }`,
      );
    }
  }
  refuseStatefulCommand(out);
  return out;
}

/** Checks a /pipeline or /multi-exec body: a non-empty array of commands. */
export function parseCommands(value: unknown): Command[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BadRequest(
      `expected a non-empty JSON array of commands like [["SET","k","v"],["GET","k"]], got ${
        describe(value)
      }`,
    );
  }
  return value.map((c, i) => parseCommand(c, `command ${i + 1}`));
}

// Commands that would change a pooled connection's state or never return over a request.
const REFUSED = new Set([
  "SUBSCRIBE",
  "PSUBSCRIBE",
  "SSUBSCRIBE",
  "UNSUBSCRIBE",
  "PUNSUBSCRIBE",
  "SUNSUBSCRIBE",
  "MONITOR",
  "SYNC",
  "PSYNC",
  "HELLO",
  "AUTH",
  "SELECT",
  "QUIT",
  "RESET",
  "MULTI",
  "EXEC",
  "DISCARD",
  "WATCH",
  "UNWATCH",
]);

function refuseStatefulCommand(command: Command): void {
  const name = command[0].toUpperCase();
  const sub = String(command[1] ?? "").toUpperCase();
  if (REFUSED.has(name) || (name === "CLIENT" && (sub === "REPLY" || sub === "TRACKING"))) {
    const hint = name === "MULTI" || name === "EXEC" ? "; send the commands to /multi-exec" : "";
    throw new BadRequest(
      `ERR ${name}${name === "CLIENT" ? ` ${sub}` : ""} is not supported by the REST bridge ` +
        `(it holds or changes the state of a shared connection)${hint}`,
    );
  }
}

const ALWAYS_BLOCKING = new Set([
  "BLPOP",
  "BRPOP",
  "BRPOPLPUSH",
  "BLMOVE",
  "BLMPOP",
  "BZPOPMIN",
  "BZPOPMAX",
  "BZMPOP",
  "WAIT",
  "WAITAOF",
]);

/** True for commands that may block the connection: B*POP & co., XREAD[GROUP] … BLOCK. */
export function isBlocking(command: Command): boolean {
  const name = command[0].toUpperCase();
  if (ALWAYS_BLOCKING.has(name)) return true;
  if (name !== "XREAD" && name !== "XREADGROUP") return false;
  for (let i = 1; i < command.length; i++) {
    const arg = String(command[i]).toUpperCase();
    if (arg === "STREAMS") return false;
    if (arg === "BLOCK") return true;
  }
  return false;
}

const utf8 = new TextDecoder();
const textEncoder = new TextEncoder();

/** Base64 of the bytes of a bulk string, or of the UTF-8 of a simple string. */
const toBase64 = (v: Uint8Array | string) =>
  Buffer.from(typeof v === "string" ? textEncoder.encode(v) : v).toString("base64");

/** The JSON shape of one command's outcome. */
export type Outcome = { result: unknown } | { error: string };

/**
 * Renders one command's reply. With `base64`, every string is base64-encoded recursively
 * (bulk strings from their raw bytes, so binary values survive) except a top-level "OK"
 * status, which the Upstash SDK passes through undecoded. Nil becomes null, integers numbers.
 */
export function render(reply: RespValue, base64: boolean): Outcome {
  if (reply instanceof RespError) return { error: reply.message };
  if (base64 && reply === "OK") return { result: "OK" };
  return { result: renderValue(reply, base64) };
}

function renderValue(value: RespValue, base64: boolean): unknown {
  if (value === null || typeof value === "number") return value;
  if (Array.isArray(value)) return value.map((v) => renderValue(v, base64));
  if (value instanceof RespError) return base64 ? toBase64(value.message) : value.message;
  if (base64) return toBase64(value);
  return typeof value === "string" ? value : utf8.decode(value);
}
