import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import type { UserRow } from '../users/users.table.js';

/** What a notification tells its user. */
export const NOTIFICATION_TYPES = declareEnum({
  new_request: 'A new connection request was received.',
  request_accepted: 'A sent connection request was accepted.',
  request_declined: 'A sent connection request was declined.',
  request_cancelled:
    'A received request was withdrawn by its sender (delivered already read: it shows, it does not count).',
  request_expired: 'A sent request expired unanswered (delivered already read: it shows, it does not count).',
  game_invite:
    'A connection invites the user to play (`invite` carries the join info); no longer listed nor counted once the invite expires, and read once it is answered or withdrawn.',
  invite_accepted: 'A sent invite was accepted.',
  invite_declined: 'A sent invite was declined.',
});
export type NotificationType = EnumValue<typeof NOTIFICATION_TYPES>;
/** A type a game's backend defines (src/modules/game-notifications): `game.<name>`. */
export type GameNotificationType = `game.${string}`;
export const GAME_NOTIFICATION_TYPE = /^game\.[a-z0-9_.-]{1,64}$/;

export function isGameNotificationType(type: string): type is GameNotificationType {
  return GAME_NOTIFICATION_TYPE.test(type);
}

export interface NotificationsTable {
  id: Generated<number>;
  tenant: string;
  user_id: number;
  type: NotificationType | GameNotificationType;
  /** The request a friend-request notification is about; null for a game's notification. */
  connection_request_id: number | null;
  /** The other user of a friend-request or invite notification; null for a game's notification. */
  other_user_id: number | null;
  /** The invite an invite notification is about; null for the other types. */
  invite_id: ColumnType<number | null, number | null | undefined, never>;
  message: string;
  /** What a game's notification carries for the game (a JSON object), as JSON text on insert. */
  payload: ColumnType<{ [key: string]: unknown } | null, string | null | undefined, never>;
  /** After this, the notification is neither listed nor counted, and maintenance deletes it. */
  expires_at: ColumnType<Date | null, Date | null | undefined, never>;
  created_at: Defaulted<Date>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Gap-free, commit-ordered position among the recipient's notifications, from 1. */
  seq: number;
}

export type NotificationRow = Selectable<NotificationsTable> & {
  /** The other user, when the row was read together with it (live delivery). */
  other_user?: UserRow;
};
export type NewNotification = Insertable<NotificationsTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    notifications: NotificationsTable;
  }
}
