/** An error with an HTTP status and a stable code, rendered as `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 503,
    readonly code: string,
    message: string,
    /** More fields of the JSON error body (beside `code` and `message`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** 404 for anything the user may not see: never 403, which would confirm it exists. */
export const notFound = (what = "resource") => new AppError(404, "not_found", `${what} not found`);
