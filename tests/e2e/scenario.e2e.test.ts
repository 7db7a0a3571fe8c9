/**
 * Scenarios through the CLI, as a newcomer would run them: create both example scenarios from
 * the record, give seats to people, run the clock accelerated, deliver injects, act in a seat,
 * let the bots play, branch a what-if, report (JSON and HTML), and run headless batches. Bad
 * scenario files are refused with their line and field, and nothing is created.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../support/cli.js';

const dir = tempDir('evere-scenario-');
const db = join(dir, 'scenario.db');
const env = { EVERE_PASSWORD: 'a long enough password' };
const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => cli(db, args, { ...env, ...extra });
const ok = async (args: string[], extra: NodeJS.ProcessEnv = {}) => {
  const r = await run(args, extra);
  assert.equal(r.code, 0, `evere ${args.join(' ')}\n${r.err}`);
  return r;
};
const jsonOf = async <T = any>(args: string[]): Promise<T> => JSON.parse((await ok([...args, '--json'])).out) as T; // eslint-disable-line @typescript-eslint/no-explicit-any
const GRID = 'data/scenarios/grid-hybrid-attack.yaml';
const ACCESSION = 'data/scenarios/accession-ratification.yaml';

describe('evere scenario', () => {
  let recordSize = 0;

  before(async () => {
    await ok(['init']);
    recordSize = (await jsonOf(['verify'])).size;
    await ok(['user', 'add', 'alice', '--role', 'player', '--clearance', 'NATO SECRET']);
    await ok(['user', 'add', 'bruno', '--role', 'player', '--clearance', 'NATO SECRET']);
    await ok(['user', 'add', 'dora', '--role', 'director']);
    await ok(['user', 'add', 'olga', '--role', 'observer']);
  });

  test('both example scenarios are valid, and are created as forks of the record', async () => {
    for (const file of [GRID, ACCESSION]) assert.match((await ok(['scenario', 'validate', file])).out, /is a valid scenario/);
    const created = await ok(['scenario', 'create', 'grid', '--file', GRID]);
    assert.match(created.out, /^EXERCISE EXERCISE EXERCISE\nCreated scenario "grid": the record as of 2024-06-01 .*34 seats, 20 injects/);
    await ok(['scenario', 'create', 'accession', '--file', ACCESSION]);
    const list = await jsonOf<{ name: string; exercise: boolean }[]>(['scenario', 'list']);
    assert.deepEqual(list.map((s) => s.name).sort(), ['accession', 'grid']);
    assert.ok(list.every((s) => s.exercise));
  });

  test('the record is never touched; every entry of a scenario is marked EXERCISE', async () => {
    assert.equal((await jsonOf(['verify'])).size, recordSize);
    const entries = await jsonOf<{ exercise?: boolean; type: string }[]>(['--world', 'grid', 'log', '--limit', '5000']);
    assert.ok(entries.length > 600);
    assert.ok(entries.every((e) => e.exercise === true));
    assert.equal(entries.at(-1)?.type, 'ScenarioDefined');
    const members = await jsonOf<unknown[]>(['--world', 'grid', 'members', '--as-of', '2024-06-03']);
    assert.equal(members.length, 32);
  });

  test('a director gives seats to people; the others stay with their bots', async () => {
    await ok(['scenario', 'assign', 'grid', '--seat', 'HUN', '--user', 'alice']);
    await ok(['scenario', 'assign', 'grid', '--seat', 'EST', '--user', 'bruno']);
    assert.match((await ok(['scenario', 'assign', 'grid', '--user', 'olga'])).out, /olga \(observer\) now takes part in "grid"/);
    const refused = await run(['scenario', 'assign', 'grid', '--seat', 'HUN', '--user', 'dora']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /a seat needs a player/);
    const status = await jsonOf<{ seats: { seat: string; holder?: string; played: string }[] }>(['scenario', 'show', 'grid']);
    assert.deepEqual(status.seats.filter((s) => s.played === 'person').map((s) => `${s.seat}=${s.holder}`), ['EST=bruno', 'HUN=alice']);
    assert.equal(status.seats.length, 34);
  });

  test('the clock runs accelerated, pauses, and injects fall due on it', async () => {
    await ok(['scenario', 'clock', 'start', 'grid', '--speed', '3600']);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await ok(['scenario', 'clock', 'pause', 'grid']);
    const status = await jsonOf<{ now: string; start: string; clock: { status: string }; delivered: { inject: string }[] }>(['scenario', 'show', 'grid']);
    assert.equal(status.clock.status, 'paused');
    assert.ok(Date.parse(status.now) - Date.parse(status.start) >= 3_600_000, `one real second is one scenario hour: ${status.now}`);
    assert.ok(status.delivered.some((d) => d.inject === 'INJ-02'));
    const later = await jsonOf<{ now: string }>(['scenario', 'show', 'grid']);
    assert.equal(later.now, status.now, 'paused: scenario time stands still');
    const again = await run(['scenario', 'clock', 'pause', 'grid']);
    assert.equal(again.code, 2);
    assert.match(again.err, /not running/);
  });

  test('an inject for a seat held by a person arrives as a prompt; the person acts at scenario time', async () => {
    const advanced = await jsonOf<{ entries: { type: string; payload: { inject?: string; prompt?: boolean; expected?: { cmd: string } } }[] }>(['scenario', 'advance', 'grid', '--to', 'T+4h']);
    const prompt = advanced.entries.find((e) => e.type === 'InjectDelivered' && e.payload.inject === 'INJ-04');
    assert.equal(prompt?.payload.prompt, true);
    assert.equal(prompt?.payload.expected?.cmd, 'RequestConsultations');
    assert.ok(!advanced.entries.some((e) => e.type === 'ConsultationsRequested'), 'nobody requested for Estonia');
    const acted = await ok(['scenario', 'act', 'grid', 'RequestConsultations', '--as', 'EST', '--data', JSON.stringify({ consultation: 'A4-BALTIC', requesters: ['EST', 'LVA', 'LTU'], reason: 'grid attack' })]);
    assert.match(acted.out, /ConsultationsRequested\s+EST\s+\(signed by delegation-est\)/);
    assert.match(acted.out, /2024-06-03T10:00:00Z/);
    const bot = await run(['scenario', 'act', 'grid', 'AgreeProposal', '--as', 'FRA', '--data', '{"proposal":"x"}']);
    assert.equal(bot.code, 2);
    assert.match(bot.err, /played by a bot/);
  });

  let breakSeq = 0;
  test('silence procedure: the chair circulates, a player breaks silence, bots act', async () => {
    await ok(['scenario', 'advance', 'grid', '--to', 'T+7h']);
    const r = await jsonOf<{ seq: number; type: string; actor: string }[]>(['scenario', 'act', 'grid', 'BreakSilence', '--as', 'HUN', '--data', '{"proposal":"PO-2024-0601","reason":"paragraph 3"}']);
    assert.equal(r[0]!.type, 'SilenceBroken');
    assert.equal(r[0]!.actor, 'delegation-hun');
    breakSeq = r[0]!.seq;
    const end = await jsonOf<{ status: { ended: boolean } }>(['scenario', 'advance', 'grid', '--by', '3d']);
    assert.equal(end.status.ended, true);
    const late = await run(['scenario', 'act', 'grid', 'AgreeProposal', '--as', 'HUN', '--data', '{"proposal":"PO-2024-0602"}']);
    assert.equal(late.code, 2);
    assert.match(late.err, /reached its end/);
  });

  test('the after-action report: timeline, time to consensus, breaks and footnotes by delegation, failures and why', async () => {
    const r = await jsonOf(['scenario', 'report', 'grid']);
    assert.equal(r.exercise, true);
    assert.equal(r.aar.totals.injects, 20);
    const byId = Object.fromEntries(r.aar.decisions.map((d: { proposal: string }) => [d.proposal, d]));
    assert.deepEqual(Object.keys(byId).sort(), ['LTU-2024-0001', 'PO-2024-0601', 'PO-2024-0602']);
    const statement = byId['PO-2024-0601'];
    assert.equal(statement.status, 'adopted', 'revised after the break, then adopted under silence');
    assert.ok(statement.hoursToConsensus > 24);
    assert.ok(statement.silenceRounds >= 2);
    assert.ok(r.aar.silenceBreaks.some((b: { party: string }) => b.party === 'HUN'));
    assert.equal(byId['PO-2024-0602'].status, 'adopted');
    for (const f of r.aar.failed) assert.match(f.reason.code, /^aar\.failed_/);
    assert.equal(r.aar.consultations[0].consultation, 'A4-BALTIC');
    assert.ok(r.aar.consultations[0].heldAt);
    assert.ok(r.aar.timeline.length > 60);
    assert.ok(r.aar.participation.find((p: { party: string }) => p.party === 'HUN').played !== 'bot');
    const text = (await ok(['scenario', 'report', 'grid'])).out;
    assert.match(text, /^EXERCISE EXERCISE EXERCISE\nAfter-action report/);
    assert.match(text, /Timeline:/);
  });

  test('the HTML report holds the charts, a table for each, and the EXERCISE marking, in English and French', async () => {
    const en = join(dir, 'grid.html');
    await ok(['scenario', 'report', 'grid', '--html', en]);
    const html = readFileSync(en, 'utf8');
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.equal((html.match(/EXERCISE EXERCISE EXERCISE/g) ?? []).length >= 2, true, 'marked at the top and bottom');
    assert.ok((html.match(/<svg role="img"/g) ?? []).length >= 3, 'time to consensus, breaks and footnotes, timeline');
    for (const caption of ['Time to consensus per decision', 'Silence breaks and footnotes by delegation', 'Timeline', 'Proposals that failed, and why']) {
      assert.ok(html.includes(`<caption>${caption}</caption>`), caption);
    }
    assert.ok(!html.includes('<script'), 'self-contained, no script');
    const fr = join(dir, 'grid-fr.html');
    await ok(['--lang', 'fr', 'scenario', 'report', 'grid', '--html', fr]);
    const french = readFileSync(fr, 'utf8');
    assert.match(french, /<html lang="fr">/);
    assert.ok(french.includes('Délai de consensus par décision'));
    assert.ok(french.includes('EXERCICE EXERCICE EXERCICE'));
  });

  test('what-if: branch at an entry with one seat’s policy changed, replayed deterministically, compared side by side', async () => {
    const args = ['scenario', 'branch', 'grid', 'grid-hun-agrees', '--at', String(breakSeq), '--seat', 'HUN', '--policy', '{ default: agree, delay: 1h }'];
    assert.match((await ok(args)).out, /Created what-if branch "grid-hun-agrees" of "grid"/);
    await ok(['scenario', 'branch', 'grid', 'grid-hun-agrees-2', '--at', String(breakSeq), '--seat', 'HUN', '--policy', '{ default: agree, delay: 1h }']);
    const a = await jsonOf(['scenario', 'report', 'grid-hun-agrees']);
    const b = await jsonOf(['scenario', 'report', 'grid-hun-agrees-2']);
    const strip = (r: { aar: { decisions: unknown[] } }) => JSON.stringify(r.aar.decisions);
    assert.equal(strip(a), strip(b), 'the same branch replays to the same outcome');
    assert.equal(a.status.branch.parent, 'grid');
    assert.ok(!a.aar.silenceBreaks.some((x: { party: string }) => x.party === 'HUN'), 'Hungary’s recorded break is not replayed: its bot now agrees');
    assert.equal(a.comparison.left, 'grid');
    assert.equal(a.comparison.right, 'grid-hun-agrees');
    const statement = a.comparison.proposals.find((p: { proposal: string }) => p.proposal === 'PO-2024-0601');
    assert.equal(statement.left.status, 'adopted');
    assert.ok(statement.right.hours < statement.left.hours, 'without the break, consensus came sooner');
    // INJ-14 is a branching inject: the press asks why NATO is silent only if the statement is not
    // adopted by T+31h. Each world takes the branch its own play leads to.
    for (const r of [await jsonOf(['scenario', 'report', 'grid']), a]) {
      const adoptedAt = r.aar.decisions.find((d: { proposal: string }) => d.proposal === 'PO-2024-0601').adoptedAt as string | undefined;
      const silentAt28 = adoptedAt === undefined || Date.parse(adoptedAt) > Date.parse('2024-06-04T13:00:00Z');
      const rows = r.aar.timeline.filter((t: { type: string; summary: { params: { inject?: string } } }) => t.summary.params.inject === 'INJ-14');
      assert.deepEqual(rows.map((t: { type: string }) => t.type), [silentAt28 ? 'InjectDelivered' : 'InjectWithheld'], `adopted at ${adoptedAt}`);
    }
    assert.notEqual(statement.right.hours + 6 <= 31, statement.left.hours + 6 <= 31, 'the parent and the branch take different branches');
    const html = join(dir, 'branch.html');
    await ok(['scenario', 'report', 'grid-hun-agrees', '--html', html]);
    assert.ok(readFileSync(html, 'utf8').includes('What-if: side by side'));
    const bad = await run(['scenario', 'branch', 'grid', 'nope', '--at', '3', '--seat', 'HUN', '--policy', '{ default: agree }']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /branch point must be an entry of the scenario/);
  });

  test('an inject can be changed in a what-if, and delivered ahead of time by exercise control', async () => {
    await ok(['scenario', 'branch', 'grid', 'grid-no-a5', '--at', String(breakSeq), '--inject', 'INJ-16', '--drop', '--to-end']);
    const r = await jsonOf(['scenario', 'report', 'grid-no-a5']);
    assert.ok(!r.aar.decisions.some((d: { proposal: string }) => d.proposal === 'LTU-2024-0001'));
    const early = await jsonOf<{ type: string; payload: { inject: string } }[]>(['scenario', 'inject', 'accession', 'ACC-05']);
    assert.deepEqual(early.filter((e) => e.type === 'InjectDelivered').map((e) => e.payload.inject), ['ACC-01', 'ACC-05'], 'with what was due at T+0');
    const adHoc = await jsonOf<{ type: string; payload: { kind: string } }[]>(['scenario', 'inject', 'accession', '--kind', 'media-report', '--title', 'Leak of a draft communiqué']);
    assert.equal(adHoc[0]!.payload.kind, 'media-report');
    const full = await jsonOf<{ type: string; classification: string; payload: { to: string[]; attachments: { title: { en: string }; url: string }[]; text: { en: string; fr: string } } }[]>([
      'scenario', 'inject', 'accession', '--kind', 'intelligence', '--title', 'Assessment', '--text', 'Pressure on the parliament', '--text-fr', 'Pression sur le parlement',
      '--attach', 'Assessment=https://example.org/assessment.pdf', '--attach', 'https://example.org/annex.pdf', '--to', 'hun,IS', '--classification', 'NATO CONFIDENTIAL',
    ]);
    assert.equal(full[0]!.classification, 'NATO CONFIDENTIAL');
    assert.deepEqual(full[0]!.payload.to, ['HUN', 'IS']);
    assert.deepEqual(full[0]!.payload.attachments.map((a) => [a.title.en, a.url]), [['Assessment', 'https://example.org/assessment.pdf'], ['https://example.org/annex.pdf', 'https://example.org/annex.pdf']]);
    assert.equal(full[0]!.payload.text.fr, 'Pression sur le parlement');
    const unknownSeat = await run(['scenario', 'inject', 'accession', '--kind', 'other', '--title', 'X', '--to', 'XYZ']);
    assert.equal(unknownSeat.code, 2);
    assert.match(unknownSeat.err, /addressed to XYZ, which is not a seat/);
    const badLink = await run(['scenario', 'inject', 'accession', '--kind', 'other', '--title', 'X', '--attach', 'Map=ftp://example.org/map']);
    assert.equal(badLink.code, 2);
    assert.match(badLink.err, /attachments\[0\]\.url/);
    const twice = await run(['scenario', 'inject', 'accession', 'ACC-05']);
    assert.equal(twice.code, 2);
    assert.match(twice.err, /already delivered/);
  });

  test('the accession scenario: bots ratify, the depositary and the invitees act, the report follows the protocols', async () => {
    await ok(['scenario', 'advance', 'accession', '--to', 'T+60d']);
    const r = await jsonOf(['scenario', 'report', 'accession']);
    const fin = r.aar.accessions.find((a: { protocol: string }) => a.protocol === 'FIN-2022');
    assert.ok(fin.deposited.length >= 25, `most Allies ratified in play: ${fin.deposited.length}`);
    assert.equal(r.aar.decisions.length, 2);
  });

  test('headless runs: many bots-only runs, with distributions', async () => {
    const r = await jsonOf(['scenario', 'run', GRID, '--bots-only', '--runs', '40']);
    assert.equal(r.runs, 40);
    assert.equal(r.simulated, true);
    assert.equal(r.summary.adoptedShare.count, 40);
    const statement = r.summary.proposals.find((p: { proposal: string }) => p.proposal === 'PO-2024-0601');
    assert.ok(statement.adoptedShare > 0 && statement.adoptedShare <= 1);
    assert.ok(statement.hoursToConsensus.p50 > 0);
    // Hungary and Poland negotiate paragraph 3 with propensities drawn per run: the decision varies.
    assert.ok(statement.hoursToConsensus.p90 > statement.hoursToConsensus.p10, 'a decision bots contest has spread');
    assert.ok(statement.rounds.max > statement.rounds.min, 'rounds vary');
    assert.ok(statement.blocks.some((b: { ally: string; paragraph?: number }) => b.ally === 'HUN' && b.paragraph === 3));
    assert.ok(r.runsPerMinute > 0);
    const same = await jsonOf(['scenario', 'run', GRID, '--runs', '40']);
    assert.deepEqual(same.summary, r.summary, 'the same seed gives the same distributions');
    const text = (await ok(['scenario', 'run', ACCESSION, '--bots-only', '--runs', '20', '--html', join(dir, 'runs.html')])).out;
    assert.match(text, /20 bots-only runs of .* runs per minute/);
    assert.match(text, /FIN-2022/);
    assert.match(text, /rounds \(revisions, p10–median–p90\)/);
    assert.match(text, /PO-2022-0718\s+(HUN|TUR)\s+2\s+\d+/, 'blocks by delegation and paragraph');
    const html = readFileSync(join(dir, 'runs.html'), 'utf8');
    assert.ok(html.includes('<svg role="img"'));
    assert.ok(html.includes('Rounds (revisions of the text) per decision') && html.includes('<td>PO-2022-0718</td><td>HUN</td><td class="n">2</td>'));
  });

  test('bad scenario files are refused with the line and field; nothing is created', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, [
      'scenario: bad-one',
      'title: { en: Bad }',
      'asOf: 2024-06-01',
      'duration: two days',
      'injects:',
      '  - id: I-1',
      '    at: T+1h',
      '    kind: rumour',
      '    title: { en: x }',
      '  - id: I-2',
      '    at: T+2h',
      '    kind: proposal',
      '    title: { en: y }',
      '    command: { cmd: TableProposal, by: SG, data: { proposal: P1, title: { en: y } } }',
      '',
    ].join('\n'));
    const r = await run(['scenario', 'create', 'bad-one', '--file', bad]);
    assert.equal(r.code, 2);
    // Every mistake at once: the schema's two and the engine's one.
    assert.match(r.err, /Scenario file bad\.yaml is invalid \(3 problem\(s\)\)/);
    assert.match(r.err, /line 14, column \d+, injects\[1\]\.command\.data\.procedure: Inject command is invalid: Missing field/);
    assert.match(r.err, /line 4, column 11, duration: "two days" does not have the expected form/);
    assert.match(r.err, /line 8, column 11, injects\[0\]\.kind: "rumour" is not one of/);
    assert.match(r.err, /Nothing was created/);
    writeFileSync(bad, readFileSync(bad, 'utf8').replace('two days', '2d').replace('rumour', 'incident'));
    const semantic = await run(['scenario', 'create', 'bad-one', '--file', bad]);
    assert.equal(semantic.code, 2);
    assert.match(semantic.err, /line 14, column \d+, injects\[1\]\.command\.data\.procedure: Inject command is invalid: Missing field/);
    const fr = await run(['--lang', 'fr', 'scenario', 'validate', bad]);
    assert.match(fr.err, /ligne 14, colonne \d+, injects\[1\]\.command\.data\.procedure/);
    // Bot distributions are checked field by field, in French too.
    writeFileSync(bad, [
      'scenario: bad-one', 'title: { en: Bad }', 'asOf: 2024-06-01',
      'seats:', '  default:', '    delay: { dist: triangular, min: 2h, mode: 1h, max: 6h }', '    accept: { dist: uniform, min: 0.5 }',
      'injects: []', '',
    ].join('\n'));
    const dist = await run(['--lang', 'fr', 'scenario', 'validate', bad]);
    assert.equal(dist.code, 2);
    assert.match(dist.err, /ligne 6, colonne 47, seats\.default\.delay\.mode\u00a0: Dans une distribution, min ≤ mode ≤ max doit être respecté\u00a0: mode est inférieur à min/);
    assert.match(dist.err, /ligne 7, colonne 13, seats\.default\.accept\u00a0: champ manquant\u00a0: max/);
    const list = await jsonOf<{ name: string }[]>(['scenario', 'list']);
    assert.ok(!list.some((s) => s.name === 'bad-one'));
    assert.equal((await run(['--world', 'bad-one', 'members'])).code, 3);
  });

  test('every scenario world still verifies: bots’, players’ and exercise control’s signatures', async () => {
    for (const world of ['grid', 'grid-hun-agrees', 'accession']) {
      const r = await jsonOf(['--world', world, 'verify']);
      assert.equal(r.ok, true, world);
    }
  });
});
