import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { parseTimestamptz } from '../../src/platform/db/timestamps.js';
import { createWorkerDatabase, LOCAL_POSTGRES_URL } from '../helpers/database.js';

/*
 * The gateway's pool reads `timestamptz` with a parser of its own (platform/db/timestamps.ts): it
 * must make the Date pg's own parser makes of every value the server sends, whatever the
 * session's time zone (offsets of hours, half and quarter hours, and seconds before 1900).
 */

const adminUrl = process.env.TEST_DATABASE_URL || LOCAL_POSTGRES_URL;
const url = await createWorkerDatabase(adminUrl, 'timestamps').catch((error: unknown) => {
  if (process.env.CI) throw error;
  return null;
});
const handle = url ? await connectDatabase({ databaseUrl: url, poolMax: 1 }) : null;
afterAll(async () => {
  await handle?.db.destroy();
});

const pgParse = pg.types.getTypeParser(1184, 'text') as (text: string) => Date | number;
const instant = (value: Date | number) => (value instanceof Date ? value.getTime() : value);

const ZONES = ['UTC', 'Asia/Kolkata', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'Europe/Amsterdam'];
const EDGES = [
  'infinity',
  '-infinity',
  '0044-03-15 12:00:00 BC',
  '0001-01-01 00:00:00+00',
  '0099-12-31 23:59:59.5+00',
  '0999-06-01 10:00:00+00',
  '1000-01-01 00:00:00+00',
  '1899-12-31 23:00:00+00',
  '1937-07-01 00:00:00+00',
  '1970-01-01 00:00:00+00',
  '2026-12-04 12:00:35.123456+00',
  '2026-12-04 12:00:35.1+00',
  '2026-12-04 12:00:35.12+00',
  '9999-12-31 23:59:59.999999+00',
  '10000-01-01 00:00:00+00',
];

describe.skipIf(!url)('timestamptz read by the pool (PostgreSQL)', () => {
  it('makes the Date pg would make, in every time zone, for every shape the server sends', async () => {
    const compared = await handle!.db.transaction().execute(async (trx) => {
      let count = 0;
      for (const zone of ZONES) {
        await sql`select set_config('timezone', ${zone}, true)`.execute(trx);
        const { rows } = await sql<{ at: Date | number; text: string }>`
          with instants as (
            select value::timestamptz as at from unnest(${EDGES}::text[]) as value
            union all
            -- 300 instants from year 1 to 9999, with microseconds
            select timestamptz '0001-01-01 00:00:00+00'
                   + (random() * 315537897599)::bigint * interval '1 second'
                   + (random() * 999999)::int * interval '1 microsecond'
            from generate_series(1, 300)
          )
          select at, at::text as text from instants`.execute(trx);
        for (const row of rows) {
          expect(instant(row.at), `${zone}: ${row.text}`).toBe(instant(pgParse(row.text)));
          count += 1;
        }
      }
      return count;
    });
    expect(compared).toBe(ZONES.length * (EDGES.length + 300));
  });
});

describe('parseTimestamptz', () => {
  it('reads the server’s usual shape with any fraction and offset, as pg does', () => {
    for (const text of [
      '2026-12-04 12:00:35+00',
      '2026-12-04 12:00:35.123456+05:30',
      '2026-12-04 12:00:35.9999-03:30',
      '1900-01-01 00:00:00+00:19:32',
    ]) {
      expect(parseTimestamptz(text).getTime(), text).toBe(instant(pgParse(text)));
    }
  });

  it('hands what is not of that shape to pg’s parser', () => {
    for (const text of [
      'infinity',
      '0044-03-15 12:00:00+00 BC',
      '12345-01-01 00:00:00+00',
      '2026-12-04',
      '2026-12-04 12:00:35Z',
    ]) {
      const ours = parseTimestamptz(text);
      expect(instant(ours), text).toEqual(instant(pgParse(text)));
    }
  });
});
