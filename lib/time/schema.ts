/**
 * The zod schema of a time-zone field, shared by the upload, account and reading APIs (and so
 * by the OpenAPI document).
 *
 * @module
 */
import { z } from "zod";
import { AppError } from "../errors.ts";
import { canonicalZone, isTimeZone } from "./names.ts";

/**
 * An IANA zone name, stored in the engine's canonical spelling; anything else is a 400 naming
 * the field ("timeZone: must be an IANA time zone such as Europe/Berlin").
 *
 * @example
 * ```ts
 * timeZoneSchema.parse("US/Eastern"); // "America/New_York"
 * ```
 */
export const timeZoneSchema = z.string()
  .max(64, "must be an IANA time zone such as Europe/Berlin")
  .refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin")
  .transform((name) => canonicalZone(name)!)
  .describe("An IANA time zone name (Europe/Berlin, America/New_York, UTC)");

/**
 * Validates an optional time-zone form or query field (an upload's `timeZone`): undefined when
 * absent or empty (the default applies), the canonical name when valid, else a 400 naming it.
 */
export function timeZoneField(value: string | undefined, field = "timeZone"): string | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = timeZoneSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError(400, "invalid_request", `${field}: ${parsed.error.issues[0].message}`);
}
