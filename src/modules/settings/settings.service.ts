import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { requireUser } from '../users/users.service.js';
import { updateRequestPolicy } from './settings.repository.js';
import type { RequestPolicy } from './settings.table.js';

/** A user's privacy settings. */
export interface Settings {
  /** Who may send the user connection requests (checked when a request is sent). */
  acceptRequestsFrom: RequestPolicy;
}

/** The acting user's settings. */
export async function getSettings(
  { db }: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined },
): Promise<Settings> {
  const user = await requireUser(db, viewer.tenant, actingUserId(viewer, input.userId));
  return { acceptRequestsFrom: user.accept_requests_from };
}
getSettings.failures = requireUser.failures;

/**
 * Changes who may send the acting user connection requests. Requests already pending stay as
 * they are: the setting is checked when a request is sent.
 */
export async function updateSettings(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; acceptRequestsFrom: RequestPolicy },
): Promise<Settings> {
  const userId = actingUserId(viewer, input.userId);
  const guard = {
    action: 'write',
    actingUserId: userId,
    operation: 'updateSettings',
    input: { acceptRequestsFrom: input.acceptRequestsFrom },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    return { acceptRequestsFrom: await updateRequestPolicy(trx, user.id, input.acceptRequestsFrom) };
  });
}
updateSettings.failures = requireUser.failures;
