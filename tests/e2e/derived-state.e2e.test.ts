/** Derived state verified on SQLite: see tests/support/derived-state.ts. */
import { test } from 'node:test';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { tempDir } from '../support/cli.js';
import { editedIndexScenario } from '../support/derived-state.js';

test('an edited facts row in a SQLite file: verify names it, serve refuses, reindex repairs', async () => {
  const db = join(tempDir(), 'evere.db');
  await editedIndexScenario(db, {}, async (statement, params = []) => {
    const raw = new Database(db);
    try {
      const prepared = raw.prepare(statement);
      return prepared.reader ? prepared.all(...params) as Record<string, unknown>[] : (prepared.run(...params), []);
    } finally {
      raw.close();
    }
  });
});
