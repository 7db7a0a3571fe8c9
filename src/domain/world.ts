/**
 * The world: every procedure's decider composed into one, over one state.
 *
 * `decide` first checks who gives the command against its declaration (command-specs.ts): a body
 * named there, an Ally at `at`, or any state; a command of the Council (NAC, SG) needs the Treaty in
 * force. The procedure then checks its own rules. `evolve` is total and deterministic: replaying the
 * same events always rebuilds the same state. `project` turns an event into index changes for
 * point-in-time queries.
 */
import { commandSpec, commandSpecs, allowedActors, type CommandName, type CommandSpec } from './command-specs.js';
import { assertNever, reject, type Decider, type Decision } from './decider.js';
import type { FactChange } from './facts.js';
import { decideCollectiveDefence, evolveCollectiveDefence, initialCollectiveDefenceState } from './collective-defence/collective-defence.js';
import { projectCollectiveDefence } from './collective-defence/facts.js';
import type { CollectiveDefenceCommand, CollectiveDefenceEvent } from './collective-defence/types.js';
import { decideConsultation, evolveConsultation, initialConsultationState } from './consultation/consultation.js';
import { projectConsultation } from './consultation/facts.js';
import type { ConsultationCommand, ConsultationEvent } from './consultation/types.js';
import { decideCouncil, evolveCouncil, initialCouncilState } from './council/council.js';
import { projectCouncil } from './council/facts.js';
import type { CouncilCommand, CouncilEvent } from './council/types.js';
import { projectMembership } from './membership/facts.js';
import { decideMembership, evolveMembership, initialMembershipState } from './membership/membership.js';
import { isAllyAt } from './membership/queries.js';
import type { MembershipCommand, MembershipEvent } from './membership/types.js';
import { isBody, isKnownState } from './states.js';
import { projectStrategy } from './strategy/facts.js';
import { decideStrategy, evolveStrategy, initialStrategyState } from './strategy/strategy.js';
import type { StrategyCommand, StrategyEvent } from './strategy/types.js';
import { decideOperations, evolveOperations, initialOperationsState } from './operations/operations.js';
import { projectOperations } from './operations/facts.js';
import type { OperationsCommand, OperationsEvent } from './operations/types.js';
import { decidePartnerships, evolvePartnerships, initialPartnershipsState } from './partnerships/partnerships.js';
import { projectPartnerships } from './partnerships/facts.js';
import type { PartnershipsCommand, PartnershipsEvent } from './partnerships/types.js';
import { decideFund, evolveFund, initialFundState } from './fund/fund.js';
import { projectFund } from './fund/facts.js';
import type { FundCommand, FundEvent } from './fund/types.js';
import { decideExercises, evolveExercises, initialExercisesState } from './exercises/exercises.js';
import { projectExercises } from './exercises/facts.js';
import type { ExercisesCommand, ExercisesEvent } from './exercises/types.js';
import { decideEu, evolveEu, initialEuState } from './eu/eu.js';
import { projectEu } from './eu/facts.js';
import type { EuCommand, EuEvent } from './eu/types.js';
import { decideArmsControl, evolveArmsControl, initialArmsControlState } from './arms-control/arms-control.js';
import { projectArmsControl } from './arms-control/facts.js';
import type { ArmsControlCommand, ArmsControlEvent } from './arms-control/types.js';
import { decideHumanSecurity, evolveHumanSecurity, initialHumanSecurityState } from './human-security/human-security.js';
import { projectHumanSecurity } from './human-security/facts.js';
import type { HumanSecurityCommand, HumanSecurityEvent } from './human-security/types.js';
import { isAtOrAfter, isValidTime } from './time.js';
import type { WorldState } from './world-state.js';

export type { WorldState } from './world-state.js';

export type WorldCommand =
  | MembershipCommand
  | CouncilCommand
  | ConsultationCommand
  | CollectiveDefenceCommand
  | StrategyCommand
  | OperationsCommand
  | PartnershipsCommand
  | FundCommand
  | ExercisesCommand
  | EuCommand
  | ArmsControlCommand
  | HumanSecurityCommand;
export type WorldEvent =
  | MembershipEvent
  | CouncilEvent
  | ConsultationEvent
  | CollectiveDefenceEvent
  | StrategyEvent
  | OperationsEvent
  | PartnershipsEvent
  | FundEvent
  | ExercisesEvent
  | EuEvent
  | ArmsControlEvent
  | HumanSecurityEvent;

