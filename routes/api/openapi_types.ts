/**
 * The shape of an entry of the API registry (routes/api/openapi.ts) and the error body every
 * endpoint shares. Apart from the registry so that route files can describe their own operations
 * (`fooOperations: ApiOperation[]`) without importing the registry that imports them.
 *
 * @module
 */
import { z } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** One response of an operation. */
export interface ApiResponse {
  description: string;
  /** JSON body schema; omit for empty bodies. */
  schema?: z.ZodType;
  /** Content type of a non-JSON body (schema omitted): `application/octet-stream`, … */
  contentType?: string;
  headers?: Record<string, string>;
}

/** One endpoint: method, Hono-style path (`/api/x/:id`) and the schemas its route uses. */
export interface ApiOperation {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** No authentication needed (sign-up, the document itself). */
  public?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON request body. */
  body?: z.ZodType;
  /** A non-JSON request body (uploads). */
  rawBody?: { contentTypes: string[]; description: string };
  responses: Record<number, ApiResponse>;
}

/** The error body every API error uses. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code: invalid_request, not_found, …"),
    message: z.string().describe("Human-readable; validation errors start with the field name"),
  }).loose().describe(
    "Some errors say more in fields of their own: a 409 `duplicate_upload` names the earlier " +
      "import (`importId`, `importUrl`, `conversationId`, `conversationUrl`, `title`)",
  ),
});

/** The 429 of a GET that costs seconds of CPU on a big chat (RATE_LIMIT_HEAVY, per user). */
export const heavyLimited: ApiResponse = {
  description: "Too many CPU-heavy requests (RATE_LIMIT_HEAVY): wait `Retry-After` seconds",
  schema: errorSchema,
};

/** A non-JSON response (a file, a page): a binary body of `contentType`. */
export const binary = (
  description: string,
  contentType = "application/octet-stream",
): ApiResponse => ({
  description,
  contentType,
});
