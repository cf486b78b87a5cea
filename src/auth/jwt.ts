import { errors, jwtVerify, SignJWT } from 'jose';
import type { Role, Viewer } from '../domain/viewer.js';

export const DEFAULT_TENANT = 'default';

/** Why a token was refused; the message is safe to show to the caller. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * Verifies an HS256 token and reads the viewer from its claims: `sub` (the client_user_id the
 * token acts as), `tenant` (absent means `default`) and `role` (`user` unless `service`).
 * Throws `InvalidTokenError` for a bad signature, an expired token or malformed claims.
 */
export async function verifyToken(token: string, key: Uint8Array): Promise<Viewer> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('Token has expired');
    throw new InvalidTokenError('Token is malformed or its signature is invalid');
  }
  const { sub, tenant = DEFAULT_TENANT, role = 'user' } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.includes('\u0000')) {
    throw new InvalidTokenError('Token has no valid subject (sub) claim');
  }
  if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 128 || tenant.includes('\u0000')) {
    throw new InvalidTokenError('Token has an invalid tenant claim');
  }
  if (role !== 'user' && role !== 'service') throw new InvalidTokenError("Token role must be 'user' or 'service'");
  const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  return { subject: sub, tenant, role: role as Role, expiresAt };
}

export interface TokenClaims {
  sub: string;
  tenant?: string | undefined;
  role?: Role | undefined;
  /** Lifetime, in the `jose` time span syntax (e.g. `1h`, `30d`). */
  expiresIn?: string | undefined;
}

export async function signToken(key: Uint8Array, claims: TokenClaims): Promise<string> {
  const payload: Record<string, string> = {};
  if (claims.tenant) payload.tenant = claims.tenant;
  if (claims.role) payload.role = claims.role;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '24h')
    .sign(key);
}
