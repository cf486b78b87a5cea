import { unauthenticated } from '../context.js';
import type { Viewer } from '../domain/viewer.js';
import { InvalidTokenError, verifyToken } from './jwt.js';

/**
 * The viewer a request's `Authorization: Bearer <JWT>` header proves, or null without one.
 * A header that is present but not a valid bearer token is a 401, never an anonymous call.
 */
export async function authenticate(request: Request, key: Uint8Array): Promise<Viewer | null> {
  const header = request.headers.get('authorization');
  if (header === null || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated("Authorization header must be 'Bearer <JWT>'");
  try {
    return await verifyToken(match[1], key);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
}
