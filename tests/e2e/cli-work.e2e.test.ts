/**
 * The Alliance's work end to end: `init` loads the real record through the rules engine into a
 * SQLite file, then each verb answers from the indexes at a couple of dates.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, tempDir } from '../support/cli.js';

describe('evere work verbs on the real record', () => {
  const db = join(tempDir(), 'evere.db');
  const run = async (...args: string[]) => {
    const r = await cli(db, args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
    return r.out;
  };
  const jsonOf = async <T>(...args: string[]): Promise<T> => JSON.parse(await run(...args, '--json')) as T;

  before(async () => {
    const r = await cli(db, ['init']);
    assert.equal(r.code, 0, r.err);
  });

  test('operations: at least 15 real operations since the 1990s, each with its mandate', async () => {
    const all = await jsonOf<{ operation: string; mandate: string[]; launchedAt?: string; resolutions?: string[] }[]>('operations', '--as-of', '2025-01-01');
    assert.ok(all.length >= 15, `${all.length} operations`);
    for (const op of all) assert.ok(op.mandate.length > 0, op.operation);
    assert.deepEqual(all.find((o) => o.operation === 'ALLIED-FORCE')?.mandate, ['none']);
    assert.deepEqual(all.find((o) => o.operation === 'KFOR')?.resolutions, ['1244']);
    // The earliest is Anchor Guard (AWACS over Türkiye, from 8 August 1990).
    assert.ok(all.every((o) => (o.launchedAt ?? '') >= '1990'));
    assert.equal(all.map((o) => o.launchedAt ?? '').sort()[0], '1990-08-08');
  });

  test('operations: KFOR active in 2005; ISAF active on 30 December 2014, ended on 31 December 2014', async () => {
    type Row = { operation: string; status: string; endedAt?: string; successor?: string };
    const in2005 = await jsonOf<Row[]>('operations', '--as-of', '2005-01-01');
    assert.equal(in2005.find((o) => o.operation === 'KFOR')?.status, 'active');
    assert.equal(in2005.find((o) => o.operation === 'RSM'), undefined, 'not yet launched');
    const before = await jsonOf<Row[]>('operations', '--as-of', '2014-12-30');
    assert.equal(before.find((o) => o.operation === 'ISAF')?.status, 'active');
    assert.equal(before.find((o) => o.operation === 'ISAF')?.endedAt, undefined, 'the end is not known yet then');
    const isaf = (await jsonOf<Row[]>('operations', '--as-of', '2014-12-31')).find((o) => o.operation === 'ISAF');
    assert.deepEqual([isaf?.status, isaf?.endedAt, isaf?.successor], ['ended', '2014-12-31', 'RSM']);
    const active = await jsonOf<Row[]>('operations', '--as-of', '2014-12-31', '--status', 'active');
    assert.ok(active.every((o) => o.status === 'active') && active.some((o) => o.operation === 'KFOR'));
  });

  test('operations: contributors over time, and an operation’s detail', async () => {
    const ifor = await jsonOf<{ contributions: { contributor: string; role: string; until?: string }[]; status: string }>('operations', 'IFOR', '--as-of', '1996-06-01');
    assert.equal(ifor.status, 'active');
    // Every Ally of the day (sixteen), and the partners recorded by then.
    assert.equal(ifor.contributions.filter((c) => c.role === 'ally').length, 16);
    assert.ok(ifor.contributions.some((c) => c.role === 'partner' && c.contributor === 'RUS'), 'Russia in IFOR');
    assert.ok(ifor.contributions.every((c) => c.until === undefined));
    const ended = await jsonOf<{ contributions: { until?: string }[] }>('operations', 'IFOR', '--as-of', '1997-01-01');
    assert.ok(ended.contributions.every((c) => c.until === '1996-12-20'), 'the end closed every contribution');
    const text = await run('operations', 'KFOR', '--as-of', '2005-01-01');
    assert.match(text, /UNSCR 1244/);
    assert.match(text, /Council decision of 1999-06-10/);
    const missing = await cli(db, ['operations', 'NOPE']);
    assert.equal(missing.code, 3);
  });

  test('operations: an end known only as a bound is said "by" it; an ended operation shows no contributor count', async () => {
    const ended = (await jsonOf<{ operation: string; endedAt?: string; endedIs?: string }[]>('operations', '--as-of', '2009-06-01', '--status', 'ended')).find((o) => o.operation === 'ALLIED-PROVIDER');
    assert.deepEqual([ended?.endedAt, ended?.endedIs], ['2008-12-31', 'on_or_before']);
    const text = (await cli(db, ['operations', '--as-of', '2009-06-01', '--status', 'ended'])).out;
    assert.match(text, /ALLIED-PROVIDER .* by 2008-12-31\s+ended\s+—\s+—/);
    assert.doesNotMatch(text, /\sended\s+0\s+0/);
    assert.match((await cli(db, ['operations', 'ALLIED-PROVIDER', '--as-of', '2009-06-01', '--lang', 'fr'])).out, /terminée au plus tard le 2008-12-31/);
  });

  test('operations: a contributor is an Ally or a partner as it stands on the date asked; none recorded of a kind is not 0', async () => {
    type Row = { operation: string; allies: string[]; partners: string[] };
    const nmi = async (at: string) => (await jsonOf<Row[]>('operations', '--as-of', at)).find((r) => r.operation === 'NMI')!;
    // Finland and Sweden were partners when they were recorded contributing (18 November 2021), Allies since 2023 and 2024.
    const at2022 = await nmi('2022-06-01');
    assert.deepEqual(at2022.partners, ['AUS', 'FIN', 'SWE']);
    assert.ok(!at2022.allies.includes('FIN') && !at2022.allies.includes('SWE'));
    const at2024 = await nmi('2024-06-01');
    assert.ok(at2024.allies.includes('FIN') && at2024.allies.includes('SWE'), `${at2024.allies}`);
    assert.deepEqual(at2024.partners, ['AUS']);
    const detail = await jsonOf<{ contributions: { contributor: string; role: string }[] }>('operations', 'NMI', '--as-of', '2024-06-01');
    const roles = new Map(detail.contributions.map((c) => [c.contributor, c.role]));
    assert.deepEqual([roles.get('AUS'), roles.get('FIN'), roles.get('SWE')], ['partner', 'ally', 'ally']);
    // No partner is recorded in the airlift for AMISOM in March 2010 (only the United States): the count says so rather than 0.
    const line = (await run('operations', '--as-of', '2010-03-10')).split('\n').find((l) => l.startsWith('AMISOM-SUPPORT'))!;
    assert.match(line, /active\s+1\s+not recorded$/);
  });

  test('operations: what the log knew at an earlier record time', async () => {
    assert.deepEqual(await jsonOf('operations', '--known-at', '2000-01-01'), []);
  });

  test('partners: joining, suspension and leaving over time', async () => {
    type Row = { framework: string; partner: string; suspended: boolean; ally: boolean };
    const in2013 = await jsonOf<Row[]>('partners', '--as-of', '2013-12-31', '--framework', 'PFP');
    assert.equal(in2013.find((p) => p.partner === 'RUS')?.suspended, false);
    const in2015 = await jsonOf<Row[]>('partners', '--as-of', '2015-01-01', '--framework', 'PFP');
    assert.equal(in2015.find((p) => p.partner === 'RUS')?.suspended, true);
    assert.ok(!in2015.some((p) => p.partner === 'POL'), 'Allies are not partners');
    assert.ok(!(await jsonOf<Row[]>('partners', '--as-of', '2000-01-01')).some((p) => p.partner === 'MLT'), 'Malta left in 1996');
    assert.ok((await jsonOf<Row[]>('partners', '--as-of', '2010-01-01')).some((p) => p.partner === 'MLT'), 'and rejoined in 2008');
    // A joining known only by its month is dated on the month's last day and said to be "by" it.
    const md = await jsonOf<(Row & { since: string; sinceIs?: string })[]>('partners', '--as-of', '2001-01-01', '--framework', 'MD');
    assert.deepEqual([md.find((p) => p.partner === 'EGY')?.since, md.find((p) => p.partner === 'EGY')?.sinceIs], ['1995-02-28', 'on_or_before']);
    assert.deepEqual([md.find((p) => p.partner === 'DZA')?.since, md.find((p) => p.partner === 'DZA')?.sinceIs], ['2000-03-14', undefined]);
    assert.match((await cli(db, ['partners', '--as-of', '2000-01-01', '--framework', 'MD'])).out, /EGY\s+Egypt\s+by 1995-02-28/);
    assert.match((await cli(db, ['partners', '--as-of', '2000-01-01', '--framework', 'MD', '--lang', 'fr'])).out, /EGY\s+Égypte\s+au plus tard le 1995-02-28/);
    const withAllies = await jsonOf<Row[]>('partners', '--as-of', '2024-01-01', '--all', '--framework', 'PFP');
    assert.equal(withAllies.find((p) => p.partner === 'FIN')?.ally, true);
    const frameworks = await jsonOf<{ framework: string; partners: number }[]>('partners', 'frameworks', '--as-of', '2024-06-01');
    assert.deepEqual(frameworks.map((f) => f.framework), ['PFP', 'MD', 'ICI', 'PATG', 'EOP']);
    assert.equal(frameworks.find((f) => f.framework === 'PFP')?.partners, 18);
    assert.equal(frameworks.find((f) => f.framework === 'MD')?.partners, 7);
    assert.equal(frameworks.find((f) => f.framework === 'ICI')?.partners, 4);
    // Enhanced Opportunities Partners: Finland and Sweden, now Allies, are no longer counted; Ukraine from 2020.
    const eop = await jsonOf<Row[]>('partners', '--as-of', '2024-06-01', '--framework', 'EOP');
    assert.deepEqual(eop.map((p) => p.partner).sort(), ['AUS', 'GEO', 'JOR', 'UKR']);
    assert.ok(!(await jsonOf<Row[]>('partners', '--as-of', '2020-01-01', '--framework', 'EOP')).some((p) => p.partner === 'UKR'), 'Ukraine from 12 June 2020');
    const programmes = await jsonOf<{ programme: string }[]>('partners', 'programmes');
    assert.ok(programmes.some((p) => p.programme === 'GEO-IPAP'));
  });

  test('fund: the real packages; a pledge is not a contribution; every balance reconciles', async () => {
    const summary = await jsonOf<{ packages: { partner: string }[]; balances: { currency: string; pledged: number; outstandingPledges: number; received: number; allocated: number; reconciles: boolean }[]; contributionsRecorded: number }>('fund', '--as-of', '2023-01-01');
    for (const partner of ['IRQ', 'TUN', 'JOR', 'MRT', 'MDA', 'GEO']) assert.ok(summary.packages.some((p) => p.partner === partner), partner);
    // Germany's EUR 500,000 given in 2016 (honouring its pledge of September 2016) and in 2017, for
    // Georgia's package; the Netherlands' EUR 1 million (2018) and Germany's EUR 500,000 (2018) pledged only.
    const eur = summary.balances.find((b) => b.currency === 'EUR');
    assert.deepEqual([eur?.pledged, eur?.outstandingPledges, eur?.received, eur?.allocated], [200_000_000, 150_000_000, 100_000_000, 0]);
    assert.equal(summary.contributionsRecorded, 2);
    assert.ok(summary.balances.length > 0 && summary.balances.every((b) => b.reconciles));
    const early = await jsonOf<{ packages: unknown[]; balances: { currency: string; received: number }[] }>('fund', '--as-of', '2015-01-01');
    assert.equal(early.packages.length, 3);
    assert.deepEqual(early.balances, []);
    const byAlly = await jsonOf<{ key: string; currency: string; pledged: number; received: number }[]>('fund', 'report', '--by', 'ally');
    assert.deepEqual(byAlly.map((r) => [r.key, r.currency, r.pledged, r.received]), [
      ['DEU', 'EUR', 100_000_000, 100_000_000], ['DNK', 'DKK', 2_300_000_000, 0], ['NLD', 'EUR', 900_000_000, 0], ['ROU', 'USD', 175_000_000, 0],
    ]);
    const byYear = await jsonOf<{ key: string }[]>('fund', 'report', '--by', 'year');
    assert.deepEqual([...new Set(byYear.map((r) => r.key))], ['2016', '2017', '2018', '2022', '2023']);
    const table = await run('fund', '--as-of', '2023-01-01');
    // Received in euros, but no allocation or expenditure is in the record: those are not known, not
    // 0.00, and so neither is what is left unallocated or unspent; the books still reconcile.
    assert.match(table, /EUR\s+2,000,000\.00 EUR\s+1,500,000\.00 EUR\s+1,000,000\.00 EUR(\s+not recorded){4}\s+yes$/m);
    // No contribution in Danish kroner or dollars is in the record: what was received in them is not
    // known, and is not shown as 0.00.
    assert.match(table, /DKK\s+23,000,000\.00 DKK\s+23,000,000\.00 DKK(\s+not recorded){6}$/m);
    assert.match(table, /USD\s+1,000,000\.00 USD\s+1,000,000\.00 USD(\s+not recorded){6}$/m);
    assert.doesNotMatch(table, /\s0\.00 (DKK|USD)/);
    const report = await run('fund', 'report');
    assert.match(report, /Netherlands \(NLD\)\s+EUR\s+9,000,000\.00 EUR\s+not recorded/);
    assert.match(report, /Germany \(DEU\)\s+EUR\s+1,000,000\.00 EUR\s+1,000,000\.00 EUR(\s+not recorded){2}$/m);
    const fr = await run('--lang', 'fr', 'fund', '--as-of', '2023-01-01');
    assert.match(fr, /USD\s+1,000,000\.00 USD\s+1,000,000\.00 USD(\s+non enregistré){6}$/m);
    assert.match(await run('--lang', 'fr', 'fund', 'report', '--by', 'year'), /^année\s+devise/);
    // Before the first contribution, nothing received is recorded in any currency.
    const before = await jsonOf<{ contributionsRecorded: number }>('fund', '--as-of', '2016-12-30');
    assert.equal(before.contributionsRecorded, 0);
    assert.match(await run('fund', '--as-of', '2016-12-30'), /EUR\s+500,000\.00 EUR\s+500,000\.00 EUR(\s+not recorded){6}$/m);
  });

  test('operations without recorded contributors say so instead of showing 0', async () => {
    const rows = await jsonOf<{ operation: string; contributorsRecorded: boolean; allies: string[] }[]>('operations', '--as-of', '1996-06-01');
    const ifor = rows.find((r) => r.operation === 'IFOR')!;
    assert.equal(ifor.contributorsRecorded, true);
    assert.ok(ifor.allies.length > 0);
    assert.equal(rows.find((r) => r.operation === 'MARITIME-GUARD')!.contributorsRecorded, false);
    assert.match(await run('operations', '--as-of', '1993-01-01'), /MARITIME-GUARD .*active\s+not recorded\s+not recorded/);
  });

  test('a departure known only by a later bound: the count says the contributor may already have gone', async () => {
    type Row = { operation: string; allies: string[]; contributorsMayHaveLeft: string[]; contributorsIncomplete: boolean };
    const at = async (date: string, op: string) => (await jsonOf<Row[]>('operations', '--as-of', date)).find((r) => r.operation === op)!;
    // The Netherlands' ship left the Aegean activity by 30 June 2016 (the day not sourced): in April it may already have gone.
    const april = await at('2016-04-15', 'AEGEAN');
    assert.ok(april.allies.includes('NLD'));
    assert.deepEqual([april.contributorsMayHaveLeft, april.contributorsIncomplete], [['NLD'], false]);
    const line = (await run('operations', '--as-of', '2016-04-15')).split('\n').find((l) => l.startsWith('AEGEAN'))!;
    assert.match(line, new RegExp(`active\\s+${april.allies.length - 1}–${april.allies.length}\\s`));
    // After the bound it is gone; and the United States' Patriots in Türkiye likewise by 14 June 2016.
    assert.deepEqual((await at('2016-07-01', 'AEGEAN')).contributorsMayHaveLeft, []);
    assert.ok(!(await at('2016-07-01', 'AEGEAN')).allies.includes('NLD'));
    assert.deepEqual((await at('2016-01-01', 'TUR-AIR-DEFENCE')).contributorsMayHaveLeft, ['USA']);
    assert.ok(!(await at('2016-07-01', 'TUR-AIR-DEFENCE')).allies.includes('USA'));
  });

  test('a contributor known only from a list of one day counts from that day, and earlier counts say they may be short', async () => {
    // The record as it stood on KFOR's first day: Germany and the United Kingdom, each from that day.
    await run('world', 'create', 'ops-bound', '--as-of', '1999-06-12');
    const act = (as: string, at: string, data: Record<string, unknown>) =>
      run('--world', 'ops-bound', 'act', 'JoinOperation', '--as', as, '--at', at, '--data', JSON.stringify({ operation: 'KFOR', contributor: as, ...data }));
    await act('SWE', '2020-03-01', { dateIs: 'on_or_before' });
    await act('ESP', '2010-03-01', {});
    type Row = { operation: string; allies: string[]; partners: string[]; contributorsRecorded: boolean; contributorsIncomplete: boolean };
    const kfor = async (at: string) => (await jsonOf<Row[]>('--world', 'ops-bound', 'operations', '--as-of', at)).find((r) => r.operation === 'KFOR')!;
    // Before the list's day Sweden may already have been there: the count is a floor, or unknown.
    const early = await kfor('2005-01-01');
    assert.deepEqual([early.allies, early.partners, early.contributorsRecorded, early.contributorsIncomplete], [['DEU', 'GBR'], [], true, true]);
    assert.deepEqual((await kfor('2015-01-01')).allies, ['DEU', 'ESP', 'GBR']);
    assert.equal((await kfor('2015-01-01')).contributorsIncomplete, true);
    const after = await kfor('2021-01-01');
    assert.deepEqual([after.allies, after.partners, after.contributorsIncomplete], [['DEU', 'ESP', 'GBR'], ['SWE'], false]);
    const line = async (at: string, lang = 'en') => (await cli(db, ['--world', 'ops-bound', 'operations', '--as-of', at], { EVERE_LANG: lang })).out.split('\n').find((l) => l.startsWith('KFOR'))!;
    assert.match(await line('2005-01-01'), /active\s+≥ 2\s+not recorded$/);
    assert.match(await line('2015-01-01'), /active\s+≥ 3\s+not recorded$/);
    assert.match(await line('2021-01-01'), /active\s+3\s+1$/);
    assert.match(await line('2015-01-01', 'fr'), /≥ 3\s+non enregistré$/);
    // The detail gives the bound as a bound.
    const detail = await jsonOf<{ contributions: { contributor: string; from: string; fromIs?: string }[] }>('--world', 'ops-bound', 'operations', 'KFOR', '--as-of', '2021-01-01');
    assert.deepEqual(detail.contributions.map((c) => [c.contributor, c.from, c.fromIs]), [
      ['DEU', '1999-06-12', undefined], ['GBR', '1999-06-12', undefined], ['ESP', '2010-03-01', undefined], ['SWE', '2020-03-01', 'on_or_before'],
    ]);
    assert.match(await run('--world', 'ops-bound', 'operations', 'KFOR', '--as-of', '2021-01-01'), /Sweden\s+partner\s+by 2020-03-01/);
  });

  test('exercises: dates, lead, participants, core task and themes', async () => {
    const all = await jsonOf<{ exercise: string; partners: string[]; themes: string[]; status: string }[]>('exercises', '--as-of', '2024-03-01');
    assert.equal(all.length, 4);
    const sd = all.find((x) => x.exercise === 'STEADFAST-DEFENDER-24');
    assert.deepEqual([sd?.partners, sd?.status], [['SWE'], 'under_way']);
    assert.deepEqual(all.find((x) => x.exercise === 'SRBIJA-2018')?.themes, ['natural_disasters', 'cbrn']);
    assert.equal((await jsonOf<unknown[]>('exercises', '--year', '2018')).length, 2);
  });

  test('eu: the UK in the EU in 2019, not in 2021; shared members counted', async () => {
    type Report = { allies: number; euMembers: number; shared: string[]; natoOnly: string[]; euOnly: string[] };
    const in2019 = await jsonOf<Report>('eu', '--as-of', '2019-06-01');
    assert.ok(in2019.shared.includes('GBR'));
    assert.deepEqual([in2019.euMembers, in2019.shared.length], [28, 22]);
    const in2021 = await jsonOf<Report>('eu', '--as-of', '2021-01-01');
    assert.ok(in2021.natoOnly.includes('GBR') && !in2021.shared.includes('GBR'));
    assert.deepEqual([in2021.euMembers, in2021.shared.length], [27, 21]);
    const in2025 = await jsonOf<Report>('eu', '--as-of', '2025-01-01');
    assert.equal(in2025.shared.length, 23);
    assert.deepEqual(in2025.euOnly.sort(), ['AUT', 'CYP', 'IRL', 'MLT']);
    const declarations = await jsonOf<{ declaration: string }[]>('eu', 'declarations');
    assert.ok(['WARSAW-2016', 'BRUSSELS-2018', 'BRUSSELS-2023'].every((d) => declarations.some((x) => x.declaration === d)));
  });

  test('arms control: each Ally’s status over time, and the High-Level Task Force', async () => {
    type Status = { state: string; status: string };
    const cfe2000 = await jsonOf<Status[]>('arms-control', 'status', 'CFE', '--as-of', '2000-01-01');
    assert.ok(cfe2000.length >= 19 && cfe2000.every((s) => s.status === 'party'));
    const cfe2024 = await jsonOf<Status[]>('arms-control', 'status', 'CFE', '--as-of', '2024-01-01');
    assert.equal(cfe2024.find((s) => s.state === 'USA')?.status, 'suspended');
    assert.ok(!cfe2024.some((s) => s.state === 'RUS'), 'not an Ally');
    const all = await jsonOf<Status[]>('arms-control', 'status', 'CFE', '--as-of', '2024-01-01', '--all-states');
    assert.equal(all.find((s) => s.state === 'RUS')?.status, 'withdrawn');
    const inf = await jsonOf<Status[]>('arms-control', 'status', 'INF', '--as-of', '2019-03-01');
    assert.equal(inf.find((s) => s.state === 'USA')?.status, 'suspended');
    const committees = await jsonOf<{ committee: string; establishedAt: string }[]>('arms-control', 'committees');
    assert.deepEqual(committees.map((c) => [c.committee, c.establishedAt]), [['HLTF', '1986-05-30']]);
  });

  test('human security: coverage and gaps by core task and year', async () => {
    type Row = { year: string; coreTask: string; activities: number; tagged: number; pillars: Record<string, number>; untagged: string[]; genderAnalysis: number };
    const rows = await jsonOf<Row[]>('human-security', '--year', '2011');
    const crisis = rows.find((r) => r.coreTask === 'crisis_prevention_and_management');
    assert.ok(crisis && crisis.tagged >= 3 && crisis.pillars['protection_of_civilians']! >= 1 && crisis.pillars['cultural_property'] === 1);
    assert.equal(crisis?.genderAnalysis, 1, 'ISAF');
    assert.ok(crisis?.untagged.includes('operation/OCEAN-SHIELD'), 'a gap');
    const gaps = await run('human-security', '--year', '2011', '--gaps');
    assert.match(gaps, /operation\/OCEAN-SHIELD/);
  });

  test('French headers and CSV', async () => {
    assert.match(await run('--lang', 'fr', 'operations', '--as-of', '2005-01-01'), /opérations et missions connues au 2005-01-01/);
    assert.match(await run('--lang', 'fr', 'eu', '--as-of', '2021-01-01'), /membres communs/);
    // French lists of clauses put a no-break space before the semicolon (CONVENTIONS §4.1), English none.
    assert.match(await run('--lang', 'fr', 'operations', '--as-of', '2012-01-01'), /demande de IRQ\u00a0; RCSNU 1546/);
    assert.match(await run('operations', '--as-of', '2012-01-01'), /request of IRQ; UNSCR 1546/);
    assert.match(await run('--lang', 'fr', 'fund', 'packages'), /Formation et entraînement\u00a0; Cyberdéfense/);
    const lines = (await run('partners', 'frameworks', '--csv')).trim().split('\r\n');
    assert.equal(lines[0], 'id,name,established,partners,suspended');
  });
  test('the record in French: a French reader’s tables and details give the record’s texts in French', async () => {
    const art4 = await run('--lang', 'fr', 'consult', '--as-of', '2022-03-01');
    assert.match(art4, /Attaque militaire de grande ampleur de la Russie contre l’Ukraine/);
    assert.doesNotMatch(art4, /full-scale military attack/);
    assert.match(await run('consult', '--as-of', '2022-03-01'), /Russia's full-scale military attack on Ukraine/);
    const art5 = await run('--lang', 'fr', 'article5', '--as-of', '2002-01-01');
    assert.match(art5, /Renforcer, tant sur le plan bilatéral qu’au sein des instances appropriées de l’OTAN/);
    assert.match(art5, /assimilés à une action relevant de l’article 5/);
    const kfor = await run('--lang', 'fr', 'operations', 'KFOR', '--as-of', '2005-01-01');
    assert.match(kfor, /Le 10 juin 1999, le Conseil a autorisé l’ordre d’activation/);
    assert.match(await run('--lang', 'fr', 'arms-control', '--as-of', '2000-01-01'), /Traité sur les forces armées conventionnelles en Europe \(FCE\)/);
    // The accession's line says the state with its article and "Allié" agreeing with it.
    assert.match(await run('--lang', 'fr', 'accession', 'SWE-2022', '--as-of', '2024-04-01'), /La Suède, Alliée depuis le 2024-03-07/);
    assert.match(await run('--lang', 'fr', 'accession', 'CZE-HUN-POL-1997', '--as-of', '2000-01-01'), /La Tchéquie, Alliée depuis le 1999-03-12\u00a0; la Hongrie, Alliée depuis le 1999-03-12/);
    assert.match(await run('accession', 'SWE-2022', '--as-of', '2024-04-01'), /Sweden, an Ally since 2024-03-07/);
    // JSON stays the record's data, in its English.
    const json = await jsonOf<{ data: { reason: string } }[]>('consult', '--as-of', '2022-03-01', '--lang', 'fr');
    assert.ok(json.some((r) => r.data.reason === 'Russia\'s full-scale military attack on Ukraine'));
  });
});
