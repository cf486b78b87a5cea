import { declaredEnumValue, graphqlEnumName } from '../graphql/enums.js';
import { RestInputError } from './status.js';

/*
 * The inputs of a REST route as data: its query parameters and the fields of its JSON body,
 * each with its type and limits. The shim parses every request with these declarations (see
 * `parseInput`) and the OpenAPI document is generated from the very same ones, so the two
 * cannot disagree.
 *
 * The shim checks the form of each input (an integer, a string, one of an enum's values) with
 * the messages below. Ranges and lengths (`minimum`, `maximum`, `minLength`, `maxLength`,
 * `minItems`, `maxItems`) are the domain's rules, checked by the domain for REST and GraphQL
 * alike with its own messages: declarations take them from the domain's constants, so what is
 * documented is what is enforced.
 */

interface Documented {
  description?: string;
}

/** A query parameter holding a 32-bit integer (`page=2`). */
export interface IntegerInput extends Documented {
  type: 'integer';
  minimum?: number;
  maximum?: number;
  /** Used when the parameter is absent or empty. */
  default?: number;
}

/**
 * In the query, a parameter holding `true`/`1` or `false`/`0`, in any case; in a JSON body, a
 * field holding `true` or `false` (`null` or left out: the default).
 */
export interface BooleanInput extends Documented {
  type: 'boolean';
  default?: boolean;
}

/**
 * One of a declared enum's values (`enumValues(...)`, lower case as REST writes them); parsed
 * into its GraphQL name (`graphqlEnumName`, upper case). In the query it is matched in any case;
 * in a JSON body exactly.
 */
export interface EnumInput<V extends string = string> extends Documented {
  type: 'enum';
  values: readonly V[];
  default?: V;
  required?: boolean;
}

/**
 * A query parameter that may repeat (`type=a&type=b`), each value also split at commas
 * (`type=a,b`); parsed into the list of values (empty when absent). The values' form is the
 * domain's rule.
 */
export interface StringListInput extends Documented {
  type: 'string-list';
  /** What each value must be, for the OpenAPI document. */
  pattern?: string;
  maxItems?: number;
}

/**
 * A query parameter holding free text (`query=emil`), passed on as written (its form is the
 * domain's rule); absent or empty is left out, or refused when `required`.
 */
export interface TextInput extends Documented {
  type: 'text';
  required?: boolean;
}

/** A JSON body field holding a string. */
export interface StringInput extends Documented {
  type: 'string';
  required?: boolean;
  /** Also accept a JSON integer (ids of clients whose user ids are numeric), as its decimal string. */
  integerAsString?: boolean;
  /** Another field that may stand in for this one: exactly one of the two must be given. */
  alternative?: string;
  /** JSON `null` clears the value (read as the empty string); a field left out stays as it is. */
  nullClears?: boolean;
  minLength?: number;
  maxLength?: number;
}

/** A JSON body field holding an array of strings. */
export interface StringArrayInput extends Documented {
  type: 'string-array';
  /** What the strings are, for the error message ("user id strings"). */
  itemsAre: string;
  minItems?: number;
  maxItems?: number;
  items?: { minLength?: number; maxLength?: number };
}

/** A JSON body field holding an integer (its range is the domain's rule). */
export interface BodyIntegerInput extends Documented {
  type: 'body-integer';
  minimum?: number;
  maximum?: number;
}

/** A JSON body field holding a JSON object the game defines, passed on as is (its size is the domain's rule). */
export interface ObjectInput extends Documented {
  type: 'object';
  required?: boolean;
  /** Its largest size as JSON, documented. */
  maxBytes?: number;
}

export type QueryInput = IntegerInput | BooleanInput | EnumInput | StringListInput | TextInput;
export type BodyInput = StringInput | EnumInput | StringArrayInput | BooleanInput | BodyIntegerInput | ObjectInput;