// The declarations in command-specs.ts and the command types must name the same commands.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const specsMatchCommands: Same<CommandName, WorldCommand['cmd']> = true;
void specsMatchCommands;

export function initialWorldState(): WorldState {
  return {
    membership: initialMembershipState(),
    council: initialCouncilState(),
    consultation: initialConsultationState(),
    collectiveDefence: initialCollectiveDefenceState(),
    strategy: initialStrategyState(),
    operations: initialOperationsState(),
    partnerships: initialPartnershipsState(),
    fund: initialFundState(),
    exercises: initialExercisesState(),
    eu: initialEuState(),
    armsControl: initialArmsControlState(),
    humanSecurity: initialHumanSecurityState(),
  };
}

/** True once the Treaty is in force at `at`: the Council (Art. 9) exists only then. */
export function treatyInForceAt(state: WorldState, at: string): boolean {
  const treaty = state.membership.treaty;
  return treaty.status === 'in_force' && isAtOrAfter(at, treaty.enteredIntoForceAt);
}

/** The first reason `by` may not give a command of this declaration at `at`, if any. */
function actorViolation(state: WorldState, spec: CommandSpec, by: string, at: string): Decision<WorldEvent> | undefined {
  if (isBody(by)) {
    if (!spec.actors.bodies.includes(by)) return reject('actor.not_allowed', 'by', { by, cmd: spec.cmd, allowed: allowedActors(spec.actors) });
    if ((by === 'NAC' || by === 'SG') && !treatyInForceAt(state, at)) return reject('treaty.not_in_force', 'at', { at });
    return undefined;
  }
  if (!isKnownState(by)) return reject('command.state_unknown', 'by', { path: 'by', value: by });
  if (spec.actors.state) return undefined;
  if (spec.actors.ally) return isAllyAt(state.membership, by, at) ? undefined : reject('actor.not_ally', 'by', { by, at });
  return reject('actor.not_allowed', 'by', { by, cmd: spec.cmd, allowed: allowedActors(spec.actors) });
}

function decide(state: WorldState, command: WorldCommand): Decision<WorldEvent> {
  const spec = commandSpec(command.cmd);
  if (!spec) return reject('command.unknown', 'cmd', { cmd: command.cmd });
  if (!isValidTime(command.at)) return reject('command.date_invalid', 'at', { path: 'at', value: command.at });
  const refused = actorViolation(state, spec, command.by, command.at);
  if (refused) return refused;
  switch (command.cmd) {
    case 'SignTreaty':
    case 'TreatyEntersIntoForce':
    case 'ApplyForMembership':
    case 'RecognizeAspiration':
    case 'InviteToAccede':
    case 'SignAccessionProtocol':
    case 'RecordRatificationStage':
    case 'ProtocolEntersIntoForce':
    case 'DepositAccessionInstrument':
    case 'NotifyDenunciation':
    case 'LeaveIntegratedMilitaryStructure':
    case 'RejoinIntegratedMilitaryStructure':
      return decideMembership(state, command);
    case 'TableProposal':
    case 'AgreeProposal':
    case 'ObjectToProposal':
    case 'LiftObjection':
    case 'BreakSilence':
    case 'AttachFootnote':
    case 'ReviseProposal':
    case 'PlaceUnderSilence':
    case 'AdoptProposal':
    case 'CloseSilence':
    case 'WithdrawProposal':
    case 'AssociateWithStatement':
    case 'ProposeAmendment':
    case 'AcceptAmendments':
      return decideCouncil(state, command);
    case 'RequestConsultations':
    case 'HoldConsultations':
      return decideConsultation(state, command);
    case 'InvokeArticle5Conditionally':
    case 'DetermineArmedAttack':
    case 'ReportArticle5Measure':
      return decideCollectiveDefence(state, command);
    case 'AdoptStrategicConcept':
    case 'AppointSecretaryGeneral':
    case 'HoldSummit':
    case 'AppointOfficeHolder':
    case 'MoveSeat':
    case 'AdoptPolicy':
      return decideStrategy(state, command);
    case 'PlanOperation':
    case 'LaunchOperation':
    case 'EndOperation':
    case 'JoinOperation':
    case 'LeaveOperation':
      return decideOperations(state, command);
    case 'EstablishFramework':
    case 'JoinFramework':
    case 'LeaveFramework':
    case 'SuspendPartner':
    case 'ResumePartner':
    case 'AgreeTailoredProgramme':
      return decidePartnerships(state, command);
    case 'LaunchDcbPackage':
    case 'PledgeToFund':
    case 'ContributeToFund':
    case 'AllocateToProject':
    case 'RecordExpenditure':
      return decideFund(state, command);
    case 'HoldExercise':
      return decideExercises(state, command);
    case 'JoinEuropeanUnion':
    case 'NotifyEuWithdrawal':
    case 'LeaveEuropeanUnion':
    case 'SignNatoEuDeclaration':
      return decideEu(state, command);
    case 'RegisterArmsControlInstrument':
    case 'ArmsControlInstrumentEntersIntoForce':
    case 'ArmsControlInstrumentTerminates':
    case 'RecordArmsControlStatus':
    case 'EstablishArmsControlCommittee':
      return decideArmsControl(state, command);
    case 'TagHumanSecurity':
      return decideHumanSecurity(state, command);
    default:
      return assertNever(command);
  }
}

