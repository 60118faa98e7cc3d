/**
 * The OpenAPI 3.1 document of the registry (routes/api/openapi.ts): zod schemas → JSON Schema,
 * Hono paths → OpenAPI paths, the shared error responses.
 *
 * @module
 */
import { z } from "zod";
import { operations } from "./openapi.ts";
import { type ApiOperation, errorSchema } from "./openapi_types.ts";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    // Formats say it; zod's long patterns and the safe-integer bound only add noise.
    override: ({ jsonSchema }) => {
      const js = jsonSchema as Json;
      if (js.format && js.pattern) delete js.pattern;
      if (js.maximum === Number.MAX_SAFE_INTEGER) delete js.maximum;
      if (js.minimum === Number.MIN_SAFE_INTEGER) delete js.minimum;
    },
  }) as Json;
  delete out.$schema;
  return out;
}

/** `/api/x/:id` → `/api/x/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

function parameters(op: ApiOperation): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [["path", op.params], ["query", op.query]] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const js = jsonSchema(field, "input");
      const { description, ...rest } = js;
      list.push({
        name,
        in: where,
        required: where === "path" || !field.safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return list;
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ERROR_REF } },
});

function responses(op: ApiOperation): Json {
  const out: Json = {};
  for (const [status, r] of Object.entries(op.responses)) {
    const content = r.schema
      ? {
        "application/json": {
          schema: r.schema === errorSchema ? ERROR_REF : jsonSchema(r.schema, "output"),
        },
      }
      : r.contentType
      ? { [r.contentType]: { schema: { type: "string", format: "binary" } } }
      : undefined;
    out[status] = { description: r.description, ...(content ? { content } : {}) };
  }
  const add = (status: number, description: string) => {
    if (!(status in out)) out[status] = errorResponse(description);
  };
  if (op.params || op.query || op.body) add(400, "Invalid request: the message names the field");
  if (op.body) add(415, "The body is not declared JSON: send `Content-Type: application/json`");
  if (!op.public) add(401, "Not signed in: send the session cookie or `Authorization: Bearer`");
  if (op.params) add(404, "Not found, or not yours (never 403)");
  if (op.method !== "get") add(429, "Too many attempts: wait `Retry-After` seconds");
  return out;
}

/** Builds the OpenAPI 3.1 document from the registry. */
export function openApiDocument(ops: ApiOperation[] = operations): Json {
  const paths: Record<string, Json> = {};
  const tags: string[] = [];
  for (const op of ops) {
    if (!tags.includes(op.tag)) tags.push(op.tag);
    const params = parameters(op);
    const body = op.body
      ? {
        required: true,
        content: { "application/json": { schema: jsonSchema(op.body, "input") } },
      }
      : op.rawBody
      ? {
        required: true,
        description: op.rawBody.description,
        content: Object.fromEntries(
          op.rawBody.contentTypes.map((t) => [t, { schema: { type: "string", format: "binary" } }]),
        ),
      }
      : undefined;
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      operationId: `${op.method}${
        op.path.replace(/^\/api/, "").replace(
          /[^A-Za-z0-9]+(.)?/g,
          (_, ch = "") => ch.toUpperCase(),
        )
      }`,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.public ? { security: [] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: responses(op),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "WhatsApp Conversation Reader API",
      version: "1",
      description: "Read your WhatsApp chat exports. Authenticate with the `session` cookie " +
        "(the pages), a session token from /api/auth/login, or a personal API token " +
        "(`Authorization: Bearer wcr_…`, created on the account page). Errors are " +
        "`{error: {code, message}}`. A method a path does not list here is a 405 " +
        "`method_not_allowed` with an `Allow` header naming the ones it has (GET brings HEAD); " +
        "a path not listed at all is a 404 `not_found`.",
    },
    servers: [{ url: "/" }],
    tags: tags.map((name) => ({ name })),
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, "output") },
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A personal API token or a session token",
        },
        cookie: { type: "apiKey", in: "cookie", name: "session" },
      },
    },
  };
}
