/**
 * The membership decider: the Treaty (Art. 11), accession (Art. 10), withdrawal (Art. 13) and the
 * integrated military structure.
 *
 * Guarantees:
 * - Nobody becomes an Ally except by the Treaty's entry into force (founders) or by depositing an
 *   instrument of accession under a protocol in force.
 * - A protocol's required ratifiers are the Allies at its signature and never change afterwards.
 * - A protocol enters into force only once every required ratifier has deposited.
 *
 * Who gives a command (`by` is NAC, an Ally…) was checked against the command's declaration before
 * `decide` runs; the checks here are those that need the command's data.
 */
import { accept, assertNever, reject, type Decision } from '../decider.js';
import { eventFrom } from '../command.js';
import { stateInfo, type Iso3 } from '../states.js';
import { addYears, isAfter, isBefore, latest } from '../time.js';
import type { WorldState } from '../world-state.js';
import { alliesAt, isAllyAt, isOutOfStructureAt, membershipPeriodAt, missingRatifiers, pendingProtocolFor } from './queries.js';
import {
  RATIFICATION_STAGES,
  type DepositAccessionInstrument,
  type InviteToAccede,
  type MembershipCommand,
  type MembershipEvent,
  type MembershipPeriod,
  type MembershipState,
  type NotifyDenunciation,
  type Protocol,
  type ProtocolEntersIntoForce,
  type RecordRatificationStage,
  type SignAccessionProtocol,
  type TreatyEntersIntoForce,
} from './types.js';

type MembershipDecision = Decision<MembershipEvent>;

export function initialMembershipState(): MembershipState {
  return { treaty: { status: 'unsigned' }, periods: {}, applications: {}, invitations: {}, protocols: {}, outOfStructure: {} };
}

/** Art. 13: "After the Treaty has been in force for twenty years, any Party may cease to be a Party…" */
const DENUNCIATION_AFTER_YEARS = 20;

export function decideMembership(world: WorldState, command: MembershipCommand): MembershipDecision {
  const m = world.membership;
  switch (command.cmd) {
    case 'SignTreaty':
      if (m.treaty.status !== 'unsigned') return reject('treaty.already_signed', 'cmd', { signedAt: m.treaty.signedAt });
      return accept(eventFrom(command, 'TreatySigned', { signatories: [...command.data.signatories].sort() }));
    case 'TreatyEntersIntoForce':
      return treatyEntersIntoForce(m, command);
    case 'ApplyForMembership': {
      const { state } = command.data;
      if (command.by !== state) return reject('actor.mismatch', 'by', { by: command.by, party: state });
      if (isAllyAt(m, state, command.at)) return reject('accession.already_ally', 'data.state', { states: [state], at: command.at });
      return accept(eventFrom(command, 'MembershipApplied', { state }));
    }
    case 'RecognizeAspiration': {
      const allies = command.data.states.filter((s) => isAllyAt(m, s, command.at));
      if (allies.length) return reject('accession.already_ally', 'data.states', { states: allies, at: command.at });
      return accept(eventFrom(command, 'AspirationRecognized', {
        states: [...command.data.states].sort(),
        ...(command.data.occasion === undefined ? {} : { occasion: command.data.occasion }),
      }));
    }
    case 'InviteToAccede':
      return inviteToAccede(m, command);
    case 'SignAccessionProtocol':
      return signAccessionProtocol(m, command);
    case 'RecordRatificationStage':
      return recordRatificationStage(m, command);
    case 'ProtocolEntersIntoForce':
      return protocolEntersIntoForce(m, command);
    case 'DepositAccessionInstrument':
      return depositAccessionInstrument(m, command);
    case 'NotifyDenunciation':
      return notifyDenunciation(m, command);
    case 'LeaveIntegratedMilitaryStructure': {
      const { ally } = command.data;
      if (command.by !== ally) return reject('actor.mismatch', 'by', { by: command.by, party: ally });
      const out = m.outOfStructure[ally]?.at(-1);
      if (out !== undefined && out.until === undefined) return reject('military_structure.already_out', 'data.ally', { ally, from: out.from });
      return accept(eventFrom(command, 'MilitaryStructureLeft', { ally }));
    }
    case 'RejoinIntegratedMilitaryStructure': {
      const { ally } = command.data;
      if (command.by !== ally) return reject('actor.mismatch', 'by', { by: command.by, party: ally });
      if (!isOutOfStructureAt(m, ally, command.at)) return reject('military_structure.not_out', 'data.ally', { ally, at: command.at });
      return accept(eventFrom(command, 'MilitaryStructureRejoined', { ally }));
    }
    default:
      return assertNever(command);
  }
}

