import { unauthenticated } from '../context.js';
import type { Viewer } from '../domain/viewer.js';
import { InvalidTokenError, type TokenVerifier } from './jwt.js';

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
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match?.[1]) throw unauthenticated("Authorization must be 'Bearer <JWT>'");
  try {
    return await tokens.verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
}

/** The viewer a request's `Authorization` header proves, or null without one. */
export function authenticate(request: Request, tokens: TokenVerifier): Promise<Viewer | null> {
  return viewerFromAuthorization(request.headers.get('authorization'), tokens);
}
