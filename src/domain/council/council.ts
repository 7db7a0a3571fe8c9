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
 * - A proposal is a text of numbered paragraphs. It is adopted only when no paragraph holds square
 *   brackets (language not yet agreed) and no Ally objects; a text under silence has no brackets.
 * - Amendments are proposed on the current revision (stating an older one is refused) and accepted
 *   by the chair (SG, NAC) or the Ally that tabled the proposal into a new revision; the pending
 *   amendments of the old revision lapse. Silence runs on one revision: a break that names another
 *   is refused.
 * - An objection or a silence break may name a paragraph and carry wording for it; the wording
 *   stands as a pending amendment to replace that paragraph.
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
import { applyAmendments, bracketedParagraphs, paragraphInRange, type Amendment } from './text.js';

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

const isDecision = <T extends object>(value: T | CouncilDecision): value is CouncilDecision => 'ok' in value;

export function decideCouncil(world: WorldState, command: CouncilCommand): CouncilDecision {
  if (command.cmd === 'TableProposal') return tableProposal(world, command);
  const found = openProposal(world, command);
  if (isDecision(found)) return found;
  const proposal = found;
  const id = proposal.id;
  const ally = command.by;
  const stated = (command.data as { revision?: number }).revision;
  if (stated !== undefined && stated !== proposal.revision) {
    return reject('council.old_revision', 'data.revision', { proposal: id, revision: stated, current: proposal.revision });
  }
  switch (command.cmd) {
    case 'AgreeProposal':
      return accept(eventFrom(command, 'ProposalAgreed', { proposal: id, adReferendum: command.data.adReferendum === true }));
    case 'ObjectToProposal': {
      if (proposal.positions[ally]?.stance === 'objecting') return reject('council.already_objecting', 'by', { ally, proposal: id });
      const pointing = pointingAt(proposal, command.data);
      if (isDecision(pointing)) return pointing;
      const reason = command.data.reason;
      return accept(eventFrom(command, 'ObjectionRaised', { proposal: id, ...(reason === undefined ? {} : { reason }), ...pointing }));
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
      const round = proposal.silenceRounds.at(-1);
      const previous = round?.breaks.find((b) => b.ally === ally);
      if (previous) return reject('council.already_broken', 'by', { ally, proposal: id, brokenAt: previous.at });
      const pointing = pointingAt(proposal, command.data);
      if (isDecision(pointing)) return pointing;
      const reason = command.data.reason;
      const revision = round?.revision ?? proposal.revision;
      return accept(eventFrom(command, 'SilenceBroken', { proposal: id, revision, ...(reason === undefined ? {} : { reason }), ...pointing }));
    }
    case 'AttachFootnote': {
      const paragraph = command.data.paragraph;
      if (paragraph !== undefined && !paragraphInRange('replace', paragraph, proposal.paragraphs.length)) {
        return reject('council.paragraph_unknown', 'data.paragraph', { proposal: id, paragraph, count: proposal.paragraphs.length });
      }
      return accept(eventFrom(command, 'FootnoteAttached', { proposal: id, text: command.data.text, ...(paragraph === undefined ? {} : { paragraph }) }));
    }
    case 'ReviseProposal': {
      if (proposal.status === 'under_silence') return underSilence(proposal);
      const { title, paragraphs } = command.data;
      const revision = proposal.revision + 1;
      return accept(
        eventFrom(command, 'ProposalRevised', {
          proposal: id,
          revision,
          ...(title === undefined ? {} : { title }),
          ...(paragraphs === undefined ? {} : { paragraphs }),
        }),
      );
    }
    case 'PlaceUnderSilence': {
      if (proposal.status === 'under_silence') return underSilence(proposal);
      const deadline = command.data.deadline;
      if (!isAfter(deadline, command.at)) return reject('council.deadline_not_after', 'data.deadline', { deadline, at: command.at });
      const open = openBrackets(proposal);
      if (open) return open;
      return accept(eventFrom(command, 'ProposalPlacedUnderSilence', { proposal: id, deadline, revision: proposal.revision }));
    }
    case 'ProposeAmendment':
      return proposeAmendment(proposal, command);
    case 'AcceptAmendments':
      return acceptAmendments(world, proposal, command);
    case 'AdoptProposal': {
      if (proposal.status === 'under_silence') return underSilence(proposal);
      const open = openBrackets(proposal);
      if (open) return open;
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
      const open = openBrackets(proposal);
      if (open) return open;
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

/** The refusal to adopt (or place under silence) a text with square brackets left, if any. */
function openBrackets(proposal: Proposal): CouncilDecision | undefined {
  const paragraphs = bracketedParagraphs(proposal.paragraphs);
  if (paragraphs.length === 0) return undefined;
  return reject('council.open_brackets', 'data.proposal', { proposal: proposal.id, paragraphs: paragraphs.map(String) });
}

const nextAmendmentId = (proposal: Proposal): string => `A${proposal.amendments.length + 1}`;

/** The paragraph an objection or a break names and its wording (a new pending amendment), checked. */
function pointingAt(
  proposal: Proposal,
  data: { readonly paragraph?: number; readonly wording?: string },
): { paragraph?: number; wording?: string; amendment?: string } | CouncilDecision {
  const { paragraph, wording } = data;
  if (paragraph === undefined) {
    return wording === undefined ? {} : reject('council.wording_without_paragraph', 'data.wording', { proposal: proposal.id });
  }
  if (!paragraphInRange('replace', paragraph, proposal.paragraphs.length)) {
    return reject('council.paragraph_unknown', 'data.paragraph', { proposal: proposal.id, paragraph, count: proposal.paragraphs.length });
  }
  return wording === undefined ? { paragraph } : { paragraph, wording, amendment: nextAmendmentId(proposal) };
}

function proposeAmendment(proposal: Proposal, command: Extract<CouncilCommand, { cmd: 'ProposeAmendment' }>): CouncilDecision {
  const id = proposal.id;
  if (proposal.status === 'under_silence') return underSilence(proposal);
  const { paragraph, op, text } = command.data;
  const count = proposal.paragraphs.length;
  if (!paragraphInRange(op, paragraph, count)) return reject('council.paragraph_unknown', 'data.paragraph', { proposal: id, paragraph, count });
  if ((op === 'replace' || op === 'insert') && text === undefined) return reject('council.amendment_text_missing', 'data.text', { op });
  if (op === 'delete' && text !== undefined) return reject('council.amendment_text_unexpected', 'data.text', { op });
  if (op === 'bracket' && text !== undefined && !proposal.paragraphs[paragraph - 1]!.includes(text)) {
    return reject('council.span_not_found', 'data.text', { proposal: id, paragraph, span: text });
  }
  if (op === 'replace' && text === proposal.paragraphs[paragraph - 1]) {
    return reject('council.amendment_no_change', 'data.text', { proposal: id, paragraph });
  }
  return accept(
    eventFrom(command, 'AmendmentProposed', {
      proposal: id,
      amendment: nextAmendmentId(proposal),
      revision: proposal.revision,
      paragraph,
      op,
      ...(text === undefined ? {} : { text }),
    }),
  );
}

function acceptAmendments(
  world: WorldState,
  proposal: Proposal,
  command: Extract<CouncilCommand, { cmd: 'AcceptAmendments' }>,
): CouncilDecision {
  const id = proposal.id;
  const chair = command.by === 'SG' || command.by === 'NAC';
  if (!chair && command.by !== proposal.tabledBy) {
    return reject('council.not_chair_or_proposer', 'by', { proposal: id, tabledBy: proposal.tabledBy });
  }
  if (!chair && !isAllyAt(world.membership, command.by, command.at)) {
    return reject('council.not_chair_or_proposer', 'by', { proposal: id, tabledBy: proposal.tabledBy });
  }
  if (proposal.status === 'under_silence') return underSilence(proposal);
  const chosen: Amendment[] = [];
  for (const [i, amendmentId] of command.data.amendments.entries()) {
    const path = `data.amendments[${i}]`;
    const amendment = proposal.amendments.find((a) => a.id === amendmentId);
    if (!amendment) return reject('council.amendment_unknown', path, { proposal: id, amendment: amendmentId });
    if (amendment.status !== 'pending') {
      return reject('council.amendment_not_pending', path, { proposal: id, amendment: amendmentId, status: amendment.status, revision: amendment.revision });
    }
    if (chosen.some((a) => a.id === amendmentId)) return reject('command.duplicate', path, { value: amendmentId });
    chosen.push(amendment);
  }
  if (chosen.length === 0) return reject('command.field_missing', 'data.amendments');
  const applied = applyAmendments(proposal.paragraphs, chosen);
  if (!applied.ok) {
    return reject('council.amendments_conflict', 'data.amendments', { proposal: id, paragraph: applied.paragraph, amendments: applied.amendments });
  }
  const title = command.data.title;
  return accept(
    eventFrom(command, 'AmendmentsAccepted', {
      proposal: id,
      amendments: chosen.map((a) => a.id),
      revision: proposal.revision + 1,
      paragraphs: applied.paragraphs,
      ...(title === undefined ? {} : { title }),
    }),
  );
}

function underSilence(proposal: Proposal): CouncilDecision {
  const deadline = proposal.status === 'under_silence' ? proposal.deadline : '';
  return reject('council.under_silence', 'data.proposal', { proposal: proposal.id, deadline });
}

function tableProposal(world: WorldState, command: Extract<CouncilCommand, { cmd: 'TableProposal' }>): CouncilDecision {
  const { proposal: id, title, procedure, deadline, invitees = [], tags = [], paragraphs } = command.data;
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
  const bracketed = bracketedParagraphs(paragraphs ?? []);
  if (procedure === 'silence' && bracketed.length > 0) {
    return reject('council.open_brackets', 'data.paragraphs', { proposal: id, paragraphs: bracketed.map(String) });
  }
  return accept(
    eventFrom(command, 'ProposalTabled', {
      proposal: id,
      title,
      procedure,
      ...(deadline === undefined ? {} : { deadline }),
      invitees,
      tags,
      ...(paragraphs === undefined ? {} : { paragraphs }),
    }),
  );
}

// ---- evolve ----

function withStatus(proposal: Proposal, next: Proposal, at: string): Proposal {
  return { ...next, history: [...proposal.history, { status: next.status, at }] };
}

function base(proposal: Proposal): Omit<Proposal, 'status'> {
  // The status-specific fields are dropped so that a new status can be set without stale ones.
  const { status: _status, ...rest } = proposal;
  const { id, title, procedure, tabledBy, tabledAt, invitees, tags, revision, positions, footnotes, associations, silenceRounds, history } = rest;
  const { paragraphs, revisions, amendments } = rest;
  return {
    id, title, procedure, tabledBy, tabledAt, invitees, tags, revision, positions, footnotes, associations, silenceRounds, history,
    paragraphs, revisions, amendments,
  };
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
      const { reason, paragraph, wording } = event.data;
      return setPosition(withWording(proposal, event), event.by, {
        stance: 'objecting',
        at: event.at,
        brokeSilence: false,
        ...(reason === undefined ? {} : { reason }),
        ...(paragraph === undefined ? {} : { paragraph }),
        ...(wording === undefined ? {} : { wording }),
      });
    }
    case 'ObjectionLifted':
      return setPosition(proposal, event.by, undefined);
    case 'SilenceBroken': {
      if (proposal.status !== 'under_silence' && proposal.status !== 'silence_broken') return proposal;
      const { reason, paragraph, wording } = event.data;
      const pointing = { ...(reason === undefined ? {} : { reason }), ...(paragraph === undefined ? {} : { paragraph }), ...(wording === undefined ? {} : { wording }) };
      const brk = { ally: event.by, at: event.at, ...pointing };
      const rounds = proposal.silenceRounds;
      const current = rounds.at(-1);
      const silenceRounds = current ? [...rounds.slice(0, -1), { ...current, breaks: [...current.breaks, brk] }] : rounds;
      const objecting = setPosition({ ...withWording(proposal, event), silenceRounds }, event.by, {
        stance: 'objecting',
        at: event.at,
        brokeSilence: true,
        ...pointing,
      });
      if (proposal.status === 'silence_broken') return objecting;
      return withStatus(proposal, { ...base(objecting), status: 'silence_broken', deadline: proposal.deadline }, event.at);
    }
    case 'FootnoteAttached': {
      const paragraph = event.data.paragraph;
      const footnote = { ally: event.by, at: event.at, text: event.data.text, ...(paragraph === undefined ? {} : { paragraph }) };
      return { ...proposal, footnotes: [...proposal.footnotes, footnote] };
    }
    case 'ProposalRevised':
      return revise(proposal, event, event.data.paragraphs ?? proposal.paragraphs, []);
    case 'AmendmentsAccepted':
      return revise(proposal, event, event.data.paragraphs, event.data.amendments);
    case 'AmendmentProposed': {
      const { amendment: id, revision, paragraph, op, text } = event.data;
      const amendment: Amendment = { id, by: event.by, at: event.at, revision, paragraph, op, status: 'pending', ...(text === undefined ? {} : { text }) };
      return { ...proposal, amendments: [...proposal.amendments, amendment] };
    }
    case 'ProposalPlacedUnderSilence': {
      const round = { issuedAt: event.at, deadline: event.data.deadline, revision: event.data.revision ?? proposal.revision, breaks: [] };
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

/** A new revision of the text: positions reset, pending amendments accepted or lapsed, back to discussion. */
function revise(
  proposal: Proposal,
  event: Extract<CouncilEvent, { type: 'ProposalRevised' | 'AmendmentsAccepted' }>,
  paragraphs: readonly string[],
  accepted: readonly string[],
): Proposal {
  const revision = event.data.revision;
  const amendments = proposal.amendments.map((a): Amendment => {
    if (accepted.includes(a.id)) return { ...a, status: 'accepted', acceptedInto: revision };
    return a.status === 'pending' ? { ...a, status: 'lapsed' } : a;
  });
  const entry = { revision, at: event.at, by: event.by, paragraphs, amendments: [...accepted] };
  const title = event.data.title ?? proposal.title;
  const revised = { ...base(proposal), title, revision, positions: {}, paragraphs, amendments, revisions: [...proposal.revisions, entry] };
  return withStatus(proposal, { ...revised, status: 'draft' }, event.at);
}

/** The proposal with the wording an objection or a break carries, as a pending amendment. */
function withWording(proposal: Proposal, event: Extract<CouncilEvent, { type: 'ObjectionRaised' | 'SilenceBroken' }>): Proposal {
  const { amendment: id, paragraph, wording } = event.data;
  if (id === undefined || paragraph === undefined || wording === undefined) return proposal;
  const amendment: Amendment = { id, by: event.by, at: event.at, revision: proposal.revision, paragraph, op: 'replace', text: wording, status: 'pending' };
  return { ...proposal, amendments: [...proposal.amendments, amendment] };
}

export function evolveCouncil(council: CouncilState, event: CouncilEvent): CouncilState {
  if (event.type === 'ProposalTabled') {
    const { proposal: id, title, procedure, deadline, invitees, tags } = event.data;
    const paragraphs = event.data.paragraphs ?? [];
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
      paragraphs,
      revisions: [{ revision: 0, at: event.at, by: event.by, paragraphs, amendments: [] }],
      amendments: [],
    };
    const proposal: Proposal =
      procedure === 'silence' && deadline !== undefined
        ? { ...common, status: 'under_silence', deadline, silenceRounds: [{ issuedAt: event.at, deadline, revision: 0, breaks: [] }] }
        : { ...common, status: 'draft', silenceRounds: [] };
    return { proposals: { ...council.proposals, [id]: proposal } };
  }
  const proposal = council.proposals[event.data.proposal];
  if (!proposal) return council;
  return { proposals: { ...council.proposals, [proposal.id]: evolveProposal(proposal, event) } };
}
