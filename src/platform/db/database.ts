import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

/** A column the database fills in on insert (identity or default) and never changes afterwards. */
type Defaulted<T> = ColumnType<T, T | undefined, never>;

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

export type RequestPolicy = 'everyone' | 'friends_of_friends' | 'nobody';

export interface BlocksTable {
  tenant: string;
  blocker_id: number;
  blocked_id: number;
  created_at: Defaulted<Date>;
}

/** `cancelled`: withdrawn by its sender; `expired`: left unanswered past the configured time. */
export type RequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';

export interface ConnectionRequestsTable {
  id: Generated<number>;
  tenant: string;
  sender_id: number;
  receiver_id: number;
  status: ColumnType<RequestStatus, RequestStatus | undefined, RequestStatus>;
  message: string | null;
  created_at: Defaulted<Date>;
  responded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ConnectionsTable {
  id: Generated<number>;
  tenant: string;
  user_low_id: number;
  user_high_id: number;
  request_id: number;
  created_at: Defaulted<Date>;
}

export interface ConnectionEdgesTable {
  tenant: string;
  user_id: number;
  connection_id: number;
  other_user_id: number;
  created_at: Date;
}

export type NotificationType =
  | 'new_request'
  | 'request_accepted'
  | 'request_declined'
  | 'request_cancelled'
  | 'request_expired';

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

export interface GatewaySettingsTable {
  name: string;
  value: string;
}

export interface RateLimitWindowsTable {
  tenant: string;
  bucket: string;
  window_index: number;
  hits: number;
}

export interface IdempotencyKeysTable {
  tenant: string;
  client_user_id: string;
  key: string;
  operation: string;
  fingerprint: string;
  result: unknown;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

export interface Database {
  gateway_settings: GatewaySettingsTable;
  rate_limit_windows: RateLimitWindowsTable;
  idempotency_keys: IdempotencyKeysTable;
  blocks: BlocksTable;
  users: UsersTable;
  connection_requests: ConnectionRequestsTable;
  connections: ConnectionsTable;
  connection_edges: ConnectionEdgesTable;
  notifications: NotificationsTable;
}

export type Db = Kysely<Database>;
/** A function taking this locks rows and must run inside a transaction. */
export type Trx = Transaction<Database>;

export type UserRow = Selectable<UsersTable>;
export type ConnectionRequestRow = Selectable<ConnectionRequestsTable>;
export type ConnectionRow = Selectable<ConnectionsTable>;
export type BlockRow = Selectable<BlocksTable>;
export type NotificationRow = Selectable<NotificationsTable> & {
  /** The other user, when the row was read together with it (live delivery). */
  other_user?: UserRow;
};
export type NewNotification = Insertable<NotificationsTable>;
