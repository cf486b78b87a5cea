import type { Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';

/** A user's friend code, made the first time it is asked for and replaced on rotation. */
export interface FriendCodesTable {
  user_id: number;
  tenant: string;
  /** The 8 characters without the dash (`7KQ4M2XD`), see friend-codes.service.ts. */
  code: string;
  created_at: Defaulted<Date>;
}

export type FriendCodeRow = Selectable<FriendCodesTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    friend_codes: FriendCodesTable;
  }
}
