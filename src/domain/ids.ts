import { NotFoundError } from './errors.js';

type IdCode = 'CONNECTION_REQUEST_NOT_FOUND' | 'CONNECTION_NOT_FOUND' | 'NOTIFICATION_NOT_FOUND';

/**
 * Reads a numeric resource id. Anything that is not one cannot name an existing resource, so
 * it is answered as not found rather than as a malformed request.
 */
export function parseResourceId(code: IdCode, value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new NotFoundError(code, value);
  return Number(value);
}
