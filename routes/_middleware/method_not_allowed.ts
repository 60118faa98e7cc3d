import type { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import { AppError } from "../../lib/errors.ts";
import type { AppEnv } from "./env.ts";
import { onError } from "./errors.ts";

/** The order `Allow` lists methods in (not the order the routes happened to be registered). */
const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];
function rank(method: string) {
  const i = ORDER.indexOf(method);
  return i === -1 ? ORDER.length : i;
}

/**
 * 405 with `Allow` for a path that has routes, but none for the request's method
 * (`DELETE /api/conversations/:id/messages`), in the usual JSON error body; a path with no
 * route at all stays the 404 of `onNotFound`. Mount it on `/api/*`.
 *
 * The allowed methods are read from `app.routes` (Hono's `hono/method-not-allowed`, built on the
 * first 404, when every route is registered): a new route is covered without a list to keep up.
 * GET brings HEAD. Only a 404 that no handler threw is turned into a 405, so a route's own 404
 * (a conversation that is not yours) stays a 404.
 */
export function apiMethodNotAllowed(app: Hono<AppEnv>) {
  return methodNotAllowed<AppEnv>({
    app,
    onMethodNotAllowed(c, methods) {
      const allow = methods.toSorted((a, b) => rank(a) - rank(b)).join(", ");
      const res = onError(
        new AppError(
          405,
          "method_not_allowed",
          `${c.req.method} is not allowed on ${c.req.path}: expected ${allow}`,
        ),
        c,
      );
      res.headers.set("Allow", allow);
      return res;
    },
  });
}
