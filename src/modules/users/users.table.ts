import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';
import type { InvitePolicy } from '../invites/invites.table.js';
import type { PresenceSharing } from '../presence/presence.rules.js';
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
  /** Who may invite the user to play (src/modules/invites). */
  accept_invites_from: ColumnType<InvitePolicy, InvitePolicy | undefined, InvitePolicy>;
  /** Who sees the user's presence besides itself and its tenant's service tokens. */
  share_presence: ColumnType<PresenceSharing, PresenceSharing | undefined, PresenceSharing>;
  /** When the user was last seen online: written when it goes offline, and coarsely while online. */
  last_seen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type UserRow = Selectable<UsersTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    users: UsersTable;
  }
}
