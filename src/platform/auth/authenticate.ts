import { InvalidTokenError, type TokenVerifier } from './jwt.js';
import type { Viewer } from './viewer.js';

/** What a request without credentials is told (401 UNAUTHENTICATED in every face). */
export const MISSING_TOKEN_MESSAGE = 'Missing bearer token: send Authorization: Bearer <JWT>';

/**
 * The credentials are malformed, expired or wrongly signed. Every face answers it as 401
 * UNAUTHENTICATED: REST with the documented body, GraphQL as an error with that code, the
 * WebSocket adapter by closing the socket with 4401.
 */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
}

/** The token of an `Authorization` value `Bearer <JWT>`, or null when it is not of that form. */
export function bearerTokenOf(value: string): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(value)?.[1] ?? null;
}

/**
 * The viewer an `Authorization` value (`Bearer <JWT>`) proves, or null when there is none.
 * A value that is present but not a valid bearer token is a 401, never an anonymous call.
 * HTTP requests and WebSocket `connection_init` payloads both come through here.
 */
export async function viewerFromAuthorization(
  value: string | null | undefined,
  tokens: TokenVerifier,
): Promise<Viewer | null> {
  if (value == null || value.trim() === '') return null;
  const token = bearerTokenOf(value);
  if (token === null) throw new UnauthenticatedError("Authorization must be 'Bearer <JWT>'");
  try {
    return await tokens.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new UnauthenticatedError(error.message);
    throw error;
  }
}

/** The viewer a request's `Authorization` header proves, or null without one. */
export function authenticate(request: Request, tokens: TokenVerifier): Promise<Viewer | null> {
  return viewerFromAuthorization(request.headers.get('authorization'), tokens);
}
