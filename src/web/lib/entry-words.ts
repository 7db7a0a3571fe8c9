/**
 * A ledger entry said in words, in the reader's language: who did what, when, under which rule.
 * One line per event type of the engine (past tense, what the entry records) with the Treaty
 * article or practice it rests on; an event type not listed is shown by its name, never hidden.
 */
import type { Entry } from '../../ledger/entry.js';
import type { StateInfo } from '../../domain/states.js';
import { actorName, longDate, stateName, stateNames, type Lang } from './i18n.js';

interface EventWords { readonly en: string; readonly fr: string; readonly basis: string }

/** `{field}` = the payload's field: state codes become names, ids stay as they are. */
const EVENTS: Readonly<Record<string, EventWords>> = {
  TreatySigned: { en: 'signed the North Atlantic Treaty', fr: 'a signé le Traité de l’Atlantique Nord', basis: 'Art. 11' },
  TreatyEnteredIntoForce: { en: 'recorded the Treaty’s entry into force', fr: 'a consigné l’entrée en vigueur du Traité', basis: 'Art. 11' },
  MembershipApplied: { en: 'applied to join the Alliance', fr: 'a demandé à adhérer à l’Alliance', basis: 'Art. 10' },
  AspirationRecognized: { en: 'recognised {state}’s aspiration to membership', fr: 'a reconnu l’aspiration de {state} à l’adhésion', basis: 'Art. 10' },
  AccessionInvited: { en: 'invited {state} to accede', fr: 'a invité {state} à adhérer', basis: 'Art. 10' },
  AccessionProtocolSigned: { en: 'signed accession protocol {protocol}', fr: 'a signé le protocole d’adhésion {protocol}', basis: 'Art. 10' },
  RatificationStageRecorded: { en: 'recorded a stage of its ratification of {protocol}: {stage}', fr: 'a consigné une étape de sa ratification de {protocol} : {stage}', basis: 'Art. 10' },
  ProtocolEnteredIntoForce: { en: 'recorded the entry into force of protocol {protocol}', fr: 'a consigné l’entrée en vigueur du protocole {protocol}', basis: 'Art. 10' },
  AccessionInstrumentDeposited: { en: 'deposited its instrument of accession', fr: 'a déposé son instrument d’adhésion', basis: 'Art. 10' },
  DenunciationNotified: { en: 'gave notice of denunciation', fr: 'a notifié sa dénonciation', basis: 'Art. 13' },
  MilitaryStructureLeft: { en: 'left the integrated military structure', fr: 'a quitté la structure militaire intégrée', basis: 'practice' },
  MilitaryStructureRejoined: { en: 'rejoined the integrated military structure', fr: 'a réintégré la structure militaire intégrée', basis: 'practice' },
  ProposalTabled: { en: 'tabled proposal {proposal}', fr: 'a déposé la proposition {proposal}', basis: 'Art. 9' },
  ProposalAgreed: { en: 'agreed to proposal {proposal}', fr: 'a donné son accord à la proposition {proposal}', basis: 'Art. 9, consensus' },
  ObjectionRaised: { en: 'objected to proposal {proposal}', fr: 'a objecté à la proposition {proposal}', basis: 'Art. 9, consensus' },
  ObjectionLifted: { en: 'lifted its objection to {proposal}', fr: 'a levé son objection à {proposal}', basis: 'Art. 9, consensus' },
  SilenceBroken: { en: 'broke silence on {proposal}', fr: 'a rompu le silence sur {proposal}', basis: 'Art. 9, silence procedure' },
  FootnoteAttached: { en: 'attached a footnote to {proposal}', fr: 'a joint une note de bas de page à {proposal}', basis: 'Art. 9' },
  ProposalRevised: { en: 'revised proposal {proposal}', fr: 'a révisé la proposition {proposal}', basis: 'Art. 9' },
  ProposalPlacedUnderSilence: { en: 'placed {proposal} under silence', fr: 'a placé {proposal} sous procédure de silence', basis: 'Art. 9, silence procedure' },
  ProposalAdopted: { en: 'adopted {proposal}', fr: 'a adopté {proposal}', basis: 'Art. 9, consensus' },
  ProposalWithdrawn: { en: 'withdrew {proposal}', fr: 'a retiré {proposal}', basis: 'Art. 9' },
  StatementAssociated: { en: 'associated itself with {proposal}', fr: 's’est associé à {proposal}', basis: 'Art. 9' },
  ConsultationsRequested: { en: 'requested consultations {consultation}', fr: 'a demandé les consultations {consultation}', basis: 'Art. 4' },
  ConsultationsHeld: { en: 'held consultations {consultation}', fr: 'a tenu les consultations {consultation}', basis: 'Art. 4' },
  ArmedAttackDetermined: { en: 'determined an armed attack', fr: 'a constaté une attaque armée', basis: 'Art. 5' },
  Article5MeasureReported: { en: 'reported a measure taken under Article 5', fr: 'a rendu compte d’une mesure prise au titre de l’article 5', basis: 'Art. 5' },
  StrategicConceptAdopted: { en: 'adopted a Strategic Concept', fr: 'a adopté un Concept stratégique', basis: 'practice' },
  SecretaryGeneralAppointed: { en: 'appointed a Secretary General', fr: 'a nommé un secrétaire général', basis: 'practice' },
  SummitHeld: { en: 'held a summit', fr: 'a tenu un sommet', basis: 'Art. 9' },
  OperationPlanned: { en: 'planned operation {operation}', fr: 'a planifié l’opération {operation}', basis: 'practice' },
  OperationLaunched: { en: 'launched operation {operation}', fr: 'a lancé l’opération {operation}', basis: 'practice' },
  OperationEnded: { en: 'ended operation {operation}', fr: 'a mis fin à l’opération {operation}', basis: 'practice' },
  OperationJoined: { en: 'joined operation {operation}', fr: 'a rejoint l’opération {operation}', basis: 'practice' },
  OperationLeft: { en: 'left operation {operation}', fr: 'a quitté l’opération {operation}', basis: 'practice' },
  FrameworkEstablished: { en: 'established partnership framework {framework}', fr: 'a établi le cadre de partenariat {framework}', basis: 'practice' },
  FrameworkJoined: { en: 'joined partnership framework {framework}', fr: 'a rejoint le cadre de partenariat {framework}', basis: 'practice' },
  FrameworkLeft: { en: 'left partnership framework {framework}', fr: 'a quitté le cadre de partenariat {framework}', basis: 'practice' },
  PartnerSuspended: { en: 'suspended a partner in {framework}', fr: 'a suspendu un partenaire de {framework}', basis: 'practice' },
  PartnerResumed: { en: 'resumed a partner in {framework}', fr: 'a rétabli un partenaire de {framework}', basis: 'practice' },
  TailoredProgrammeAgreed: { en: 'agreed programme {programme}', fr: 'a approuvé le programme {programme}', basis: 'practice' },
  DcbPackageLaunched: { en: 'launched DCB package {package}', fr: 'a lancé le programme DCB {package}', basis: 'practice' },
  FundPledged: { en: 'pledged to the DCB fund', fr: 'a annoncé une contribution au fonds DCB', basis: 'practice' },
  FundContributed: { en: 'contributed to the DCB fund', fr: 'a versé une contribution au fonds DCB', basis: 'practice' },
  ProjectAllocated: { en: 'allocated to project {project}', fr: 'a affecté des fonds au projet {project}', basis: 'practice' },
  ExpenditureRecorded: { en: 'recorded spending on {project}', fr: 'a consigné une dépense pour {project}', basis: 'practice' },
  ExerciseHeld: { en: 'held exercise {exercise}', fr: 'a tenu l’exercice {exercise}', basis: 'practice' },
  EuJoined: { en: 'joined the European Union', fr: 'a adhéré à l’Union européenne', basis: 'EU treaties' },
  EuWithdrawalNotified: { en: 'notified its withdrawal from the European Union', fr: 'a notifié son retrait de l’Union européenne', basis: 'TEU Art. 50' },
  EuLeft: { en: 'left the European Union', fr: 'a quitté l’Union européenne', basis: 'TEU Art. 50' },
  NatoEuDeclarationSigned: { en: 'signed NATO-EU declaration {declaration}', fr: 'a signé la déclaration OTAN-UE {declaration}', basis: 'practice' },
  ArmsControlInstrumentRegistered: { en: 'registered instrument {instrument}', fr: 'a enregistré l’instrument {instrument}', basis: 'practice' },
  ArmsControlInstrumentEnteredIntoForce: { en: 'recorded the entry into force of {instrument}', fr: 'a consigné l’entrée en vigueur de {instrument}', basis: 'practice' },
  ArmsControlStatusRecorded: { en: 'recorded its status in {instrument}: {status}', fr: 'a consigné son statut dans {instrument} : {status}', basis: 'practice' },
  ArmsControlCommitteeEstablished: { en: 'established committee {committee}', fr: 'a établi le comité {committee}', basis: 'practice' },
  HumanSecurityTagged: { en: 'tagged {id} for human security', fr: 'a marqué {id} au titre de la sécurité humaine', basis: 'practice' },
};

