/**
 * Every command declared as data (STYLE habit 2): who may give it, what it does in English and
 * French, and its data fields. parseCommand validates from these declarations, the world checks the
 * actor from them, and the CLI and the web app list available actions from them without knowing
 * any procedure.
 */
import type { Message } from '../messages/index.js';
import { PROCEDURES } from './council/types.js';
import { AMENDMENT_OPS } from './council/text.js';
import { DATE_PRECISIONS, RATIFICATION_STAGES } from './membership/types.js';
import { MANDATE_BASES, OPERATION_KINDS } from './operations/types.js';
import { PROGRAMME_KINDS } from './partnerships/types.js';
import { OFFICES, POLICY_KINDS, SEAT_BODIES, UNTIL_PRECISIONS } from './strategy/types.js';
import { CURRENCIES } from './fund/money.js';
import { DCB_AREAS } from './fund/types.js';
import { EXERCISE_DOMAINS } from './exercises/types.js';
import { COOPERATION_AREAS } from './eu/types.js';
import { ARMS_CONTROL_FIELDS, ARMS_CONTROL_STATUSES, INSTRUMENT_KINDS } from './arms-control/types.js';
import { ACTIVITY_KINDS } from './human-security/types.js';
import { CORE_TASKS, HUMAN_SECURITY_PILLARS, RESILIENCE_THEMES } from './vocabulary.js';
import type { Body } from './states.js';

export type FieldType =
  /** A non-empty string. */
  | { readonly kind: 'text' }
  /** An identifier: letters, digits and `-_.:/`, starting with a letter or digit. */
  | { readonly kind: 'id' }
  /** A state code, normalised to ISO alpha-3. */
  | { readonly kind: 'state' }
  /** A partner: a state code (normalised to ISO alpha-3) or an organisation's code (`UN`; states.ts). */
  | { readonly kind: 'partner' }
  /** A non-empty list of distinct state codes, normalised to ISO alpha-3. */
  | { readonly kind: 'states' }
  /** An ISO 8601 date `YYYY-MM-DD`. */
  | { readonly kind: 'date' }
  /** A date or a UTC date-time `YYYY-MM-DDTHH:MM:SSZ`. */
  | { readonly kind: 'time' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  /** `{ en, fr? }`, English required. */
  | { readonly kind: 'title' }
  /** `{ for, against, abstain }`, non-negative integers. */
  | { readonly kind: 'vote' }
  | { readonly kind: 'positive_integer' }
  /** A whole number ≥ 0 (a revision: 0 is the text as tabled). */
  | { readonly kind: 'count' }
  | { readonly kind: 'boolean' }
  /** A list of non-empty strings (possibly empty). */
  | { readonly kind: 'texts' }
  /** A list of distinct values from `values`; empty only if `nonEmpty` is not set. */
  | { readonly kind: 'enums'; readonly values: readonly string[]; readonly nonEmpty?: boolean }
  /** An amount of money in integer minor units: a positive safe integer. */
  | { readonly kind: 'amount' };

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
}

/** Who may give a command: listed bodies, any Ally at `at`, or any state (applicant, invitee, partner). */
export interface ActorRule {
  readonly bodies: readonly Body[];
  readonly ally: boolean;
  readonly state: boolean;
}

export type ProcedureName =
  | 'membership'
  | 'council'
  | 'consultation'
  | 'collective-defence'
  | 'strategy'
  | 'operations'
  | 'partnerships'
  | 'fund'
  | 'exercises'
  | 'eu'
  | 'arms-control'
  | 'human-security';

export interface CommandSpec {
  readonly cmd: string;
  readonly procedure: ProcedureName;
  /** The Treaty article or practice it implements, for display and for docs/errors.md. */
  readonly basis: string;
  readonly actors: ActorRule;
  readonly summary: Message;
  readonly fields: readonly FieldSpec[];
}

