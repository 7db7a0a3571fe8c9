/**
 * The Council decider: consensus at a meeting and the silence procedure.
 *
 * Guarantees:
 * - No proposal is adopted while any Ally that is an Ally at the moment of adoption objects. A
 *   silence break is a formal objection: it stands until the Ally lifts it, agrees, or the text is
 *   revised. Objections of states that have since ceased to be Allies do not count.
 * - Under silence, a proposal is adopted only by closing the silence at or after its deadline with
 *   no break in the current round; a break after the deadline is refused.
 * - Only Allies at `at` agree, object, break silence or footnote (checked before `decide` from the
 *   command's declaration); invitees attend and may associate themselves, nothing more.
 * - Adopted and withdrawn proposals accept no further act, except the association of an invitee
 *   or partner with an adopted text ("The NATO Invitee associates itself with this Communiqué").
 *
 * A revision resets every Ally's stated position: agreements and objections were given on the
 * previous text. Footnotes and silence history stay on record.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { isAllyAt } from '../membership/queries.js';
import type { Iso3 } from '../states.js';
import { isAfter, isBefore } from '../time.js';
import type { WorldState } from '../world-state.js';
import type { CouncilCommand, CouncilEvent, CouncilState, Position, Proposal, ProposalStatus } from './types.js';

type CouncilDecision = Decision<CouncilEvent>;

export function initialCouncilState(): CouncilState {
  return { proposals: {} };
}

/** Allies that object to the proposal's current text at `at`, counting only Allies at `at`. */
export function objectorsAt(world: WorldState, proposal: Proposal, at: string): Iso3[] {
  return Object.entries(proposal.positions)
    .filter(([ally, position]) => position.stance === 'objecting' && isAllyAt(world.membership, ally, at))
    .map(([ally]) => ally)
    .sort();
}

/** The proposal a command acts on, if it may still be acted on at `at`; else the refusal. */
function openProposal(world: WorldState, command: Exclude<CouncilCommand, { cmd: 'TableProposal' }>): Proposal | CouncilDecision {
  const id = command.data.proposal;
  const proposal = world.council.proposals[id];
  if (!proposal) return reject('council.proposal_unknown', 'data.proposal', { proposal: id });
  const closed = proposal.status === 'withdrawn' || (proposal.status === 'adopted' && command.cmd !== 'AssociateWithStatement');
  if (closed) return reject('council.proposal_closed', 'data.proposal', { proposal: id, status: proposal.status });
  if (isBefore(command.at, proposal.tabledAt)) {
    return reject('council.before_tabling', 'at', { at: command.at, proposal: id, tabledAt: proposal.tabledAt });
  }
  return proposal;
}

const isDecision = (value: Proposal | CouncilDecision): value is CouncilDecision => 'ok' in value;

