import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import { z, type ZodType } from "zod";
import { AppError } from "../../lib/errors.ts";

/** What a JSON body's `Content-Type` may be (`application/json`, `application/x+json`, …). */
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** The media type of a `Content-Type` header value (no parameters), or "". */
const mediaTypeOf = (contentType: string | undefined) => (contentType ?? "").split(";")[0].trim();

/**
 * True when a body of this `Content-Type` is read as JSON by {@link validate} (and by Hono's
 * validator): whatever else reads a JSON body before the route (the sign-in rate limit's email)
 * must agree with it.
 */
export const isJsonType = (contentType: string | undefined) =>
  JSON_TYPE.test(mediaTypeOf(contentType));

/**
 * Reads a JSON body before zValidator does (Hono caches it): a body not declared JSON is a 415
 * (zValidator would read it as `{}` and blame a missing field), malformed JSON a 400
 * `invalid_request` like any other bad input. No body and no type is `{}`, as before: a bare
 * POST is answered by the schema (the field it lacks, or its defaults), not by a 415.
 */
async function readJsonBody(c: Context) {
  const type = mediaTypeOf(c.req.header("content-type"));
  // No body at all (`curl -X POST …/reparse`): the schema names what is missing.
  if (type === "" && (await c.req.text()) === "") return {};
  if (!JSON_TYPE.test(type)) {
    throw new AppError(
      415,
      "unsupported_media_type",
      `send the body as JSON (Content-Type: application/json), not ${type || "without a type"}`,
    );
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError(400, "invalid_request", "body: malformed JSON");
  }
}

/**
 * Refuses a JSON object with a field the schema does not name (zod would drop it silently: a
 * misspelt `fromseq` would share the whole chat). Schemas that allow more (`.loose()`) and
 * bodies that are not objects are left to zod.
 */
function refuseUnknownFields(schema: ZodType, body: unknown) {
  if (!(schema instanceof z.ZodObject) || schema._zod.def.catchall) return;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return;
  const known = Object.keys(schema.shape);
  const unknown = Object.keys(body).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new AppError(
      400,
      "invalid_request",
      `${unknown}: unknown field (expected ${known.join(", ")})`,
    );
  }
}

/**
 * zValidator whose failures are 400 `{ error: { code: "invalid_request", message } }` naming
 * the failing field ("email: must be an email address"); malformed JSON and unknown fields of
 * a JSON body are 400s too, and a JSON body sent with another content type a 415.
 */
export function validate<T extends ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.length ? issue.path.join(".") : target;
      throw new AppError(400, "invalid_request", `${field}: ${issue?.message ?? "invalid"}`);
    }
  });
  if (target !== "json") return validator;
  return (async (c, next) => {
    refuseUnknownFields(schema, await readJsonBody(c));
    return await validator(c, next);
  }) as typeof validator;
}
