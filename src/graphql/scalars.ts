import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { builder } from './builder.js';

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
  return date;
}

builder.scalarType('DateTime', {
  description: 'A point in time, as an ISO 8601 string in UTC (e.g. 2024-01-15T10:30:00.000Z).',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});

function parseJsonObject(value: unknown): { [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphQLError('JSONObject must be a JSON object');
  }
  return value as { [key: string]: unknown };
}

builder.scalarType('JSONObject', {
  description:
    'A JSON object the game defines (e.g. `{"lobbyId": "eu-7f3a"}`); the gateway stores and passes it on as is.',
  serialize: (value) => value,
  parseValue: parseJsonObject,
  parseLiteral: (ast, variables) => parseJsonObject(valueFromASTUntyped(ast, variables)),
});
