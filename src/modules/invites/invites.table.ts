import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import type { JoinInfo } from '../presence/presence.rules.js';

/** Where an invite stands, as its sender and receiver read it. */
export const INVITE_STATUSES = declareEnum({
  pending: 'Sent, waiting for the receiver, not yet expired.',
  accepted: 'Accepted: the receiver got the join info.',
  declined: 'Declined by the receiver.',
  cancelled:
    'Withdrawn: by its sender, by a newer invite from the same sender, or because the two are no longer connected.',
  expired: 'Left unanswered until it expired; it can no longer be accepted.',
});
export type InviteStatus = EnumValue<typeof INVITE_STATUSES>;
/** What the table stores: an expired invite is one still `pending` past its `expires_at`. */
export type StoredInviteStatus = Exclude<InviteStatus, 'expired'>;

/** Who may invite a user (stored in `users.accept_invites_from`). */
export const INVITE_POLICIES = declareEnum({
  connections: 'The user’s connections (the default).',
  nobody: 'No one: every invite is refused with INVITES_NOT_ACCEPTED.',
});
export type InvitePolicy = EnumValue<typeof INVITE_POLICIES>;

export interface InvitesTable {
  id: Generated<number>;
  tenant: string;
  sender_id: number;
  receiver_id: number;
  status: ColumnType<StoredInviteStatus, StoredInviteStatus | undefined, StoredInviteStatus>;
  message: string | null;
  /** The game's join information (a JSON object), as JSON text on insert. */
  join_info: ColumnType<JoinInfo, string, never>;
  created_at: Defaulted<Date>;
  expires_at: ColumnType<Date, Date, never>;
  responded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An invite as read: its status is `expired` once it is past its expiry unanswered. */
export type InviteRow = Omit<Selectable<InvitesTable>, 'status'> & { status: InviteStatus };

declare module '../../platform/db/database.js' {
  interface Database {
    invites: InvitesTable;
  }
}