type Routed =
  | { readonly procedure: 'membership'; readonly event: MembershipEvent }
  | { readonly procedure: 'council'; readonly event: CouncilEvent }
  | { readonly procedure: 'consultation'; readonly event: ConsultationEvent }
  | { readonly procedure: 'collective-defence'; readonly event: CollectiveDefenceEvent }
  | { readonly procedure: 'strategy'; readonly event: StrategyEvent }
  | { readonly procedure: 'operations'; readonly event: OperationsEvent }
  | { readonly procedure: 'partnerships'; readonly event: PartnershipsEvent }
  | { readonly procedure: 'fund'; readonly event: FundEvent }
  | { readonly procedure: 'exercises'; readonly event: ExercisesEvent }
  | { readonly procedure: 'eu'; readonly event: EuEvent }
  | { readonly procedure: 'arms-control'; readonly event: ArmsControlEvent }
  | { readonly procedure: 'human-security'; readonly event: HumanSecurityEvent };

/**
 * True if `type` is an event of the treaty engine. Entries of other kinds (a scenario's clock,
 * seats, injects) share a world's log but are not treaty events. The router is the one list.
 */
/** isWorldEventType's answers by type (see there). */
const eventTypes = new Map<string, boolean>();

export function isWorldEventType(type: string): boolean {
  // Answered once per type: a fold asks for every entry, and a refused type costs a thrown error.
  let known = eventTypes.get(type);
  if (known === undefined) {
    try {
      route({ type } as WorldEvent);
      known = true;
    } catch {
      known = false;
    }
    // Types come from entries, so the table is bounded only by what a log holds: keep it small.
    if (eventTypes.size < 1024) eventTypes.set(type, known);
  }
  return known;
}

function route(event: WorldEvent): Routed {
  switch (event.type) {
    case 'TreatySigned':
    case 'TreatyEnteredIntoForce':
    case 'MembershipApplied':
    case 'AspirationRecognized':
    case 'AccessionInvited':
    case 'AccessionProtocolSigned':
    case 'RatificationStageRecorded':
    case 'ProtocolEnteredIntoForce':
    case 'AccessionInstrumentDeposited':
    case 'DenunciationNotified':
    case 'MilitaryStructureLeft':
    case 'MilitaryStructureRejoined':
      return { procedure: 'membership', event };
    case 'ProposalTabled':
    case 'ProposalAgreed':
    case 'ObjectionRaised':
    case 'ObjectionLifted':
    case 'SilenceBroken':
    case 'FootnoteAttached':
    case 'ProposalRevised':
    case 'ProposalPlacedUnderSilence':
    case 'ProposalAdopted':
    case 'ProposalWithdrawn':
    case 'StatementAssociated':
    case 'AmendmentProposed':
    case 'AmendmentsAccepted':
      return { procedure: 'council', event };
    case 'ConsultationsRequested':
    case 'ConsultationsHeld':
      return { procedure: 'consultation', event };
    case 'Article5InvokedConditionally':
    case 'ArmedAttackDetermined':
    case 'Article5MeasureReported':
      return { procedure: 'collective-defence', event };
    case 'StrategicConceptAdopted':
    case 'SecretaryGeneralAppointed':
    case 'SummitHeld':
    case 'PolicyAdopted':
    case 'OfficeHolderAppointed':
    case 'SeatMoved':
      return { procedure: 'strategy', event };
    case 'OperationPlanned':
    case 'OperationLaunched':
    case 'OperationEnded':
    case 'OperationJoined':
    case 'OperationLeft':
      return { procedure: 'operations', event };
    case 'FrameworkEstablished':
    case 'FrameworkJoined':
    case 'FrameworkLeft':
    case 'PartnerSuspended':
    case 'PartnerResumed':
    case 'TailoredProgrammeAgreed':
      return { procedure: 'partnerships', event };
    case 'DcbPackageLaunched':
    case 'FundPledged':
    case 'FundContributed':
    case 'ProjectAllocated':
    case 'ExpenditureRecorded':
      return { procedure: 'fund', event };
    case 'ExerciseHeld':
      return { procedure: 'exercises', event };
    case 'EuJoined':
    case 'EuWithdrawalNotified':
    case 'EuLeft':
    case 'NatoEuDeclarationSigned':
      return { procedure: 'eu', event };
    case 'ArmsControlInstrumentRegistered':
    case 'ArmsControlInstrumentEnteredIntoForce':
    case 'ArmsControlInstrumentTerminated':
    case 'ArmsControlStatusRecorded':
    case 'ArmsControlCommitteeEstablished':
      return { procedure: 'arms-control', event };
    case 'HumanSecurityTagged':
      return { procedure: 'human-security', event };
    default:
      return assertNever(event);
  }
}

