/**
 * The real record loads through the rules engine from a fresh database, and every treaty query
 * answers from it at any date. Bad data fails the load with file, line and rule, writing nothing.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, readFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../support/cli.js';

const DATA = new URL('../../data', import.meta.url).pathname;

describe('the real record', () => {
  const db = join(tempDir(), 'record.db');
  before(async () => {
    const r = await cli(db, ['init']);
    assert.equal(r.code, 0, r.err);
  });

  const count = async (date: string) => JSON.parse((await cli(db, ['members', '--as-of', date, '--json'])).out).length;

  test('Allies at each enlargement (founders from the entry into force, Art. 11; then Art. 10 deposits)', async () => {
    const expected: [string, number][] = [
      ['1949-08-23', 0], ['1949-08-24', 12], ['1952-02-18', 14], ['1955-05-06', 15], ['1982-05-30', 16],
      ['1999-03-12', 19], ['2004-03-29', 26], ['2009-04-01', 28], ['2017-06-05', 29], ['2020-03-27', 30],
      ['2023-04-03', 30], ['2023-04-04', 31], ['2024-03-06', 31], ['2024-03-07', 32], ['2026-01-01', 32],
    ];
    for (const [date, n] of expected) assert.equal(await count(date), n, date);
  });

  test('members as the log knew them: before anything was recorded it knew no Ally', async () => {
    const r = JSON.parse((await cli(db, ['members', '--known-at', '2000-01-01', '--json'])).out);
    assert.equal(r.length, 0);
  });

  test('France was out of the integrated military structure in 1966–2009, Greece in 1974–1980', async () => {
    const at = async (date: string) => Object.fromEntries((JSON.parse((await cli(db, ['members', '--as-of', date, '--json'])).out) as { code: string; outOfIntegratedStructure: boolean }[]).map((m) => [m.code, m.outOfIntegratedStructure]));
    assert.equal((await at('1970-01-01')).FRA, true);
    assert.equal((await at('1977-01-01')).GRC, true);
    assert.equal((await at('1985-01-01')).GRC, false);
    assert.equal((await at('2010-01-01')).FRA, false);
  });

  test('Sweden’s ratification matrix: 30 required ratifiers fixed at signature; Hungary last', async () => {
    const before = JSON.parse((await cli(db, ['accession', 'SWE', '--as-of', '2024-02-25', '--json'])).out);
    assert.equal(before.required, 30);
    assert.ok(!before.rows.some((r: { ally: string; required: boolean }) => r.ally === 'FIN' && r.required), 'Finland was not an Ally at signature');
    assert.ok(before.missing.includes('HUN') || before.undetermined.includes('HUN'));
    const after = JSON.parse((await cli(db, ['accession', 'SWE', '--as-of', '2024-03-07', '--json'])).out);
    assert.equal(after.ratified, 30);
    assert.deepEqual(after.members, { SWE: '2024-03-07' });
    assert.equal(after.daysElapsed, 611);
    const hun = after.rows.find((r: { ally: string }) => r.ally === 'HUN');
    assert.equal(hun.status, 'deposited');
    assert.equal(hun.parliamentApproved, '2024-02-26');
    assert.deepEqual(hun.vote, { for: 188, against: 6, abstain: 0 });
    const table = (await cli(db, ['accession', 'SWE-2022'])).out;
    assert.match(table, /30 of 30 parliaments approved · 30 of 30 instruments deposited/);
  });

  test('the tracker follows the stages: on 1 June 2023 every parliament but Hungary’s and Türkiye’s had approved Sweden’s protocol', async () => {
    const r = JSON.parse((await cli(db, ['accession', 'SWE', '--as-of', '2023-06-01', '--json'])).out);
    assert.equal(r.stages.parliamentApproved, 28);
    assert.deepEqual([...r.pending.parliament].sort(), ['HUN', 'TUR']);
    assert.equal(r.stages.inForce, false);
    assert.ok(!r.missing.includes('TUR') || !r.undetermined.includes('TUR'));
    assert.equal(r.rows.find((x: { ally: string }) => x.ally === 'TUR').stage, 'awaiting_parliament');
    // Every required ratifier is counted once, at one stage.
    const p = r.pending;
    assert.equal(r.stages.deposited + p.parliament.length + p.deposit.length + p.undetermined.length + p.notRecorded.length, 30);
    const text = (await cli(db, ['accession', 'SWE', '--as-of', '2023-06-01'])).out;
    assert.match(text, /28 of 30 parliaments approved/);
    assert.match(text, /awaiting parliament: Hungary, Türkiye/);
    const fr = (await cli(db, ['--lang', 'fr', 'accession', 'SWE', '--as-of', '2023-06-01'])).out;
    assert.match(fr, /28 sur 30 parlements ont approuvé/);
  });

  test('on 26 February 2024 Hungary’s parliament approved; Hungary had not deposited', async () => {
    const r = JSON.parse((await cli(db, ['accession', 'SWE', '--as-of', '2024-02-26', '--json'])).out);
    assert.equal(r.stages.parliamentApproved, 30);
    assert.deepEqual(r.pending.parliament, []);
    assert.ok(r.pending.deposit.includes('HUN'));
    const hun = r.rows.find((x: { ally: string }) => x.ally === 'HUN');
    assert.equal(hun.parliamentApproved, '2024-02-26');
    assert.equal(hun.stage, 'parliament_approved');
    assert.equal(r.stages.inForce, false);
  });

  test('an approval known only by a bound is not taken for a date: Montenegro’s protocol before and after 10 February 2017', async () => {
    type Row = { ally: string; stage: string; parliamentApproved?: string; parliamentApprovalIsBound?: boolean; deposited?: string; depositDateIsBound?: boolean };
    const at = async (date: string) => JSON.parse((await cli(db, ['accession', 'MNE', '--as-of', date, '--json'])).out) as { rows: Row[]; pending: { parliament: string[] } };
    // Before the bound nothing is known about Belgium's approval: not "awaiting parliament", no date.
    const jan = await at('2017-01-15');
    const belJan = jan.rows.find((x) => x.ally === 'BEL')!;
    assert.equal(belJan.parliamentApproved, undefined);
    assert.notEqual(belJan.stage, 'awaiting_parliament');
    assert.ok(!jan.pending.parliament.includes('BEL'));
    // By the bound it had approved and deposited; both dates are marked as bounds.
    const mar = await at('2017-03-01');
    const bel = mar.rows.find((x) => x.ally === 'BEL')!;
    assert.deepEqual([bel.parliamentApproved, bel.parliamentApprovalIsBound, bel.deposited, bel.depositDateIsBound, bel.stage], ['2017-02-10', true, '2017-02-10', true, 'deposited']);
    // Iceland's and Albania's approvals are exactly dated: no bound flag.
    assert.equal(mar.rows.find((x) => x.ally === 'ISL')!.parliamentApprovalIsBound, undefined);
    const alb = mar.rows.find((x) => x.ally === 'ALB')!;
    assert.deepEqual([alb.parliamentApproved, alb.parliamentApprovalIsBound], ['2016-06-23', undefined]);
    const text = (await cli(db, ['accession', 'MNE', '--as-of', '2017-03-01'])).out;
    assert.match(text, /Belgium\s+≤ 2017-02-10/);
    assert.match(text, /≤ \(approval\): approved by that date/);
    // Türkiye ratified by a Council of Ministers decision known by a bound: a signature, not an approval, and said to be a bound.
    const tur = mar.rows.find((x) => x.ally === 'TUR')! as Row & { instrumentSigned?: string; instrumentSignedIsBound?: boolean };
    assert.deepEqual([tur.parliamentApproved, tur.instrumentSigned, tur.instrumentSignedIsBound], [undefined, '2016-09-08', true]);
    assert.match(text, /Türkiye\s+≤ 2016-09-08/);
    assert.match(text, /≤ \(signature\): signed by that date/);
    // Counted as approved from its deposit or signature, an Ally without a recorded approval is named.
    const done = (await cli(db, ['accession', 'MNE'])).out;
    assert.match(done, /28 of 28 parliaments approved \(2 from the deposit or the signature, no approval recorded\)/);
    assert.match(done, /no parliamentary approval recorded: Canada, Türkiye/);
    assert.match((await cli(db, ['--lang', 'fr', 'accession', 'MNE'])).out, /aucune approbation parlementaire enregistrée\u00a0: Canada, Türkiye/);
    const coverage = JSON.parse((await cli(db, ['coverage', '--json'])).out) as { area: string; measures: { measure: string; recorded: number }[] }[];
    const m = Object.fromEntries(coverage.find((a) => a.area === 'ratification')!.measures.map((x) => [x.measure, x.recorded]));
    assert.ok(m['ratification.parliament_approvals_bounded']! >= 22, 'bounded approvals counted apart');
    // The signatures of instruments are counted as recorded: Iceland's for both 2022 protocols among them.
    const signed = JSON.parse((await cli(db, ['accession', 'SWE-2022', '--as-of', '2024-04-01', '--json'])).out) as { rows: { ally: string; instrumentSigned?: string }[] };
    assert.equal(signed.rows.find((x) => x.ally === 'ISL')?.instrumentSigned, '2022-07-05');
    const rounds = JSON.parse((await cli(db, ['enlargement', '--json'])).out) as { protocol: string }[];
    let rows = 0;
    for (const r of rounds) {
      const tracked = JSON.parse((await cli(db, ['accession', r.protocol, '--json'])).out) as { rows: { instrumentSigned?: string }[] };
      rows += tracked.rows.filter((x) => x.instrumentSigned).length;
    }
    assert.equal(m['ratification.instruments_signed'], rows, 'every signature the trackers show is counted');
  });

  test('enlargement lists the ten rounds with their durations', async () => {
    const rounds = JSON.parse((await cli(db, ['enlargement', '--json'])).out) as { protocol: string; daysFromSignature: number; invitees: string[] }[];
    assert.equal(rounds.length, 10);
    assert.equal(rounds.reduce((n, r) => n + r.invitees.length, 0), 20);
    assert.equal(rounds.find((r) => r.protocol === 'FIN-2022')!.daysFromSignature, 273);
  });

  test('"last to deposit" and "last to approve" come from known dates only, or say undetermined', async () => {
    type Round = { protocol: string; lastToDeposit?: string; lastToDepositStatus: string; lastDepositors?: string[]; lastToDepositAt?: string; lastToApproveStatus: string };
    const rounds = JSON.parse((await cli(db, ['enlargement', '--json'])).out) as Round[];
    for (const r of rounds) {
      assert.ok(['known', 'undetermined'].includes(r.lastToDepositStatus), r.protocol);
      assert.ok(['known', 'undetermined'].includes(r.lastToApproveStatus), r.protocol);
      if (r.lastToDepositStatus === 'undetermined') assert.equal(r.lastToDeposit, undefined, r.protocol);
    }
    // The record's own bounds: the 1952 round only has deposits "on or before" entry into force.
    assert.equal(rounds.find((r) => r.protocol === 'GRC-TUR-1951')!.lastToDepositStatus, 'undetermined');
    // 2004: Türkiye and the United States notified on the same last day, 27 February 2004.
    const r2004 = rounds.find((r) => r.protocol.endsWith('-2003'))!;
    if (r2004.lastToDepositStatus === 'known') {
      assert.equal(r2004.lastToDepositAt, '2004-02-27');
      assert.deepEqual(r2004.lastDepositors, ['TUR', 'USA']);
      assert.equal(r2004.lastToDeposit, undefined);
    }
    const table = (await cli(db, ['enlargement'])).out;
    assert.match(table, /undetermined/);
  });

  test('Article 5: one determination, for the United States, after 11 September 2001', async () => {
    const determinations = JSON.parse((await cli(db, ['article5', '--json'])).out);
    assert.equal(determinations.length, 1);
    assert.deepEqual(determinations[0].victims, ['USA']);
    assert.equal(determinations[0].attackDate, '2001-09-11');
    assert.ok(determinations[0].measures.length >= 8);
    // Invoked on 12 September on the condition that the attack came from abroad; operative from 2 October.
    assert.deepEqual([determinations[0].conditionallyInvokedAt, determinations[0].determinedAt], ['2001-09-12', '2001-10-02']);
    assert.deepEqual(JSON.parse((await cli(db, ['article5', '--as-of', '2001-09-20', '--json'])).out), []);
    const coverage = JSON.parse((await cli(db, ['coverage', '--as-of', '2001-09-20', '--json'])).out) as { area: string; measures: { measure: string; recorded: number }[] }[];
    const art5 = coverage.find((a) => a.area === 'article5')!.measures;
    assert.deepEqual(art5.map((m) => [m.measure, m.recorded]), [
      ['article5.determinations', 0], ['article5.measures_agreed', 0], ['article5.conditional_invocation', 1],
    ]);
    // Today: the eight measures of 4 October 2001 against NATO's count, and the operations reported after them besides.
    const now = (JSON.parse((await cli(db, ['coverage', '--json'])).out) as { area: string; status: string; measures: { measure: string; recorded: number; of?: number }[] }[])
      .find((a) => a.area === 'article5')!;
    const agreed = now.measures.find((m) => m.measure === 'article5.measures_agreed')!;
    assert.deepEqual([agreed.recorded, agreed.of], [8, 8]);
    const all = JSON.parse((await cli(db, ['article5', '--json'])).out)[0].measures as unknown[];
    assert.ok(all.length > 8, 'Eagle Assist and Active Endeavour are reported too, after the package');
    assert.equal(now.status, 'complete');
  });

  test('Article 4: the requests include the eight eastern Allies on 24 February 2022', async () => {
    const rows = JSON.parse((await cli(db, ['consult', '--json'])).out) as { validFrom: string; data: { requesters: string[] } }[];
    const feb2022 = rows.find((r) => r.validFrom.startsWith('2022-02-24'));
    assert.deepEqual([...feb2022!.data.requesters].sort(), ['BGR', 'CZE', 'EST', 'LTU', 'LVA', 'POL', 'ROU', 'SVK']);
    assert.ok(rows.length >= 8);
  });

  test('Article 4: on the day of a request the Council has not met yet; the meeting shows from its own day', async () => {
    const at = async (date: string) => (JSON.parse((await cli(db, ['consult', '--as-of', date, '--json'])).out) as { key: string; data: { status: string; heldAt?: string; requestedAt: string } }[])
      .find((r) => r.key === 'ART4-2012-06-TUR')!.data;
    const requested = await at('2012-06-22');
    assert.equal(requested.status, 'requested');
    assert.equal(requested.heldAt, undefined);
    assert.equal(requested.requestedAt, '2012-06-22');
    const held = await at('2012-06-26');
    assert.deepEqual([held.status, held.heldAt?.slice(0, 10), held.requestedAt], ['held', '2012-06-26', '2012-06-22']);
  });

  test('the INF Treaty is in force until the recorded US withdrawal ends it on 2 August 2019', async () => {
    const inf = async (date: string) => (JSON.parse((await cli(db, ['arms-control', '--as-of', date, '--json'])).out) as { instrument: string; inForce: boolean; terminatedAt?: string }[])
      .find((r) => r.instrument === 'INF')!;
    assert.equal((await inf('2019-08-01')).inForce, true);
    const after = await inf('2019-08-02');
    assert.deepEqual([after.inForce, after.terminatedAt], [false, '2019-08-02']);
    assert.equal((await inf('2026-01-01')).inForce, false);
    assert.match((await cli(db, ['arms-control', '--as-of', '2020-01-01'])).out, /INF .*no, ended 2019-08-02/);
  });

  test('the Soviet Union is recorded as itself (SUN), with Russia continuing it from 26 December 1991', async () => {
    type Status = { state: string; status: string };
    const at = async (instrument: string, date: string) =>
      Object.fromEntries((JSON.parse((await cli(db, ['arms-control', 'status', instrument, '--as-of', date, '--all-states', '--json'])).out) as Status[]).map((s) => [s.state, s.status]));
    const inf1990 = await at('INF', '1990-01-01');
    assert.deepEqual([inf1990.SUN, inf1990.RUS], ['party', undefined]);
    const inf1995 = await at('INF', '1995-01-01');
    assert.deepEqual([inf1995.SUN, inf1995.RUS], [undefined, 'party']);
    // Belarus, Kazakhstan and Ukraine: parties from a bound (the SVC session of 14 December 2000).
    const inf2001 = await at('INF', '2001-01-01');
    assert.deepEqual([inf2001.BLR, inf2001.KAZ, inf2001.UKR], ['party', 'party', 'party']);
    // Known only as of that day: 'by' it, never 'since' it, and nothing claimed before it.
    const infRows = JSON.parse((await cli(db, ['arms-control', 'status', 'INF', '--as-of', '2001-01-01', '--all-states', '--json'])).out) as { state: string; since: string; sinceIs?: string }[];
    assert.deepEqual(infRows.filter((r) => ['BLR', 'KAZ', 'UKR'].includes(r.state)).map((r) => [r.since, r.sinceIs]), Array(3).fill(['2000-12-14', 'on_or_before']));
    assert.equal(infRows.find((r) => r.state === 'RUS')?.sinceIs, undefined);
    assert.deepEqual([(await at('INF', '2000-12-13')).UKR], [undefined]);
    assert.match((await cli(db, ['arms-control', 'status', 'INF', '--as-of', '2001-01-01', '--all-states'])).out, /UKR\s+Ukraine \*\s+party\s+by 2000-12-14/);
    assert.match((await cli(db, ['arms-control', 'status', 'INF', '--as-of', '2001-01-01', '--all-states', '--lang', 'fr'])).out, /UKR\s+Ukraine \*\s+partie\s+au plus tard le 2000-12-14/);
    const cfe1991 = await at('CFE', '1991-06-01');
    assert.deepEqual([cfe1991.SUN, cfe1991.RUS], ['signed', undefined]);
    assert.equal((await at('CFE', '1993-01-01')).RUS, 'party');
    // Czechoslovakia (CSK) holds its CFE status until 31 December 1992; Czechia and Slovakia succeed it.
    assert.deepEqual([(await at('CFE', '1992-12-31')).CSK, (await at('CFE', '1993-01-01')).CSK, (await at('CFE', '1993-01-01')).CZE], ['party', undefined, 'party']);
    // The other successor states of the Soviet Union: States Parties named at Oslo (5 June 1992), bound from the entry into force.
    const cfe1992 = await at('CFE', '1992-06-05');
    assert.deepEqual(['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'MDA', 'RUS', 'UKR'].map((s) => cfe1992[s]), Array(8).fill('signed'));
    assert.equal((await at('CFE', '1992-06-04')).UKR, undefined);
    const cfe1993 = await at('CFE', '1993-01-01');
    assert.deepEqual(['ARM', 'AZE', 'BLR', 'GEO', 'KAZ', 'MDA', 'UKR'].map((s) => cfe1993[s]), Array(7).fill('party'));
  });

  test('Open Skies: each Ally’s status from the party table, and Russia’s withdrawal', async () => {
    type Status = { state: string; status: string };
    const allies2010 = JSON.parse((await cli(db, ['arms-control', 'status', 'OPEN-SKIES', '--as-of', '2010-01-01', '--json'])).out) as Status[];
    assert.ok(allies2010.filter((s) => s.status === 'party').length >= 27, `${allies2010.length} Allied statuses`);
    const all2022 = Object.fromEntries((JSON.parse((await cli(db, ['arms-control', 'status', 'OPEN-SKIES', '--as-of', '2022-01-01', '--all-states', '--json'])).out) as Status[]).map((s) => [s.state, s.status]));
    assert.deepEqual([all2022.USA, all2022.RUS, all2022.DEU], ['withdrawn', 'withdrawn', 'party']);
    // Non-Allied parties and Kyrgyzstan, a signatory that never ratified.
    assert.deepEqual([all2022.BLR, all2022.GEO, all2022.UKR, all2022.BIH, all2022.KGZ], ['party', 'party', 'party', 'party', 'signed']);
  });

  test('coverage: every area with its status, in English and French', async () => {
    const areas = JSON.parse((await cli(db, ['coverage', '--json'])).out) as { area: string; status: string; measures: { measure: string; recorded: number; modelled: boolean }[] }[];
    for (const a of areas) {
      const expected = a.measures.every((m) => !m.modelled || m.recorded === 0) ? 'not_recorded' : a.status;
      assert.equal(a.status, expected, a.area);
    }
    const dcb = areas.find((a) => a.area === 'dcb')!;
    assert.ok(dcb.measures.find((m) => m.measure === 'dcb.packages')!.recorded >= 6);
    // Treaty parties are counted as depositaries count States Parties: not a signatory that never
    // ratified (Kyrgyzstan, Open Skies), nor a state that no longer exists (the Soviet Union,
    // Czechoslovakia), so a missing party (Sweden, Open Skies) keeps the count short.
    const parties = Object.fromEntries(areas.find((a) => a.area === 'arms_control')!.measures.map((m) => [m.measure, m.recorded]));
    assert.deepEqual([parties['arms_control.parties.CFE'], parties['arms_control.parties.OPEN-SKIES'], parties['arms_control.parties.NEW-START']], [30, 33, 2]);
    // INF: the United States and the Soviet Union's twelve successors make 13; the record names seven
    // (the six successors no source names are missing), so the measure reads 7 of 13, not complete.
    const inf = areas.find((a) => a.area === 'arms_control')!.measures.find((m) => m.measure === 'arms_control.parties.INF') as { recorded: number; of?: number };
    assert.deepEqual([inf.recorded, inf.of], [7, 13]);
    // Summits: NATO's count (32 to Madrid 2022, and the three held since) leaves out three meetings
    // the record holds, so the record's 38 reach NATO's 35 and the area is complete.
    const strategy = areas.find((a) => a.area === 'strategy')! as { status: string; measures: { measure: string; recorded: number; of?: number }[] };
    const summits = strategy.measures.find((m) => m.measure === 'strategy.summits')!;
    assert.deepEqual([strategy.status, summits.recorded, summits.of], ['complete', 38, 35]);
    // The Secretaries General reach their count (14); the offices stay partial, as the acting and
    // Deputy Secretaries General and the SACLANTs have no published count.
    const offices = areas.find((a) => a.area === 'offices')! as typeof strategy;
    const sgs = offices.measures.find((m) => m.measure === 'offices.secretaries_general')!;
    assert.deepEqual([offices.status, sgs.recorded, sgs.of], ['partial', 14, 14]);
    const in1991 = JSON.parse((await cli(db, ['coverage', '--as-of', '1991-06-01', '--json'])).out) as typeof areas;
    assert.equal(Object.fromEntries(in1991.find((a) => a.area === 'arms_control')!.measures.map((m) => [m.measure, m.recorded]))['arms_control.parties.INF'], 2, 'the United States and the Soviet Union, which existed then');
    const fr = (await cli(db, ['coverage', '--lang', 'fr'])).out;
    assert.match(fr, /Partenariats/);
    assert.match(fr, /Stratégie et sommets\s+complet\s+sommets\s+38 \/ 35/);
    // Germany's contributions for Georgia (2016, 2017) are the DCB contributions received; before
    // the first, none is recorded, and that reads as such, never as 0.
    assert.match(fr, /contributions reçues\s+2\s/);
    assert.match((await cli(db, ['coverage'])).out, /contributions received\s+2\s/);
    assert.match((await cli(db, ['coverage', '--as-of', '2016-06-01', '--lang', 'fr'])).out, /contributions reçues\s+non enregistré/);
    assert.doesNotMatch((await cli(db, ['coverage'])).out, /\s0\s/);
  });

  test('offices and seats: who held each office and where each headquarters sat, at a date and over time', async () => {
    type Row = { kind: string; what: string; holder: string | null; nationality?: string; from: string; until?: string; recorded: boolean };
    const at2023 = JSON.parse((await cli(db, ['offices', '--as-of', '2023-01-01', '--json'])).out) as Row[];
    assert.deepEqual(at2023.map((r) => [r.what, r.holder]), [
      ['secretary_general', 'Jens Stoltenberg'], ['deputy_secretary_general', 'Mircea Geoană'], ['saceur', 'Christopher G. Cavoli'],
      ['sact', 'Philippe Lavigne'], ['wps_special_representative', 'Irene Fellin'],
      ['nato_headquarters', 'Brussels (New headquarters, Boulevard Léopold III)'], ['shape', 'Mons (Casteau)'],
    ]);
    // The Special Representatives for Women, Peace and Security: Schuurman and Fellin are recorded from
    // bounds and the last three with a lower bound on their last day, so between them the post is
    // "not recorded" (holder null), never silently empty; before the first holder it has no row.
    const holderAt = async (what: string, d: string) => {
      const rows = (JSON.parse((await cli(db, ['offices', '--as-of', d, '--json'])).out) as Row[]).filter((r) => r.what === what);
      assert.ok(rows.length <= 1, JSON.stringify(rows));
      return rows[0] === undefined ? undefined : rows[0].recorded ? rows[0].holder : null;
    };
    assert.equal(await holderAt('wps_special_representative', '2012-01-01'), undefined);
    assert.equal(await holderAt('wps_special_representative', '2013-06-01'), 'Mari Skåre');
    assert.equal(await holderAt('wps_special_representative', '2014-11-01'), null);
    assert.equal(await holderAt('wps_special_representative', '2016-06-01'), 'Marriët Schuurman');
    assert.equal(await holderAt('wps_special_representative', '2019-06-01'), 'Clare Hutchinson');
    assert.equal(await holderAt('wps_special_representative', '2021-06-01'), null);
    // A holder recorded with a last day (`until`) is followed by a "not recorded" span up to the next
    // recorded holder: Goodpaster is SACEUR in 1970 until the last day he certainly held the post
    // (30 November 1974), and Haig is recorded only from a bound (by 31 December 1974). All of
    // Goodpaster's successors to Clark (1997) are recorded, with spans not recorded between bounds.
    assert.equal(await holderAt('saceur', '1970-06-01'), 'Andrew J. Goodpaster');
    assert.equal(await holderAt('saceur', '1974-12-15'), null);
    assert.equal(await holderAt('saceur', '1977-06-01'), 'Alexander M. Haig Jr.');
    assert.equal(await holderAt('saceur', '1979-07-15'), null);
    assert.equal(await holderAt('saceur', '1980-06-01'), 'Bernard W. Rogers');
    assert.equal(await holderAt('saceur', '1987-06-25'), 'Bernard W. Rogers');
    assert.equal(await holderAt('saceur', '1990-06-01'), 'John R. Galvin');
    assert.equal(await holderAt('saceur', '1992-05-01'), null);
    assert.equal(await holderAt('saceur', '1993-01-01'), 'John M. Shalikashvili');
    assert.equal(await holderAt('saceur', '1993-11-01'), null);
    assert.equal(await holderAt('saceur', '1995-06-01'), 'George A. Joulwan');
    assert.equal(await holderAt('saceur', '1997-07-10'), 'George A. Joulwan');
    assert.equal(await holderAt('saceur', '1998-06-01'), 'Wesley K. Clark');
    // SACLANT's interim charge after Kernan: an acting SACLANT, held once, up to the day Allied
    // Command Transformation replaced Allied Command Atlantic; no acting SACLANT before or after.
    assert.equal(await holderAt('saclant', '2002-06-01'), 'William F. Kernan');
    assert.equal(await holderAt('acting_saclant', '2003-01-01'), 'Ian Forbes');
    assert.deepEqual([await holderAt('saclant', '2002-10-01'), await holderAt('acting_saclant', '2002-10-01')], [undefined, 'Ian Forbes'], 'one SACLANT a day: Kernan hands over on 1 October 2002');
    assert.equal(await holderAt('acting_saclant', '2002-06-01'), undefined);
    assert.equal(await holderAt('acting_saclant', '2003-06-19'), undefined);
    assert.equal(await holderAt('sact', '2003-06-19'), 'Edmund P. Giambastiani');
    assert.match((await cli(db, ['offices', '--lang', 'fr'])).out, /Commandant suprême allié de l’Atlantique par intérim\s+Ian Forbes\s+Royaume-Uni\s+2002-10-01\s+2003-06-19/);
    const history = JSON.parse((await cli(db, ['offices', '--json'])).out) as Row[];
    const saceurs = history.filter((r) => r.what === 'saceur');
    const gapAfterGoodpaster = saceurs.findIndex((r) => !r.recorded);
    assert.deepEqual([saceurs[gapAfterGoodpaster - 1]!.holder, saceurs[gapAfterGoodpaster]!.from.slice(0, 10), saceurs[gapAfterGoodpaster]!.until?.slice(0, 10), saceurs[gapAfterGoodpaster + 1]!.holder],
      ['Andrew J. Goodpaster', '1974-12-01', '1974-12-31', 'Alexander M. Haig Jr.']);
    assert.deepEqual(saceurs.filter((r) => !r.recorded).map((r) => [r.from.slice(0, 10), r.until?.slice(0, 10)]),
      [['1974-12-01', '1974-12-31'], ['1979-06-26', '1979-07-31'], ['1992-04-04', '1992-06-30'], ['1993-09-01', '1994-01-31']]);
    // Every recorded span of an office is covered once: each row starts where the previous one ends.
    for (let i = 1; i < saceurs.length; i++) assert.equal(saceurs[i]!.from, saceurs[i - 1]!.until, JSON.stringify(saceurs[i]));
    // Days known only as bounds are said so: a start "by" the earliest day a source shows the holder in
    // post, an end "not before" the day after the last such day, and a term that ends when a successor
    // known only "by" a day took office ends "by" that day too.
    const bound = (name: string) => history.find((r) => r.holder === name) as Row & { fromIs?: string; untilIs?: string };
    assert.deepEqual([bound('Alessandro Minuto-Rizzo').fromIs, bound('Alessandro Minuto-Rizzo').untilIs], ['on_or_before', 'on_or_before']);
    assert.deepEqual([bound('John R. Galvin').fromIs, bound('John R. Galvin').untilIs, bound('John R. Galvin').until?.slice(0, 10)], [undefined, 'on_or_after', '1992-04-04']);
    assert.deepEqual([bound('Mircea Geoană').fromIs, bound('Mircea Geoană').untilIs], [undefined, undefined]);
    assert.deepEqual([bound('Bernard W. Rogers').fromIs, bound('Bernard W. Rogers').untilIs, bound('Bernard W. Rogers').until?.slice(0, 10)], ['on_or_before', undefined, '1987-06-26']);
    const deputies = (await cli(db, ['offices'])).out;
    assert.match(deputies, /Alessandro Minuto-Rizzo\s+Italy\s+by 2001-10-04\s+by 2007-10-23/);
    assert.match(deputies, /John R\. Galvin\s+United States\s+1987-06-26\s+not before 1992-04-04/);
    assert.match(deputies, /Alexander M\. Haig Jr\.\s+United States\s+by 1974-12-31\s+not before 1979-06-26/);
    assert.match((await cli(db, ['offices', '--lang', 'fr'])).out, /Alessandro Minuto-Rizzo\s+Italie\s+au plus tard le 2001-10-04\s+au plus tard le 2007-10-23/);
    // NATO Headquarters' first seat, London, is sourced to the year only (1950): it is there "by" the
    // year's last day, and before that day no seat is claimed.
    assert.equal(await holderAt('nato_headquarters', '1951-06-01'), 'London (13 Belgrave Square)');
    assert.equal(await holderAt('nato_headquarters', '1950-06-01'), undefined);
    assert.match((await cli(db, ['offices', '--as-of', '1951-06-01'])).out, /NATO Headquarters\s+London \(13 Belgrave Square\)\s+by 1950-12-31\s+1952-04-01/);
    assert.match((await cli(db, ['offices', '--as-of', '1951-06-01', '--lang', 'fr'])).out, /Siège de l’OTAN\s+Londres \(13 Belgrave Square\)\s+au plus tard le 1950-12-31\s+1952-04-01/);
    const text1980 = await cli(db, ['offices', '--as-of', '1980-06-01']);
    assert.match(text1980.out, /SACEUR\)\s+Bernard W\. Rogers\s+United States\s+by 1979-07-31\s+1987-06-26/);
    assert.match((await cli(db, ['offices', '--as-of', '1993-11-01'])).out, /SACEUR\)\s+\(not recorded\)\s+1993-09-01\s+1994-01-31/);
    assert.match((await cli(db, ['offices', '--as-of', '1993-11-01', '--lang', 'fr'])).out, /SACEUR\)\s+\(non enregistré\)\s+1993-09-01/);
    // The Deputy Secretaries General: de Franchis is recorded on one day only (a bound on both sides),
    // Balanzino until 7 June 2001, then "not recorded" until Minuto-Rizzo's bound of 4 October 2001;
    // Bisogniero and Vershbow are recorded from bounds and each holds until the next takes office.
    // Acting Secretaries General: Balanzino after Wörner's death and again after Claes's resignation
    // (20 October to 18 December 1995, the day before Solana's first day); between them the office is not held.
    assert.equal(await holderAt('acting_secretary_general', '1994-09-01'), 'Sergio Balanzino');
    assert.equal(await holderAt('acting_secretary_general', '1995-06-01'), undefined);
    assert.equal(await holderAt('acting_secretary_general', '1995-11-15'), 'Sergio Balanzino');
    assert.equal(await holderAt('secretary_general', '1995-12-19'), 'Javier Solana');
    assert.equal(await holderAt('deputy_secretary_general', '1993-06-01'), undefined);
    assert.equal(await holderAt('deputy_secretary_general', '1993-12-20'), 'Amedeo de Franchis');
    assert.equal(await holderAt('deputy_secretary_general', '1994-01-15'), null);
    assert.equal(await holderAt('deputy_secretary_general', '1999-06-01'), 'Sergio Balanzino');
    assert.equal(await holderAt('deputy_secretary_general', '2001-08-01'), null);
    assert.equal(await holderAt('deputy_secretary_general', '2005-06-01'), 'Alessandro Minuto-Rizzo');
    assert.equal(await holderAt('deputy_secretary_general', '2010-06-01'), 'Claudio Bisogniero');
    assert.equal(await holderAt('deputy_secretary_general', '2014-06-01'), 'Alexander Vershbow');
    // The SACLANTs before Miller, all from bounds: Dennison (by February 1960, until at least April 1963),
    // Moorer (by April 1965, until at least June 1967), Holmes (by 1967, until at least 1970), Cousins (by 1972,
    // until at least 1975), Train (by 1978, until at least 1982), McDonald (by October 1983, until at least
    // 1 December 1985), Kelso on 8 February 1990 only, Edney from 31 May 1990; "not recorded" between them.
    assert.equal(await holderAt('saclant', '1955-06-01'), undefined);
    assert.equal(await holderAt('saclant', '1961-06-01'), 'Robert L. Dennison');
    assert.equal(await holderAt('saclant', '1964-06-01'), null);
    assert.equal(await holderAt('saclant', '1966-06-01'), 'Thomas H. Moorer');
    assert.equal(await holderAt('saclant', '1968-06-01'), 'Ephraim P. Holmes');
    assert.equal(await holderAt('saclant', '1971-06-01'), null);
    assert.equal(await holderAt('saclant', '1974-06-01'), 'Ralph W. Cousins');
    assert.equal(await holderAt('saclant', '1975-06-01'), null);
    assert.equal(await holderAt('saclant', '1980-06-01'), 'Harry D. Train II');
    assert.equal(await holderAt('saclant', '1983-01-01'), null);
    assert.equal(await holderAt('saclant', '1984-06-01'), 'Wesley L. McDonald');
    assert.equal(await holderAt('saclant', '1985-12-01'), 'Wesley L. McDonald');
    assert.equal(await holderAt('saclant', '1989-06-01'), null);
    assert.equal(await holderAt('saclant', '1990-02-08'), 'Frank B. Kelso II');
    assert.equal(await holderAt('saclant', '1990-03-01'), null);
    assert.equal(await holderAt('saclant', '1991-06-01'), 'Leon A. Edney');
    assert.equal(await holderAt('saclant', '1993-06-01'), 'Paul David Miller');
    // Each holder until the next takes office: Lavigne's term ends when Vandier takes over.
    const sact = (JSON.parse((await cli(db, ['offices', '--json'])).out) as Row[]).filter((r) => r.what === 'sact').map((r) => [r.holder, r.until?.slice(0, 10)]);
    assert.deepEqual(sact.slice(-2), [['Philippe Lavigne', '2024-09-23'], ['Pierre Vandier', undefined]]);
    const all = JSON.parse((await cli(db, ['offices', '--json'])).out) as Row[];
    const shape = all.filter((r) => r.what === 'shape').map((r) => [r.holder, r.from.slice(0, 10), r.until?.slice(0, 10)]);
    assert.deepEqual(shape, [['Rocquencourt', '1951-04-02', '1967-03-31'], ['Mons (Casteau)', '1967-03-31', undefined]]);
    const fr = (await cli(db, ['offices', '--as-of', '2023-01-01', '--lang', 'fr'])).out;
    assert.match(fr, /Commandant suprême allié Transformation \(SACT\)\s+Philippe Lavigne\s+France/);
  });

  test('policies: the WPS policies and action plans and the Human Security Approach, in date order, bounds said so', async () => {
    type Policy = { policy: string; kind: string; adoptedAt: string; adoptedIs?: string; title: { en: string; fr: string } };
    const all = JSON.parse((await cli(db, ['policies', '--json'])).out) as Policy[];
    assert.deepEqual(all.map((p) => p.adoptedAt), [...all.map((p) => p.adoptedAt)].sort());
    assert.ok(all.some((p) => p.kind === 'human_security_approach' && p.adoptedAt === '2022-10-14' && p.adoptedIs === undefined), JSON.stringify(all));
    const first = all[0]!;
    assert.deepEqual([first.policy, first.adoptedAt, first.adoptedIs], ['WPS-POLICY-2007', '2007-12-31', 'on_or_before']);
    assert.deepEqual((JSON.parse((await cli(db, ['policies', '--as-of', '2012-01-01', '--json'])).out) as Policy[]).map((p) => p.policy), ['WPS-POLICY-2007', 'WPS-AP-2010', 'WPS-POLICY-2011', 'WPS-AP-2011']);
    assert.match((await cli(db, ['policies'])).out, /by 2007-12-31\s+Women, Peace and Security policy\s+NATO\/EAPC Policy on Women, Peace and Security \(2007\)/);
    const fr = (await cli(db, ['policies', '--lang', 'fr'])).out;
    assert.match(fr, /au plus tard le 2007-12-31\s+Politique sur les femmes, la paix et la sécurité\s+Politique OTAN\/CPEA/);
    assert.match(fr, /Approche de la sécurité humaine/);
    assert.equal((await cli(db, ['policies', '--as-of', '2000-01-01'])).out, 'No policy recorded by the date.\n');
  });

  test('ally profiles accept NATO’s legacy digrams', async () => {
    const r = JSON.parse((await cli(db, ['ally', 'TU', '--json'])).out);
    assert.equal(r.code, 'TUR');
    assert.equal(r.name.en, 'Türkiye');
    assert.equal(r.memberships[0].since, '1952-02-18');
    const unknown = await cli(db, ['ally', 'XXX']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown state code "XXX"/);
    for (const [code, readings] of [['RS', /SRB \(ISO 3166-1 alpha-2\), RUS \(NATO\/FIPS 10-4\)/], ['BA', /BIH \(ISO 3166-1 alpha-2\), BHR/]] as const) {
      const r = await cli(db, ['ally', code]);
      assert.equal(r.code, 2, code);
      assert.match(r.err, readings);
      assert.equal((await cli(db, ['accession', code])).code, 2);
    }
  });

  test('sources: every line counted once under its class, with the official share', async () => {
    const d = JSON.parse((await cli(db, ['sources', '--json'])).out) as { lines: number; officialShare: number; byClass: { sourceClass: string; lines: number }[] };
    const total = d.byClass.reduce((n, c) => n + c.lines, 0);
    assert.equal(total, d.lines);
    const official = d.byClass.filter((c) => ['nato', 'depositary', 'government', 'parliament'].includes(c.sourceClass)).reduce((n, c) => n + c.lines, 0);
    assert.equal(d.officialShare, Math.round((official / d.lines) * 1000) / 10);
    assert.match((await cli(db, ['sources', '--lang', 'fr'])).out, /lignes du registre/);
  });

  test('French output', async () => {
    const r = await cli(db, ['members', '--as-of', '1966-07-02', '--lang', 'fr']);
    assert.match(r.out, /15 Alliés au 1966-07-02/);
    assert.match(r.out, /Belgique/);
  });
});

describe('bad record data fails the load, naming file, line and rule, and writes nothing', () => {
  const copy = () => {
    const dir = tempDir('evere-data-');
    mkdirSync(join(dir, 'record'));
    cpSync(join(DATA, 'record'), join(dir, 'record'), { recursive: true });
    return dir;
  };

  test('an illegal accession is refused by the rule that forbids it', async () => {
    const data = copy();
    appendFileSync(join(data, 'record', '11-summits.ndjson'), `${JSON.stringify({ cmd: 'DepositAccessionInstrument', at: '2025-01-01', by: 'UKR', data: { state: 'UKR', protocol: 'UKR-2024' }, source: 'https://example.org/none', sourceClass: 'government' })}\n`);
    const lines = readFileSync(join(data, 'record', '11-summits.ndjson'), 'utf8').trimEnd().split('\n').length;
    const db = join(tempDir(), 'bad.db');
    const r = await cli(db, ['init'], { EVERE_DATA: data });
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`11-summits\\.ndjson:${lines}: `));
    assert.match(r.err, /accession\./);
    assert.equal(JSON.parse((await cli(db, ['worlds', '--json'], { EVERE_DATA: data })).out).length, 0);
  });

  test('a malformed line and a line without a source are refused', async () => {
    const data = copy();
    writeFileSync(join(data, 'record', '99-bad.ndjson'), '{"cmd":"HoldSummit","at":"2030-01-01","by":"NAC","data":{"summit":"x","place":"Y"},"source":"https://example.org","sourceClass":"nato"}\n{"cmd": "HoldSummit", oops}\n');
    const db = join(tempDir(), 'bad.db');
    const r = await cli(db, ['init'], { EVERE_DATA: data });
    assert.equal(r.code, 2);
    assert.match(r.err, /99-bad\.ndjson:2: not valid JSON at column 23\. Nothing was loaded\./);
    const rFr = await cli(db, ['init', '--lang', 'fr'], { EVERE_DATA: data });
    assert.match(rFr.err, /99-bad\.ndjson:2\u00a0: JSON invalide à la colonne 23\. Rien n’a été chargé\./);
    writeFileSync(join(data, 'record', '99-bad.ndjson'), '{"cmd":"HoldSummit","at":"2030-01-01","by":"NAC","data":{"summit":"x","place":"Y"}}\n');
    const r2 = await cli(db, ['init'], { EVERE_DATA: data });
    assert.match(r2.err, /99-bad\.ndjson:1: source: every fact needs a public source URL/);
    const r2Fr = await cli(db, ['init', '--lang', 'fr'], { EVERE_DATA: data });
    assert.match(r2Fr.err, /99-bad\.ndjson:1\u00a0: source\u00a0: chaque fait demande l’URL d’une source publique\. Rien n’a été chargé\./);
  });

  test('a truncated source URL is refused with its file and line', async () => {
    const data = copy();
    const good = '{"cmd":"HoldSummit","at":"2030-01-01","by":"NAC","data":{"summit":"x","place":"Y"},"source":"https://example.org/summit","sourceClass":"news"}';
    writeFileSync(join(data, 'record', '99-bad.ndjson'), `${good}\n${good.replace('x', 'z').replace('/summit', '/cps/en/natohq/news_…')}\n`);
    const db = join(tempDir(), 'bad.db');
    const r = await cli(db, ['init'], { EVERE_DATA: data });
    assert.notEqual(r.code, 0);
    assert.match(r.err, /99-bad\.ndjson:2: .*news_… was cut short/);
    const fr = await cli(db, ['init', '--lang', 'fr'], { EVERE_DATA: data });
    assert.match(fr.err, /99-bad\.ndjson:2\u00a0: /);
    assert.doesNotMatch(fr.err, /cut short|Nothing was loaded/, 'the refusal and its rule are French');
    assert.equal(JSON.parse((await cli(db, ['worlds', '--json'], { EVERE_DATA: data })).out).length, 0);
  });
});
