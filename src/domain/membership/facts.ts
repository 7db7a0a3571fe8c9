/**
 * Index changes for membership events (kinds `signatory`, `membership`, `application`,
 * `invitation`, `protocol`, `ratification`, `military-structure`; keys and data in world.ts's
 * FACT_KINDS). Periods that can recur (membership, absence from the integrated structure) are
 * keyed `ISO3` for the first and `ISO3/n` for the n-th (n ≥ 2), so that every period stays current.
 */
import { assertNever } from '../decider.js';
import type { FactAssert, FactChange } from '../facts.js';
import type { WorldState } from '../world-state.js';
import type { MembershipEvent, MembershipState, Protocol } from './types.js';

export const periodKey = (iso3: string, index: number): string => (index === 0 ? iso3 : `${iso3}/${index + 1}`);

function membershipFact(m: MembershipState, state: string, index: number): FactAssert | undefined {
  const period = m.periods[state]?.[index];
  if (!period) return undefined;
  return {
    op: 'assert',
    kind: 'membership',
    key: periodKey(state, index),
    validFrom: period.from,
    ...(period.until === undefined ? {} : { validTo: period.until }),
    data: {
      state,
      via: period.via.kind,
      ...(period.via.kind === 'accession' ? { protocol: period.via.protocol } : {}),
      ...(period.denouncedAt === undefined ? {} : { denouncedAt: period.denouncedAt }),
    },
  };
}

function protocolFact(protocol: Protocol): FactAssert {
  return {
    op: 'assert',
    kind: 'protocol',
    key: protocol.id,
    validFrom: protocol.signedAt,
    data: {
      protocol: protocol.id,
      invitees: protocol.invitees,
      requiredRatifiers: protocol.requiredRatifiers,
      signedAt: protocol.signedAt,
      ...(protocol.status === 'in_force' ? { enteredIntoForceAt: protocol.enteredIntoForceAt, deposits: protocol.deposits } : {}),
    },
  };
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

export function projectMembership(after: WorldState, event: MembershipEvent): FactChange[] {
  const m = after.membership;
  switch (event.type) {
    case 'TreatySigned':
      return event.data.signatories.map((state) => ({
        op: 'assert', kind: 'signatory', key: state, validFrom: event.at, data: { state, signedAt: event.at },
      }));
    case 'TreatyEnteredIntoForce':
      return event.data.parties.map((state) => membershipFact(m, state, (m.periods[state]?.length ?? 1) - 1)).filter(present);
    case 'AspirationRecognized':
      return event.data.states.map((state) => ({
        op: 'assert', kind: 'aspirant', key: state, validFrom: event.at,
        data: { state, recognizedAt: event.at, ...(event.data.occasion === undefined ? {} : { occasion: event.data.occasion }) },
      }));
    case 'MembershipApplied': {
      const n = m.applications[event.data.state]?.length ?? 1;
      const key = n === 1 ? event.data.state : `${event.data.state}/${n}`;
      return [{ op: 'assert', kind: 'application', key, validFrom: event.at, data: { state: event.data.state, appliedAt: event.at } }];
    }
    case 'AccessionInvited':
      return event.data.invitees.map((state) => {
        const n = m.invitations[state]?.length ?? 1;
        return {
          op: 'assert', kind: 'invitation', key: n === 1 ? state : `${state}/${n}`, validFrom: event.at,
          data: { state, invitedAt: event.at, ...(event.data.occasion === undefined ? {} : { occasion: event.data.occasion }) },
        };
      });
    case 'AccessionProtocolSigned':
    case 'ProtocolEnteredIntoForce': {
      const protocol = m.protocols[event.data.protocol];
      return protocol ? [protocolFact(protocol)] : [];
    }
    case 'RatificationStageRecorded': {
      const { protocol, ally, stage, vote, required, dateIs } = event.data;
      return [{
        op: 'assert', kind: 'ratification', key: `${protocol}/${ally}/${stage}`, validFrom: event.at,
        data: { protocol, ally, stage, required, ...(vote === undefined ? {} : { vote }), ...(dateIs === undefined ? {} : { dateIs }) },
      }];
    }
    case 'AccessionInstrumentDeposited': {
      const protocol = m.protocols[event.data.protocol];
      const state = event.data.state;
      const membership = membershipFact(m, state, (m.periods[state]?.length ?? 1) - 1);
      return [membership, protocol && protocolFact(protocol)].filter(present);
    }
    case 'DenunciationNotified': {
      const periods = m.periods[event.data.ally] ?? [];
      const index = periods.findIndex((p) => p.denouncedAt === event.at && p.until === event.data.effectiveAt);
      return [membershipFact(m, event.data.ally, index)].filter(present);
    }
    case 'MilitaryStructureLeft':
    case 'MilitaryStructureRejoined': {
      const intervals = m.outOfStructure[event.data.ally] ?? [];
      const index = intervals.length - 1;
      const interval = intervals[index];
      if (!interval) return [];
      return [{
        op: 'assert', kind: 'military-structure', key: periodKey(event.data.ally, index), validFrom: interval.from,
        ...(interval.until === undefined ? {} : { validTo: interval.until }),
        data: { ally: event.data.ally, out: true },
      }];
    }
    default:
      return assertNever(event);
  }
}
