/*
 * Builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the REST response bodies.
 * Each route declares its success body with these next to the `respond` function that shapes
 * it; the OpenAPI document publishes them, and the tests check real responses against them.
 */

export type JsonSchema = { [keyword: string]: unknown };

/** Reference to a schema of the document's `components.schemas`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

export const string = (extra: JsonSchema = {}): JsonSchema => ({ type: 'string', ...extra });
export const integer = (extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', ...extra });
export const boolean = (extra: JsonSchema = {}): JsonSchema => ({ type: 'boolean', ...extra });
export const dateTime = (description?: string): JsonSchema =>
  string({ format: 'date-time', ...(description && { description }) });
export const stringEnum = (values: readonly string[], extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  enum: [...values],
  ...extra,
});
export const array = (items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', items, ...extra });

/** The schema, or JSON `null`. */
export function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string' && schema.$ref === undefined) return { ...schema, type: [schema.type, 'null'] };
  return { oneOf: [schema, { type: 'null' }] };
}

/**
 * An object with these properties, all required except those named in `optional` (which a
 * response leaves out when they do not apply).
 */
export function object(
  properties: Record<string, JsonSchema>,
  options: { optional?: readonly string[]; description?: string } = {},
): JsonSchema {
  const optional = new Set(options.optional ?? []);
  return {
    type: 'object',
    ...(options.description && { description: options.description }),
    properties,
    required: Object.keys(properties).filter((name) => !optional.has(name)),
  };
}