const text = { kind: 'text' } as const;
const id = { kind: 'id' } as const;
const state = { kind: 'state' } as const;
const states = { kind: 'states' } as const;
const partner = { kind: 'partner' } as const;
const time = { kind: 'time' } as const;
const date = { kind: 'date' } as const;
const texts = { kind: 'texts' } as const;

const req = (name: string, type: FieldType): FieldSpec => ({ name, type, required: true });
const opt = (name: string, type: FieldType): FieldSpec => ({ name, type, required: false });

const bodies = (...list: Body[]): ActorRule => ({ bodies: list, ally: false, state: false });
const ALLY: ActorRule = { bodies: [], ally: true, state: false };
const STATE: ActorRule = { bodies: [], ally: false, state: true };

const proposal = req('proposal', id);
const revision = opt('revision', { kind: 'count' });
const paragraphNo = { kind: 'positive_integer' } as const;
/** An objection or a silence break may name a paragraph and propose wording for it. */
const pointing = [opt('paragraph', paragraphNo), opt('wording', text)];
const amount = { kind: 'amount' } as const;
const currency = { kind: 'enum', values: CURRENCIES } as const;
const coreTask = { kind: 'enum', values: CORE_TASKS } as const;

/** An operation's definition; required when planning, optional when launching what was planned. */
const operationDefinition = (need: (name: string, type: FieldType) => FieldSpec): FieldSpec[] => [
  need('name', { kind: 'title' }),
  need('kind', { kind: 'enum', values: OPERATION_KINDS }),
  need('coreTask', coreTask),
  need('area', text),
  need('mandate', { kind: 'enums', values: MANDATE_BASES, nonEmpty: true }),
  opt('resolutions', texts),
  opt('requestedBy', states),
  opt('requestingOrganisation', text),
  opt('determination', id),
];
/** The Council decision behind an operation's step: its date and a reference. */
const councilDecision: FieldSpec[] = [opt('decidedAt', date), opt('decision', text)];

