/**
 * The EU decider. Guarantees: a state is a member of the EU in periods that do not overlap; it
 * leaves only after notifying its intention under Art. 50 TEU, and only while a member; a NATO-EU
 * declaration is recorded once.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import { euMembershipAt } from './queries.js';
import type { EuCommand, EuEvent, EuMembership, EuState } from './types.js';

export function initialEuState(): EuState {
  return { members: {}, declarations: {} };
}

export function decideEu(world: WorldState, command: EuCommand): Decision<EuEvent> {
  const eu = world.eu;
  switch (command.cmd) {
    case 'JoinEuropeanUnion': {
      const { state } = command.data;
      if (command.by !== state) return reject('actor.mismatch', 'by', { by: command.by, party: state });
      const last = eu.members[state]?.at(-1);
      if (last && (last.status === 'member' || isBefore(command.at, last.until))) {
        return reject('eu.already_member', 'data.state', { state, from: last.from });
      }
      return accept(eventFrom(command, 'EuJoined', { state }));
    }
    case 'NotifyEuWithdrawal': {
      const { state } = command.data;
      if (command.by !== state) return reject('actor.mismatch', 'by', { by: command.by, party: state });
      const current = euMembershipAt(eu, state, command.at);
      if (current?.status !== 'member') return reject('eu.not_member', 'data.state', { state, at: command.at });
      if (current.notifiedAt !== undefined) return reject('eu.already_notified', 'data.state', { state, notifiedAt: current.notifiedAt });
      return accept(eventFrom(command, 'EuWithdrawalNotified', { state }));
    }
    case 'LeaveEuropeanUnion': {
      const { state } = command.data;
      if (command.by !== state) return reject('actor.mismatch', 'by', { by: command.by, party: state });
      const current = euMembershipAt(eu, state, command.at);
      if (current?.status !== 'member') return reject('eu.not_member', 'data.state', { state, at: command.at });
      if (current.notifiedAt === undefined || isBefore(command.at, current.notifiedAt)) {
        return reject('eu.not_notified', 'data.state', { state, at: command.at });
      }
      return accept(eventFrom(command, 'EuLeft', { state }));
    }
    case 'SignNatoEuDeclaration': {
      const { declaration, title, areas, place } = command.data;
      const existing = eu.declarations[declaration];
      if (existing) return reject('eu.declaration_exists', 'data.declaration', { declaration, signedAt: existing.signedAt });
      return accept(eventFrom(command, 'NatoEuDeclarationSigned', { declaration, title, areas, ...(place === undefined ? {} : { place }) }));
    }
    default:
      return assertNever(command);
  }
}

function updateLast(eu: EuState, state: string, update: (m: EuMembership) => EuMembership): EuState {
  const periods = eu.members[state] ?? [];
  const last = periods.at(-1);
  if (!last) return eu;
  return { ...eu, members: { ...eu.members, [state]: [...periods.slice(0, -1), update(last)] } };
}

export function evolveEu(eu: EuState, event: EuEvent): EuState {
  switch (event.type) {
    case 'EuJoined': {
      const periods = [...(eu.members[event.data.state] ?? []), { status: 'member' as const, from: event.at }];
      return { ...eu, members: { ...eu.members, [event.data.state]: periods } };
    }
    case 'EuWithdrawalNotified':
      return updateLast(eu, event.data.state, (m) => ({ ...m, notifiedAt: event.at }));
    case 'EuLeft':
      return updateLast(eu, event.data.state, (m) => ({ status: 'left', from: m.from, notifiedAt: m.notifiedAt ?? event.at, until: event.at }));
    case 'NatoEuDeclarationSigned': {
      const { declaration, title, areas, place } = event.data;
      return {
        ...eu,
        declarations: { ...eu.declarations, [declaration]: { id: declaration, title, areas, ...(place === undefined ? {} : { place }), signedAt: event.at } },
      };
    }
    default:
      return assertNever(event);
  }
}
