import { ForbiddenError, platformErrors } from '../errors.js';

export type Role = 'user' | 'service';

/** Who is calling, as proven by their token. */
export interface Viewer {
  tenant: string;
  /** The `client_user_id` the token was issued for. */
  subject: string;
  role: Role;
  /** When the token stops being valid (ms since the epoch), if it expires. */
  expiresAt?: number | undefined;
}

/**
 * The user a call acts as: `userId` when given, else the token's own subject. A user token
 * may act only as itself; a service token (a game's backend) as any user of its tenant.
 */
export function actingUserId(viewer: Viewer, userId: string | null | undefined): string {
  const target = userId ?? viewer.subject;
  if (viewer.role !== 'service' && target !== viewer.subject) {
    throw new ForbiddenError(platformErrors.FORBIDDEN, `Not authorized to act as user '${target}'`);
  }
  return target;
}
