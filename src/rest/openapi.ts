import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getOperationAST, type OperationDefinitionNode, parse } from 'graphql';
import { errorLabelOf } from '../platform/http/errors.js';
import type { BodyInput, QueryInput } from './input-schema.js';
import { isRequiredBody, isRequiredBodyField, MAX_INT, pathParamNames } from './input-schema.js';
import { type JsonSchema, ref } from './json-schema.js';
import { API_DESCRIPTION, ERROR_SCHEMA, SHARED_COMPONENTS } from './openapi-shared.js';
import { actsAsPathUser, pathParamOf, type Route, SCHEMAS, TAGS } from './routes.js';
import { ERROR_CODES, type RestErrorCode, statusOf } from './status.js';

/*
 * The OpenAPI 3.1 document of the REST shim, generated from its route table: the paths and
 * methods, the path parameters, the query parameters and JSON bodies as the shim parses them
 * (the same declarations), the success bodies each route's `respond` shapes, and the errors
 * each route can answer. Nothing here is written by hand per route, so it cannot drift.
 */

/** Where the document is served (no token needed). */
export const OPENAPI_PATH = '/v1/openapi.json';

export const API_TITLE = 'User Connections API';

/** The REST body limit, as the handler enforces it (kept here to avoid a cycle with handler.ts). */
export interface OpenApiOptions {
  /** The API's version: the package's. */
  version: string;
  /** Largest JSON body the shim reads, in bytes. */
  maxBodyBytes: number;
}

/** The package's version, read from the nearest package.json above this module (src or dist). */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.version && pkg.name === 'user-connections-gateway') return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}

/** `/v1/users/:userId` → `/v1/users/{userId}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** The route's GraphQL operation, parsed (the generated document holds its fragments too). */
function graphqlOperationOf(route: Route): OperationDefinitionNode {
  const operation = getOperationAST(parse(route.operation.toString()));
  if (!operation?.name) throw new Error(`The operation of ${route.method} ${route.path} has no name`);
  return operation;
}

/** `query RestSendConnectionRequest(…)` → `sendConnectionRequest`. */
function operationId(route: Route): string {
  const bare = (graphqlOperationOf(route).name?.value ?? '').replace(/^Rest/, '');
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

const takesIdempotencyKey = (route: Route) =>
  graphqlOperationOf(route).variableDefinitions?.some(
    (definition) => definition.variable.name.value === 'idempotencyKey',
  ) ?? false;

/**
 * The error codes a route can answer: its own rules' codes (the `failures` its service operation
 * declares), and those that follow from what it is. Every route authenticates and reads the
 * database; one that acts as the path's user checks that the caller may (403); a route with a
 * body reads JSON within a size limit; every call draws on a budget (a write on the write
 * budgets, a read by a user token on the user's read budget); a write that takes an
 * Idempotency-Key may find it used for another request.
 */
export function errorCodesOf(route: Route): RestErrorCode[] {
  const codes = new Set<RestErrorCode>([
    'VALIDATION_FAILED',
    'UNAUTHENTICATED',
    ...(actsAsPathUser(route) ? (['FORBIDDEN'] as const) : []),
    'SERVICE_UNAVAILABLE',
    'INTERNAL_SERVER_ERROR',
    'RATE_LIMITED',
    ...route.errors.map((declared) => declared.code),
  ]);
  if (route.body) {
    codes.add('INVALID_JSON');
    codes.add('PAYLOAD_TOO_LARGE');
  }
  if (takesIdempotencyKey(route)) codes.add('IDEMPOTENCY_KEY_REUSED');
  // In the order of the codes' table, so the document reads the same way every time.
  return ERROR_CODES.filter((code) => codes.has(code));
}

function withDescription(schema: JsonSchema, description: string | undefined): JsonSchema {
  return description ? { ...schema, description } : schema;
}

function queryParamSchema(input: QueryInput): JsonSchema {
  switch (input.type) {
    case 'integer':
      return {
        type: 'integer',
        format: 'int32',
        minimum: input.minimum ?? -MAX_INT,
        maximum: input.maximum ?? MAX_INT,
        ...(input.default !== undefined && { default: input.default }),
      };
    case 'boolean':
      return { type: 'boolean', ...(input.default !== undefined && { default: input.default }) };
    case 'enum':
      return {
        type: 'string',
        enum: [...input.values],
        ...(input.default !== undefined && { default: input.default }),
      };
    case 'text':
      return { type: 'string' };
    case 'string-list':
      return {
        type: 'array',
        items: { type: 'string', ...(input.pattern && { pattern: input.pattern }) },
        ...(input.maxItems !== undefined && { maxItems: input.maxItems }),
      };
  }
}

function bodyFieldSchema(input: BodyInput): { schema: JsonSchema; required: boolean } {
  const required = isRequiredBodyField(input);
  switch (input.type) {
    case 'string': {
      const lengths = {
        ...(input.minLength !== undefined && { minLength: input.minLength }),
        ...(input.maxLength !== undefined && { maxLength: input.maxLength }),
      };
      const types = ['string', ...(input.integerAsString ? ['integer'] : []), ...(input.required ? [] : ['null'])];
      const schema = { type: types.length === 1 ? 'string' : types, ...lengths };
      return { schema: withDescription(schema, input.description), required };
    }
    case 'enum': {
      const values: (string | null)[] = [...input.values, ...(input.required ? [] : [null])];
      const schema = { type: input.required ? 'string' : ['string', 'null'], enum: values };
      return { schema: withDescription(schema, input.description), required };
    }
    case 'string-array': {
      const schema = {
        type: 'array',
        items: { type: 'string', ...input.items },
        ...(input.minItems !== undefined && { minItems: input.minItems }),
        ...(input.maxItems !== undefined && { maxItems: input.maxItems }),
      };
      return { schema: withDescription(schema, input.description), required };
    }
    case 'boolean': {
      const schema = { type: ['boolean', 'null'], ...(input.default !== undefined && { default: input.default }) };
      return { schema: withDescription(schema, input.description), required };
    }
    case 'body-integer': {
      const schema = {
        type: ['integer', 'null'],
        ...(input.minimum !== undefined && { minimum: input.minimum }),
        ...(input.maximum !== undefined && { maximum: input.maximum }),
      };
      return { schema: withDescription(schema, input.description), required };
    }
    case 'object': {
      const schema = { type: ['object', 'null'], additionalProperties: true };
      const size = input.maxBytes !== undefined ? ` At most ${input.maxBytes} bytes as JSON.` : '';
      return { schema: withDescription(schema, `${input.description ?? ''}${size}`.trim() || undefined), required };
    }
  }
}

function parametersOf(route: Route): JsonSchema[] {
  const parameters: JsonSchema[] = pathParamNames(route.path).map((name) => {
    const schema = pathParamOf(route, name);
    if (!schema) throw new Error(`Path parameter ${name} of ${route.method} ${route.path} is not described`);
    const { description, ...rest } = schema;
    return { name, in: 'path', required: true, description, schema: rest };
  });
  for (const [name, input] of Object.entries(route.query ?? {})) {
    parameters.push({
      name,
      in: 'query',
      required: input.type === 'text' && input.required === true,
      // A list is the parameter repeated (type=a&type=b).
      ...(input.type === 'string-list' && { style: 'form', explode: true }),
      ...(input.description && { description: input.description }),
      schema: queryParamSchema(input),
    });
  }
  if (takesIdempotencyKey(route)) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return parameters;
}

function requestBodyOf(route: Route, maxBodyBytes: number): JsonSchema | undefined {
  if (!route.body) return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, input] of Object.entries(route.body)) {
    const field = bodyFieldSchema(input);
    properties[name] = field.schema;
    if (field.required) required.push(name);
  }
  const bodyRequired = isRequiredBody(route.body);
  const mayBeLeftOut = bodyRequired ? '' : ' May be left out: every field then takes its default.';
  return {
    required: bodyRequired,
    description: `A JSON object of at most ${maxBodyBytes} bytes; other fields are ignored.${mayBeLeftOut}`,
    content: { 'application/json': { schema: { type: 'object', properties, required } } },
  };
}

