import { parseArgs } from 'node:util';
import { secretKey, signToken } from '../auth/jwt.js';
import { ConfigError, loadConfig } from '../config.js';

/** Prints a JWT for the configured JWT_SECRET: `npm run token -- --sub user123 [--tenant t] [--role service]`. */
const usage =
  'usage: npm run token -- --sub <client_user_id> [--tenant <tenant>] [--role user|service] [--expires 24h]';

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    tenant: { type: 'string' },
    role: { type: 'string' },
    expires: { type: 'string', default: '24h' },
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
  const token = await signToken(secretKey(config.jwtSecret), {
    sub: values.sub,
    tenant: values.tenant,
    role: values.role,
    expiresIn: values.expires,
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
