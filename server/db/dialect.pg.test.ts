import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { dialectOf } from './dialect.js';

// How PostgreSQL writes a timestamp in JSON depends on the session's time zone (only PostgreSQL has one).
describe('a timestamp read out of PostgreSQL JSON', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  const instants = [
    '2026-03-08T22:30:00.000Z',
    '2026-03-08T22:30:00.100Z',
    '2026-03-08T22:30:00.120Z',
    '2026-03-08T22:30:00.123Z',
    '2026-03-08T22:30:00.123456Z', // finer than the app writes: the column reads it to the millisecond
    '1999-12-31T23:59:59.999Z',
    ...fc
      .sample(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), {
        numRuns: 200,
        seed: 42,
      })
      .map((d) => d.toISOString()),
  ];

  it.each(['UTC', 'Asia/Kolkata', 'America/St_Johns'])('reads as the column reads, in a %s session', async (zone) => {
    const read = await database.db.transaction().execute(async (trx) => {
      await sql`select set_config('TimeZone', ${zone}, true)`.execute(trx);
      const { rows } = await sql<{ json: [string]; column: string }>`
        select json_build_array(x) as json, x as column from unnest(cast(${instants} as timestamptz[])) as x`.execute(trx);
      return rows;
    });
    const timestamp = dialectOf(database.db).jsonTimestamp;
    expect(read.map((r) => timestamp(r.json[0]))).toEqual(read.map((r) => r.column));
    expect(read.map((r) => r.column)).toEqual(instants.map((i) => new Date(i).toISOString()));
  });
});
