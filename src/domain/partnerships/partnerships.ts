/**
 * The partnerships decider: the Council establishes frameworks, suspends and resumes a partner's
 * participation and agrees tailored programmes; a partner joins and leaves a framework itself.
 *
 * Guarantees:
 * - Only a state that is not an Ally joins a framework, and only one the Council has established.
 * - A partner acts in a framework (leaves it, is suspended, gets a programme) only while it takes
 *   part in it: never in a framework it never joined or has left.
 * - No programme is agreed with a partner whose participation is suspended.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import { isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import { openSuspension, participationAt, participationKey } from './queries.js';
import type {
  AgreeTailoredProgramme,
  Framework,
  JoinFramework,
  Participation,
  PartnershipsCommand,
  PartnershipsEvent,
  PartnershipsState,
} from './types.js';

type PartnershipsDecision = Decision<PartnershipsEvent>;

export function initialPartnershipsState(): PartnershipsState {
  return { frameworks: {}, participations: {}, programmes: {} };
}

function frameworkAt(p: PartnershipsState, framework: string, at: string): Framework | undefined {
  const f = p.frameworks[framework];
  return f && !isBefore(at, f.establishedAt) ? f : undefined;
}

const unknownFramework = (framework: string, at: string): PartnershipsDecision =>
  reject('partnership.framework_unknown', 'data.framework', { framework, at });

export function decidePartnerships(world: WorldState, command: PartnershipsCommand): PartnershipsDecision {
  const p = world.partnerships;
  switch (command.cmd) {
    case 'EstablishFramework': {
      const existing = p.frameworks[command.data.framework];
      if (existing) return reject('partnership.framework_exists', 'data.framework', { framework: existing.id, establishedAt: existing.establishedAt });
      const { framework, name, region } = command.data;
      return accept(eventFrom(command, 'FrameworkEstablished', { framework, name, ...(region === undefined ? {} : { region }) }));
    }
    case 'JoinFramework':
      return joinFramework(world, command);
    case 'LeaveFramework': {
      const { framework, partner, dateIs } = command.data;
      if (command.by !== partner) return reject('actor.mismatch', 'by', { by: command.by, party: partner });
      if (!frameworkAt(p, framework, command.at)) return unknownFramework(framework, command.at);
      const current = participationAt(p, framework, partner, command.at);
      if (current?.status !== 'participating') return reject('partnership.not_member', 'data.partner', { partner, framework, at: command.at });
      return accept(eventFrom(command, 'FrameworkLeft', { framework, partner, ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
    }
    case 'SuspendPartner': {
      const { framework, partner, reason } = command.data;
      if (!frameworkAt(p, framework, command.at)) return unknownFramework(framework, command.at);
      const current = participationAt(p, framework, partner, command.at);
      if (current?.status !== 'participating') return reject('partnership.not_member', 'data.partner', { partner, framework, at: command.at });
      const open = openSuspension(current);
      if (open) return reject('partnership.already_suspended', 'data.partner', { partner, framework, from: open.from });
      return accept(eventFrom(command, 'PartnerSuspended', { framework, partner, ...(reason === undefined ? {} : { reason }) }));
    }
    case 'ResumePartner': {
      const { framework, partner } = command.data;
      if (!frameworkAt(p, framework, command.at)) return unknownFramework(framework, command.at);
      const current = participationAt(p, framework, partner, command.at);
      if (current?.status !== 'participating') return reject('partnership.not_member', 'data.partner', { partner, framework, at: command.at });
      const open = openSuspension(current);
      if (!open || isBefore(command.at, open.from)) return reject('partnership.not_suspended', 'data.partner', { partner, framework, at: command.at });
      return accept(eventFrom(command, 'PartnerResumed', { framework, partner }));
    }
    case 'AgreeTailoredProgramme':
      return agreeTailoredProgramme(world, command);
    default:
      return assertNever(command);
  }
}

function joinFramework(world: WorldState, command: JoinFramework): PartnershipsDecision {
  const { framework, partner, dateIs } = command.data;
  if (command.by !== partner) return reject('actor.mismatch', 'by', { by: command.by, party: partner });
  if (!frameworkAt(world.partnerships, framework, command.at)) return unknownFramework(framework, command.at);
  if (isAllyAt(world.membership, partner, command.at)) return reject('partnership.partner_is_ally', 'data.partner', { partner, at: command.at });
  const last = world.partnerships.participations[participationKey(framework, partner)]?.at(-1);
  if (last?.status === 'participating') return reject('partnership.already_member', 'data.partner', { partner, framework, from: last.from });
  return accept(eventFrom(command, 'FrameworkJoined', { framework, partner, ...(dateIs === 'on_or_before' ? { dateIs } : {}) }));
}

function agreeTailoredProgramme(world: WorldState, command: AgreeTailoredProgramme): PartnershipsDecision {
  const p = world.partnerships;
  const { programme, framework, partner, kind, title } = command.data;
  const existing = p.programmes[programme];
  if (existing) return reject('partnership.programme_exists', 'data.programme', { programme, agreedAt: existing.agreedAt });
  if (!frameworkAt(p, framework, command.at)) return unknownFramework(framework, command.at);
  const current = participationAt(p, framework, partner, command.at);
  if (current?.status !== 'participating') return reject('partnership.not_member', 'data.partner', { partner, framework, at: command.at });
  const open = openSuspension(current);
  if (open && !isBefore(command.at, open.from)) return reject('partnership.suspended', 'data.partner', { partner, framework, from: open.from });
  return accept(eventFrom(command, 'TailoredProgrammeAgreed', { programme, framework, partner, kind, ...(title === undefined ? {} : { title }) }));
}

// ---- evolve ----

function updateLast(state: PartnershipsState, key: string, update: (p: Participation) => Participation): PartnershipsState {
  const periods = state.participations[key] ?? [];
  const last = periods.at(-1);
  if (!last) return state;
  return { ...state, participations: { ...state.participations, [key]: [...periods.slice(0, -1), update(last)] } };
}

export function evolvePartnerships(state: PartnershipsState, event: PartnershipsEvent): PartnershipsState {
  switch (event.type) {
    case 'FrameworkEstablished': {
      const { framework, name, region } = event.data;
      const f: Framework = { id: framework, name, ...(region === undefined ? {} : { region }), establishedAt: event.at };
      return { ...state, frameworks: { ...state.frameworks, [framework]: f } };
    }
    case 'FrameworkJoined': {
      const key = participationKey(event.data.framework, event.data.partner);
      const fromIs = event.data.dateIs === undefined ? {} : { fromIs: event.data.dateIs };
      const periods = [...(state.participations[key] ?? []), { status: 'participating' as const, from: event.at, ...fromIs, suspensions: [] }];
      return { ...state, participations: { ...state.participations, [key]: periods } };
    }
    case 'FrameworkLeft':
      return updateLast(state, participationKey(event.data.framework, event.data.partner), (p) => ({
        status: 'left',
        from: p.from,
        ...(p.fromIs === undefined ? {} : { fromIs: p.fromIs }),
        until: event.at,
        ...(event.data.dateIs === undefined ? {} : { untilIs: event.data.dateIs }),
        // Leaving ends a suspension still open.
        suspensions: p.suspensions.map((s) => (s.until === undefined ? { ...s, until: event.at } : s)),
      }));
    case 'PartnerSuspended':
      return updateLast(state, participationKey(event.data.framework, event.data.partner), (p) => ({
        ...p,
        suspensions: [...p.suspensions, { from: event.at, ...(event.data.reason === undefined ? {} : { reason: event.data.reason }) }],
      }));
    case 'PartnerResumed':
      return updateLast(state, participationKey(event.data.framework, event.data.partner), (p) => ({
        ...p,
        suspensions: p.suspensions.map((s) => (s.until === undefined ? { ...s, until: event.at } : s)),
      }));
    case 'TailoredProgrammeAgreed': {
      const { programme, framework, partner, kind, title } = event.data;
      return {
        ...state,
        programmes: {
          ...state.programmes,
          [programme]: { id: programme, framework, partner, kind, ...(title === undefined ? {} : { title }), agreedAt: event.at },
        },
      };
    }
    default:
      return assertNever(event);
  }
}