/** Art. 11: the Treaty enters into force for the states that signed it and deposited ratification. */
function treatyEntersIntoForce(m: MembershipState, command: TreatyEntersIntoForce): MembershipDecision {
  const treaty = m.treaty;
  if (treaty.status === 'unsigned') return reject('treaty.not_signed', 'cmd');
  if (treaty.status === 'in_force') {
    return reject('treaty.already_in_force', 'cmd', { enteredIntoForceAt: treaty.enteredIntoForceAt });
  }
  const strangers = command.data.parties.filter((p) => !treaty.signatories.includes(p));
  if (strangers.length > 0) return reject('treaty.party_not_signatory', 'data.parties', { states: strangers });
  if (isBefore(command.at, treaty.signedAt)) return reject('treaty.before_signature', 'at', { at: command.at, signedAt: treaty.signedAt });
  return accept(eventFrom(command, 'TreatyEnteredIntoForce', { parties: [...command.data.parties].sort() }));
}

/** Art. 10: the Parties "may, by unanimous agreement, invite any other European State…". */
function inviteToAccede(m: MembershipState, command: InviteToAccede): MembershipDecision {
  const invitees = command.data.invitees;
  const check = inviteeViolations(m, invitees, command.at);
  if (check) return check;
  const data = command.data.occasion === undefined ? { invitees } : { invitees, occasion: command.data.occasion };
  return accept(eventFrom(command, 'AccessionInvited', data));
}

function inviteeViolations(m: MembershipState, invitees: readonly Iso3[], at: string): MembershipDecision | undefined {
  const notEuropean = invitees.filter((s) => stateInfo(s)?.european !== true);
  if (notEuropean.length > 0) return reject('accession.not_european', 'data.invitees', { states: notEuropean });
  const allies = invitees.filter((s) => isAllyAt(m, s, at));
  if (allies.length > 0) return reject('accession.already_ally', 'data.invitees', { states: allies, at });
  return undefined;
}

/**
 * Art. 10: signature of an accession protocol. The Allies at signature become the required
 * ratifiers, fixed from then on. A recorded invitation must precede the signature; a protocol may
 * be signed without one (the early rounds have no separate invitation in the record).
 */
function signAccessionProtocol(m: MembershipState, command: SignAccessionProtocol): MembershipDecision {
  const { protocol, invitees } = command.data;
  const existing = m.protocols[protocol];
  if (existing) return reject('accession.protocol_exists', 'data.protocol', { protocol, signedAt: existing.signedAt });
  const check = inviteeViolations(m, invitees, command.at);
  if (check) return check;
  for (const [i, invitee] of invitees.entries()) {
    const pending = pendingProtocolFor(m, invitee);
    if (pending) return reject('accession.protocol_pending', `data.invitees[${i}]`, { state: invitee, protocol: pending.id });
    const invitations = m.invitations[invitee] ?? [];
    const late = invitations[0];
    if (late !== undefined && invitations.every((inv) => isAfter(inv.at, command.at))) {
      return reject('accession.invitation_after_signature', `data.invitees[${i}]`, { state: invitee, invitedAt: late.at, at: command.at });
    }
  }
  return accept(
    eventFrom(command, 'AccessionProtocolSigned', { protocol, invitees, requiredRatifiers: alliesAt(m, command.at) }),
  );
}

/**
 * Art. 10: each Ally ratifies "in accordance with its constitutional processes". Stages may be
 * skipped but never repeated or taken backwards, in rank or in time (a stage known only by a bound
 * does not date the next one). An Ally that was not an Ally at
 * signature may still record its ratification (Allies have done so for protocols pending when they
 * joined); it is recorded with `required: false` and does not count towards entry into force.
 */
