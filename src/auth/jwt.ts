import { errors, jwtVerify, SignJWT } from 'jose';
import { isStorableText } from '../domain/users.js';
import type { Role, Viewer } from '../domain/viewer.js';

export const DEFAULT_TENANT = 'default';

/** Far above any token this service's claims make (a few hundred bytes). */
const MAX_TOKEN_LENGTH = 4096;
/** How far the issuer's clock may run ahead of ours. */
const CLOCK_SKEW_MS = 60_000;
const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function isCanonicalBase64Url(segment: string): boolean {
  return Buffer.from(segment, 'base64url').toString('base64url') === segment;
}

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
  if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('Token is too large');
  // One token, one spelling: padded or non-canonical base64url (which a lenient decoder maps
  // to the same bytes) would let one token pass under many strings.
  if (!JWS_COMPACT.test(token) || !token.split('.').every(isCanonicalBase64Url)) {
    throw new InvalidTokenError('Token is malformed or its signature is invalid');
  }
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('Token has expired');
    throw new InvalidTokenError('Token is malformed or its signature is invalid');
  }
  const { sub, tenant = DEFAULT_TENANT, role = 'user' } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || !isStorableText(sub)) {
    throw new InvalidTokenError('Token has no valid subject (sub) claim');
  }
  if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 128 || !isStorableText(tenant)) {
    throw new InvalidTokenError('Token has an invalid tenant claim');
  }
  if (typeof payload.iat === 'number' && payload.iat * 1000 > Date.now() + CLOCK_SKEW_MS) {
    throw new InvalidTokenError('Token was issued in the future');
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

/**
 * Verifies tokens with one key, remembering the ones it has verified until they expire, so
 * that a client sending the same token on every request pays for the signature check once
 * (HS256 through WebCrypto is among the costliest steps of a small request). Holds at most
 * `maxEntries` tokens, dropping the oldest first. Refused tokens are not remembered.
 */
export class TokenVerifier {
  readonly #verified = new Map<string, Viewer>();

  constructor(
    private readonly key: Uint8Array,
    private readonly maxEntries = 10_000,
  ) {}

  /** The viewer a token proves; throws `InvalidTokenError` like `verifyToken`. */
  async verify(token: string): Promise<Viewer> {
    const known = this.#verified.get(token);
    if (known) {
      if (known.expiresAt === undefined || known.expiresAt > Date.now()) return known;
      this.#verified.delete(token);
      throw new InvalidTokenError('Token has expired');
    }
    const viewer = await verifyToken(token, this.key);
    if (this.#verified.size >= this.maxEntries) {
      const oldest = this.#verified.keys().next().value;
      if (oldest !== undefined) this.#verified.delete(oldest);
    }
    this.#verified.set(token, viewer);
    return viewer;
  }
}
