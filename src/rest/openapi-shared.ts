import { DATABASE_RETRY_AFTER_SECONDS } from '../platform/db/availability.js';
import { type JsonSchema, object, string } from './json-schema.js';
import { ERROR_CODES } from './status.js';

/*
 * The parts of the OpenAPI document that are the same for every route: the API's description,
 * authentication, the Idempotency-Key header, the response headers and the error body.
 */

export const API_DESCRIPTION = `The REST face of the User Connections gateway: the documented \`/v1\` paths and those beyond them.
Every path is one GraphQL operation of \`/graphql\` underneath, with the same rules and errors.

Authenticate with a bearer JWT (HS256): a user token acts as its own user, a service token of a
tenant (a game's backend) as any user of that tenant.

Every failure is \`{error, message, code}\` with a stable \`code\`; each operation lists the codes it
can answer. Besides those, any request may be refused by the transport: \`405 METHOD_NOT_ALLOWED\`
(with \`Allow\`) for a method a path does not take, \`404 ROUTE_NOT_FOUND\` for an unknown path,
\`408 REQUEST_TIMEOUT\`, \`413 PAYLOAD_TOO_LARGE\` (any body over 256 KiB), \`414 URI_TOO_LONG\` and
\`431 HEADERS_TOO_LARGE\`.

Every \`POST\` that changes something takes an \`Idempotency-Key\`: a retry with the same key and
input returns the first call's answer.`;

/** The error body every failure answers with. */
export const ERROR_SCHEMA: JsonSchema = object({
  error: string({ description: "The status's label, e.g. `Resource not found`." }),
  message: string({ description: 'What went wrong, for people.' }),
  code: { type: 'string', enum: [...ERROR_CODES], description: 'Stable: switch on this.' },
});

/** `components` shared by every operation: security, parameters and headers. */
export const SHARED_COMPONENTS: Record<string, JsonSchema> = {
  securitySchemes: {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'HS256 token: `sub` the user id, `tenant`, and `role: service` for a backend.',
    },
  },
  parameters: {
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        "Makes the call safe to retry: the same key with the same input returns the first call's answer; with another input, 422 `IDEMPOTENCY_KEY_REUSED`. Scoped to the acting user.",
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    },
  },
  headers: {
    RetryAfter: {
      description: `Seconds to wait before retrying (${DATABASE_RETRY_AFTER_SECONDS} while the database is away).`,
      schema: { type: 'integer', minimum: 1 },
    },
    WWWAuthenticate: { description: '`Bearer`.', schema: { type: 'string' } },
  },
};