function recordRatificationStage(m: MembershipState, command: RecordRatificationStage): MembershipDecision {
  const { protocol: id, ally, stage } = command.data;
  if (command.by !== ally) return reject('actor.mismatch', 'by', { by: command.by, party: ally });
  const protocol = m.protocols[id];
  if (!protocol) return reject('accession.protocol_unknown', 'data.protocol', { protocol: id });
  if (protocol.status === 'in_force') {
    return reject('accession.protocol_in_force', 'data.protocol', { protocol: id, enteredIntoForceAt: protocol.enteredIntoForceAt });
  }
  const required = protocol.requiredRatifiers.includes(ally);
  if (!required && !isAllyAt(m, ally, command.at)) {
    return reject('accession.not_a_ratifier', 'data.ally', { ally, protocol: id, at: command.at });
  }
  if (isBefore(command.at, protocol.signedAt)) {
    return reject('accession.ratification_before_signature', 'at', { at: command.at, protocol: id, signedAt: protocol.signedAt });
  }
  const last = protocol.ratifications[ally]?.stages.at(-1);
  if (last) {
    if (RATIFICATION_STAGES.indexOf(stage) <= RATIFICATION_STAGES.indexOf(last.stage)) {
      return reject('accession.stage_out_of_order', 'data.stage', { ally, stage, protocol: id, last: last.stage });
    }
    // A bounded previous stage ("on or before D") says nothing against a later stage dated before D.
    if (last.dateIs !== 'on_or_before' && isBefore(command.at, last.at)) {
      return reject('accession.stage_before_previous', 'at', { ally, stage, at: command.at, last: last.stage, lastAt: last.at });
    }
  }
  const { vote, dateIs } = command.data;
  return accept(
    eventFrom(command, 'RatificationStageRecorded', {
      protocol: id,
      ally,
      stage,
      ...(vote === undefined ? {} : { vote }),
      ...(dateIs === 'on_or_before' ? { dateIs } : {}),
      required,
    }),
  );
}

/** Art. 10: the protocol enters into force once every required ratifier has deposited. */
function protocolEntersIntoForce(m: MembershipState, command: ProtocolEntersIntoForce): MembershipDecision {
  const id = command.data.protocol;
  const protocol = m.protocols[id];
  if (!protocol) return reject('accession.protocol_unknown', 'data.protocol', { protocol: id });
  if (protocol.status === 'in_force') {
    return reject('accession.protocol_in_force', 'data.protocol', { protocol: id, enteredIntoForceAt: protocol.enteredIntoForceAt });
  }
  const missing = missingRatifiers(protocol);
  if (missing.length > 0) return reject('accession.not_ratified', 'data.protocol', { protocol: id, invitees: protocol.invitees, missing });
  const lastAt = lastDepositAt(protocol);
  if (isBefore(command.at, lastAt)) return reject('accession.before_last_ratification', 'at', { protocol: id, at: command.at, lastAt });
  return accept(eventFrom(command, 'ProtocolEnteredIntoForce', { protocol: id }));
}

function lastDepositAt(protocol: Protocol): string {
  let lastAt = protocol.signedAt;
  for (const ally of protocol.requiredRatifiers) {
    const deposit = protocol.ratifications[ally]?.stages.find((s) => s.stage === 'instrument_deposited');
    if (deposit) lastAt = latest(lastAt, deposit.at);
  }
  return lastAt;
}

/** Art. 10: "Any State so invited may become a Party … by depositing its instrument of accession". */
function depositAccessionInstrument(m: MembershipState, command: DepositAccessionInstrument): MembershipDecision {
  const { state, protocol: id } = command.data;
  if (command.by !== state) return reject('actor.mismatch', 'by', { by: command.by, party: state });
  const protocol = m.protocols[id];
  if (!protocol) return reject('accession.protocol_unknown', 'data.protocol', { protocol: id });
  if (!protocol.invitees.includes(state)) return reject('accession.not_invited', 'data.state', { state, protocol: id });
  if (protocol.status !== 'in_force' || isBefore(command.at, protocol.enteredIntoForceAt)) {
    return reject('accession.protocol_not_in_force', 'data.protocol', { protocol: id, at: command.at, state });
  }
  const depositedAt = protocol.deposits[state];
  if (depositedAt !== undefined) return reject('accession.already_deposited', 'data.state', { state, depositedAt });
  if (isAllyAt(m, state, command.at)) return reject('accession.already_ally', 'data.state', { states: [state], at: command.at });
  return accept(eventFrom(command, 'AccessionInstrumentDeposited', { state, protocol: id }));
}

/** Art. 13: a Party ceases to be a Party one year after its notice of denunciation. */
function notifyDenunciation(m: MembershipState, command: NotifyDenunciation): MembershipDecision {
  const { ally } = command.data;
  if (command.by !== ally) return reject('actor.mismatch', 'by', { by: command.by, party: ally });
  const period = membershipPeriodAt(m, ally, command.at);
  if (period?.until !== undefined && period.denouncedAt !== undefined) {
    return reject('withdrawal.already_notified', 'data.ally', { ally, denouncedAt: period.denouncedAt, until: period.until });
  }
  if (m.treaty.status === 'in_force') {
    const from = addYears(m.treaty.enteredIntoForceAt, DENUNCIATION_AFTER_YEARS);
    if (isBefore(command.at, from)) return reject('withdrawal.too_early', 'at', { from });
  }
  return accept(eventFrom(command, 'DenunciationNotified', { ally, effectiveAt: addYears(command.at, 1) }));
}

