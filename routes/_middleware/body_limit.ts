import { createMiddleware } from "hono/factory";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../lib/errors.ts";

/**
 * The largest body of a form or JSON request: the biggest legitimate one is completing a direct
 * upload of 10,000 parts (`/api/uploads/:id/complete`, about 2.5 MB at worst).
 */
export const MAX_FORM_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Refuses request bodies over `maxBytes` with 413 `too_large` before a route reads them: forms
 * (`parseBody`) and JSON (`c.req.json()`) are buffered whole, so without a limit one anonymous
 * POST of gigabytes (to `/theme`, `/signin`, `/api/auth/login`) would be held in memory. The
 * uploads in `streamed` (`"POST /path"`) read their body as a stream with their own limit
 * (MAX_UPLOAD_BYTES) and pass untouched.
 */
export function bodyLimits(options: { maxBytes: number; streamed: readonly string[] }) {
  const { maxBytes } = options;
  const streamed = new Set(options.streamed);
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(413, "too_large", `the request body is larger than ${maxBytes} bytes`);
    },
  });
  return createMiddleware(async function bodyLimits(c, next) {
    if (streamed.has(`${c.req.method} ${c.req.path}`)) return await next();
    return await limit(c, next);
  });
}
