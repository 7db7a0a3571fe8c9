import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatViolation } from '../messages/index.js';
import { parseCommand } from './parse-command.js';

const SOURCE = 'https://www.nato.int/cps/en/natohq/news_197763.htm';
const line = (overrides: Record<string, unknown> = {}) => ({
  cmd: 'SignAccessionProtocol',
  at: '2022-07-05',
  by: 'NAC',
  data: { protocol: 'FIN-2022', invitees: ['FIN'] },
  source: SOURCE,
  ...overrides,
});

function codes(value: unknown, options?: Parameters<typeof parseCommand>[1]): [string, string][] {
  const result = parseCommand(value, options);
  assert.equal(result.ok, false);
  return result.ok ? [] : result.violations.map((v) => [v.code, v.path]);
}

describe('parseCommand — the record format', () => {
  test('a valid line gives a typed command', () => {
    const result = parseCommand(line({ note: 'signed in Brussels' }));
    assert.deepEqual(result, {
      ok: true,
      command: { cmd: 'SignAccessionProtocol', at: '2022-07-05', by: 'NAC', data: { protocol: 'FIN-2022', invitees: ['FIN'] }, source: SOURCE, note: 'signed in Brussels' },
    });
  });

  test('legacy and alpha-2 codes are normalised to alpha-3', () => {
    const result = parseCommand(line({ data: { protocol: 'X', invitees: ['fyr', 'GE', 'tu'] } }));
    assert.ok(result.ok);
    assert.deepEqual(result.command.data, { protocol: 'X', invitees: ['MKD', 'GEO', 'TUR'] });
    const ratify = parseCommand({ cmd: 'RecordRatificationStage', at: '2022-07-05', by: 'ger', data: { protocol: 'X', ally: 'DE', stage: 'instrument_deposited' }, source: SOURCE });
    assert.ok(ratify.ok);
    assert.equal(ratify.command.by, 'DEU');
  });

  test('a DCB package\'s partner is a state or a partner organisation (UN), and nothing else', () => {
    const launch = (partner: string) => parseCommand({
      cmd: 'LaunchDcbPackage', at: '2020-04-02', by: 'NAC', data: { package: 'P', partner, areas: ['education_and_training'] }, source: SOURCE,
    });
    for (const [given, stored] of [['UN', 'UN'], [' un ', 'UN'], ['tn', 'TUN'], ['JOR', 'JOR']] as const) {
      const result = launch(given);
      assert.ok(result.ok, given);
      assert.equal((result.command.data as { partner: string }).partner, stored);
    }
    assert.deepEqual(codes({ cmd: 'LaunchDcbPackage', at: '2020-04-02', by: 'NAC', data: { package: 'P', partner: 'UNO', areas: [] }, source: SOURCE }), [['command.state_unknown', 'data.partner']]);
    // Elsewhere a state field takes states only.
    assert.deepEqual(codes(line({ data: { protocol: 'X', invitees: ['UN'] } })), [['command.state_unknown', 'data.invitees[0]']]);
  });

  test('a code with two readings is refused at its path, naming both readings in both languages', () => {
    const result = parseCommand(line({ by: 'RS', data: { protocol: 'X', invitees: ['FIN', 'AU'] } }));
    assert.ok(!result.ok);
    assert.deepEqual(result.violations.map((v) => [v.code, v.path]), [['command.state_ambiguous', 'by'], ['command.state_ambiguous', 'data.invitees[1]']]);
    const [rs, au] = result.violations;
    assert.equal(formatViolation(rs!), 'Field by: RS is ambiguous, it reads as SRB (ISO 3166-1 alpha-2), RUS (NATO/FIPS 10-4); use the ISO 3166-1 alpha-3 code');
    assert.match(formatViolation(au!, 'fr'), /AU est ambigu, il se lit AUS \(ISO 3166-1 alpha-2\), AUT \(NATO\/FIPS 10-4\)/);
  });

  test('a source URL cut short ("…" inside, "..." at the end) is refused', () => {
    for (const source of ['https://www.nato.int/cps/en/natohq/news_…', 'https://www.nato.int/cps/en/natohq/news_1977…htm', 'https://example.org/a%E2%80%A6b', 'https://www.nato.int/cps/en/natohq/...']) {
      assert.deepEqual(codes(line({ source })), [['command.source_truncated', 'source']], source);
    }
    assert.ok(parseCommand(line({ source: 'https://example.org/a..b/c' })).ok);
  });

  test('something other than an object is refused', () => {
    assert.deepEqual(codes(null), [['command.not_object', '']]);
    assert.deepEqual(codes([1, 2]), [['command.not_object', '']]);
  });

  test('an unknown command is named', () => {
    assert.deepEqual(codes(line({ cmd: 'JoinNato' })), [['command.unknown', 'cmd']]);
  });

  test('missing and ill-typed fields are named by path', () => {
    assert.deepEqual(codes({ cmd: 'SignAccessionProtocol', data: { invitees: 'FIN' } }), [
      ['command.field_missing', 'at'],
      ['command.field_missing', 'by'],
      ['command.field_missing', 'source'],
      ['command.field_missing', 'data.protocol'],
      ['command.field_invalid', 'data.invitees'],
    ]);
  });

  test('a bad country code is reported at its index', () => {
    assert.deepEqual(codes(line({ data: { protocol: 'X', invitees: ['FIN', 'SWE', 'XXX'] } })), [['command.state_unknown', 'data.invitees[2]']]);
  });

  test('a state listed twice is refused', () => {
    assert.deepEqual(codes(line({ data: { protocol: 'X', invitees: ['FIN', 'FI'] } })), [['command.duplicate', 'data.invitees[1]']]);
  });

  test('bad dates are refused: not a calendar date, or not UTC', () => {
    assert.deepEqual(codes(line({ at: '2023-02-29' })), [['command.date_invalid', 'at']]);
    assert.deepEqual(codes(line({ at: '2023-02-10T10:00:00+01:00' })), [['command.date_invalid', 'at']]);
    assert.deepEqual(codes(line({ at: '10/02/2023' })), [['command.date_invalid', 'at']]);
    assert.ok(parseCommand(line({ at: '2024-02-29T23:59:59Z' })).ok);
  });

  test('unknown fields are refused, at the top and in data', () => {
    assert.deepEqual(codes(line({ extra: 1, data: { protocol: 'X', invitees: ['FIN'], invitee: 'SWE' } })), [
      ['command.field_unknown', 'extra'],
      ['command.field_unknown', 'data.invitee'],
    ]);
  });

  test('nested values are checked: title, vote, enum, integer', () => {
    assert.deepEqual(codes({ cmd: 'TableProposal', at: '2024-01-01', by: 'SG', source: SOURCE, data: { proposal: 'P', title: { fr: 'x' }, procedure: 'vote' } }), [
      ['command.field_missing', 'data.title.en'],
      ['command.field_invalid', 'data.procedure'],
    ]);
    assert.deepEqual(
      codes({ cmd: 'RecordRatificationStage', at: '2024-01-01', by: 'HUN', source: SOURCE, data: { protocol: 'SWE-2022', ally: 'HUN', stage: 'instrument_deposited', vote: { for: 188, against: -6 } } }),
      [
        ['command.field_invalid', 'data.vote.against'],
        ['command.field_missing', 'data.vote.abstain'],
      ],
    );
    assert.deepEqual(codes({ cmd: 'AppointSecretaryGeneral', at: '2024-10-01', by: 'NAC', source: SOURCE, data: { name: 'Mark Rutte', nationality: 'NLD', ordinal: 0 } }), [
      ['command.field_invalid', 'data.ordinal'],
    ]);
  });

  test('an unknown actor is refused', () => {
    assert.deepEqual(codes(line({ by: 'NATO' })), [['command.state_unknown', 'by']]);
  });

  test('the source must be a URL; exercises may omit it', () => {
    assert.deepEqual(codes(line({ source: 'newspaper' })), [['command.field_invalid', 'source']]);
    const { source: _source, ...withoutSource } = line();
    assert.ok(parseCommand(withoutSource, { requireSource: false }).ok);
  });
});

describe('parseCommand — offices and seats', () => {
  test('an office or a body outside the vocabulary is refused, naming the field', () => {
    const office = codes(line({ cmd: 'AppointOfficeHolder', at: '2009-09-09', data: { office: 'chair', name: 'X', nationality: 'FRA' } }));
    assert.deepEqual(office.map(([, path]) => path), ['data.office']);
    const seat = codes(line({ cmd: 'MoveSeat', at: '1967-10-16', data: { body: 'council', place: 'Brussels' } }));
    assert.deepEqual(seat.map(([, path]) => path), ['data.body']);
    assert.equal(parseCommand(line({ cmd: 'MoveSeat', at: '1967-10-16', data: { body: 'nato_headquarters', place: 'Brussels', site: 'Evere' } })).ok, true);
  });
});
