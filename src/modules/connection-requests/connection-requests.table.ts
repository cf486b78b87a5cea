import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';

/** Where a connection request stands. */
export const REQUEST_STATUSES = declareEnum({
  pending: 'Sent, waiting for the receiver.',
  accepted: 'Accepted: the two users are connected.',
  declined: 'Declined: no connection was created.',
  cancelled: 'Withdrawn by its sender before an answer.',
  expired: 'Left unanswered past the configured expiry time.',
});
export type RequestStatus = EnumValue<typeof REQUEST_STATUSES>;

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

export type ConnectionRequestRow = Selectable<ConnectionRequestsTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    connection_requests: ConnectionRequestsTable;
  }
}
