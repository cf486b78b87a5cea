import type { Db } from './database.js';

/** A value the migrations stored in `gateway_settings`; throws if it is missing. */
export async function readSetting(db: Db, name: string): Promise<string> {
  const row = await db.selectFrom('gateway_settings').select('value').where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`gateway_settings has no '${name}': are the migrations applied?`);
  return row.value;
}
