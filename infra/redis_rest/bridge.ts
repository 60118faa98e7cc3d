/**
 * An Upstash-compatible REST bridge for a self-hosted Redis, as a `fetch`-style handler:
 *
 * - `POST /` with `["CMD", ...args]` → `{"result": …}`, or 400 `{"error": "…"}`
 * - `POST /pipeline` with `[[…], […]]` → `[{"result": …} | {"error": "…"}, …]`
 * - `POST /multi-exec` → the same, run atomically with MULTI/EXEC on one connection
 * - `GET /health` → 200 `{"status":"ok"}` when Redis answers PING, else 503 (no token needed)
 *
 * Every other request needs `Authorization: Bearer <token>` (401 otherwise). With the request
 * header `Upstash-Encoding: base64` every string in a result is base64-encoded.
 *
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { ClientGone, type PoolOptions, RedisPool } from "./pool.ts";
import {
  BadRequest,
  type Command,
  isBlocking,
  parseCommand,
  parseCommands,
  render,
} from "./protocol.ts";
import { parseRedisUrl } from "./redis_url.ts";
import { RespError, type RespValue } from "./resp.ts";

/** What `createBridge` takes. */
export interface BridgeOptions extends PoolOptions {
  /** `redis://[[user]:password@]host:port[/db]` or `rediss://…` for TLS. */
  redisUrl: string;
  /** The bearer token clients must send. */
  token: string;
  /** Larger request bodies are refused with 413 (default 16 MiB). */
  maxBodyBytes?: number;
  /** Called with unexpected (5xx) failures, for logging. */
  onError?: (error: unknown, request: Request) => void;
}

/** A running bridge: serve `fetch` (e.g. with `Deno.serve`), then `close()` its connections. */
export interface Bridge {
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

const sha256 = (text: string) => createHash("sha256").update(text).digest();

/**
 * Creates the bridge. Connections to Redis open lazily, on the first command.
 *
 * @example
 * ```ts
 * const bridge = createBridge({ redisUrl: "redis://127.0.0.1:6379", token: "s3cret-token" });
 * const server = Deno.serve({ port: 8079 }, bridge.fetch);
 * // new Redis({ url: "http://127.0.0.1:8079", token: "s3cret-token" }) now works
 * ```
 */
export function createBridge(options: BridgeOptions): Bridge {
  if (!options.token) throw new Error("createBridge: expected a non-empty token");
  const pool = new RedisPool(parseRedisUrl(options.redisUrl), options);
  const tokenHash = sha256(options.token);
  const maxBody = options.maxBodyBytes ?? 16 * 1024 * 1024;

  const authorized = (request: Request) => {
    const header = request.headers.get("authorization") ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    return match !== null && timingSafeEqual(sha256(match[1].trim()), tokenHash);
  };

  async function readJson(request: Request): Promise<unknown> {
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > maxBody) throw new TooLarge(maxBody);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of request.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBody) throw new TooLarge(maxBody);
      chunks.push(chunk);
    }
    const text = new TextDecoder().decode(concat(chunks, size));
    try {
      return JSON.parse(text);
    } catch {
      throw new BadRequest(
        `expected a JSON body like ["SET","key","value"], got ${JSON.stringify(text.slice(0, 60))}`,
      );
    }
  }

  // request.signal is only read for blocking commands: closing their dedicated connection when
  // the client goes away unblocks Redis (Deno's legacy abort-on-success is harmless here).
  async function single(command: Command, base64: boolean, request: Request) {
    const blocking = isBlocking(command);
    const signal = blocking ? request.signal : undefined;
    const [reply] = await pool.run([command], { blocking, signal });
    const outcome = render(reply, base64);
    return json(outcome, "error" in outcome ? 400 : 200);
  }

  async function pipeline(commands: Command[], base64: boolean, request: Request) {
    const blocking = commands.some(isBlocking);
    const signal = blocking ? request.signal : undefined;
    const replies = await pool.run(commands, { blocking, signal });
    return json(replies.map((r) => render(r, base64)));
  }

  async function multiExec(commands: Command[], base64: boolean) {
    const replies = await pool.run([["MULTI"], ...commands, ["EXEC"]]);
    const exec = replies[replies.length - 1];
    if (!Array.isArray(exec)) {
      const queued = replies.slice(1, -1).find((r): r is RespError => r instanceof RespError);
      const why = exec instanceof RespError ? exec.message : "EXEC returned nil";
      return json({ error: queued ? `${why}: ${queued.message}` : why }, 400);
    }
    return json(exec.map((r: RespValue) => render(r, base64)));
  }

  async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") {
      if (request.method !== "GET" && request.method !== "HEAD") return notAllowed("GET");
      try {
        await pool.run([["PING"]]);
        return json({ status: "ok" });
      } catch (err) {
        return json({ status: "unavailable", error: message(err) }, 503);
      }
    }
    const route = ROUTES[pathname];
    if (!route) return json({ error: `no such endpoint: ${pathname}` }, 404);
    if (!authorized(request)) return json({ error: "Unauthorized" }, 401);
    if (request.method !== "POST") return notAllowed("POST");
    const base64 = request.headers.get("upstash-encoding")?.toLowerCase() === "base64";
    const body = await readJson(request);
    if (route === "single") return await single(parseCommand(body), base64, request);
    const commands = parseCommands(body);
    return route === "pipeline"
      ? await pipeline(commands, base64, request)
      : await multiExec(commands, base64);
  }

  return {
    async fetch(request) {
      try {
        return await handle(request);
      } catch (err) {
        if (err instanceof BadRequest) return json({ error: err.message }, 400);
        if (err instanceof TooLarge) return json({ error: err.message }, 413);
        // A client that went away mid long-poll is not a bridge failure.
        if (!(err instanceof ClientGone)) options.onError?.(err, request);
        return json({ error: `bridge: ${message(err)}` }, 503);
      }
    },
    close: () => pool.close(),
  };
}

const ROUTES: Record<string, "single" | "pipeline" | "multi-exec"> = {
  "/": "single",
  "/pipeline": "pipeline",
  "/multi-exec": "multi-exec",
};

class TooLarge extends Error {
  constructor(max: number) {
    super(`the request body is larger than the limit of ${max} bytes`);
  }
}

const notAllowed = (allow: string) =>
  new Response(JSON.stringify({ error: `method not allowed; use ${allow}` }), {
    status: 405,
    headers: { "content-type": "application/json", allow },
  });

const message = (err: unknown) => err instanceof Error ? err.message : String(err);

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
