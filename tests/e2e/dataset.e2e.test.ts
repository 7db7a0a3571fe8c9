/**
 * `evere dataset --out DIR`: the record as a Frictionless data package. Every CSV is valid against
 * its Table Schema (csv-parse + Ajv, tests/support/table-schema.ts), every row is sourced as the
 * record's own files say, the package is taken at the checkpoint it names, and bad input writes
 * nothing.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli, tempDir } from '../support/cli.js';
import { validateCsv, type TableSchema } from '../support/table-schema.js';

const DATA = new URL('../../data', import.meta.url).pathname;

interface Resource { name: string; path: string; schema: TableSchema }
interface Descriptor { profile: string; resources: Resource[]; evere: { treeSize: number; rootHex: string; rootHash: string; note: string; verifierKey: string; citation: string } }

const TOPICS = [
  'allies', 'ratifications', 'enlargement-rounds', 'consultations', 'article5-measures', 'operations', 'partners',
  'dcb-packages', 'arms-control-statuses', 'offices', 'summits',
];

/** Every record line's source URL with its class, read straight from data/record. */
function recordSources(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(join(DATA, 'record')).filter((n) => n.endsWith('.ndjson'))) {
    for (const line of readFileSync(join(DATA, 'record', name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as { source: string; sourceClass: string };
      out.set(v.source, v.sourceClass);
    }
  }
  return out;
}

const rowsOf = (dir: string, r: Resource): Record<string, string>[] => parse(readFileSync(join(dir, r.path), 'utf8'), { columns: true }) as Record<string, string>[];

describe('the record as a data package', () => {
  const db = join(tempDir(), 'record.db');
  const out = join(tempDir(), 'package');
  let summary: { treeSize: number; rootHex: string; citation: string; tables: { name: string; path: string; rows: number }[]; rows: number };
  let descriptor: Descriptor;
  before(async () => {
    assert.equal((await cli(db, ['init'])).code, 0);
    const r = await cli(db, ['dataset', '--out', out, '--json']);
    assert.equal(r.code, 0, r.err);
    summary = JSON.parse(r.out);
    descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  });

  test('a tabular data package with one CSV per topic, each described by a Table Schema', () => {
    assert.equal(descriptor.profile, 'tabular-data-package');
    const names = descriptor.resources.map((r) => r.name);
    for (const topic of TOPICS) assert.ok(names.includes(topic), `topic ${topic} is missing`);
    for (const r of descriptor.resources) {
      assert.ok(existsSync(join(out, r.path)), r.path);
      assert.ok(r.schema.fields.length > 3, r.name);
    }
    assert.deepEqual(summary.tables.map((t) => t.name), names);
  });

  test('every CSV is valid against its schema', () => {
    for (const r of descriptor.resources) {
      const problems = validateCsv(readFileSync(join(out, r.path), 'utf8'), r.schema);
      assert.deepEqual(problems, [], `${r.path}: ${problems.slice(0, 5).join('; ')}`);
      assert.equal(rowsOf(out, r).length, summary.tables.find((t) => t.name === r.name)!.rows, r.name);
    }
  });

  test('the validation fails on a bad cell, naming its line and field', () => {
    const r = descriptor.resources.find((x) => x.name === 'allies')!;
    const lines = readFileSync(join(out, r.path), 'utf8').split('\r\n');
    const broken = [lines[0], lines[1]!.replace(/,\d{4}-\d{2}-\d{2},/, ',2024-02-30,'), lines[2]!.replace(/,[a-z_]+$/, ',blog'), lines[3], lines[3], ''].join('\r\n');
    const problems = validateCsv(broken, r.schema);
    assert.ok(problems.some((p) => p.startsWith('line 2, field member_from')), problems.join('; '));
    assert.ok(problems.some((p) => p.startsWith('line 3, field source_class')), problems.join('; '));
    assert.ok(problems.some((p) => p.startsWith('line 5:') && p.includes('repeats line 4')), problems.join('; '));
  });

  test('every row carries its log entry, its source URL and the class the record gives that source', () => {
    const sources = recordSources();
    for (const r of descriptor.resources) {
      for (const [i, row] of rowsOf(out, r).entries()) {
        const where = `${r.path} line ${i + 2}`;
        assert.ok(row.source_url, `${where}: no source`);
        assert.equal(row.source_class, sources.get(row.source_url!), `${where}: class of ${row.source_url}`);
        assert.ok(Number(row.entry_seq) < descriptor.evere.treeSize, where);
      }
    }
  });

  test('the rows say what the record says (Allies, Sweden’s ratification by Hungary, Article 5 measures, offices, arms control)', async () => {
    const table = (name: string) => rowsOf(out, descriptor.resources.find((r) => r.name === name)!);
    const allies = table('allies');
    assert.equal(allies.filter((a) => !a.member_until).length, 32);
    assert.deepEqual(allies.find((a) => a.state === 'SWE'), { ...allies.find((a) => a.state === 'SWE'), member_from: '2024-03-07', via: 'accession', protocol: 'SWE-2022' });
    assert.equal(allies.find((a) => a.state === 'DEU')!.member_from, '1955-05-06');
    const hungary = table('ratifications').filter((r) => r.protocol === 'SWE-2022' && r.ally === 'HUN');
    assert.deepEqual(hungary.map((r) => [r.stage, r.date]).sort(), [['instrument_deposited', '2024-03-07'], ['instrument_signed', '2024-03-05'], ['parliament_approved', '2024-02-26']]);
    assert.equal(hungary.find((r) => r.stage === 'parliament_approved')!.votes_for, '188');
    const measures = table('article5-measures');
    assert.ok(measures.length >= 8 && measures.every((m) => m.determination === 'ART5-2001-USA' && m.measure_number !== '0'));
    // Each measure carries the source of the entry that reported it, not one source for all.
    const cited = recordSources();
    for (const m of measures) assert.ok(cited.has(m.source_url!));
    // A row names the entry it comes from, and cites that entry's own source.
    const log = async (type: string) => new Map((JSON.parse((await cli(db, ['log', '--type', type, '--limit', '1000', '--json'])).out) as { seq: number; payload: Record<string, unknown>; source: string }[]).map((e) => [e.seq, e]));
    const appointments = await log('SecretaryGeneralAppointed');
    const holders = await log('OfficeHolderAppointed');
    for (const o of table('offices')) {
      if (o.office === 'secretary_general') {
        const e = appointments.get(Number(o.entry_seq));
        assert.equal(e?.payload.ordinal, Number(o.ordinal), `office ${o.ordinal} names its appointment`);
        assert.equal(e?.source, o.source_url);
      } else {
        // Another office's holder names the entry that appointed that holder to that office.
        const e = holders.get(Number(o.entry_seq));
        assert.deepEqual([e?.payload.office, e?.payload.name], [o.office, o.name], `${o.office} ${o.ordinal} names its appointment`);
        assert.equal(e?.source, o.source_url);
      }
    }
    assert.ok(table('offices').some((o) => o.office === 'sact' && o.name === 'Stéphane Abrial' && o.took_office === '2009-09-09' && o.left_office === '2012-09-28'));
    const statuses = await log('ArmsControlStatusRecorded');
    for (const a of table('arms-control-statuses')) {
      const e = statuses.get(Number(a.entry_seq));
      assert.deepEqual(e && [e.payload.instrument, e.payload.state, e.payload.status], [a.instrument, a.state, a.status], `${a.instrument}/${a.state} ${a.status} from ${a.from}`);
      assert.equal(e?.source, a.source_url);
    }
    const rounds = table('enlargement-rounds');
    assert.equal(rounds.find((r) => r.protocol === 'SWE-2022')!.invitees, 'SWE');
  });

  test('the package names the checkpoint it was taken at, as the log signs it', async () => {
    const cp = descriptor.evere;
    const verify = await cli(db, ['verify', '--json']);
    assert.equal(verify.code, 0, verify.err);
    assert.equal(cp.treeSize, 690 <= cp.treeSize ? cp.treeSize : -1);
    const [, size, root] = cp.note.split('\n');
    assert.equal(Number(size), cp.treeSize);
    assert.equal(root, cp.rootHash);
    assert.equal(Buffer.from(cp.rootHash, 'base64').toString('hex'), cp.rootHex);
    assert.ok(cp.citation.includes(`tree size ${cp.treeSize}`) && cp.citation.includes(cp.rootHex));
    const checkpoint = await cli(db, ['checkpoint', '--json']);
    assert.equal(checkpoint.code, 0, checkpoint.err);
    assert.ok(checkpoint.out.includes(cp.rootHex) || checkpoint.out.includes(cp.rootHash), 'the checkpoint the log serves has the same root');
  });

  test('a directory that is not empty is refused, and nothing is written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await cli(db, ['dataset', '--out', dir]);
    assert.equal(r.code, 2);
    assert.match(r.err, /is not empty/);
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
    const forced = await cli(db, ['dataset', '--out', dir, '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.deepEqual(readdirSync(dir).sort(), ['data', 'datapackage.json', 'notes.txt']);
  });

  test('a source cited under two classes is refused, naming both lines, and nothing is written', async () => {
    const data = tempDir();
    cpSync(DATA, data, { recursive: true });
    const file = join(data, 'record', '07-article4.ndjson');
    const first = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as Record<string, unknown>;
    appendFileSync(file, `${JSON.stringify({ ...first, data: { ...(first.data as object), consultation: 'ART4-TEST' }, sourceClass: 'news' })}\n`);
    const dir = join(tempDir(), 'pkg');
    mkdirSync(dir);
    const r = await cli(db, ['dataset', '--out', dir], { EVERE_DATA: data });
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /07-article4\.ndjson:1\b/);
    assert.match(r.err, /07-article4\.ndjson:\d+.*one class/);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a later package only adds to an earlier one, the log proves it, and --public keeps only what the public may read', async () => {
    assert.equal((await cli(db, ['world', 'create', 'sec', '--as-of', '2024-06-01'])).code, 0);
    const take = async (...extra: string[]) => {
      const dir = join(tempDir(), 'pkg');
      const r = await cli(db, ['--world', 'sec', 'dataset', '--out', dir, '--json', ...extra]);
      assert.equal(r.code, 0, r.err);
      const d = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as Descriptor;
      return { d, csv: (name: string) => readFileSync(join(dir, 'data', `${name}.csv`), 'utf8') };
    };
    const first = await take();
    const acted = await cli(db, ['--world', 'sec', 'act', 'RequestConsultations', '--as', 'POL', '--at', '2024-06-05T09:00:00Z', '--classification', 'NATO SECRET',
      '--data', JSON.stringify({ consultation: 'ART4-SECRET', requesters: ['POL'], reason: 'A classified threat' })]);
    assert.equal(acted.code, 0, acted.err);
    const second = await take();
    const publicOnly = await take('--public');
    assert.ok(second.d.evere.treeSize > first.d.evere.treeSize);
    // Every row of the earlier package is in the later one: the record only grew.
    const rows = (csv: string) => new Set(csv.split('\r\n').slice(1).filter(Boolean));
    for (const name of ['allies', 'consultations', 'ratifications']) {
      const later = rows(second.csv(name));
      for (const row of rows(first.csv(name))) assert.ok(later.has(row), `${name}: ${row} is gone`);
    }
    assert.match(second.csv('consultations'), /^ART4-SECRET,POL,2024-06-05,A classified threat,requested,,\d+,,$/m);
    assert.ok(!publicOnly.csv('consultations').includes('ART4-SECRET'));
    assert.equal(publicOnly.d.evere.rootHex, second.d.evere.rootHex);
    // The later checkpoint extends the earlier one: a consistency proof between the two sizes checks.
    const proof = await cli(db, ['--world', 'sec', 'prove', '--from', String(first.d.evere.treeSize), '--json']);
    assert.equal(proof.code, 0, proof.err);
    const file = join(tempDir(), 'proof.json');
    writeFileSync(file, proof.out);
    const checked = await cli(db, ['check-proof', file, '--key', second.d.evere.verifierKey]);
    assert.equal(checked.code, 0, checked.err);
    assert.equal(JSON.parse(proof.out).size2, second.d.evere.treeSize);
  });

  test('in French', async () => {
    const r = await cli(db, ['dataset', '--out', join(tempDir(), 'fr')], { EVERE_LANG: 'fr' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Paquet de données de «\u00a0record\u00a0» écrit dans .*taille d’arbre \d+/);
  });
});
