/**
 * Negotiating a text through the CLI: a bracketed paragraph, amendments proposed and accepted
 * into revisions, `council text` with brackets, pending amendments and a side-by-side diff, and
 * the engine's refusals (adoption with brackets left, an act on an old revision).
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, tempDir } from '../support/cli.js';

describe('evere council amend | accept | text', () => {
  const db = join(tempDir(), 'council-text.db');
  const w = (args: string[]) => cli(db, ['--world', 'ex', ...args]);

  before(async () => {
    assert.equal((await cli(db, ['init'])).code, 0);
    const r = await cli(db, ['world', 'create', 'ex', '--as-of', '2024-06-01']);
    assert.equal(r.code, 0, r.err);
  });

  test('a bracketed paragraph is negotiated to adoption', async () => {
    let r = await w([
      'council', 'table', 'PO-T', '--as', 'SG', '--title', 'Statement on the grid attack', '--at', '2024-06-03T06:00:00Z',
      '--paragraph', 'We, the Allies, met today in the North Atlantic Council.',
      '--paragraph', 'We [condemn][express deep concern about] the attack on the energy grid of Estonia.',
      '--paragraph', 'We will remain in close consultation.',
    ]);
    assert.equal(r.code, 0, r.err);

    r = await w(['council', 'text', 'PO-T']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /2 \[ {2}We \[condemn\]\[express deep concern about\]/);
    assert.match(r.out, /Square brackets remain in paragraph\(s\) 2/);
    assert.match(r.out, /No amendment pending/);

    r = await w(['council', 'adopt', 'PO-T', '--as', 'NAC', '--at', '2024-06-03T07:00:00Z']);
    assert.equal(r.code, 1);
    assert.match(r.err, /square brackets in paragraph\(s\) 2/);

    r = await w(['council', 'amend', 'PO-T', '--as', 'HUN', '--paragraph', '2', '--text', 'We express deep concern about the attack on the energy grid of Estonia.', '--at', '2024-06-03T08:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'amend', 'PO-T', '--as', 'EST', '--op', 'insert', '--paragraph', '4', '--text', 'We stand in solidarity with Estonia.', '--at', '2024-06-03T08:10:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'amend', 'PO-T', '--as', 'LTU', '--op', 'replace', '--paragraph', '2', '--text', 'We condemn the attack on the energy grid of Estonia.', '--at', '2024-06-03T08:20:00Z']);
    assert.equal(r.code, 0, r.err);

    const pending = JSON.parse((await w(['council', 'text', 'PO-T', '--json'])).out);
    assert.deepEqual(pending.pending.map((a: { id: string; by: string; op: string }) => [a.id, a.by, a.op]), [['A1', 'HUN', 'replace'], ['A2', 'EST', 'insert'], ['A3', 'LTU', 'replace']]);
    assert.deepEqual(pending.openBrackets, [2]);

    // Two amendments to one paragraph cannot both go in; another Ally cannot accept.
    r = await w(['council', 'accept', 'PO-T', '--as', 'SG', '--amendments', 'A1,A3', '--at', '2024-06-03T09:00:00Z']);
    assert.equal(r.code, 1);
    assert.match(r.err, /both change paragraph 2/);
    r = await w(['council', 'accept', 'PO-T', '--as', 'FRA', '--amendments', 'A1', '--at', '2024-06-03T09:00:00Z']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Only the chair/);

    r = await w(['council', 'accept', 'PO-T', '--as', 'SG', '--amendments', 'A1,A2', '--at', '2024-06-03T09:00:00Z']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /AmendmentsAccepted/);

    r = await w(['council', 'text', 'PO-T']);
    assert.match(r.out, /revision 1 of 1/);
    assert.match(r.out, /No square brackets remain/);
    assert.match(r.out, /Changes from revision 0 to revision 1/);
    assert.match(r.out, /~ 2\. We \[condemn\]/);
    assert.match(r.out, /│ 2\. We express deep concern/);
    assert.match(r.out, /\+ +│ 4\. We stand in solidarity/);
    assert.match(r.out, /revision 1 — 2024-06-03 09:00 by SG, accepting A1, A2/);

    const view = JSON.parse((await w(['council', 'text', 'PO-T', '--json'])).out);
    assert.equal(view.paragraphs.length, 4);
    assert.deepEqual(view.pending, [], 'the pending amendment to revision 0 (A3) lapsed');
    assert.deepEqual(view.diff.rows.map((x: { kind: string }) => x.kind), ['same', 'changed', 'same', 'added']);
    // The index gives readers (the web app's proposal card) the open brackets and the last revision's changes.
    const fact = JSON.parse((await w(['council', 'list', '--json'])).out).find((f: { data: { proposal: string } }) => f.data.proposal === 'PO-T');
    assert.deepEqual(fact.data.openBrackets, []);
    assert.deepEqual([fact.data.textDiff.from, fact.data.textDiff.to], [0, 1]);
    assert.deepEqual(fact.data.textDiff.rows.map((x: { kind: string }) => x.kind), ['same', 'changed', 'same', 'added']);

    // An agreement on the old revision is refused; on the current one it counts.
    r = await w(['council', 'agree', 'PO-T', '--as', 'HUN', '--revision', '0', '--at', '2024-06-03T10:00:00Z']);
    assert.equal(r.code, 1);
    assert.match(r.err, /revision 1; an act on revision 0 is refused/);
    r = await w(['council', 'object', 'PO-T', '--as', 'TUR', '--revision', '1', '--paragraph', '4', '--wording', 'We stand with Estonia.', '--at', '2024-06-03T10:00:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'adopt', 'PO-T', '--as', 'NAC', '--at', '2024-06-03T11:00:00Z']);
    assert.equal(r.code, 1);
    assert.match(r.err, /TUR/);
    // The objection's wording is a pending amendment the chair takes in.
    r = await w(['council', 'accept', 'PO-T', '--as', 'SG', '--amendments', 'A4', '--at', '2024-06-03T11:30:00Z']);
    assert.equal(r.code, 0, r.err);
    r = await w(['council', 'adopt', 'PO-T', '--as', 'NAC', '--at', '2024-06-03T12:00:00Z']);
    assert.equal(r.code, 0, r.err);
    const decisions = JSON.parse((await w(['council', 'decisions', '--json'])).out);
    const decision = decisions.find((d: { data: { proposal: string } }) => d.data.proposal === 'PO-T');
    assert.equal(decision.data.paragraphs[3], 'We stand with Estonia.');
    assert.equal(decision.data.revision, 2);
  });

  test('text of an earlier revision, in French, and an unknown revision or proposal', async () => {
    let r = await w(['--lang', 'fr', 'council', 'text', 'PO-T', '--revision', '0']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /révision 0 sur 2/);
    assert.match(r.out, /Des crochets subsistent au\(x\) paragraphe\(s\) 2/);
    r = await w(['council', 'text', 'PO-T', '--revision', '7']);
    assert.equal(r.code, 3, r.err);
    assert.match(r.err, /no revision 7; its revisions run from 0 to 2/);
    r = await w(['council', 'text', 'NOPE']);
    assert.equal(r.code, 3);
    assert.match(r.err, /No proposal NOPE/);
  });
});
