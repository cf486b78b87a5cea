import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { connectionErrors } from '../connections/connections.errors.js';
import type { ConnectionEdge } from '../connections/connections.repository.js';
import { optionalText, requireUser } from '../users/users.service.js';
import { type NotesChange, updateConnectionNotes } from './connection-notes.repository.js';

export const MAX_NICKNAME_LENGTH = 32;
export const MAX_NOTE_LENGTH = 256;

// A name is shown on one line, as written: no control characters (line breaks, tabs, escapes),
// no line or paragraph separators, and no bidirectional overrides or isolates, which would
// reorder what is shown after them ("Bob\u202Enimda" reads "Bobadmin").
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u;

/** A nickname or note as given (see optionalText); a nickname also on one line. */
function privateText(field: 'nickname' | 'note', value: string | null, max: number): string | null {
  const text = optionalText(field, value, max);
  if (text !== null && field === 'nickname' && CONTROL.test(text)) {
    throw new ValidationError(field, '{field} must not contain control characters such as line breaks');
  }
  return text;
}

/**
 * Sets what the acting user keeps about the other side of one of its connections: a nickname,
 * a note, a star. Only this user's side changes and only this user ever reads it (its own lists,
 * its own token or a service token acting as it); the other user, and the other's lists, never
 * see it. It goes with the connection. A connection the user is no side of is not found.
 */
export async function updateConnection(
  deps: Deps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    connectionId: string;
    nickname?: string | null | undefined;
    note?: string | null | undefined;
    favorite?: boolean | null | undefined;
  },
): Promise<ConnectionEdge> {
  const userId = actingUserId(viewer, input.userId);
  const connectionId = deps.ids.parse('connection', input.connectionId, connectionErrors.CONNECTION_NOT_FOUND);
  const change: NotesChange = {};
  if (input.nickname !== undefined) change.nickname = privateText('nickname', input.nickname, MAX_NICKNAME_LENGTH);
  if (input.note !== undefined) change.note = privateText('note', input.note, MAX_NOTE_LENGTH);
  if (input.favorite != null) change.favorite = input.favorite;
  if (Object.keys(change).length === 0) {
    throw new ValidationError('nickname', 'Give at least one of nickname, note and favorite');
  }
  const guard = { action: 'write', actingUserId: userId, operation: 'updateConnection', input: {} } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    const edge = await updateConnectionNotes(trx, user.id, connectionId, change);
    if (!edge) throw new NotFoundError(connectionErrors.CONNECTION_NOT_FOUND, input.connectionId);
    return edge;
  });
}
updateConnection.failures = [...requireUser.failures, connectionErrors.CONNECTION_NOT_FOUND] as const;
