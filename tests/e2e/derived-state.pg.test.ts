/** Derived state verified on PostgreSQL: see tests/support/derived-state.ts. */
import { test } from 'node:test';
import { join } from 'node:path';
import pg from 'pg';
import { tempDir } from '../support/cli.js';
import { postgresAvailable, freshPostgresSchema } from '../support/services.js';
import { editedIndexScenario } from '../support/derived-state.js';

test('an edited facts row on PostgreSQL: verify names it, serve refuses, reindex repairs', async (t) => {
  if (!(await postgresAvailable())) return t.skip('PostgreSQL is not reachable');
  const schema = await freshPostgresSchema('derived');
  const env = { DATABASE_URL: schema.url, EVERE_KEYS_DIR: join(tempDir(), 'keys') };
  try {
    await editedIndexScenario(join(tempDir(), 'unused.db'), env, async (statement, params = []) => {
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        return (await client.query(statement, [...params])).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    });
  } finally {
    await schema.drop();
  }
});
