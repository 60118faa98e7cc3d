/**
 * A small JSON Schema checker for the subset our OpenAPI document uses (type, properties,
 * required, additionalProperties, items, prefixItems, anyOf, enum, const, and `$ref`s into the
 * document given as `root`): tests hold real
 * answers against the documented shapes with it. Formats, patterns and bounds are not checked.
 *
 * @module
 */

type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The schema a local `$ref` (`#/components/schemas/Error`) points to in `root`. */
function resolve(root: Schema, ref: string): Schema | undefined {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    node = (node as Schema | undefined)?.[part];
  }
  return node as Schema | undefined;
}

/**
 * Where `value` departs from `schema`: one line per problem, `$.a.b: …`; empty when it fits.
 * `root` is the document that `$ref`s point into.
 */
export function schemaErrors(
  schema: Schema,
  value: unknown,
  root: Schema = {},
  at = "$",
): string[] {
  if (typeof schema.$ref === "string") {
    const target = resolve(root, schema.$ref);
    return target ? schemaErrors(target, value, root, at) : [`${at}: ${schema.$ref} not found`];
  }
  if (schema.anyOf) {
    const tries = (schema.anyOf as Schema[]).map((s) => schemaErrors(s, value, root, at));
    return tries.some((e) => e.length === 0) ? [] : tries.flat();
  }
  if ("const" in schema && schema.const !== value) return [`${at}: must be ${schema.const}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) {
    return [
      `${at}: ${JSON.stringify(value)} is not one of ${(schema.enum as unknown[]).join(", ")}`,
    ];
  }
  if (schema.type) {
    const types = [schema.type].flat() as string[];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) {
      return [`${at}: is ${actual}, documented ${types.join(" or ")}`];
    }
  }
  const errors: string[] = [];
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in object)) errors.push(`${at}.${key}: missing, documented as required`);
    }
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...schemaErrors(properties[key], v, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) {
        errors.push(`${at}.${key}: answered but not documented`);
      }
    }
  }
  if (Array.isArray(value)) {
    const tuple = (schema.prefixItems ?? []) as Schema[];
    value.forEach((v, i) => {
      const item = tuple[i] ?? schema.items as Schema | undefined;
      if (item) errors.push(...schemaErrors(item, v, root, `${at}[${i}]`));
    });
  }
  return errors;
}
