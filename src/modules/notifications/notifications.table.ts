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
});
export type NotificationType = EnumValue<typeof NOTIFICATION_TYPES>;

export interface NotificationsTable {
  id: Generated<number>;
  tenant: string;
  user_id: number;
  type: NotificationType;
  connection_request_id: number;
  other_user_id: number;
  message: string;
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
