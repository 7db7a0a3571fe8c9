import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allMessageCodes, messageFor } from '../messages/index.js';
import { command, eventsOf, given } from './testing/specification.js';
import { foundingEvents, thirtyEvents } from './testing/fixtures.js';
import { FACT_KINDS, alliesAt, availableCommands, commandSpecs, parseCommand, project, replay, worldDecider, type WorldEvent } from './world.js';

const here = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('The world', () => {
  test('every command is declared once, with a summary in English and French', () => {
    assert.equal(new Set(commandSpecs.map((s) => s.cmd)).size, commandSpecs.length);
    assert.equal(commandSpecs.length, 64);
    for (const spec of commandSpecs) assert.ok(spec.summary.en && spec.summary.fr, spec.cmd);
  });

  test('every code the domain can emit is declared with EN and FR messages', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(here)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:reject|add)\(\s*'([a-z0-9_]+\.[a-z0-9_]+)'/g)) used.add(m[1]!);
    }
    assert.ok(used.size > 50);
    for (const code of used) {
      const message = messageFor(code);
      assert.ok(message?.en && message.fr, `${code} has no message`);
    }
  });

  test('docs/errors.md lists every declared code', () => {
    const doc = readFileSync(join(here, '../../docs/errors.md'), 'utf8');
    for (const code of allMessageCodes()) assert.ok(doc.includes(`\`${code}\``), `${code} missing from docs/errors.md`);
  });

  test('a record line parsed and decided becomes an event', () => {
    const parsed = parseCommand({
      cmd: 'SignAccessionProtocol',
      at: '2022-07-05',
      by: 'NAC',
      data: { protocol: 'FIN-2022', invitees: ['FI'] },
      source: 'https://www.nato.int/cps/en/natohq/news_197763.htm',
    });
    assert.ok(parsed.ok);
    const decision = worldDecider.decide(replay(thirtyEvents()), parsed.command);
    assert.ok(decision.ok);
    assert.equal(decision.events[0]?.type, 'AccessionProtocolSigned');
  });

  test('available commands follow who acts and when', () => {
    const state = replay(foundingEvents());
    const names = (by: string, at: string) => availableCommands(state, by, at).map((s) => s.cmd);
    assert.ok(names('BEL', '2000-01-01').includes('BreakSilence'));
    assert.ok(!names('SWE', '2000-01-01').includes('BreakSilence'));
    assert.ok(names('SWE', '2000-01-01').includes('ApplyForMembership'));
    assert.ok(names('NAC', '2000-01-01').includes('AdoptProposal'));
    assert.deepEqual(names('NAC', '1949-05-01'), [], 'no Council before the Treaty is in force');
    assert.deepEqual(names('DEPOSITARY', '2000-01-01'), ['TreatyEntersIntoForce', 'ProtocolEntersIntoForce']);
  });

  test('an unknown actor is refused even when the command was not parsed', () => {
    given(foundingEvents()).when(command('AgreeProposal', '2000-01-01', 'XYZ', { proposal: 'P' })).thenRejects('command.state_unknown');
  });

  test('projection covers the record: every fact kind is declared and keys are set', () => {
    const events: WorldEvent[] = eventsOf(
      [
        command('ApplyForMembership', '2022-05-18', 'FIN', { state: 'FIN' }),
        command('RecognizeAspiration', '2022-05-19', 'NAC', { states: ['GEO'], occasion: 'test' }),
        command('InviteToAccede', '2022-06-29', 'NAC', { invitees: ['FIN'] }),
        command('SignAccessionProtocol', '2022-07-05', 'NAC', { protocol: 'FIN-2022', invitees: ['FIN'] }),
        command('LeaveIntegratedMilitaryStructure', '2022-08-01', 'FRA', { ally: 'FRA' }),
        command('RequestConsultations', '2022-02-24', 'POL', { consultation: 'A4-2022', requesters: ['POL', 'EST'], reason: 'Invasion of Ukraine' }),
        command('HoldConsultations', '2022-02-24', 'NAC', { consultation: 'A4-2022' }),
        command('InvokeArticle5Conditionally', '2022-03-01', 'NAC', { determination: 'D', victims: ['POL'], attackDate: '2022-03-01', condition: 'exercise' }),
        command('DetermineArmedAttack', '2022-03-01', 'NAC', { determination: 'D', victims: ['POL'], attackDate: '2022-03-01', description: 'exercise' }),
        command('AdoptStrategicConcept', '2022-06-29', 'NAC', { concept: 'SC-2022', title: 'NATO 2022 Strategic Concept' }),
        command('AppointSecretaryGeneral', '2014-10-01', 'NAC', { name: 'Jens Stoltenberg', nationality: 'NOR', ordinal: 13 }),
        command('HoldSummit', '2022-06-28', 'NAC', { summit: 'MADRID-2022', place: 'Madrid', endDate: '2022-06-30' }),
        command('AppointOfficeHolder', '2021-09-01', 'NAC', { office: 'sact', name: 'Philippe Lavigne', nationality: 'FRA' }),
        command('MoveSeat', '1967-10-16', 'NAC', { body: 'nato_headquarters', place: 'Brussels' }),
        command('AdoptPolicy', '2024-07-10', 'NAC', { policy: 'WPS-2024', kind: 'wps_policy', title: { en: 'NATO Policy on Women, Peace and Security' } }),
        command('TableProposal', '2022-06-28', 'SG', { proposal: 'P', title: { en: 'Declaration' }, procedure: 'meeting' }),
        command('AdoptProposal', '2022-06-29', 'NAC', { proposal: 'P' }),
        command('LaunchOperation', '2022-07-01', 'NAC', {
          operation: 'OP', name: { en: 'Operation' }, kind: 'mission', coreTask: 'crisis_prevention_and_management', area: 'X', mandate: ['none'],
        }),
        command('JoinOperation', '2022-07-02', 'FRA', { operation: 'OP', contributor: 'FRA' }),
        command('EstablishFramework', '2022-07-01', 'NAC', { framework: 'PFP', name: { en: 'Partnership for Peace' } }),
        command('JoinFramework', '2022-07-02', 'GEO', { framework: 'PFP', partner: 'GEO' }),
        command('SuspendPartner', '2022-07-03', 'NAC', { framework: 'PFP', partner: 'GEO' }),
        command('ResumePartner', '2022-07-04', 'NAC', { framework: 'PFP', partner: 'GEO' }),
        command('AgreeTailoredProgramme', '2022-07-05', 'NAC', { programme: 'GEO-ITPP', framework: 'PFP', partner: 'GEO', kind: 'ITPP' }),
        command('LaunchDcbPackage', '2022-07-01', 'NAC', { package: 'GEO', partner: 'GEO', areas: ['logistics'] }),
        command('PledgeToFund', '2022-07-02', 'BEL', { pledge: 'L1', ally: 'BEL', amount: 100, currency: 'EUR' }),
        command('ContributeToFund', '2022-07-03', 'BEL', { contribution: 'C1', ally: 'BEL', amount: 100, currency: 'EUR', pledge: 'L1' }),
        command('AllocateToProject', '2022-07-04', 'DCB', { project: 'P1', package: 'GEO', area: 'logistics', amount: 50, currency: 'EUR' }),
        command('RecordExpenditure', '2022-07-05', 'DCB', { project: 'P1', amount: 10, currency: 'EUR' }),
        command('HoldExercise', '2022-07-01', 'SHAPE', { exercise: 'EX', name: 'Exercise', endDate: '2022-07-02', lead: 'SHAPE', coreTask: 'deterrence_and_defence' }),
        command('JoinEuropeanUnion', '1958-01-01', 'FRA', { state: 'FRA' }),
        command('SignNatoEuDeclaration', '2022-07-01', 'SG', { declaration: 'D', title: 'Declaration', areas: ['space'] }),
        command('RegisterArmsControlInstrument', '1990-11-19', 'SG', { instrument: 'CFE', name: 'CFE', kind: 'treaty', field: 'conventional' }),
        command('RecordArmsControlStatus', '1990-11-19', 'FRA', { instrument: 'CFE', state: 'FRA', status: 'signed' }),
        command('EstablishArmsControlCommittee', '1986-05-30', 'NAC', { committee: 'HLTF', name: 'High-Level Task Force' }),
        command('TagHumanSecurity', '2022-07-06', 'SG', { activity: 'operation', id: 'OP', pillars: ['protection_of_civilians'] }),
      ],
      thirtyEvents(),
    );
    let state = worldDecider.initialState();
    const kinds = new Set<string>();
    for (const event of events) {
      for (const change of project(state, event)) {
        assert.ok(change.kind in FACT_KINDS, change.kind);
        assert.ok(change.key.length > 0);
        kinds.add(change.kind);
      }
      state = worldDecider.evolve(state, event);
    }
    assert.deepEqual([...kinds].sort(), Object.keys(FACT_KINDS).filter((k) => k !== 'ratification' || kinds.has(k)).sort());
    assert.equal(alliesAt(state, '2022-07-05').length, 30);
  });
});