function evolve(state: WorldState, event: WorldEvent): WorldState {
  const routed = route(event);
  switch (routed.procedure) {
    case 'membership':
      return { ...state, membership: evolveMembership(state.membership, routed.event) };
    case 'council':
      return { ...state, council: evolveCouncil(state.council, routed.event) };
    case 'consultation':
      return { ...state, consultation: evolveConsultation(state.consultation, routed.event) };
    case 'collective-defence':
      return { ...state, collectiveDefence: evolveCollectiveDefence(state.collectiveDefence, routed.event) };
    case 'strategy':
      return { ...state, strategy: evolveStrategy(state.strategy, routed.event) };
    case 'operations':
      return { ...state, operations: evolveOperations(state.operations, routed.event) };
    case 'partnerships':
      return { ...state, partnerships: evolvePartnerships(state.partnerships, routed.event) };
    case 'fund':
      return { ...state, fund: evolveFund(state.fund, routed.event) };
    case 'exercises':
      return { ...state, exercises: evolveExercises(state.exercises, routed.event) };
    case 'eu':
      return { ...state, eu: evolveEu(state.eu, routed.event) };
    case 'arms-control':
      return { ...state, armsControl: evolveArmsControl(state.armsControl, routed.event) };
    case 'human-security':
      return { ...state, humanSecurity: evolveHumanSecurity(state.humanSecurity, routed.event) };
    default:
      return assertNever(routed);
  }
}

export const worldDecider: Decider<WorldState, WorldCommand, WorldEvent> = {
  initialState: initialWorldState,
  decide,
  evolve,
};

/** Replays events from the initial state. */
export function replay(events: readonly WorldEvent[], from: WorldState = initialWorldState()): WorldState {
  return events.reduce(evolve, from);
}

/**
 * The kinds of fact `project` emits. Valid time is [validFrom, validTo); keys are unique per kind.
 */
