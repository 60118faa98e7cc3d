/**
 * The OpenAPI entries of the reference itself: `GET /api/openapi.json` and `GET /api/docs`.
 * Their routes (routes/api/docs.tsx) build the document from the registry, so the entries
 * cannot live there: the registry would import the module that imports it.
 *
 * @module
 */
import { z } from "zod";
import { type ApiOperation, binary } from "./openapi_types.ts";

/** The document and its page: public. */
export const referenceOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/openapi.json",
    tag: "Reference",
    summary: "This document",
    public: true,
    responses: {
      200: { description: "OpenAPI 3.1", schema: z.object({ openapi: z.string() }).loose() },
    },
  },
  {
    method: "get",
    path: "/api/docs",
    tag: "Reference",
    summary: "This document as a page",
    public: true,
    responses: { 200: binary("HTML", "text/html") },
  },
];
