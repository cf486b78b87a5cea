import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { ValidationError } from '../../platform/errors.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import type { InvitePolicy } from '../invites/invites.table.js';
import type { PresenceSharing } from '../presence/presence.rules.js';
import type { PresenceDeps } from '../presence/presence.service.js';
import { requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import { updatePrivacySettings } from './settings.repository.js';
import type { RequestPolicy } from './settings.table.js';

/** A user's privacy settings. */
export interface Settings {
  /** Who may send the user connection requests (checked when a request is sent). */
  acceptRequestsFrom: RequestPolicy;
  /** Who sees the user's presence besides itself and its tenant's service tokens. */
  sharePresence: PresenceSharing;
  /** Who may invite the user to play (checked when an invite is sent). */
  acceptInvitesFrom: InvitePolicy;
}

function settingsOf(user: Pick<UserRow, 'accept_requests_from' | 'share_presence' | 'accept_invites_from'>): Settings {
  return {
    acceptRequestsFrom: user.accept_requests_from,
    sharePresence: user.share_presence,
    acceptInvitesFrom: user.accept_invites_from,
  };
}

/** The acting user's settings. */
export async function getSettings(
  { db }: Pick<Deps, 'db'>,
  viewer: Viewer,
  input: { userId?: string | null | undefined },
): Promise<Settings> {
  const user = await requireUser(db, viewer.tenant, actingUserId(viewer, input.userId));
  return settingsOf(user);
}
getSettings.failures = requireUser.failures;

/**
 * Changes who may send the acting user connection requests, who sees its presence, who may
 * invite it, or several of these. Requests and invites already pending stay as they are: the
 * settings are checked when one is sent.
 * Presence shared or hidden takes effect at once for the user's connections.
 */
export async function updateSettings(
  deps: PresenceDeps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    acceptRequestsFrom?: RequestPolicy | null | undefined;
    sharePresence?: PresenceSharing | null | undefined;
    acceptInvitesFrom?: InvitePolicy | null | undefined;
  },
): Promise<Settings> {
  const userId = actingUserId(viewer, input.userId);
  const changes = {
    ...(input.acceptRequestsFrom != null && { accept_requests_from: input.acceptRequestsFrom }),
    ...(input.sharePresence != null && { share_presence: input.sharePresence }),
    ...(input.acceptInvitesFrom != null && { accept_invites_from: input.acceptInvitesFrom }),
  };
  if (Object.keys(changes).length === 0) {
    throw new ValidationError(
      'acceptRequestsFrom',
      'Give at least one setting to change: {field}, share_presence (sharePresence) or accept_invites_from (acceptInvitesFrom)',
    );
  }
  const guard = { action: 'write', actingUserId: userId, operation: 'updateSettings', input: changes } as const;
  const { before, after } = await guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    return { before: user, after: await updatePrivacySettings(trx, user.id, changes) };
  });
  if (after.share_presence !== before.share_presence) await deps.presence.sharingChanged(after);
  return settingsOf(after);
}
updateSettings.failures = requireUser.failures;
