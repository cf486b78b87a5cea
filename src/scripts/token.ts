import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { secretKey, signToken } from '../platform/auth/jwt.js';
import { ConfigError, DEFAULT_TOKEN_LIFETIME, loadConfig } from '../platform/config.js';

/**
 * Prints a JWT for the configured JWT_SECRET: `npm run token -- --sub user123 [--tenant t]
 * [--role service]`. Its `aud` and `iss` are JWT_AUDIENCE and JWT_ISSUER unless given, and it is
 * valid for a day, or the longest JWT_MAX_LIFETIME_SECONDS (JWT_SERVICE_MAX_LIFETIME_SECONDS for
 * a service token) allows if that is less: the server started with the same environment accepts it.
 */
const usage =
  'usage: npm run token -- --sub <client_user_id> [--tenant <tenant>] [--role user|service] [--expires 24h] [--audience <aud>] [--issuer <iss>]';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    tenant: { type: 'string' },
    role: { type: 'string' },
    expires: { type: 'string' },
    audience: { type: 'string' },
    issuer: { type: 'string' },
    help: { type: 'boolean' },
  },
});

if (values.help || !values.sub) {
  process.stderr.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}
if (values.role !== undefined && values.role !== 'user' && values.role !== 'service') {
  process.stderr.write(`--role must be 'user' or 'service'\n${usage}\n`);
  process.exit(2);
}

try {
  const config = loadConfig();
  if (config.jwtSecretIsDevelopmentDefault) {
    process.stderr.write('note: JWT_SECRET is not set; signing with the development secret the server also uses\n');
  }
  const service = values.role === 'service';
  const max = service ? config.tokens.serviceMaxLifetimeSeconds : config.tokens.maxLifetimeSeconds;
  const token = await signToken(secretKey(config.jwtSecret), {
    sub: values.sub,
    tenant: values.tenant,
    role: values.role,
    expiresIn: values.expires ?? `${Math.min(DEFAULT_TOKEN_LIFETIME, max)}s`,
    audience: values.audience ?? config.tokens.audience,
    issuer: values.issuer ?? config.tokens.issuer,
  });
  // A token the server would refuse is not printed: say why instead.
  const { exp = 0, iat = 0 } = decodeJwt(token);
  if (exp - iat > max) {
    const setting = service ? 'JWT_SERVICE_MAX_LIFETIME_SECONDS' : 'JWT_MAX_LIFETIME_SECONDS';
    process.stderr.write(`--expires ${values.expires} is longer than ${setting} allows (${max} seconds)\n`);
    process.exit(2);
  }
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