export function decideCouncil(world: WorldState, command: CouncilCommand): CouncilDecision {
  if (command.cmd === 'TableProposal') return tableProposal(world, command);
  const found = openProposal(world, command);
  if (isDecision(found)) return found;
  const proposal = found;
  const id = proposal.id;
  const ally = command.by;
  switch (command.cmd) {
    case 'AgreeProposal':
      return accept(eventFrom(command, 'ProposalAgreed', { proposal: id, adReferendum: command.data.adReferendum === true }));
    case 'ObjectToProposal': {
      if (proposal.positions[ally]?.stance === 'objecting') return reject('council.already_objecting', 'by', { ally, proposal: id });
      const reason = command.data.reason;
      return accept(eventFrom(command, 'ObjectionRaised', reason === undefined ? { proposal: id } : { proposal: id, reason }));
    }
    case 'LiftObjection':
      if (proposal.positions[ally]?.stance !== 'objecting') return reject('council.no_objection', 'by', { ally, proposal: id });
      return accept(eventFrom(command, 'ObjectionLifted', { proposal: id }));
    case 'BreakSilence': {
      if (proposal.status !== 'under_silence' && proposal.status !== 'silence_broken') {
        return reject('council.not_under_silence', 'data.proposal', { proposal: id });
      }
      if (isAfter(command.at, proposal.deadline)) {
        return reject('council.deadline_passed', 'at', { proposal: id, deadline: proposal.deadline, at: command.at });
      }
      const previous = proposal.silenceRounds.at(-1)?.breaks.find((b) => b.ally === ally);
      if (previous) return reject('council.already_broken', 'by', { ally, proposal: id, brokenAt: previous.at });
      const reason = command.data.reason;
      return accept(eventFrom(command, 'SilenceBroken', reason === undefined ? { proposal: id } : { proposal: id, reason }));
    }
    case 'AttachFootnote':
      return accept(eventFrom(command, 'FootnoteAttached', { proposal: id, text: command.data.text }));
    case 'ReviseProposal': {
      if (proposal.status === 'under_silence') return underSilence(proposal);
      const title = command.data.title;
      const revision = proposal.revision + 1;
      return accept(eventFrom(command, 'ProposalRevised', title === undefined ? { proposal: id, revision } : { proposal: id, title, revision }));
    }
    case 'PlaceUnderSilence': {
      if (proposal.status === 'under_silence') return underSilence(proposal);
      const deadline = command.data.deadline;
      if (!isAfter(deadline, command.at)) return reject('council.deadline_not_after', 'data.deadline', { deadline, at: command.at });
      return accept(eventFrom(command, 'ProposalPlacedUnderSilence', { proposal: id, deadline }));
    }
    case 'AdoptProposal': {
      if (proposal.status === 'under_silence') return underSilence(proposal);
      const objectors = objectorsAt(world, proposal, command.at);
      if (objectors.length > 0) return reject('council.no_consensus', 'data.proposal', { proposal: id, objectors });
      return accept(eventFrom(command, 'ProposalAdopted', { proposal: id, procedure: 'meeting' as const }));
    }
    case 'CloseSilence': {
      if (proposal.status === 'silence_broken') {
        const breakers = (proposal.silenceRounds.at(-1)?.breaks ?? []).map((b) => b.ally);
        return reject('council.silence_broken', 'data.proposal', { proposal: id, breakers });
      }
      if (proposal.status !== 'under_silence') return reject('council.not_under_silence', 'data.proposal', { proposal: id });
      if (isBefore(command.at, proposal.deadline)) {
        return reject('council.deadline_not_reached', 'at', { proposal: id, deadline: proposal.deadline, at: command.at });
      }
      const objectors = objectorsAt(world, proposal, command.at);
      if (objectors.length > 0) return reject('council.no_consensus', 'data.proposal', { proposal: id, objectors });
      return accept(eventFrom(command, 'ProposalAdopted', { proposal: id, procedure: 'silence' as const }));
    }
    case 'WithdrawProposal':
      if (command.by !== 'SG' && command.by !== proposal.tabledBy) {
        return reject('council.not_tabler', 'by', { tabledBy: proposal.tabledBy, proposal: id });
      }
      return accept(eventFrom(command, 'ProposalWithdrawn', { proposal: id }));
    case 'AssociateWithStatement': {
      const state = command.by;
      if (isAllyAt(world.membership, state, command.at)) return reject('council.associate_ally', 'by', { state, at: command.at });
      if (proposal.invitees.length > 0 && !proposal.invitees.includes(state)) {
        return reject('council.not_invitee', 'by', { state, proposal: id });
      }
      const previous = proposal.associations.find((a) => a.state === state);
      if (previous) return reject('council.already_associated', 'by', { state, proposal: id, associatedAt: previous.at });
      return accept(eventFrom(command, 'StatementAssociated', { proposal: id }));
    }
    default:
      return assertNever(command);
  }
}

function underSilence(proposal: Proposal): CouncilDecision {
  const deadline = proposal.status === 'under_silence' ? proposal.deadline : '';
  return reject('council.under_silence', 'data.proposal', { proposal: proposal.id, deadline });
}

function tableProposal(world: WorldState, command: Extract<CouncilCommand, { cmd: 'TableProposal' }>): CouncilDecision {
  const { proposal: id, title, procedure, deadline, invitees = [], tags = [] } = command.data;
  const existing = world.council.proposals[id];
  if (existing) return reject('council.proposal_exists', 'data.proposal', { proposal: id, tabledAt: existing.tabledAt });
  if (procedure === 'silence') {
    if (deadline === undefined) return reject('council.deadline_missing', 'data.deadline');
    if (!isAfter(deadline, command.at)) return reject('council.deadline_not_after', 'data.deadline', { deadline, at: command.at });
  } else if (deadline !== undefined) {
    return reject('council.deadline_for_meeting', 'data.deadline');
  }
  const allies = invitees.filter((s) => isAllyAt(world.membership, s, command.at));
  if (allies.length > 0) return reject('council.invitee_is_ally', 'data.invitees', { states: allies, at: command.at });
  return accept(
    eventFrom(command, 'ProposalTabled', {
      proposal: id,
      title,
      procedure,
      ...(deadline === undefined ? {} : { deadline }),
      invitees,
      tags,
    }),
  );
}

// ---- evolve ----

function withStatus(proposal: Proposal, next: Proposal, at: string): Proposal {
  return { ...next, history: [...proposal.history, { status: next.status, at }] };
}