export const COMMAND_SPECS = [
  // ---- membership ----
  {
    cmd: 'SignTreaty', procedure: 'membership', basis: 'Art. 11', actors: bodies('PARTIES'),
    summary: { en: 'Sign the North Atlantic Treaty', fr: 'Signer le Traité de l’Atlantique Nord' },
    fields: [req('signatories', states)],
  },
  {
    cmd: 'TreatyEntersIntoForce', procedure: 'membership', basis: 'Art. 11', actors: bodies('DEPOSITARY'),
    summary: { en: 'Record the Treaty’s entry into force; the parties become Allies', fr: 'Constater l’entrée en vigueur du Traité\u00a0; les parties deviennent Alliés' },
    fields: [req('parties', states)],
  },
  {
    cmd: 'ApplyForMembership', procedure: 'membership', basis: 'Art. 10', actors: STATE,
    summary: { en: 'Apply for membership', fr: 'Demander l’adhésion' },
    fields: [req('state', state)],
  },
  {
    cmd: 'RecognizeAspiration', procedure: 'membership', basis: 'Art. 10 (open door)', actors: bodies('NAC'),
    summary: { en: 'Recognise European states’ aspiration to membership (aspirants)', fr: 'Reconnaître l’aspiration d’États européens à l’adhésion (pays aspirants)' },
    fields: [req('states', states), opt('occasion', text)],
  },
  {
    cmd: 'InviteToAccede', procedure: 'membership', basis: 'Art. 10', actors: bodies('NAC'),
    summary: { en: 'Invite European states to accede', fr: 'Inviter des États européens à adhérer' },
    fields: [req('invitees', states), opt('occasion', text)],
  },
  {
    cmd: 'SignAccessionProtocol', procedure: 'membership', basis: 'Art. 10', actors: bodies('NAC'),
    summary: { en: 'Sign an accession protocol; the current Allies must ratify it', fr: 'Signer un protocole d’adhésion\u00a0; les Alliés actuels doivent le ratifier' },
    fields: [req('protocol', id), req('invitees', states)],
  },
  {
    cmd: 'RecordRatificationStage', procedure: 'membership', basis: 'Art. 10', actors: ALLY,
    summary: { en: 'Record a step of national ratification of a protocol', fr: 'Enregistrer une étape de la ratification nationale d’un protocole' },
    fields: [req('protocol', id), req('ally', state), req('stage', { kind: 'enum', values: RATIFICATION_STAGES }), opt('vote', { kind: 'vote' }), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'ProtocolEntersIntoForce', procedure: 'membership', basis: 'Art. 10', actors: bodies('DEPOSITARY'),
    summary: { en: 'Record a protocol’s entry into force', fr: 'Constater l’entrée en vigueur d’un protocole' },
    fields: [req('protocol', id)],
  },
  {
    cmd: 'DepositAccessionInstrument', procedure: 'membership', basis: 'Art. 10', actors: STATE,
    summary: { en: 'Deposit the instrument of accession; Ally from that date', fr: 'Déposer l’instrument d’adhésion\u00a0; Allié à cette date' },
    fields: [req('state', state), req('protocol', id)],
  },
  {
    cmd: 'NotifyDenunciation', procedure: 'membership', basis: 'Art. 13', actors: ALLY,
    summary: { en: 'Give notice of denunciation; cease to be a Party one year later', fr: 'Notifier la dénonciation\u00a0; cesser d’être Partie un an après' },
    fields: [req('ally', state)],
  },
  {
    cmd: 'LeaveIntegratedMilitaryStructure', procedure: 'membership', basis: 'integrated military structure', actors: ALLY,
    summary: { en: 'Leave the integrated military structure', fr: 'Quitter la structure militaire intégrée' },
    fields: [req('ally', state)],
  },
  {
    cmd: 'RejoinIntegratedMilitaryStructure', procedure: 'membership', basis: 'integrated military structure', actors: ALLY,
    summary: { en: 'Rejoin the integrated military structure', fr: 'Réintégrer la structure militaire intégrée' },
    fields: [req('ally', state)],
  },
  // ---- council ----
  {
    cmd: 'TableProposal', procedure: 'council', basis: 'Art. 9', actors: { bodies: ['NAC', 'SG'], ally: true, state: false },
    summary: { en: 'Table a proposal for a meeting or under silence', fr: 'Déposer une proposition en réunion ou sous silence' },
    fields: [
      proposal,
      req('title', { kind: 'title' }),
      req('procedure', { kind: 'enum', values: PROCEDURES }),
      opt('deadline', time),
      opt('invitees', states),
      opt('tags', texts),
      opt('paragraphs', texts),
    ],
  },
  {
    cmd: 'AgreeProposal', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Agree to a proposal, possibly ad referendum', fr: 'Donner son accord à une proposition, le cas échéant ad referendum' },
    fields: [proposal, opt('adReferendum', { kind: 'boolean' }), revision],
  },
  {
    cmd: 'ObjectToProposal', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Object to a proposal (blocks consensus)', fr: 'S’opposer à une proposition (bloque le consensus)' },
    fields: [proposal, opt('reason', text), revision, ...pointing],
  },
  {
    cmd: 'LiftObjection', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Lift one’s objection', fr: 'Lever son objection' },
    fields: [proposal],
  },
  {
    cmd: 'BreakSilence', procedure: 'council', basis: 'Art. 9, silence procedure', actors: ALLY,
    summary: { en: 'Break silence before the deadline', fr: 'Rompre le silence avant l’échéance' },
    fields: [proposal, opt('reason', text), revision, ...pointing],
  },
  {
    cmd: 'AttachFootnote', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Attach a national footnote (does not block)', fr: 'Ajouter une note de bas de page nationale (ne bloque pas)' },
    fields: [proposal, req('text', text), opt('paragraph', paragraphNo)],
  },
  {
    cmd: 'ReviseProposal', procedure: 'council', basis: 'Art. 9', actors: bodies('SG'),
    summary: { en: 'Revise a proposal; it returns to discussion', fr: 'Réviser une proposition\u00a0; elle retourne en discussion' },
    fields: [proposal, opt('title', { kind: 'title' }), opt('paragraphs', texts)],
  },
  {
    cmd: 'PlaceUnderSilence', procedure: 'council', basis: 'Art. 9, silence procedure', actors: bodies('SG'),
    summary: { en: 'Place a proposal under silence until a deadline', fr: 'Soumettre une proposition à la procédure d’approbation tacite jusqu’à une échéance' },
    fields: [proposal, req('deadline', time), revision],
  },
  {
    cmd: 'AdoptProposal', procedure: 'council', basis: 'Art. 9, consensus', actors: bodies('NAC'),
    summary: { en: 'Adopt a proposal at a meeting (no Ally objects)', fr: 'Adopter une proposition en réunion (aucun Allié ne s’y oppose)' },
    fields: [proposal],
  },
  {
    cmd: 'CloseSilence', procedure: 'council', basis: 'Art. 9, silence procedure', actors: bodies('SG'),
    summary: { en: 'Close the silence procedure at the deadline', fr: 'Clore la procédure d’approbation tacite à l’échéance' },
    fields: [proposal],
  },
  {
    cmd: 'WithdrawProposal', procedure: 'council', basis: 'Art. 9', actors: { bodies: ['SG'], ally: true, state: false },
    summary: { en: 'Withdraw a proposal', fr: 'Retirer une proposition' },
    fields: [proposal],
  },
  {
    cmd: 'AssociateWithStatement', procedure: 'council', basis: 'Art. 9, invitees and partners', actors: STATE,
    summary: { en: 'Associate oneself with a statement (invitees, partners)', fr: 'S’associer à une déclaration (invités, partenaires)' },
    fields: [proposal],
  },
  {
    cmd: 'ProposeAmendment', procedure: 'council', basis: 'Art. 9, negotiating a text', actors: { bodies: ['SG'], ally: true, state: false },
    summary: {
      en: 'Propose an amendment to a paragraph of the current revision: replace, insert, delete or bracket',
      fr: 'Proposer un amendement à un paragraphe de la révision en cours\u00a0: remplacer, insérer, supprimer ou mettre entre crochets',
    },
    fields: [proposal, req('paragraph', paragraphNo), req('op', { kind: 'enum', values: AMENDMENT_OPS }), opt('text', text), revision],
  },
  {
    cmd: 'AcceptAmendments', procedure: 'council', basis: 'Art. 9, negotiating a text', actors: { bodies: ['SG', 'NAC'], ally: true, state: false },
    summary: {
      en: 'Accept pending amendments into a new revision of the text (the chair, or the Ally that tabled it)',
      fr: 'Intégrer des amendements en attente dans une nouvelle révision du texte (la présidence, ou l’Allié qui l’a déposé)',
    },
    fields: [proposal, req('amendments', texts), opt('title', { kind: 'title' }), revision],
  },
  // ---- Art. 4 ----
  {
    cmd: 'RequestConsultations', procedure: 'consultation', basis: 'Art. 4', actors: ALLY,
    summary: { en: 'Request consultations under Article 4', fr: 'Demander des consultations au titre de l’article 4' },
    fields: [req('consultation', id), req('requesters', states), req('reason', text)],
  },
  {
    cmd: 'HoldConsultations', procedure: 'consultation', basis: 'Art. 4', actors: bodies('NAC'),
    summary: { en: 'Hold the requested consultations', fr: 'Tenir les consultations demandées' },
    fields: [req('consultation', id)],
  },
  // ---- Art. 5 ----
  {
    cmd: 'InvokeArticle5Conditionally', procedure: 'collective-defence', basis: 'Art. 5 and 6', actors: bodies('NAC'),
    summary: {
      en: 'Agree that an attack on Allies shall be regarded as covered by Article 5 if a condition is met',
      fr: 'Convenir qu’une attaque contre des Alliés sera considérée comme relevant de l’article 5 si une condition est remplie',
    },
    fields: [req('determination', id), req('victims', states), req('attackDate', date), req('condition', text)],
  },  {
    cmd: 'DetermineArmedAttack', procedure: 'collective-defence', basis: 'Art. 5 and 6', actors: bodies('NAC'),
    summary: { en: 'Determine an armed attack against Allies under Article 5', fr: 'Constater une attaque armée contre des Alliés au titre de l’article 5' },
    fields: [req('determination', id), req('victims', states), req('attackDate', date), req('description', text)],
  },
  {
    cmd: 'ReportArticle5Measure', procedure: 'collective-defence', basis: 'Art. 5', actors: { bodies: ['NAC'], ally: true, state: false },
    summary: { en: 'Report a measure taken under Article 5', fr: 'Rendre compte d’une mesure prise au titre de l’article 5' },
    fields: [req('determination', id), req('measure', text)],
  },
  // ---- strategy and institutions ----
  {
    cmd: 'AdoptStrategicConcept', procedure: 'strategy', basis: 'Strategic Concept', actors: bodies('NAC'),
    summary: { en: 'Adopt a Strategic Concept', fr: 'Adopter un concept stratégique' },
    fields: [
      req('concept', id),
      req('title', text),
      opt('place', text),
      opt('reference', text),
      opt('coreTasks', texts),
      opt('threats', texts),
      opt('challenges', texts),
    ],
  },
  {
    cmd: 'AppointSecretaryGeneral', procedure: 'strategy', basis: 'Secretary General', actors: bodies('NAC'),
    summary: { en: 'Appoint a Secretary General (from the date of taking office)', fr: 'Nommer un Secrétaire général (à la date de prise de fonctions)' },
    fields: [req('name', text), req('nationality', state), req('ordinal', { kind: 'positive_integer' })],
  },
  {
    cmd: 'HoldSummit', procedure: 'strategy', basis: 'summits', actors: bodies('NAC'),
    summary: { en: 'Record a summit of Heads of State and Government', fr: 'Enregistrer un sommet des chefs d’État et de gouvernement' },
    fields: [req('summit', id), req('place', text), opt('endDate', date), opt('declaration', text)],
  },
  {
    cmd: 'AppointOfficeHolder', procedure: 'strategy', basis: 'offices', actors: bodies('NAC'),
    summary: {
      en: 'Record who holds an office other than the Secretary General’s (Deputy, acting Secretary General, SACEUR, SACLANT, SACT, Special Representative for Women, Peace and Security), from taking office',
      fr: 'Enregistrer le titulaire d’une fonction autre que celle de Secrétaire général (délégué, Secrétaire général par intérim, SACEUR, SACLANT, SACT, représentant(e) spécial(e) pour les femmes, la paix et la sécurité), à sa prise de fonctions',
    },
    fields: [
      req('office', { kind: 'enum', values: OFFICES }), req('name', text), req('nationality', state), opt('until', date),
      opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS }), opt('untilIs', { kind: 'enum', values: UNTIL_PRECISIONS }),
    ],
  },
  {
    cmd: 'MoveSeat', procedure: 'strategy', basis: 'seats', actors: bodies('NAC'),
    summary: { en: 'Record where NATO Headquarters or SHAPE sits from a date', fr: 'Enregistrer le siège de l’OTAN ou du SHAPE à partir d’une date' },
    fields: [req('body', { kind: 'enum', values: SEAT_BODIES }), req('place', text), opt('site', text), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'AdoptPolicy', procedure: 'strategy', basis: 'policies (WPS, UNSCR 1325; human security)', actors: bodies('NAC'),
    summary: {
      en: 'Record a policy the Alliance adopted: a Women, Peace and Security policy or action plan, or the Human Security Approach',
      fr: 'Enregistrer une politique adoptée par l’Alliance\u00a0: politique ou plan d’action Femmes, paix et sécurité, ou approche de la sécurité humaine',
    },
    fields: [req('policy', id), req('kind', { kind: 'enum', values: POLICY_KINDS }), req('title', { kind: 'title' }), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  // ---- operations and missions ----
  {
    cmd: 'PlanOperation', procedure: 'operations', basis: 'crisis management, Council decision by consensus', actors: bodies('NAC'),
    summary: { en: 'Plan an operation or mission, with its mandate', fr: 'Planifier une opération ou une mission, avec son mandat' },
    fields: [req('operation', id), ...operationDefinition(req), ...councilDecision],
  },
  {
    cmd: 'LaunchOperation', procedure: 'operations', basis: 'crisis management, Council decision by consensus', actors: bodies('NAC'),
    summary: { en: 'Launch an operation or mission (a planned one, or a new one with its definition)', fr: 'Lancer une opération ou une mission (planifiée, ou nouvelle avec sa définition)' },
    fields: [req('operation', id), ...operationDefinition(opt), ...councilDecision],
  },
  {
    cmd: 'EndOperation', procedure: 'operations', basis: 'crisis management, Council decision by consensus', actors: bodies('NAC'),
    summary: { en: 'End an operation or mission', fr: 'Mettre fin à une opération ou une mission' },
    fields: [req('operation', id), opt('successor', id), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS }), ...councilDecision],
  },
  {
    cmd: 'JoinOperation', procedure: 'operations', basis: 'contributions of Allies and partners', actors: STATE,
    summary: { en: 'Start contributing to an active operation (an Ally or a partner)', fr: 'Commencer à contribuer à une opération en cours (Allié ou partenaire)' },
    fields: [req('operation', id), req('contributor', state), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'LeaveOperation', procedure: 'operations', basis: 'contributions of Allies and partners', actors: STATE,
    summary: { en: 'Stop contributing to an operation', fr: 'Cesser de contribuer à une opération' },
    fields: [req('operation', id), req('contributor', state), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  // ---- partnerships ----
  {
    cmd: 'EstablishFramework', procedure: 'partnerships', basis: 'cooperative security, partnerships', actors: bodies('NAC'),
    summary: { en: 'Establish a partnership framework', fr: 'Établir un cadre de partenariat' },
    fields: [req('framework', id), req('name', { kind: 'title' }), opt('region', text)],
  },
  {
    cmd: 'JoinFramework', procedure: 'partnerships', basis: 'cooperative security, partnerships', actors: STATE,
    summary: { en: 'Join a partnership framework (a partner, not an Ally)', fr: 'Adhérer à un cadre de partenariat (un partenaire, non un Allié)' },
    fields: [req('framework', id), req('partner', state), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'LeaveFramework', procedure: 'partnerships', basis: 'cooperative security, partnerships', actors: STATE,
    summary: { en: 'Leave a partnership framework', fr: 'Quitter un cadre de partenariat' },
    fields: [req('framework', id), req('partner', state), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'SuspendPartner', procedure: 'partnerships', basis: 'cooperative security, partnerships', actors: bodies('NAC'),
    summary: { en: 'Suspend a partner’s cooperation in a framework', fr: 'Suspendre la coopération d’un partenaire dans un cadre' },
    fields: [req('framework', id), req('partner', state), opt('reason', text)],
  },
  {
    cmd: 'ResumePartner', procedure: 'partnerships', basis: 'cooperative security, partnerships', actors: bodies('NAC'),
    summary: { en: 'Resume a suspended partner’s cooperation', fr: 'Reprendre la coopération d’un partenaire suspendu' },
    fields: [req('framework', id), req('partner', state)],
  },
  {
    cmd: 'AgreeTailoredProgramme', procedure: 'partnerships', basis: 'cooperative security, partnerships', actors: bodies('NAC'),
    summary: { en: 'Agree a tailored partnership programme with a partner', fr: 'Convenir d’un programme de partenariat adapté avec un partenaire' },
    fields: [req('programme', id), req('framework', id), req('partner', state), req('kind', { kind: 'enum', values: PROGRAMME_KINDS }), opt('title', text)],
  },
  // ---- the DCB trust fund ----
  {
    cmd: 'LaunchDcbPackage', procedure: 'fund', basis: 'cooperative security, DCB', actors: bodies('NAC'),
    summary: { en: 'Launch a DCB package for a partner', fr: 'Lancer un programme DCB pour un partenaire' },
    fields: [req('package', id), req('partner', partner), req('areas', { kind: 'enums', values: DCB_AREAS }), opt('title', text)],
  },
  {
    cmd: 'PledgeToFund', procedure: 'fund', basis: 'cooperative security, DCB trust fund', actors: STATE,
    summary: { en: 'Pledge money to the DCB trust fund (an Ally; not yet received)', fr: 'S’engager à verser des fonds au fonds DCB (un Allié\u00a0; non encore reçus)' },
    fields: [req('pledge', id), req('ally', state), req('amount', amount), req('currency', currency), opt('package', id), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'ContributeToFund', procedure: 'fund', basis: 'cooperative security, DCB trust fund', actors: STATE,
    summary: { en: 'Contribute money to the DCB trust fund (an Ally; received)', fr: 'Verser des fonds au fonds DCB (un Allié\u00a0; reçus)' },
    fields: [req('contribution', id), req('ally', state), req('amount', amount), req('currency', currency), opt('package', id), opt('pledge', id), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'AllocateToProject', procedure: 'fund', basis: 'cooperative security, DCB trust fund', actors: bodies('DCB'),
    summary: { en: 'Allocate received money to a project of a package', fr: 'Allouer des fonds reçus à un projet d’un programme' },
    fields: [req('project', id), req('package', id), req('area', { kind: 'enum', values: DCB_AREAS }), req('amount', amount), req('currency', currency), opt('title', text)],
  },
  {
    cmd: 'RecordExpenditure', procedure: 'fund', basis: 'cooperative security, DCB trust fund', actors: bodies('DCB'),
    summary: { en: 'Record money spent on a project', fr: 'Enregistrer une dépense d’un projet' },
    fields: [req('project', id), req('amount', amount), req('currency', currency)],
  },
  // ---- exercises ----
  {
    cmd: 'HoldExercise', procedure: 'exercises', basis: 'deterrence and defence, exercises', actors: bodies('SHAPE', 'NAC'),
    summary: { en: 'Record a military exercise', fr: 'Enregistrer un exercice militaire' },
    fields: [
      req('exercise', id),
      req('name', text),
      req('endDate', date),
      req('lead', text),
      req('coreTask', coreTask),
      opt('participants', states),
      opt('hostNations', states),
      opt('themes', { kind: 'enums', values: RESILIENCE_THEMES }),
      opt('domains', { kind: 'enums', values: EXERCISE_DOMAINS }),
      opt('personnel', { kind: 'positive_integer' }),
    ],
  },
  // ---- NATO-EU ----
  {
    cmd: 'JoinEuropeanUnion', procedure: 'eu', basis: 'TEU Art. 49', actors: STATE,
    summary: { en: 'Become a member of the European Union (European Communities before 1993)', fr: 'Devenir membre de l’Union européenne (Communautés européennes avant 1993)' },
    fields: [req('state', state)],
  },
  {
    cmd: 'NotifyEuWithdrawal', procedure: 'eu', basis: 'TEU Art. 50', actors: STATE,
    summary: { en: 'Notify the intention to withdraw from the European Union', fr: 'Notifier l’intention de se retirer de l’Union européenne' },
    fields: [req('state', state)],
  },
  {
    cmd: 'LeaveEuropeanUnion', procedure: 'eu', basis: 'TEU Art. 50', actors: STATE,
    summary: { en: 'Leave the European Union', fr: 'Quitter l’Union européenne' },
    fields: [req('state', state)],
  },
  {
    cmd: 'SignNatoEuDeclaration', procedure: 'eu', basis: 'NATO-EU cooperation', actors: bodies('SG', 'NAC'),
    summary: { en: 'Sign a NATO-EU joint declaration', fr: 'Signer une déclaration conjointe OTAN-UE' },
    fields: [req('declaration', id), req('title', text), req('areas', { kind: 'enums', values: COOPERATION_AREAS, nonEmpty: true }), opt('place', text)],
  },
  // ---- arms control ----
  {
    cmd: 'RegisterArmsControlInstrument', procedure: 'arms-control', basis: 'arms control, disarmament and non-proliferation', actors: bodies('SG'),
    summary: { en: 'Enter an arms-control instrument in the register (at: opened for signature or adopted)', fr: 'Inscrire un instrument de maîtrise des armements au registre (at\u00a0: ouverture à la signature ou adoption)' },
    fields: [
      req('instrument', id),
      req('name', text),
      req('kind', { kind: 'enum', values: INSTRUMENT_KINDS }),
      req('field', { kind: 'enum', values: ARMS_CONTROL_FIELDS }),
      opt('depositary', text),
    ],
  },
  {
    cmd: 'ArmsControlInstrumentEntersIntoForce', procedure: 'arms-control', basis: 'arms control, disarmament and non-proliferation', actors: bodies('SG'),
    summary: { en: 'Record an arms-control treaty’s entry into force', fr: 'Constater l’entrée en vigueur d’un traité de maîtrise des armements' },
    fields: [req('instrument', id)],
  },
  {
    cmd: 'ArmsControlInstrumentTerminates', procedure: 'arms-control', basis: 'arms control, disarmament and non-proliferation', actors: bodies('SG'),
    summary: { en: 'Record that an arms-control treaty ceased to be in force', fr: 'Constater qu’un traité de maîtrise des armements a cessé d’être en vigueur' },
    fields: [req('instrument', id), opt('reason', text)],
  },
  {
    cmd: 'RecordArmsControlStatus', procedure: 'arms-control', basis: 'arms control, disarmament and non-proliferation', actors: STATE,
    summary: { en: 'Record a state’s status in an instrument: signed, party, suspended, withdrawn', fr: 'Enregistrer le statut d’un État dans un instrument\u00a0: signataire, partie, suspendu, retiré' },
    fields: [req('instrument', id), req('state', state), req('status', { kind: 'enum', values: ARMS_CONTROL_STATUSES }), opt('dateIs', { kind: 'enum', values: DATE_PRECISIONS })],
  },
  {
    cmd: 'EstablishArmsControlCommittee', procedure: 'arms-control', basis: 'arms control, disarmament and non-proliferation', actors: bodies('NAC'),
    summary: { en: 'Establish an Alliance body for arms control (e.g. the High-Level Task Force)', fr: 'Créer un organe de l’Alliance pour la maîtrise des armements (p. ex. le Groupe de haut niveau)' },
    fields: [req('committee', id), req('name', text), opt('mandate', text)],
  },
  // ---- human security ----
  {
    cmd: 'TagHumanSecurity', procedure: 'human-security', basis: 'human security; WPS (UNSCR 1325)', actors: bodies('SG', 'NAC'),
    summary: { en: 'Record the human-security pillars an activity addresses and whether a gender analysis was done', fr: 'Enregistrer les piliers de la sécurité humaine qu’une activité traite et si une analyse de genre a été faite' },
    fields: [
      req('activity', { kind: 'enum', values: ACTIVITY_KINDS }),
      req('id', id),
      req('pillars', { kind: 'enums', values: HUMAN_SECURITY_PILLARS }),
      opt('genderAnalysis', { kind: 'boolean' }),
    ],
  },
] as const satisfies readonly CommandSpec[];

export type CommandName = (typeof COMMAND_SPECS)[number]['cmd'];

export const commandSpecs: readonly CommandSpec[] = COMMAND_SPECS;

const BY_NAME: ReadonlyMap<string, CommandSpec> = new Map(commandSpecs.map((s) => [s.cmd, s]));

export function commandSpec(cmd: string): CommandSpec | undefined {
  return BY_NAME.get(cmd);
}

/** The actor rule as a list for messages: bodies, then "Ally" and/or "state". */
export function allowedActors(rule: ActorRule): string[] {
  return [...rule.bodies, ...(rule.ally ? ['Ally'] : []), ...(rule.state ? ['state'] : [])];
}