/** Query parameters by name, parsed (and documented) in this order. */
export type QuerySchema = Record<string, QueryInput>;
/** The fields of a JSON object body by name, parsed (and documented) in this order. */
export type BodySchema = Record<string, BodyInput>;

/** Names of the `:name` segments of a route path. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The names of a path's parameters, in order (`/v1/users/:userId` → `['userId']`). */
export function pathParamNames(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment.startsWith(':'))
    .map((segment) => segment.slice(1));
}

type ParsedQueryValue<I> = I extends IntegerInput
  ? I extends { default: number }
    ? number
    : number | undefined
  : I extends BooleanInput
    ? I extends { default: boolean }
      ? boolean
      : boolean | undefined
    : I extends EnumInput<infer V>
      ? I extends { default: string }
        ? Uppercase<V>
        : Uppercase<V> | undefined
      : I extends StringListInput
        ? string[]
        : I extends TextInput
          ? I extends { required: true }
            ? string
            : string | undefined
          : never;

type ParsedBodyValue<I> = I extends StringInput
  ? I extends { required: true }
    ? string
    : string | null
  : I extends EnumInput<infer V>
    ? I extends { required: true }
      ? Uppercase<V>
      : Uppercase<V> | null
    : I extends StringArrayInput
      ? string[]
      : I extends BooleanInput
        ? I extends { default: boolean }
          ? boolean
          : boolean | null
        : I extends BodyIntegerInput
          ? number | null
          : I extends ObjectInput
            ? I extends { required: true }
              ? { [key: string]: unknown }
              : { [key: string]: unknown } | null
            : never;

export type ParsedQuery<Q> = { [K in keyof Q]: ParsedQueryValue<Q[K]> };
export type ParsedBody<B> = { [K in keyof B]: ParsedBodyValue<B[K]> };

/** A route's input after parsing: what its `variables` function turns into GraphQL variables. */
export interface ParsedInput<Path extends string, Q, B> {
  params: Record<PathParamNames<Path>, string>;
  query: ParsedQuery<Q>;
  body: ParsedBody<B>;
}

const invalid = (message: string) => new RestInputError('VALIDATION_FAILED', message);

// Query parameters are GraphQL `Int`s: 32-bit, so larger numbers are refused here, not by the engine.
export const MAX_INT = 2_147_483_647;

function parseQueryValue(name: string, input: QueryInput, query: URLSearchParams): unknown {
  const raw = query.get(name);
  switch (input.type) {
    case 'integer': {
      if (raw === null || raw === '') return input.default;
      // Only the form is checked here; the range is the domain's rule, the same as for GraphQL.
      if (!/^-?\d{1,10}$/.test(raw) || Math.abs(Number(raw)) > MAX_INT) throw invalid(`${name} must be an integer`);
      return Number(raw);
    }
    case 'boolean': {
      const value = raw?.toLowerCase();
      if (value === undefined || value === '') return input.default;
      if (value === 'true' || value === '1') return true;
      if (value === 'false' || value === '0') return false;
      throw invalid(`${name} must be true or false`);
    }
    case 'enum': {
      if (raw === null || raw === '') return input.default === undefined ? undefined : graphqlEnumName(input.default);
      // Compared in the declared (lower-case) spelling: upper-casing would turn a dotless ı into
      // I ("pendıng" → PENDING).
      const value = input.values.find((v) => declaredEnumValue(v) === declaredEnumValue(raw));
      if (value === undefined) throw invalid(`${name} must be one of ${input.values.join(', ')}`);
      return graphqlEnumName(value);
    }
    case 'text':
      if (raw === null || raw === '') {
        if (input.required) throw invalid(`${name} is required`);
        return undefined;
      }
      return raw;
    case 'string-list':
      return query
        .getAll(name)
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean);
  }
}

