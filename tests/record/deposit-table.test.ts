/**
 * data/record/README.md tells readers, protocol by protocol, how many Allies' deposits carry an
 * exact date and how many only a bound ("on or before"). The table must say what the record holds:
 * every protocol in the record has its row, and each row's two counts are the record's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecordLines } from '../../src/app/record-loader.js';

const DATA = new URL('../../data', import.meta.url).pathname;
const RECORD = join(DATA, 'record');

interface Line { cmd: string; data: { protocol?: string; stage?: string; dateIs?: string } }

/** The rows of the README's deposit table: label, exact count, bounded count. */
function tableRows(): Map<string, { exact: number; bounded: number }> {
  const readme = readFileSync(join(RECORD, 'README.md'), 'utf8');
  const start = readme.indexOf('| protocol | exact deposit dates | bounded deposit dates |');
  assert.ok(start >= 0, 'README.md: the deposit table is missing');
  const rows = new Map<string, { exact: number; bounded: number }>();
  for (const line of readme.slice(start).split('\n').slice(2)) {
    const cells = line.trim().split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 4) break;
    const [label, exact, bounded] = cells as [string, string, string];
    rows.set(label, { exact: Number.parseInt(exact, 10), bounded: Number.parseInt(bounded, 10) });
  }
  return rows;
}

/** The README names the 2004 round by its seven invitees rather than its id. */
const label = (protocol: string) => (protocol === 'BGR-EST-LVA-LTU-ROU-SVK-SVN-2003' ? '2003 (seven)' : protocol);

test('README’s deposit table counts what the record holds, protocol by protocol', () => {
  const counts = new Map<string, { exact: number; bounded: number }>();
  for (const { value } of readRecordLines(RECORD).lines) {
    const l = value as unknown as Line;
    if (l.cmd === 'SignAccessionProtocol') counts.set(label(l.data.protocol!), { exact: 0, bounded: 0 });
    if (l.cmd !== 'RecordRatificationStage' || l.data.stage !== 'instrument_deposited') continue;
    const c = counts.get(label(l.data.protocol!));
    assert.ok(c, `${l.data.protocol}: a deposit before the protocol's signature`);
    if (l.data.dateIs === 'on_or_before') c.bounded += 1; else c.exact += 1;
  }
  const rows = tableRows();
  assert.deepEqual([...rows.keys()].sort(), [...counts.keys()].sort(), 'one row per protocol');
  for (const [protocol, c] of counts) assert.deepEqual(rows.get(protocol), c, protocol);
});
