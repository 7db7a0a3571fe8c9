/**
 * A ledger entry said in words, in the reader's language: who did what, when, under which rule.
 * The words are the catalogue's (`entry.<EventType>` in src/messages/interface.ts, with the
 * actor's grammatical forms: "La Belgique a rompu le silence…"); the rule is the Treaty article or
 * practice the event type rests on. An event type without words is shown by its name, never hidden.
 */
import type { Entry } from '../../ledger/entry.js';
import type { StateInfo } from '../../domain/states.js';
import type { WorldEvent } from '../../domain/world.js';
import { stateNames, translate, type Lang } from './i18n.js';
import { hasMessage } from './messages.js';
import { recordText } from '../../messages/record-french.js';

type Basis = 'art11' | 'art10' | 'art13' | 'art9' | 'consensus' | 'silence' | 'art4' | 'art5' | 'practice' | 'eu_treaties' | 'teu50' | 'exercise';

/** Every event of the engine (the build fails until a new one is given its rule and words). */
const WORLD_BASIS: { readonly [T in WorldEvent['type']]: Basis } = {
  TreatySigned: 'art11', TreatyEnteredIntoForce: 'art11', MembershipApplied: 'art10',
  AspirationRecognized: 'art10', AccessionInvited: 'art10', AccessionProtocolSigned: 'art10',
  RatificationStageRecorded: 'art10', ProtocolEnteredIntoForce: 'art10',
  AccessionInstrumentDeposited: 'art10', DenunciationNotified: 'art13', MilitaryStructureLeft: 'practice',
  MilitaryStructureRejoined: 'practice', ProposalTabled: 'art9', ProposalAgreed: 'consensus',
  ObjectionRaised: 'consensus', ObjectionLifted: 'consensus', SilenceBroken: 'silence',
  FootnoteAttached: 'art9', ProposalRevised: 'art9', ProposalPlacedUnderSilence: 'silence',
  ProposalAdopted: 'consensus', ProposalWithdrawn: 'art9', StatementAssociated: 'art9',
  ConsultationsRequested: 'art4', ConsultationsHeld: 'art4', Article5InvokedConditionally: 'art5', ArmedAttackDetermined: 'art5',
  Article5MeasureReported: 'art5', StrategicConceptAdopted: 'practice', PolicyAdopted: 'practice',
  SecretaryGeneralAppointed: 'practice', SummitHeld: 'art9', OfficeHolderAppointed: 'practice', SeatMoved: 'practice', OperationPlanned: 'practice',
  OperationLaunched: 'practice', OperationEnded: 'practice', OperationJoined: 'practice',
  OperationLeft: 'practice', FrameworkEstablished: 'practice', FrameworkJoined: 'practice',
  FrameworkLeft: 'practice', PartnerSuspended: 'practice', PartnerResumed: 'practice',
  TailoredProgrammeAgreed: 'practice', DcbPackageLaunched: 'practice', FundPledged: 'practice',
  FundContributed: 'practice', ProjectAllocated: 'practice', ExpenditureRecorded: 'practice',
  ExerciseHeld: 'practice', EuJoined: 'eu_treaties', EuWithdrawalNotified: 'teu50', EuLeft: 'teu50',
  NatoEuDeclarationSigned: 'practice', ArmsControlInstrumentRegistered: 'practice',
  ArmsControlInstrumentEnteredIntoForce: 'practice', ArmsControlStatusRecorded: 'practice',
  ArmsControlCommitteeEstablished: 'practice', HumanSecurityTagged: 'practice',
  ArmsControlInstrumentTerminated: 'practice', AmendmentProposed: 'art9', AmendmentsAccepted: 'art9',
};

/** Exercise control's own entries in a scenario world. */
const EXERCISE_BASIS: Readonly<Record<string, Basis>> = {
  ClockStarted: 'exercise', ClockPaused: 'exercise', ClockResumed: 'exercise', ClockSpeedChanged: 'exercise', ClockAdvanced: 'exercise',
  InjectDelivered: 'exercise', InjectWithheld: 'exercise',
};

/** The event types the ledger page has words for (tests check each has them in both languages). */
export const WORDED_TYPES: readonly string[] = [...Object.keys(WORLD_BASIS), ...Object.keys(EXERCISE_BASIS)];

const basisOf = (type: string): Basis | undefined =>
  Object.hasOwn(WORLD_BASIS, type) ? WORLD_BASIS[type as WorldEvent['type']] : EXERCISE_BASIS[type];

export interface EntryWords {
  /** "Slovakia recorded a stage of its ratification of SWE-2022: parliament approved, 27 September 2022". */
  readonly sentence: string;
  /** "under Article 10 of the Treaty (accession)"; undefined for an event type without words. */
  readonly basis: string | undefined;
  /** Whether the catalogue has words for this event type. */
  readonly known: boolean;
}

/** Payload fields that hold state codes: given to the templates as codes (their forms are the catalogue's). */
const STATE_FIELDS = new Set(['state', 'ally', 'partner', 'contributor']);
/** Payload fields that hold a vocabulary value a template selects on, given as they are. */
const CHOICE_FIELDS = new Set(['dateIs']);

export function entryWords(lang: Lang, states: ReadonlyMap<string, StateInfo> | undefined, entry: Entry): EntryWords {
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  const params: Record<string, string> = { by: entry.actingFor, at: entry.validTime.slice(0, 10) };
  for (const [name, value] of Object.entries(payload)) {
    if (name === 'stage' && typeof value === 'string') {
      const key = `stage.${value}`;
      params[name] = hasMessage(key) ? translate(lang, key).toLowerCase() : value.replace(/_/g, ' ');
    } else if (name === 'status' && typeof value === 'string') {
      const key = `acstatus.${value}`;
      params[name] = hasMessage(key) ? translate(lang, key).toLowerCase() : value.replace(/_/g, ' ');
    } else if ((STATE_FIELDS.has(name) || CHOICE_FIELDS.has(name)) && typeof value === 'string') {
      params[name] = value;
    } else if (Array.isArray(value)) {
      params[name] = stateNames(lang, states, value.map(String));
    } else if (typeof value === 'string') {
      params[name] = recordText(lang, value);
    } else if (typeof value === 'number') {
      params[name] = String(value);
    }
  }
  const key = `entry.${entry.type}`;
  const known = hasMessage(key);
  const what = known ? translate(lang, key, params) : entry.type;
  const basis = basisOf(entry.type);
  return {
    sentence: translate(lang, 'entry.sentence', { what, at: params.at ?? '' }),
    basis: basis ? translate(lang, `entry.basis_${basis}` as const) : undefined,
    known,
  };
}
