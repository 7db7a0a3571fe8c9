/**
 * The Council in a writable world, through the CLI: silence procedure, a break in time, revision,
 * adoption; consensus at a meeting; Article 4; and the rules on who may act and where.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fromUtf8 } from '../../src/ledger/bytes.js';
import { cli, tempDir } from '../support/cli.js';
import { loadConfig } from '../../src/config.js';
import { openLedger } from '../../src/main.js';
import { act, actingPrincipal } from '../../src/app/acts.js';

describe('evere council in a writable world', () => {
  const db = join(tempDir(), 'council.db');
  const w = (args: string[]) => cli(db, ['--world', 'ex', ...args]);

  before(async () => {
    assert.equal((await cli(db, ['init'])).code, 0);
    const r = await cli(db, ['world', 'create', 'ex', '--as-of', '2024-06-01']);
    assert.equal(r.code, 0, r.err);
  });

  test('the fork holds the record as it stood: 32 Allies', async () => {
    assert.equal(JSON.parse((await w(['members', '--json'])).out).length, 32);
  });

  test('silence procedure: a break in time stops adoption; a revised text adopted when silence holds', async () => {
    let r = await w(['council', 'table', 'P-1', '--as', 'SG', '--title', 'Statement on hybrid attacks', '--deadline', '2024-06-10T12:00:00Z', '--at', '2024-06-05T09:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'break-silence', 'P-1', '--as', 'HUN', '--reason', 'para 3', '--at', '2024-06-09T16:00:00Z']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /SilenceBroken\s+HUN\s+\(signed by delegation-hun\)/);
    r = await w(['council', 'close', 'P-1', '--as', 'SG', '--at', '2024-06-10T12:00:01Z']);
    assert.equal(r.code, 1);
    assert.match(r.err, /silence/i);
    r = await w(['council', 'revise', 'P-1', '--as', 'SG', '--at', '2024-06-11T09:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'silence', 'P-1', '--as', 'SG', '--deadline', '2024-06-14T12:00:00Z', '--at', '2024-06-11T09:05:00Z']);
    assert.equal(r.code, 0, r.err);
    // A break after the deadline does not count.
    r = await w(['council', 'break-silence', 'P-1', '--as', 'FRA', '--at', '2024-06-14T12:00:01Z']);
    assert.equal(r.code, 1);
    r = await w(['council', 'footnote', 'P-1', '--as', 'GRC', '--text', 'Greece reserves its position on para 2', '--at', '2024-06-12T10:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'close', 'P-1', '--as', 'SG', '--at', '2024-06-14T12:00:01Z']);
    assert.equal(r.code, 0, r.err);
    const decisions = JSON.parse((await w(['council', 'decisions', '--json'])).out);
    assert.equal(decisions.length, 1);
    assert.equal(decisions[0].data.footnotes.length, 1);
    const none = JSON.parse((await w(['council', 'decisions', '--as-of', '2024-06-13', '--json'])).out);
    assert.equal(none.length, 0);
  });

  test('meeting: no adoption while a then-Ally objects; adopted once the objection is lifted', async () => {
    assert.equal((await w(['council', 'table', 'P-2', '--as', 'SG', '--title', 'Enhanced vigilance', '--at', '2024-07-01T09:00:00Z'])).code, 0);
    assert.equal((await w(['council', 'object', 'P-2', '--as', 'TUR', '--at', '2024-07-01T10:00:00Z'])).code, 0);
    const refused = await w(['council', 'adopt', 'P-2', '--as', 'NAC', '--at', '2024-07-01T11:00:00Z']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /TUR/);
    assert.equal((await w(['council', 'lift', 'P-2', '--as', 'TUR', '--at', '2024-07-01T12:00:00Z'])).code, 0);
    assert.equal((await w(['council', 'adopt', 'P-2', '--as', 'NAC', '--at', '2024-07-01T13:00:00Z'])).code, 0);
  });

  test('Article 4: requesters must be Allies; the consultation is held', async () => {
    let r = await w(['consult', 'request', 'A4-X', '--as', 'EST', '--with', 'LVA,LTU', '--reason', 'airspace violations', '--at', '2024-08-01T08:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['consult', 'hold', 'A4-X', '--at', '2024-08-01T15:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['consult', 'request', 'A4-Y', '--as', 'UKR', '--reason', 'x', '--at', '2024-08-02T08:00:00Z']);
    assert.equal(r.code, 1);
  });

  test('the record is read-only, and a delegation acts only for its own Ally', async () => {
    const r = await cli(db, ['council', 'table', 'P-9', '--as', 'SG', '--title', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.err, /historical record/);
    const config = loadConfig({}, { db });
    const ledger = await openLedger(config);
    try {
      const belgium = await actingPrincipal(ledger, 'ex', 'BEL');
      await assert.rejects(
        act(ledger, 'ex', { cmd: 'ObjectToProposal', at: '2024-07-02T09:00:00Z', by: 'HUN', data: { proposal: 'P-2' } }, belgium),
        /may not act for HUN/,
      );
      const rows = await ledger.store.findEntries('ex', { types: ['SilenceBroken'] });
      const entry = JSON.parse(fromUtf8(rows[0]!.bytes));
      assert.equal(entry.actor, 'delegation-hun');
      assert.equal(entry.actingFor, 'HUN');
      assert.equal(entry.classification, 'NATO UNCLASSIFIED');
    } finally {
      await ledger.store.close();
    }
  });

  test('the whole world still verifies, signatures of every delegation included', async () => {
    const r = JSON.parse((await w(['verify', '--json'])).out);
    assert.equal(r.ok, true);
  });
});
