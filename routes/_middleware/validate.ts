import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { AppError } from "../../lib/errors.ts";

/**
 * zValidator whose failures are 400 `{ error: { code: "invalid_request", message } }` naming
 * the failing field ("email: must be an email address"); malformed JSON is a 400 too.
 */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.length ? issue.path.join(".") : target;
      throw new AppError(400, "invalid_request", `${field}: ${issue?.message ?? "invalid"}`);
    }
  });
}
