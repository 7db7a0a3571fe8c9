/** Small worlds for tests: the founding of 1949 and a few accessions, as commands. */
import { alliesAt, replay, type WorldCommand, type WorldEvent } from '../world.js';
import { command, eventsOf } from './specification.js';

export const FOUNDERS = ['BEL', 'CAN', 'DNK', 'FRA', 'GBR', 'ISL', 'ITA', 'LUX', 'NLD', 'NOR', 'PRT', 'USA'] as const;

export const founding: readonly WorldCommand[] = [
  command('SignTreaty', '1949-04-04', 'PARTIES', { signatories: [...FOUNDERS] }),
  command('TreatyEntersIntoForce', '1949-08-24', 'DEPOSITARY', { parties: [...FOUNDERS] }),
];

/** Every required ratifier deposits on `at`. */
export function allDeposit(protocol: string, allies: readonly string[], at: string): WorldCommand[] {
  return allies.map((ally) => command('RecordRatificationStage', at, ally, { protocol, ally, stage: 'instrument_deposited' }));
}

/** A complete accession: signature, every Ally deposits, entry into force, deposit by each invitee. */
export function accession(protocol: string, invitees: readonly string[], allies: readonly string[], dates: { signed: string; ratified: string; inForce: string; acceded: string }): WorldCommand[] {
  return [
    command('SignAccessionProtocol', dates.signed, 'NAC', { protocol, invitees }),
    ...allDeposit(protocol, allies, dates.ratified),
    command('ProtocolEntersIntoForce', dates.inForce, 'DEPOSITARY', { protocol }),
    ...invitees.map((state) => command('DepositAccessionInstrument', dates.acceded, state, { state, protocol })),
  ];
}

/** The founding world: twelve Allies from 24 August 1949. */
export const foundingEvents = (): WorldEvent[] => eventsOf(founding);

/** Founders plus Greece and Türkiye (1952): fourteen Allies. */
export function fourteenEvents(): WorldEvent[] {
  return eventsOf(
    accession('GRC-TUR-1951', ['GRC', 'TUR'], FOUNDERS, {
      signed: '1951-10-22',
      ratified: '1952-01-15',
      inForce: '1952-02-15',
      acceded: '1952-02-18',
    }),
    foundingEvents(),
  );
}

/**
 * Adds a complete accession to `events`, with the Allies at signature as ratifiers (computed from
 * the state the events make), and returns the longer list.
 */
export function withAccession(
  events: readonly WorldEvent[],
  protocol: string,
  invitees: readonly string[],
  dates: { signed: string; ratified: string; inForce: string; acceded: string },
): WorldEvent[] {
  const allies = alliesAt(replay(events), dates.signed);
  return eventsOf(accession(protocol, invitees, allies, dates), events);
}

/** The enlargements to 2020 (thirty Allies), with simplified ratification dates. */
export function thirtyEvents(): WorldEvent[] {
  const rounds: [string, string[], string, string][] = [
    ['GRC-TUR-1951', ['GRC', 'TUR'], '1951-10-22', '1952-02-18'],
    ['DEU-1954', ['DEU'], '1954-10-23', '1955-05-06'],
    ['ESP-1981', ['ESP'], '1981-12-10', '1982-05-30'],
    ['CZE-1997', ['CZE'], '1997-12-16', '1999-03-12'],
    ['HUN-1997', ['HUN'], '1997-12-16', '1999-03-12'],
    ['POL-1997', ['POL'], '1997-12-16', '1999-03-12'],
    ['BGR-EST-LVA-LTU-ROU-SVK-SVN-2003', ['BGR', 'EST', 'LVA', 'LTU', 'ROU', 'SVK', 'SVN'], '2003-03-26', '2004-03-29'],
    ['ALB-HRV-2008', ['ALB', 'HRV'], '2008-07-09', '2009-04-01'],
    ['MNE-2016', ['MNE'], '2016-05-19', '2017-06-05'],
    ['MKD-2019', ['MKD'], '2019-02-06', '2020-03-27'],
  ];
  return rounds.reduce<WorldEvent[]>(
    (events, [protocol, invitees, signed, acceded]) =>
      withAccession(events, protocol, invitees, { signed, ratified: acceded, inForce: acceded, acceded }),
    foundingEvents(),
  );
}
