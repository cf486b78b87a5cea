import type { ColumnType, Kysely, Transaction } from 'kysely';

/** A column the database fills in on insert (identity or default) and never changes afterwards. */
export type Defaulted<T> = ColumnType<T, T | undefined, never>;

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

/**
 * Every table, as Kysely sees them: the platform's own here; each module adds its tables from
 * its `<feature>.table.ts` (`declare module` merges them into this interface), so a table is
 * declared beside the code that owns it and the platform imports no module.
 */
export interface Database {
  gateway_settings: GatewaySettingsTable;
  rate_limit_windows: RateLimitWindowsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Db = Kysely<Database>;
/** A function taking this locks rows and must run inside a transaction. */
export type Trx = Transaction<Database>;
