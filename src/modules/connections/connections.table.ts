import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Defaulted } from '../../platform/db/database.js';

export interface ConnectionsTable {
  id: Generated<number>;
  tenant: string;
  user_low_id: number;
  user_high_id: number;
  request_id: number;
  created_at: Defaulted<Date>;
}

/** Each connection twice, once from each user's side, for listing one user's connections. */
export interface ConnectionEdgesTable {
  tenant: string;
  user_id: number;
  connection_id: number;
  other_user_id: number;
  created_at: Date;
  /** What this side keeps about the other, seen by no one else (src/modules/connection-notes). */
  nickname: string | null;
  note: string | null;
  favorite: ColumnType<boolean, boolean | undefined, boolean>;
}

export type ConnectionRow = Selectable<ConnectionsTable>;

declare module '../../platform/db/database.js' {
  interface Database {
    connections: ConnectionsTable;
    connection_edges: ConnectionEdgesTable;
  }
}