function parseBodyValue(name: string, input: BodyInput, body: Record<string, unknown>): unknown {
  const value = body[name];
  switch (input.type) {
    case 'string': {
      const alternative = input.alternative === undefined ? null : (body[input.alternative] ?? null);
      if (value === null && input.nullClears) return '';
      if (value === undefined || value === null) {
        if (input.required || (input.alternative !== undefined && alternative === null)) {
          throw invalid(`${name} is required`);
        }
        return null;
      }
      if (alternative !== null) throw invalid(`Give ${name} or ${input.alternative}, not both`);
      if (input.integerAsString && typeof value === 'number' && Number.isInteger(value)) return String(value);
      if (typeof value !== 'string') throw invalid(`${name} must be a string`);
      return value;
    }
    case 'enum': {
      if (!input.required && (value === undefined || value === null)) return null;
      const found = input.values.find((v) => v === value);
      if (found === undefined) throw invalid(`${name} must be one of ${input.values.join(', ')}`);
      return graphqlEnumName(found);
    }
    case 'string-array': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw invalid(`${name} must be an array of ${input.itemsAre}`);
      }
      return value;
    }
    case 'boolean': {
      if (value === undefined || value === null) return input.default ?? null;
      // JSON's own booleans only: "true" or 1 is a client bug better refused than guessed at.
      if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
      return value;
    }
    case 'body-integer': {
      if (value === undefined || value === null) return null;
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_INT) {
        throw invalid(`${name} must be an integer`);
      }
      return value;
    }
    case 'object': {
      if (value === undefined || value === null) {
        if (input.required) throw invalid(`${name} is required`);
        return null;
      }
      if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`${name} must be a JSON object`);
      return value;
    }
  }
}

/** Whether the body field must be given: a string, enum or object marked `required`, any string array. */
export function isRequiredBodyField(input: BodyInput): boolean {
  switch (input.type) {
    case 'string':
    case 'enum':
    case 'object':
      return input.required === true;
    case 'string-array':
      return true;
    case 'boolean':
    case 'body-integer':
      return false;
  }
}

/** Whether the body field says what it is when left out (a `default`). */
function hasDefault(input: BodyInput): boolean {
  return (input.type === 'boolean' || input.type === 'enum') && input.default !== undefined;
}

/**
 * Whether a request must carry a body: when one of its fields must be given, or has no default.
 * A body whose fields all have defaults may be left out (nothing, or only white space), and then
 * reads as `{}`, every field taking its default: a route that gains such fields keeps answering
 * the clients that send no body (the decline's `silent`). A body with a field that has no default
 * is the client's to write (the settings, where a field left out stays as it is, and at least
 * one must be given): the document says it is required, and the shim refuses a missing one.
 */
export function isRequiredBody(body: BodySchema): boolean {
  return Object.values(body).some((input) => isRequiredBodyField(input) || !hasDefault(input));
}

/**
 * Parses a request's input by its route's declarations: query parameters first, then the JSON
 * body (which must be an object when the route declares one, or be left out when every one of
 * its fields has a default, see `isRequiredBody`), each in declaration order; the first bad input is
 * refused with a 400 `VALIDATION_FAILED` naming it.
 */
export function parseInput(
  declared: { query?: QuerySchema | undefined; body?: BodySchema | undefined },
  input: { params: Record<string, string>; query: URLSearchParams; body: unknown },
): { params: Record<string, string>; query: Record<string, unknown>; body: Record<string, unknown> } {
  const query: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(declared.query ?? {})) {
    query[name] = parseQueryValue(name, declaration, input.query);
  }
  const body: Record<string, unknown> = {};
  if (declared.body) {
    const object = input.body === undefined && !isRequiredBody(declared.body) ? {} : input.body;
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
      throw invalid('Request body must be a JSON object');
    }
    for (const [name, declaration] of Object.entries(declared.body)) {
      body[name] = parseBodyValue(name, declaration, object as Record<string, unknown>);
    }
  }
  return { params: input.params, query, body };
}
