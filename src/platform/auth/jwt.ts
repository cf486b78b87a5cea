import { errors, type JWTVerifyOptions, jwtVerify, SignJWT } from 'jose';
import { isStorableText } from '../../modules/users/users.service.js';
import { DEFAULT_TOKEN_LIFETIME, type TokenPolicy } from '../config.js';
import type { Role, Viewer } from './viewer.js';

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

/** The policy with every default: a day for every token, `aud` and `iss` not checked. */
export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
  maxLifetimeSeconds: DEFAULT_TOKEN_LIFETIME,
  serviceMaxLifetimeSeconds: DEFAULT_TOKEN_LIFETIME,
  audience: undefined,
  issuer: undefined,
};

/** Why jose refused a token, in words safe to show to the caller. */
function refusal(error: unknown, policy: TokenPolicy): InvalidTokenError {
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('Token has expired');
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
    return new InvalidTokenError(`Token audience is not '${policy.audience}'`);
  }
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') {
    return new InvalidTokenError(`Token issuer is not '${policy.issuer}'`);
  }
  return new InvalidTokenError('Token is malformed or its signature is invalid');
}

/**
 * Refuses a token without `exp`, or valid for longer than its role may be: a token that never
 * expires, or expires in a year, outlives every revocation (a user's, a leaked backend's) and
 * keeps its WebSockets open as long. The lifetime is `exp - iat`; without `iat`, it counts from
 * now (allowing the issuer's clock to run ahead), so leaving `iat` out gains nothing.
 */
function checkLifetime(payload: Record<string, unknown>, role: Role, policy: TokenPolicy): number {
  const { exp, iat } = payload;
  // jose has refused an `exp` or `iat` that is present but not a number.
  if (typeof exp !== 'number') throw new InvalidTokenError('Token has no expiry (exp)');
  const max = role === 'service' ? policy.serviceMaxLifetimeSeconds : policy.maxLifetimeSeconds;
  const issuedAt = typeof iat === 'number' ? iat : (Date.now() + CLOCK_SKEW_MS) / 1000;
  if (exp - issuedAt > max) throw new InvalidTokenError(`Token lifetime exceeds ${max} seconds`);
  return exp * 1000;
}

/**
 * Verifies an HS256 token and reads the viewer from its claims: `sub` (the client_user_id the
 * token acts as), `tenant` (absent means `default`) and `role` (`user` unless `service`).
 * Throws `InvalidTokenError` for a bad signature, an expired token, malformed claims, a token
 * without `exp` or valid longer than `policy` allows its role, and an `aud` or `iss` other than
 * the policy's (when it names one).
 */
export async function verifyToken(
  token: string,
  key: Uint8Array,
  policy: TokenPolicy = DEFAULT_TOKEN_POLICY,
): Promise<Viewer> {
  if (token.length > MAX_TOKEN_LENGTH) throw new InvalidTokenError('Token is too large');
  // One token, one spelling: padded or non-canonical base64url (which a lenient decoder maps
  // to the same bytes) would let one token pass under many strings.
  if (!JWS_COMPACT.test(token) || !token.split('.').every(isCanonicalBase64Url)) {
    throw new InvalidTokenError('Token is malformed or its signature is invalid');
  }
  const options: JWTVerifyOptions = { algorithms: ['HS256'] };
  if (policy.audience !== undefined) options.audience = policy.audience;
  if (policy.issuer !== undefined) options.issuer = policy.issuer;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, options));
  } catch (error) {
    throw refusal(error, policy);
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
  const expiresAt = checkLifetime(payload, role, policy);
  return { subject: sub, tenant, role, expiresAt };
}

export interface TokenClaims {
  sub: string;
  tenant?: string | undefined;
  role?: Role | undefined;
  /** Lifetime, in the `jose` time span syntax (e.g. `1h`, `30d`); a day by default. */
  expiresIn?: string | undefined;
  audience?: string | undefined;
  issuer?: string | undefined;
}

/** Signs a token issued now (`iat`) that expires after `expiresIn` (`exp`), a day by default. */
export async function signToken(key: Uint8Array, claims: TokenClaims): Promise<string> {
  const payload: Record<string, string> = {};
  if (claims.tenant) payload.tenant = claims.tenant;
  if (claims.role) payload.role = claims.role;
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    // exp before iat: jose reads the clock for each, and an iat read a second before exp would
    // make the lifetime a second longer than asked, over the verifier's limit.
    .setExpirationTime(claims.expiresIn ?? `${DEFAULT_TOKEN_LIFETIME}s`)
    .setIssuedAt();
  if (claims.audience) jwt.setAudience(claims.audience);
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  return jwt.sign(key);
}

/**
 * Verifies tokens with one key and policy, remembering the ones it has verified until they
 * expire, so that a client sending the same token on every request pays for the signature check
 * once (HS256 through WebCrypto is among the costliest steps of a small request). Every token it
 * accepts has an `exp` (the policy requires one), and a remembered token is honoured only before
 * it. Holds at most `maxEntries` tokens, dropping the oldest first. Refused tokens are not
 * remembered.
 */
export class TokenVerifier {
  readonly #verified = new Map<string, { viewer: Viewer; expiresAt: number }>();

  constructor(
    private readonly key: Uint8Array,
    private readonly policy: TokenPolicy = DEFAULT_TOKEN_POLICY,
    private readonly maxEntries = 10_000,
  ) {}

  /** The viewer a token proves; throws `InvalidTokenError` like `verifyToken`. */
  async verify(token: string): Promise<Viewer> {
    const known = this.#verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known.viewer;
      this.#verified.delete(token);
      throw new InvalidTokenError('Token has expired');
    }
    const viewer = await verifyToken(token, this.key, this.policy);
    // verifyToken never accepts a token without `exp`; should that ever change, nothing is kept.
    if (viewer.expiresAt === undefined) return viewer;
    if (this.#verified.size >= this.maxEntries) {
      const oldest = this.#verified.keys().next().value;
      if (oldest !== undefined) this.#verified.delete(oldest);
    }
    // A copy of its own: `token` is most often a slice of the Authorization header (or of a
    // socket's `connection_init`), which a slice keeps whole in memory for as long as it lives.
    this.#verified.set(Buffer.from(token).toString(), { viewer, expiresAt: viewer.expiresAt });
    return viewer;
  }
}
