import type { Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';

export interface BlocksTable {
  tenant: string;
  blocker_id: number;
  blocked_id: number;
  created_at: Defaulted<Date>;
}

export type BlockRow = Selectable<BlocksTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    blocks: BlocksTable;
  }
}
