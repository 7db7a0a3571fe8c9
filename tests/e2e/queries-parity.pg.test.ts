/**
 * The point-in-time queries answer the same on PostgreSQL as on SQLite: the real record loaded
 * into each, then members, enlargement rounds and every protocol's ratification matrix asked at
 * dates around each round. On PostgreSQL a query's independent reads go out together, on
 * connections of their own; this holds their answers to the embedded store's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/main.js';
import { initRecord } from '../../src/app/record-loader.js';
import { accession, enlargement, members } from '../../src/app/treaty-queries.js';
import { EvereError } from '../../src/app/errors.js';
import { tempDir } from '../support/cli.js';
import { freshPostgresSchema, postgresAvailable } from '../support/services.js';

test('members, enlargement and accession answer the same on PostgreSQL as on SQLite', async (t) => {
  if (!(await postgresAvailable())) return t.skip('PostgreSQL is not reachable');
  const schema = await freshPostgresSchema('parity');
  const dir = tempDir('evere-parity-');
  const opened: Services[] = [];
  try {
    const open = async (env: Record<string, string>, db?: string) => {
      const config = loadConfig({ EVERE_KEYS_DIR: join(dir, 'keys'), ...env }, db ? { db } : {});
      const services = await openServices(config);
      opened.push(services);
      await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
      return services.ledger;
    };
    const sqlite = await open({}, join(dir, 'evere.db'));
    const postgres = await open({ DATABASE_URL: schema.url });

    const rounds = await enlargement(sqlite, 'record');
    assert.ok(rounds.length >= 10, `the record's enlargement rounds (${rounds.length})`);
    assert.deepEqual(await enlargement(postgres, 'record'), rounds);
    const dates = new Set<string>(['1949-08-24', '2024-03-01']);
    for (const r of rounds) {
      dates.add(r.signedAt.slice(0, 10));
      if (r.memberSince) dates.add(r.memberSince);
      if (r.lastToDepositAt) dates.add(r.lastToDepositAt);
    }
    let asked = 0;
    for (const asOf of dates) {
      assert.deepEqual(await members(postgres, 'record', { asOf }), await members(sqlite, 'record', { asOf }), `members as of ${asOf}`);
      for (const r of rounds) {
        if (r.signedAt.slice(0, 10) > asOf) continue;
        const expected = await accession(sqlite, 'record', r.protocol, { asOf });
        assert.deepEqual(await accession(postgres, 'record', r.protocol, { asOf }), expected, `${r.protocol} as of ${asOf}`);
        asked++;
      }
    }
    assert.ok(asked > 50, `accession matrices compared (${asked})`);
    const refused = (ledger: typeof sqlite) => accession(ledger, 'record', 'XX-NONE').then(() => 'answered', (e: unknown) => (e instanceof EvereError ? e.code : String(e)));
    assert.equal(await refused(postgres), 'query.no_protocol');
    assert.equal(await refused(sqlite), 'query.no_protocol');
  } finally {
    for (const s of opened) await s.close();
    await schema.drop();
  }
});
