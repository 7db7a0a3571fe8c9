/**
 * NATO-EU cooperation: membership of the European Union (and, before it, of the European
 * Communities) over time, so that the members the two organisations share can be computed at any
 * date; the joint declarations and the areas of cooperation they name.
 */
import type { RecordCommand, WorldEventOf } from '../command.js';
import type { Message } from '../../messages/index.js';
import type { Iso3 } from '../states.js';

/** Areas of NATO-EU cooperation: those of the seed, then those the joint declarations added. */
export const COOPERATION_AREAS = [
  'crisis_management',
  'capability_development',
  'political_consultation',
  'hybrid_threats',
  'counter_terrorism',
  'exercises',
  'operations',
  'capacity_building',
  'cyber_defence',
  'maritime_security',
  'defence_industry_and_research',
  'military_mobility',
  'resilience',
  'emerging_technologies',
  'space',
  'climate_and_security',
  'information_manipulation',
] as const;
export type CooperationArea = (typeof COOPERATION_AREAS)[number];

export const COOPERATION_AREA_NAMES: Readonly<Record<CooperationArea, Message>> = {
  crisis_management: { en: 'Crisis management', fr: 'Gestion des crises' },
  capability_development: { en: 'Capability development', fr: 'Développement des capacités' },
  political_consultation: { en: 'Political consultation', fr: 'Consultation politique' },
  hybrid_threats: { en: 'Countering hybrid threats', fr: 'Lutte contre les menaces hybrides' },
  counter_terrorism: { en: 'Counter-terrorism', fr: 'Lutte contre le terrorisme' },
  exercises: { en: 'Exercises', fr: 'Exercices' },
  operations: { en: 'Operational cooperation', fr: 'Coopération opérationnelle' },
  capacity_building: { en: 'Capacity building of partners', fr: 'Renforcement des capacités des partenaires' },
  cyber_defence: { en: 'Cyber security and defence', fr: 'Cybersécurité et cyberdéfense' },
  maritime_security: { en: 'Maritime security', fr: 'Sûreté maritime' },
  defence_industry_and_research: { en: 'Defence industry and research', fr: 'Industrie et recherche de défense' },
  military_mobility: { en: 'Military mobility', fr: 'Mobilité militaire' },
  resilience: { en: 'Resilience and critical infrastructure', fr: 'Résilience et infrastructures critiques' },
  emerging_technologies: { en: 'Emerging and disruptive technologies', fr: 'Technologies émergentes et de rupture' },
  space: { en: 'Space', fr: 'Espace' },
  climate_and_security: { en: 'Climate change and security', fr: 'Changement climatique et sécurité' },
  information_manipulation: { en: 'Foreign information manipulation and interference', fr: 'Manipulation de l’information et ingérence étrangères' },
};

// ---- commands (docs/record-format.md, "NATO-EU") ----

export type JoinEuropeanUnion = RecordCommand<'JoinEuropeanUnion', { readonly state: Iso3 }>;
/** Art. 50 TEU: a member notifies its intention to withdraw. */
export type NotifyEuWithdrawal = RecordCommand<'NotifyEuWithdrawal', { readonly state: Iso3 }>;
export type LeaveEuropeanUnion = RecordCommand<'LeaveEuropeanUnion', { readonly state: Iso3 }>;
export type SignNatoEuDeclaration = RecordCommand<
  'SignNatoEuDeclaration',
  { readonly declaration: string; readonly title: string; readonly areas: readonly CooperationArea[]; readonly place?: string }
>;

export type EuCommand = JoinEuropeanUnion | NotifyEuWithdrawal | LeaveEuropeanUnion | SignNatoEuDeclaration;

// ---- events ----

export type EuJoined = WorldEventOf<'EuJoined', { state: Iso3 }>;
export type EuWithdrawalNotified = WorldEventOf<'EuWithdrawalNotified', { state: Iso3 }>;
export type EuLeft = WorldEventOf<'EuLeft', { state: Iso3 }>;
export type NatoEuDeclarationSigned = WorldEventOf<
  'NatoEuDeclarationSigned',
  { declaration: string; title: string; areas: readonly CooperationArea[]; place?: string }
>;

export type EuEvent = EuJoined | EuWithdrawalNotified | EuLeft | NatoEuDeclarationSigned;

// ---- state ----

export type EuMembership =
  | { readonly status: 'member'; readonly from: string; readonly notifiedAt?: string }
  | { readonly status: 'left'; readonly from: string; readonly notifiedAt: string; readonly until: string };

export interface Declaration {
  readonly id: string;
  readonly title: string;
  readonly areas: readonly CooperationArea[];
  readonly place?: string;
  readonly signedAt: string;
}

export interface EuState {
  /** State → periods of membership, oldest first. */
  readonly members: Readonly<Record<Iso3, readonly EuMembership[]>>;
  readonly declarations: Readonly<Record<string, Declaration>>;
}