export const FACT_KINDS = {
  signatory: { key: 'ISO3', data: '{ state, signedAt }', validFrom: 'signature of the Treaty' },
  membership: {
    key: 'ISO3 for the first period, ISO3/n for the n-th',
    data: "{ state, via: 'founding' | 'accession', protocol?, denouncedAt? }",
    validFrom: 'date the state became an Ally; validTo: date it ceased (Art. 13)',
  },
  application: { key: 'ISO3, ISO3/n for the n-th', data: '{ state, appliedAt }', validFrom: 'application' },
  aspirant: { key: 'ISO3', data: '{ state, recognizedAt, occasion? }', validFrom: 'recognition of its aspiration to membership' },
  invitation: { key: 'ISO3, ISO3/n for the n-th', data: '{ state, invitedAt, occasion? }', validFrom: 'invitation' },
  protocol: {
    key: 'protocol id',
    data: '{ protocol, invitees, requiredRatifiers, signedAt, enteredIntoForceAt?, deposits? (invitee → date) }',
    validFrom: 'signature',
  },
  ratification: {
    key: 'protocol/ALLY/stage',
    data: '{ protocol, ally, stage, required, vote? }',
    validFrom: 'date of the stage',
  },
  'military-structure': {
    key: 'ISO3 for the first interval out, ISO3/n for the n-th',
    data: '{ ally, out: true }',
    validFrom: 'leaving the integrated military structure; validTo: rejoining',
  },
  proposal: {
    key: 'proposal id',
    data: '{ proposal, title, status, procedure, tabledBy, revision, invitees, tags, positions, footnotes, associations, silenceRounds, history, paragraphs, revisions, amendments, openBrackets, textDiff?, deadline?, adoptedAt?, adoptedUnder? }',
    validFrom: 'tabling (status over time is in history)',
  },
  decision: {
    key: 'proposal id',
    data: '{ proposal, title, adoptedUnder, revision, tags, paragraphs, footnotes, associations, agreedAdReferendum }',
    validFrom: 'adoption',
  },
  consultation: { key: 'consultation id', data: '{ consultation, requesters, reason, status, heldAt? } (status and heldAt as last recorded; queries show the meeting only from heldAt)', validFrom: 'request' },
  'article5-invocation': {
    key: 'determination id',
    data: '{ determination, victims, attackDate, condition, invokedAt, determinedAt? }',
    validFrom: 'conditional invocation (determinedAt once the determination of the same id is made)',
  },
  article5: {
    key: 'determination id',
    data: '{ determination, victims, attackDate, description, measures, conditionallyInvokedAt?, condition? }',
    validFrom: 'determination',
  },
  'strategic-concept': { key: 'concept id', data: 'the concept as adopted, with adoptedAt', validFrom: 'adoption; validTo: the next adoption' },
  'secretary-general': { key: 'ordinal', data: '{ name, nationality, ordinal, tookOffice }', validFrom: 'taking office; validTo: successor' },
  summit: { key: 'summit id', data: '{ id, place, at, endDate?, declaration? }', validFrom: 'opening; validTo: day after the end' },
  'office-holder': {
    key: 'OFFICE/n (n-th holder recorded in the office)',
    data: "{ office, n, name, nationality, tookOffice, dateIs?: 'on_or_before', until?, untilIs?: 'on_or_after' }",
    validFrom: 'taking office; validTo: the next holder taking office, or the day after until',
  },
  seat: { key: 'BODY/n (n-th seat recorded for the body)', data: "{ body, n, place, site?, dateIs?: 'on_or_before', from }", validFrom: 'moving in; validTo: the next move' },
  policy: { key: 'policy id', data: "{ policy, kind: 'wps_policy' | 'wps_action_plan' | 'human_security_approach', title, adoptedAt, dateIs?: 'on_or_before' }", validFrom: 'adoption (never ends)' },
  operation: {
    key: 'operation id',
    data: '{ operation, name, kind, coreTask, area, mandate, resolutions?, requestedBy?, requestingOrganisation?, determination?, status, plannedAt?, launchedAt?, launchDecidedAt?, launchDecision?, endedAt?, endedIs?: on_or_before, endDecidedAt?, endDecision?, successor? }',
    validFrom: 'planning (or launch); validTo: end',
  },
  'operation-contribution': {
    key: 'OPERATION/ISO3 for the first period, OPERATION/ISO3/n for the n-th',
    data: "{ operation, contributor, role: 'ally' | 'partner', from, until? }",
    validFrom: 'joining; validTo: leaving or the end of the operation',
  },
  framework: { key: 'framework id', data: '{ framework, name, region?, establishedAt }', validFrom: 'establishment' },
  partnership: {
    key: 'FRAMEWORK/ISO3 for the first period, FRAMEWORK/ISO3/n for the n-th',
    data: "{ framework, partner, from, fromIs?: 'on_or_before', until?, untilIs?: 'on_or_before' }",
    validFrom: 'joining; validTo: leaving',
  },
  'partnership-suspension': {
    key: 'FRAMEWORK/ISO3 for the first suspension, FRAMEWORK/ISO3/n for the n-th',
    data: '{ framework, partner, from, until?, reason? }',
    validFrom: 'suspension; validTo: resumption or leaving',
  },
  'partnership-programme': { key: 'programme id', data: '{ programme, framework, partner, kind, title?, agreedAt }', validFrom: 'agreement' },
  'dcb-package': { key: 'package id', data: '{ package, partner, areas, title?, launchedAt }', validFrom: 'launch' },
  'fund-pledge': { key: 'pledge id', data: "{ pledge, ally, amount, currency, package?, partner?, dateIs?: 'on_or_before' }", validFrom: 'pledge (never ends)' },
  'fund-contribution': {
    key: 'contribution id',
    data: "{ contribution, ally, amount, currency, package?, pledge?, partner?, dateIs?: 'on_or_before' }",
    validFrom: 'receipt (never ends)',
  },
  'fund-allocation': {
    key: 'PROJECT/n (the n-th allocation to the project)',
    data: '{ project, package, partner, area, amount, currency, fromEarmarked, fromGeneral, title? }',
    validFrom: 'allocation (never ends)',
  },
  'fund-expenditure': {
    key: 'PROJECT/n (the n-th expenditure of the project)',
    data: '{ project, package, partner, area, amount, currency }',
    validFrom: 'expenditure (never ends)',
  },
  exercise: {
    key: 'exercise id',
    data: '{ exercise, name, startDate, endDate, lead, coreTask, participants?, allies, partners, hostNations?, themes?, domains?, personnel? }',
    validFrom: 'first day; validTo: the day after the last',
  },
  'eu-membership': {
    key: 'ISO3 for the first period, ISO3/n for the n-th',
    data: '{ state, from, notifiedAt?, until? }',
    validFrom: 'accession to the EU (the European Communities before 1993); validTo: withdrawal',
  },
  'nato-eu-declaration': { key: 'declaration id', data: '{ declaration, title, areas, place?, signedAt }', validFrom: 'signature' },
  'arms-control-instrument': {
    key: 'instrument id',
    data: '{ instrument, name, kind, field, depositary?, openedAt, enteredIntoForceAt?, terminatedAt?, terminationReason? }',
    validFrom: 'opening for signature or adoption',
  },
  'arms-control-status': {
    key: 'INSTRUMENT/ISO3 for the first status, INSTRUMENT/ISO3/n for the n-th',
    data: "{ instrument, state, status: 'signed' | 'party' | 'suspended' | 'withdrawn', from, fromIs?: 'on_or_before', until? }",
    validFrom: 'the status; validTo: the next status',
  },
  'arms-control-committee': { key: 'committee id', data: '{ committee, name, mandate?, establishedAt }', validFrom: 'establishment' },
  'human-security': {
    key: 'ACTIVITY/ID for the first tag, ACTIVITY/ID/n for the n-th',
    data: '{ activity, id, coreTask, pillars, genderAnalysis?, from, until? }',
    validFrom: 'tagging; validTo: the next tag of the same activity',
  },
} as const;