// ---- evolve ----

function addPeriod(m: MembershipState, state: Iso3, period: MembershipPeriod): MembershipState {
  return { ...m, periods: { ...m.periods, [state]: [...(m.periods[state] ?? []), period] } };
}

function withProtocol(m: MembershipState, protocol: Protocol): MembershipState {
  return { ...m, protocols: { ...m.protocols, [protocol.id]: protocol } };
}

export function evolveMembership(m: MembershipState, event: MembershipEvent): MembershipState {
  switch (event.type) {
    case 'TreatySigned':
      return { ...m, treaty: { status: 'signed', signedAt: event.at, signatories: event.data.signatories } };
    case 'TreatyEnteredIntoForce': {
      if (m.treaty.status !== 'signed') return m;
      const treaty = { ...m.treaty, status: 'in_force' as const, enteredIntoForceAt: event.at, parties: event.data.parties };
      return event.data.parties.reduce<MembershipState>(
        (acc, party) => addPeriod(acc, party, { from: event.at, via: { kind: 'founding' } }),
        { ...m, treaty },
      );
    }
    case 'AspirationRecognized':
      return m;
    case 'MembershipApplied':
      return {
        ...m,
        applications: { ...m.applications, [event.data.state]: [...(m.applications[event.data.state] ?? []), event.at] },
      };
    case 'AccessionInvited': {
      const invitation = event.data.occasion === undefined ? { at: event.at } : { at: event.at, occasion: event.data.occasion };
      const invitations = { ...m.invitations };
      for (const invitee of event.data.invitees) invitations[invitee] = [...(invitations[invitee] ?? []), invitation];
      return { ...m, invitations };
    }
    case 'AccessionProtocolSigned':
      return withProtocol(m, {
        status: 'signed',
        id: event.data.protocol,
        invitees: event.data.invitees,
        signedAt: event.at,
        requiredRatifiers: event.data.requiredRatifiers,
        ratifications: {},
      });
    case 'RatificationStageRecorded': {
      const protocol = m.protocols[event.data.protocol];
      if (!protocol) return m;
      const { ally, stage, vote, required, dateIs } = event.data;
      const previous = protocol.ratifications[ally];
      const recorded = { stage, at: event.at, ...(vote === undefined ? {} : { vote }), ...(dateIs === undefined ? {} : { dateIs }) };
      const ratification = { ally, required, stages: [...(previous?.stages ?? []), recorded] };
      return withProtocol(m, { ...protocol, ratifications: { ...protocol.ratifications, [ally]: ratification } });
    }
    case 'ProtocolEnteredIntoForce': {
      const protocol = m.protocols[event.data.protocol];
      if (!protocol || protocol.status !== 'signed') return m;
      return withProtocol(m, { ...protocol, status: 'in_force', enteredIntoForceAt: event.at, deposits: {} });
    }
    case 'AccessionInstrumentDeposited': {
      const protocol = m.protocols[event.data.protocol];
      if (!protocol || protocol.status !== 'in_force') return m;
      const next = withProtocol(m, { ...protocol, deposits: { ...protocol.deposits, [event.data.state]: event.at } });
      return addPeriod(next, event.data.state, { from: event.at, via: { kind: 'accession', protocol: protocol.id } });
    }
    case 'DenunciationNotified': {
      const periods = m.periods[event.data.ally] ?? [];
      const index = periods.findIndex((p) => p.until === undefined);
      if (index < 0) return m;
      const updated = periods.map((p, i) => (i === index ? { ...p, until: event.data.effectiveAt, denouncedAt: event.at } : p));
      return { ...m, periods: { ...m.periods, [event.data.ally]: updated } };
    }
    case 'MilitaryStructureLeft':
      return {
        ...m,
        outOfStructure: { ...m.outOfStructure, [event.data.ally]: [...(m.outOfStructure[event.data.ally] ?? []), { from: event.at }] },
      };
    case 'MilitaryStructureRejoined': {
      const intervals = m.outOfStructure[event.data.ally] ?? [];
      const updated = intervals.map((i) => (i.until === undefined ? { ...i, until: event.at } : i));
      return { ...m, outOfStructure: { ...m.outOfStructure, [event.data.ally]: updated } };
    }
    default:
      return assertNever(event);
  }
}
