import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecordLines } from './record-loader.js';
import { deniedReason, sourceDistribution, sourceHost } from './record-sources.js';
import { EvereError } from './errors.js';

const line = (extra: Record<string, unknown>) =>
  JSON.stringify({ cmd: 'HoldSummit', at: '2030-01-01', by: 'NAC', data: { summit: 'x', place: 'Y' }, source: 'https://www.nato.int/a', ...extra });

const dirWith = (text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'evere-sources-'));
  writeFileSync(join(dir, '01-a.ndjson'), text);
  return dir;
};

describe('source classes of the record', () => {
  test('a line without a source class, or with an unknown one, fails the load naming file and line', () => {
    for (const [extra, reason] of [[{}, /01-a\.ndjson.*sourceClass: missing/], [{ sourceClass: 'blog' }, /sourceClass: "blog" is not a class/]] as const) {
      assert.throws(() => readRecordLines(dirWith(`${line({ sourceClass: 'nato' })}\n${line(extra)}\n`)), (e: unknown) => {
        assert.ok(e instanceof EvereError);
        assert.equal(e.code, 'load.malformed');
        assert.deepEqual([e.params.file, e.params.line], ['01-a.ndjson', 2]);
        assert.match(e.localized('en'), reason);
        return true;
      });
    }
  });

  test('denied domains are recognised with their subdomains and through archive copies', () => {
    assert.equal(deniedReason('https://simple.m.wikipedia.org/wiki/NATO'), 'encyclopedia_or_mirror');
    assert.equal(deniedReason('https://chrisinbrnocr.blogspot.com/2010/x'), 'blog');
    assert.equal(deniedReason('https://www.einpresswire.com/article/1'), 'press_wire');
    assert.equal(deniedReason('http://web.archive.org/web/20180501225736/http://en.wikipedia.org/wiki/X'), 'encyclopedia_or_mirror');
    assert.equal(deniedReason('https://www.nato.int/cps/en/natohq/topics_52044.htm'), undefined);
    assert.equal(deniedReason('https://notwikipedia.org/'), undefined);
    assert.equal(sourceHost('https://webarchive.library.unt.edu/eot2008/20090512114922/http://www.america.gov/st/x.html'), 'america.gov');
  });

  test('the distribution counts each class, the official share and every denied line', () => {
    const { lines } = readRecordLines(dirWith([
      line({ sourceClass: 'nato' }), line({ sourceClass: 'parliament' }), line({ sourceClass: 'news', source: 'https://www.einpresswire.com/a' }),
      line({ sourceClass: 'reference', source: 'https://en.wikipedia.org/wiki/NATO' }),
    ].join('\n')));
    const d = sourceDistribution(lines);
    assert.equal(d.lines, 4);
    assert.equal(d.byClass.find((c) => c.sourceClass === 'nato')!.lines, 1);
    assert.equal(d.byClass.find((c) => c.sourceClass === 'depositary')!.lines, 0);
    assert.equal(d.officialShare, 50);
    assert.deepEqual(d.denied.map((x) => [x.line, x.reason]), [[3, 'press_wire'], [4, 'encyclopedia_or_mirror']]);
  });
});