export type FactKind = keyof typeof FACT_KINDS;

/**
 * The index changes that `event` makes, given the state before it. Pure: the same state and event
 * always give the same changes.
 */
export function project(stateBefore: WorldState, event: WorldEvent): FactChange[] {
  const after = evolve(stateBefore, event);
  const routed = route(event);
  switch (routed.procedure) {
    case 'membership':
      return projectMembership(after, routed.event);
    case 'council':
      return projectCouncil(after, routed.event);
    case 'consultation':
      return projectConsultation(after, routed.event);
    case 'collective-defence':
      return projectCollectiveDefence(after, routed.event);
    case 'strategy':
      return projectStrategy(after, routed.event);
    case 'operations':
      return projectOperations(after, routed.event, stateBefore);
    case 'partnerships':
      return projectPartnerships(after, routed.event, stateBefore);
    case 'fund':
      return projectFund(after, routed.event);
    case 'exercises':
      return projectExercises(after, routed.event);
    case 'eu':
      return projectEu(after, routed.event);
    case 'arms-control':
      return projectArmsControl(after, routed.event);
    case 'human-security':
      return projectHumanSecurity(after, routed.event);
    default:
      return assertNever(routed);
  }
}

/**
 * The commands `by` may give at `at`, judged by who gives them (not by whether their data would be
 * accepted): what a CLI or web app offers as available actions.
 */
export function availableCommands(state: WorldState, by: string, at: string): readonly CommandSpec[] {
  return commandSpecs.filter((spec) => actorViolation(state, spec, by, at) === undefined);
}

export { commandSpecs, commandSpec } from './command-specs.js';
export { parseCommand } from './parse-command.js';
export * from './queries.js';
