import assert from "node:assert/strict";
import { schemaErrors } from "./json_schema.ts";

const root = {
  components: {
    schemas: {
      Error: {
        type: "object",
        properties: { code: { type: "string" } },
        required: ["code"],
        additionalProperties: false,
      },
    },
  },
};
const ref = { $ref: "#/components/schemas/Error" };

Deno.test("schemaErrors: follows $refs into the document, reports what departs", () => {
  assert.deepEqual(schemaErrors(ref, { code: "x" }, root), []);
  assert.deepEqual(schemaErrors(ref, { code: "x", more: 1 }, root), [
    "$.more: answered but not documented",
  ]);
  assert.deepEqual(schemaErrors(ref, {}, root), ["$.code: missing, documented as required"]);
  assert.deepEqual(schemaErrors({ $ref: "#/components/schemas/Nope" }, {}, root), [
    "$: #/components/schemas/Nope not found",
  ]);
  assert.deepEqual(schemaErrors({ type: "array", items: ref }, [{ code: 1 }], root), [
    "$[0].code: is integer, documented string",
  ]);
});
