import { unauthenticated } from '../../graphql/context.js';
import { InvalidTokenError, type TokenVerifier } from './jwt.js';
import type { Viewer } from './viewer.js';

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
  if (token === null) throw unauthenticated("Authorization must be 'Bearer <JWT>'");
  try {
    return await tokens.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
}

/** The viewer a request's `Authorization` header proves, or null without one. */
export function authenticate(request: Request, tokens: TokenVerifier): Promise<Viewer | null> {
  return viewerFromAuthorization(request.headers.get('authorization'), tokens);
}
