import type { ColumnType } from 'kysely';

/** A live user's presence record (presence.rules.ts), for instances sharing PostgreSQL only. */
export interface PresencesTable {
  user_id: number;
  tenant: string;
  version: number;
  record: ColumnType<unknown, string, string>;
  /** ms since the epoch: when the record must be looked at again. */
  check_at: ColumnType<number | null, number | null, number | null>;
}

/** An instance of the gateway and how long its sockets count without it renewing its lease. */
export interface PresenceInstancesTable {
  id: string;
  lease_until: ColumnType<number, number, number>;
}

/** Sockets of one user held open by one instance. */
export interface PresenceSessionsTable {
  instance_id: string;
  user_id: number;
  tenant: string;
  sockets: number;
}

declare module '../../platform/db/database.js' {
  interface Database {
    presences: PresencesTable;
    presence_instances: PresenceInstancesTable;
    presence_sessions: PresenceSessionsTable;
  }
}
