import { setResponseHeader } from "./set_header.ts";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { Logger } from "../../lib/log.ts";
import type { Metrics } from "../../lib/metrics.ts";
import type { AppEnv } from "./env.ts";

const VALID_ID = /^[\w.:-]{8,128}$/;

/**
 * Gives every request an id (a sane incoming `X-Request-Id` is kept), a logger carrying it,
 * an access-log line, and the request metrics labelled by route pattern (never the raw path).
 */
export function requestContext(options: { logger: Logger; metrics?: Metrics }) {
  const { logger, metrics } = options;
  return createMiddleware<AppEnv>(async function requestContext(c, next) {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && VALID_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("logger", logger.child({ requestId }));
    c.set("userId", null);
    c.set("sessionId", null);
    await next();
    setResponseHeader(c, "X-Request-Id", requestId);
    const seconds = (performance.now() - started) / 1000;
    const pattern = routePath(c);
    const route = pattern === "/*" || pattern === "*" || pattern === "" ? "unmatched" : pattern;
    metrics?.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics?.requestDuration.observe({ method: c.req.method, route }, seconds);
    if (c.req.path !== "/health" && c.req.path !== "/metrics") {
      c.var.logger.info("request", {
        method: c.req.method,
        path: c.req.path,
        route,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      });
    }
  });
}
