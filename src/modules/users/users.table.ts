import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';
import type { RequestPolicy } from '../settings/settings.table.js';

export interface UsersTable {
  id: Generated<number>;
  tenant: string;
  client_user_id: string;
  display_name: string;
  created_at: Defaulted<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** The seq of the user's newest notification (see NotificationsTable.seq). */
  notification_seq: ColumnType<number, never, number>;
  /** How many connections the user has; kept with the connection rows. */
  connection_count: ColumnType<number, never, number>;
  /** Who may send the user connection requests. */
  accept_requests_from: ColumnType<RequestPolicy, RequestPolicy | undefined, RequestPolicy>;
}

export type UserRow = Selectable<UsersTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    users: UsersTable;
  }
}