const RETRY_AFTER = { $ref: '#/components/headers/RetryAfter' };

function errorResponsesOf(route: Route): Record<string, JsonSchema> {
  const byStatus = new Map<number, RestErrorCode[]>();
  for (const code of errorCodesOf(route)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const headers: Record<string, JsonSchema> = {};
    if (status === 429 || status === 503) headers['Retry-After'] = RETRY_AFTER;
    if (status === 401) headers['WWW-Authenticate'] = { $ref: '#/components/headers/WWWAuthenticate' };
    responses[String(status)] = {
      description: `${errorLabelOf(status)}: ${codes.map((code) => `\`${code}\``).join(', ')}.`,
      ...(Object.keys(headers).length > 0 && { headers }),
      content: {
        'application/json': {
          schema: { allOf: [ref('Error'), { type: 'object', properties: { code: { enum: codes } } }] },
        },
      },
    };
  }
  return responses;
}

function operationOf(route: Route, options: OpenApiOptions): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const status of route.success.statuses) {
    responses[String(status)] = {
      description: route.success.description,
      content: { 'application/json': { schema: route.success.schema } },
    };
  }
  const requestBody = requestBodyOf(route, options.maxBodyBytes);
  return {
    operationId: operationId(route),
    tags: [route.tag],
    summary: route.summary,
    ...(route.description && { description: route.description }),
    parameters: parametersOf(route),
    ...(requestBody && { requestBody }),
    responses: { ...responses, ...errorResponsesOf(route) },
  };
}

/** The whole document for the routes. */
export function buildOpenApiDocument(routes: readonly Route[], options: OpenApiOptions): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route, options);
  }
  paths[OPENAPI_PATH] = {
    get: {
      operationId: 'openApiDocument',
      tags: ['Documentation'],
      summary: 'This document',
      security: [],
      responses: {
        '200': {
          description: 'The OpenAPI 3.1 document of the REST API.',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: options.version,
      description: API_DESCRIPTION,
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      ...Object.entries(TAGS).map(([name, description]) => ({ name, description })),
      { name: 'Documentation', description: 'This document (no token needed); the reference page is at `/docs`.' },
    ],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      ...SHARED_COMPONENTS,
      schemas: {
        ...SCHEMAS,
        Error: ERROR_SCHEMA,
      },
    },
  };
}
