/**
 * Every command declared as data (STYLE habit 2): who may give it, what it does in English and
 * French, and its data fields. parseCommand validates from these declarations, the world checks the
 * actor from them, and the CLI and the web app list available actions from them without knowing
 * any procedure.
 */
import type { Message } from './messages.js';
import { PROCEDURES } from './council/types.js';
import { DATE_PRECISIONS, RATIFICATION_STAGES } from './membership/types.js';
import type { Body } from './states.js';

export type FieldType =
  /** A non-empty string. */
  | { readonly kind: 'text' }
  /** An identifier: letters, digits and `-_.:/`, starting with a letter or digit. */
  | { readonly kind: 'id' }
  /** A state code, normalised to ISO alpha-3. */
  | { readonly kind: 'state' }
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
  | { readonly kind: 'boolean' }
  /** A list of non-empty strings (possibly empty). */
  | { readonly kind: 'texts' };

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

export type ProcedureName = 'membership' | 'council' | 'consultation' | 'collective-defence' | 'strategy';

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
const time = { kind: 'time' } as const;
const date = { kind: 'date' } as const;
const texts = { kind: 'texts' } as const;

const req = (name: string, type: FieldType): FieldSpec => ({ name, type, required: true });
const opt = (name: string, type: FieldType): FieldSpec => ({ name, type, required: false });

const bodies = (...list: Body[]): ActorRule => ({ bodies: list, ally: false, state: false });
const ALLY: ActorRule = { bodies: [], ally: true, state: false };
const STATE: ActorRule = { bodies: [], ally: false, state: true };

const proposal = req('proposal', id);

export const COMMAND_SPECS = [
  // ---- membership ----
  {
    cmd: 'SignTreaty', procedure: 'membership', basis: 'Art. 11', actors: bodies('PARTIES'),
    summary: { en: 'Sign the North Atlantic Treaty', fr: 'Signer le Traité de l’Atlantique Nord' },
    fields: [req('signatories', states)],
  },
  {
    cmd: 'TreatyEntersIntoForce', procedure: 'membership', basis: 'Art. 11', actors: bodies('DEPOSITARY'),
    summary: { en: 'Record the Treaty’s entry into force; the parties become Allies', fr: 'Constater l’entrée en vigueur du Traité ; les parties deviennent Alliés' },
    fields: [req('parties', states)],
  },
  {
    cmd: 'ApplyForMembership', procedure: 'membership', basis: 'Art. 10', actors: STATE,
    summary: { en: 'Apply for membership', fr: 'Demander l’adhésion' },
    fields: [req('state', state)],
  },
  {
    cmd: 'InviteToAccede', procedure: 'membership', basis: 'Art. 10', actors: bodies('NAC'),
    summary: { en: 'Invite European states to accede', fr: 'Inviter des États européens à adhérer' },
    fields: [req('invitees', states), opt('occasion', text)],
  },
  {
    cmd: 'SignAccessionProtocol', procedure: 'membership', basis: 'Art. 10', actors: bodies('NAC'),
    summary: { en: 'Sign an accession protocol; the current Allies must ratify it', fr: 'Signer un protocole d’adhésion ; les Alliés actuels doivent le ratifier' },
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
    summary: { en: 'Deposit the instrument of accession; Ally from that date', fr: 'Déposer l’instrument d’adhésion ; Allié à cette date' },
    fields: [req('state', state), req('protocol', id)],
  },
  {
    cmd: 'NotifyDenunciation', procedure: 'membership', basis: 'Art. 13', actors: ALLY,
    summary: { en: 'Give notice of denunciation; cease to be a Party one year later', fr: 'Notifier la dénonciation ; cesser d’être Partie un an après' },
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
    ],
  },
  {
    cmd: 'AgreeProposal', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Agree to a proposal, possibly ad referendum', fr: 'Donner son accord à une proposition, le cas échéant ad referendum' },
    fields: [proposal, opt('adReferendum', { kind: 'boolean' })],
  },
  {
    cmd: 'ObjectToProposal', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Object to a proposal (blocks consensus)', fr: 'S’opposer à une proposition (bloque le consensus)' },
    fields: [proposal, opt('reason', text)],
  },
  {
    cmd: 'LiftObjection', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Lift one’s objection', fr: 'Lever son objection' },
    fields: [proposal],
  },
  {
    cmd: 'BreakSilence', procedure: 'council', basis: 'Art. 9, silence procedure', actors: ALLY,
    summary: { en: 'Break silence before the deadline', fr: 'Rompre le silence avant l’échéance' },
    fields: [proposal, opt('reason', text)],
  },
  {
    cmd: 'AttachFootnote', procedure: 'council', basis: 'Art. 9, consensus', actors: ALLY,
    summary: { en: 'Attach a national footnote (does not block)', fr: 'Ajouter une note de bas de page nationale (ne bloque pas)' },
    fields: [proposal, req('text', text)],
  },
  {
    cmd: 'ReviseProposal', procedure: 'council', basis: 'Art. 9', actors: bodies('SG'),
    summary: { en: 'Revise a proposal; it returns to discussion', fr: 'Réviser une proposition ; elle retourne en discussion' },
    fields: [proposal, opt('title', { kind: 'title' })],
  },
  {
    cmd: 'PlaceUnderSilence', procedure: 'council', basis: 'Art. 9, silence procedure', actors: bodies('SG'),
    summary: { en: 'Place a proposal under silence until a deadline', fr: 'Soumettre une proposition à la procédure d’approbation tacite jusqu’à une échéance' },
    fields: [proposal, req('deadline', time)],
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
