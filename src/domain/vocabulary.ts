/**
 * Fixed vocabularies shared by the Alliance's work (operations, exercises, the DCB fund, NATO-EU
 * cooperation, human security), declared once as data with English and French labels. Codes are
 * stable: they appear in the record and in the indexes, and a label may change but a code never.
 *
 * Sources: the 2022 Strategic Concept (core tasks); the seed's "Deterrence and defence" paragraph
 * (resilience themes); NATO's human security approach and the 2024 WPS policy, footnote 4 (five
 * pillars); NATO's WPS policy (three principles: integration, inclusiveness, integrity).
 */
import type { Message } from '../messages/index.js';

/** The three core tasks of the 2022 Strategic Concept; every activity serves one of them. */
export const CORE_TASKS = ['deterrence_and_defence', 'crisis_prevention_and_management', 'cooperative_security'] as const;
export type CoreTask = (typeof CORE_TASKS)[number];

export const CORE_TASK_NAMES: Readonly<Record<CoreTask, Message>> = {
  deterrence_and_defence: { en: 'Deterrence and defence', fr: 'Dissuasion et défense' },
  crisis_prevention_and_management: { en: 'Crisis prevention and management', fr: 'Prévention et gestion des crises' },
  cooperative_security: { en: 'Cooperative security', fr: 'Sécurité coopérative' },
};

/** Resilience against these threats is part of deterrence and defence (seed). */
export const RESILIENCE_THEMES = ['cyber', 'cbrn', 'terrorism', 'pandemics', 'natural_disasters', 'military_mobility'] as const;
export type ResilienceTheme = (typeof RESILIENCE_THEMES)[number];

export const RESILIENCE_THEME_NAMES: Readonly<Record<ResilienceTheme, Message>> = {
  cyber: { en: 'Cyber attacks', fr: 'Cyberattaques' },
  cbrn: { en: 'Chemical, biological, radiological and nuclear incidents', fr: 'Incidents chimiques, biologiques, radiologiques et nucléaires' },
  terrorism: { en: 'Terrorism', fr: 'Terrorisme' },
  pandemics: { en: 'Pandemics', fr: 'Pandémies' },
  natural_disasters: { en: 'Natural disasters', fr: 'Catastrophes naturelles' },
  military_mobility: { en: 'Military mobility', fr: 'Mobilité militaire' },
};

/** The five pillars of NATO's human security approach (seed, "Human Security"). */
export const HUMAN_SECURITY_PILLARS = [
  'human_trafficking',
  'children_armed_conflict',
  'conflict_related_sexual_violence',
  'protection_of_civilians',
  'cultural_property',
] as const;
export type HumanSecurityPillar = (typeof HUMAN_SECURITY_PILLARS)[number];

export const HUMAN_SECURITY_PILLAR_NAMES: Readonly<Record<HumanSecurityPillar, Message>> = {
  human_trafficking: { en: 'Combating trafficking in human beings', fr: 'Lutte contre la traite des êtres humains' },
  children_armed_conflict: { en: 'Children and armed conflict', fr: 'Enfants et conflits armés' },
  conflict_related_sexual_violence: {
    en: 'Preventing and responding to conflict-related sexual violence',
    fr: 'Prévention des violences sexuelles liées aux conflits et réponse à celles-ci',
  },
  protection_of_civilians: { en: 'Protection of civilians', fr: 'Protection des civils' },
  cultural_property: { en: 'Cultural property protection', fr: 'Protection des biens culturels' },
};

/** Women, Peace and Security (UNSCR 1325): NATO's three guiding principles. */
export const WPS_PRINCIPLES = ['integration', 'inclusiveness', 'integrity'] as const;
export type WpsPrinciple = (typeof WPS_PRINCIPLES)[number];

export const WPS_PRINCIPLE_NAMES: Readonly<Record<WpsPrinciple, Message>> = {
  integration: { en: 'Integration: a gender perspective in all activities', fr: 'Intégration\u00a0: une perspective de genre dans toutes les activités' },
  inclusiveness: { en: 'Inclusiveness: gender balance', fr: 'Inclusivité\u00a0: équilibre entre les femmes et les hommes' },
  integrity: { en: 'Integrity: accountability', fr: 'Intégrité\u00a0: responsabilité' },
};

/** The label of a code in one of the vocabularies above; an unknown code is returned as given. */
export function labelOf(names: Readonly<Record<string, Message>>, code: string, lang: 'en' | 'fr' = 'en'): string {
  return names[code]?.[lang] ?? code;
}

/** Offices other than the Secretary General's (src/domain/strategy/types.ts, OFFICES). */
export const OFFICE_NAMES: Readonly<Record<string, Message>> = {
  deputy_secretary_general: { en: 'Deputy Secretary General', fr: 'Secrétaire général délégué' },
  acting_secretary_general: { en: 'Acting Secretary General', fr: 'Secrétaire général par intérim' },
  saceur: { en: 'Supreme Allied Commander Europe (SACEUR)', fr: 'Commandant suprême des forces alliées en Europe (SACEUR)' },
  saclant: { en: 'Supreme Allied Commander Atlantic (SACLANT)', fr: 'Commandant suprême allié de l’Atlantique (SACLANT)' },
  acting_saclant: { en: 'Acting Supreme Allied Commander Atlantic', fr: 'Commandant suprême allié de l’Atlantique par intérim' },
  sact: { en: 'Supreme Allied Commander Transformation (SACT)', fr: 'Commandant suprême allié Transformation (SACT)' },
  wps_special_representative: {
    en: 'Secretary General’s Special Representative for Women, Peace and Security',
    fr: 'Représentant(e) spécial(e) du Secrétaire général pour les femmes, la paix et la sécurité',
  },
};

/** Kinds of Alliance policy the record follows (src/domain/strategy/types.ts, POLICY_KINDS). */
export const POLICY_KIND_NAMES: Readonly<Record<string, Message>> = {
  wps_policy: { en: 'Women, Peace and Security policy', fr: 'Politique sur les femmes, la paix et la sécurité' },
  wps_action_plan: { en: 'Women, Peace and Security action plan', fr: 'Plan d’action sur les femmes, la paix et la sécurité' },
  human_security_approach: { en: 'Human Security Approach', fr: 'Approche de la sécurité humaine' },
};

/** Bodies whose seat the record follows (src/domain/strategy/types.ts, SEAT_BODIES). */
export const SEAT_BODY_NAMES: Readonly<Record<string, Message>> = {
  nato_headquarters: { en: 'NATO Headquarters', fr: 'Siège de l’OTAN' },
  shape: { en: 'Supreme Headquarters Allied Powers Europe (SHAPE)', fr: 'Grand quartier général des puissances alliées en Europe (SHAPE)' },
};