const STAGE: Readonly<Record<string, { en: string; fr: string }>> = {
  parliament_approved: { en: 'parliament approved', fr: 'approbation parlementaire' },
  instrument_signed: { en: 'instrument signed', fr: 'instrument signé' },
  instrument_deposited: { en: 'instrument deposited', fr: 'instrument déposé' },
  party: { en: 'party', fr: 'partie' },
  signed: { en: 'signatory', fr: 'signataire' },
  suspended: { en: 'suspended', fr: 'suspendu' },
  withdrawn: { en: 'withdrawn', fr: 'retiré' },
};

const STATE_FIELDS = new Set(['state', 'ally', 'partner', 'contributor']);

export interface EntryWords {
  /** "Slovakia — ratification of SWE-2022: parliament approved, 27 September 2022". */
  readonly sentence: string;
  /** The Treaty article or practice the act rests on; undefined for an event type not listed. */
  readonly basis: string | undefined;
}

export function entryWords(lang: Lang, states: ReadonlyMap<string, StateInfo> | undefined, entry: Entry): EntryWords {
  const words = EVENTS[entry.type];
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  const field = (name: string): string => {
    const value = payload[name];
    if (name === 'stage' && typeof value === 'string') return STAGE[value]?.[lang] ?? value.replace(/_/g, ' ');
    if (name === 'status' && typeof value === 'string') return STAGE[value]?.[lang] ?? value;
    if (STATE_FIELDS.has(name) && typeof value === 'string') return stateName(lang, states, value);
    if (Array.isArray(value)) return stateNames(lang, states, value.map(String));
    return value === undefined ? '' : String(value);
  };
  const what = words ? words[lang].replace(/\{(\w+)\}/g, (_, name: string) => field(name)) : entry.type;
  const who = actorName(lang, states, entry.actingFor);
  return { sentence: `${who} ${what}, ${longDate(lang, entry.validTime.slice(0, 10))}`, basis: words?.basis };
}