function base(proposal: Proposal): Omit<Proposal, 'status'> {
  // The status-specific fields are dropped so that a new status can be set without stale ones.
  const { id, title, procedure, tabledBy, tabledAt, invitees, tags, revision, positions, footnotes, associations, silenceRounds, history } =
    proposal;
  return { id, title, procedure, tabledBy, tabledAt, invitees, tags, revision, positions, footnotes, associations, silenceRounds, history };
}

function setPosition(proposal: Proposal, ally: Iso3, position: Position | undefined): Proposal {
  const positions = { ...proposal.positions };
  if (position === undefined) delete positions[ally];
  else positions[ally] = position;
  return { ...proposal, positions };
}

function evolveProposal(proposal: Proposal, event: Exclude<CouncilEvent, { type: 'ProposalTabled' }>): Proposal {
  switch (event.type) {
    case 'ProposalAgreed':
      return setPosition(proposal, event.by, { stance: 'agreed', at: event.at, adReferendum: event.data.adReferendum });
    case 'ObjectionRaised': {
      const reason = event.data.reason;
      return setPosition(proposal, event.by, {
        stance: 'objecting',
        at: event.at,
        brokeSilence: false,
        ...(reason === undefined ? {} : { reason }),
      });
    }
    case 'ObjectionLifted':
      return setPosition(proposal, event.by, undefined);
    case 'SilenceBroken': {
      if (proposal.status !== 'under_silence' && proposal.status !== 'silence_broken') return proposal;
      const reason = event.data.reason;
      const brk = reason === undefined ? { ally: event.by, at: event.at } : { ally: event.by, at: event.at, reason };
      const rounds = proposal.silenceRounds;
      const current = rounds.at(-1);
      const silenceRounds = current ? [...rounds.slice(0, -1), { ...current, breaks: [...current.breaks, brk] }] : rounds;
      const objecting = setPosition({ ...proposal, silenceRounds }, event.by, {
        stance: 'objecting',
        at: event.at,
        brokeSilence: true,
        ...(reason === undefined ? {} : { reason }),
      });
      if (proposal.status === 'silence_broken') return objecting;
      return withStatus(proposal, { ...base(objecting), status: 'silence_broken', deadline: proposal.deadline }, event.at);
    }
    case 'FootnoteAttached':
      return { ...proposal, footnotes: [...proposal.footnotes, { ally: event.by, at: event.at, text: event.data.text }] };
    case 'ProposalRevised': {
      const title = event.data.title ?? proposal.title;
      const revised = { ...base(proposal), title, revision: event.data.revision, positions: {} };
      return withStatus(proposal, { ...revised, status: 'draft' }, event.at);
    }
    case 'ProposalPlacedUnderSilence': {
      const round = { issuedAt: event.at, deadline: event.data.deadline, breaks: [] };
      const next = { ...base(proposal), silenceRounds: [...proposal.silenceRounds, round] };
      return withStatus(proposal, { ...next, status: 'under_silence', deadline: event.data.deadline }, event.at);
    }
    case 'ProposalAdopted':
      return withStatus(proposal, { ...base(proposal), status: 'adopted', adoptedAt: event.at, adoptedUnder: event.data.procedure }, event.at);
    case 'ProposalWithdrawn':
      return withStatus(proposal, { ...base(proposal), status: 'withdrawn', withdrawnAt: event.at }, event.at);
    case 'StatementAssociated':
      return { ...proposal, associations: [...proposal.associations, { state: event.by, at: event.at }] };
    default:
      return assertNever(event);
  }
}

export function evolveCouncil(council: CouncilState, event: CouncilEvent): CouncilState {
  if (event.type === 'ProposalTabled') {
    const { proposal: id, title, procedure, deadline, invitees, tags } = event.data;
    const status: ProposalStatus = procedure === 'silence' ? 'under_silence' : 'draft';
    const common = {
      id,
      title,
      procedure,
      tabledBy: event.by,
      tabledAt: event.at,
      invitees,
      tags,
      revision: 0,
      positions: {},
      footnotes: [],
      associations: [],
      history: [{ status, at: event.at }],
    };
    const proposal: Proposal =
      procedure === 'silence' && deadline !== undefined
        ? { ...common, status: 'under_silence', deadline, silenceRounds: [{ issuedAt: event.at, deadline, breaks: [] }] }
        : { ...common, status: 'draft', silenceRounds: [] };
    return { proposals: { ...council.proposals, [id]: proposal } };
  }
  const proposal = council.proposals[event.data.proposal];
  if (!proposal) return council;
  return { proposals: { ...council.proposals, [proposal.id]: evolveProposal(proposal, event) } };
}
