/**
 * Names of the coverage areas and measures (`evere coverage`, GET …/coverage, the web app's notes
 * on what the record holds), in English and French. A measure with nothing recorded is shown as "not recorded", never as 0.
 */
import type { Message } from './message.js';

/** complete | partial | not_recorded (src/app/work-queries.ts). */
type CoverageStatus = 'complete' | 'partial' | 'not_recorded';

export const COVERAGE_STATUS_NAMES: Readonly<Record<CoverageStatus, Message>> = {
  complete: { en: 'complete', fr: 'complet' },
  partial: { en: 'partial', fr: 'partiel' },
  not_recorded: { en: 'not recorded', fr: 'non enregistré' },
};

export const NOT_RECORDED: Message = { en: 'not recorded', fr: 'non enregistré' };
export const NOT_MODELLED: Message = { en: 'not recorded (not yet modelled)', fr: 'non enregistré (pas encore modélisé)' };

export const COVERAGE_AREA_NAMES: Readonly<Record<string, Message>> = {
  ratification: { en: 'Ratification of accession protocols', fr: 'Ratification des protocoles d’accession' },
  partnerships: { en: 'Partnerships', fr: 'Partenariats' },
  offices: { en: 'Offices', fr: 'Fonctions' },
  places: { en: 'Places', fr: 'Sièges' },
  strategy: { en: 'Strategy and summits', fr: 'Stratégie et sommets' },
  wps_human_security: { en: 'Women, Peace and Security; human security', fr: 'Femmes, paix et sécurité\u00a0; sécurité humaine' },
  dcb: { en: 'DCB trust fund', fr: 'Fonds d’affectation spéciale DCB' },
  operations: { en: 'Operations and missions', fr: 'Opérations et missions' },
  arms_control: { en: 'Arms control', fr: 'Maîtrise des armements' },
  article5: { en: 'Article 5', fr: 'Article 5' },
  article4: { en: 'Article 4', fr: 'Article 4' },
};

export const COVERAGE_MEASURE_NAMES: Readonly<Record<string, Message>> = {
  'ratification.pairs': { en: '(Ally, protocol) pairs required', fr: 'couples (Allié, protocole) requis' },
  'ratification.deposits_exact': { en: 'deposits with an exact date', fr: 'dépôts à date exacte' },
  'ratification.deposits_bounded': { en: 'deposits known only by a bound', fr: 'dépôts connus par une borne seulement' },
  'ratification.parliament_approvals': { en: 'parliamentary approvals with an exact date', fr: 'approbations parlementaires à date exacte' },
  'ratification.parliament_approvals_bounded': { en: 'parliamentary approvals known only by a bound', fr: 'approbations parlementaires connues par une borne seulement' },
  'ratification.instruments_signed': { en: 'instruments signed (where a step of its own)', fr: 'instruments signés (quand c’est une étape distincte)' },
  'partners.PFP': { en: 'Partnership for Peace partners (ever)', fr: 'partenaires du Partenariat pour la paix (depuis 1994)' },
  'partners.MD': { en: 'Mediterranean Dialogue partners', fr: 'partenaires du Dialogue méditerranéen' },
  'partners.ICI': { en: 'Istanbul Cooperation Initiative partners', fr: 'partenaires de l’Initiative de coopération d’Istanbul' },
  'partners.PATG': { en: 'partners across the globe', fr: 'partenaires dans le monde' },
  'partners.suspensions': { en: 'suspensions of cooperation', fr: 'suspensions de la coopération' },
  'partners.EOP': { en: 'Enhanced Opportunities Partners', fr: 'partenaires nouvelles opportunités' },
  'offices.secretaries_general': { en: 'Secretaries General', fr: 'secrétaires généraux' },
  'offices.acting_secretaries_general': { en: 'acting Secretaries General', fr: 'secrétaires généraux par intérim' },
  'offices.deputy_secretaries_general': { en: 'Deputy Secretaries General', fr: 'secrétaires généraux délégués' },
  'offices.saceur': { en: 'Supreme Allied Commanders Europe', fr: 'commandants suprêmes des forces alliées en Europe' },
  'offices.saclant': { en: 'Supreme Allied Commanders Atlantic', fr: 'commandants suprêmes alliés de l’Atlantique' },
  'offices.sact': { en: 'Supreme Allied Commanders Transformation', fr: 'commandants suprêmes alliés Transformation' },
  'offices.wps_special_representative': { en: 'Special Representatives for Women, Peace and Security', fr: 'représentants spéciaux pour les femmes, la paix et la sécurité' },
  'places.nato_headquarters': { en: 'NATO Headquarters seats', fr: 'emplacements successifs du siège de l’OTAN' },
  'places.shape': { en: 'SHAPE seats', fr: 'emplacements successifs du SHAPE' },
  'strategy.strategic_concepts': { en: 'Strategic Concepts', fr: 'concepts stratégiques' },
  'strategy.summits': { en: 'summits', fr: 'sommets' },
  'human_security.tags': { en: 'human-security tags', fr: 'qualifications de sécurité humaine' },
  'wps.policies': { en: 'WPS policies and action plans', fr: 'politiques et plans d’action FPS' },
  'human_security.approach': { en: 'Human Security Approach', fr: 'approche de la sécurité humaine' },
  'dcb.packages': { en: 'packages', fr: 'programmes' },
  'dcb.pledges': { en: 'pledges', fr: 'promesses de contribution' },
  'dcb.contributions_received': { en: 'contributions received', fr: 'contributions reçues' },
  'operations.operations': { en: 'operations and missions', fr: 'opérations et missions' },
  'operations.with_contributors': { en: 'with contributors recorded', fr: 'avec contributeurs enregistrés' },
  'arms_control.instruments': { en: 'instruments', fr: 'instruments' },
  'arms_control.parties.INF': { en: 'INF Treaty: States Parties (now or before)', fr: 'traité FNI\u00a0: États parties (actuels ou anciens)' },
  'arms_control.parties.CFE': { en: 'CFE Treaty: States Parties (now or before)', fr: 'traité FCE\u00a0: États parties (actuels ou anciens)' },
  'arms_control.parties.OPEN-SKIES': { en: 'Open Skies: States Parties (now or before)', fr: 'Ciel ouvert\u00a0: États parties (actuels ou anciens)' },
  'arms_control.parties.NEW-START': { en: 'New START: States Parties (now or before)', fr: 'New START\u00a0: États parties (actuels ou anciens)' },
  'article5.determinations': { en: 'determinations', fr: 'constatations' },
  'article5.measures_agreed': { en: 'measures agreed together by the Council (its first day of measures)', fr: 'mesures convenues ensemble par le Conseil (son premier jour de mesures)' },
  'article5.conditional_invocation': { en: 'conditional invocations (Art. 5 invoked if a condition is met)', fr: 'invocations conditionnelles (article 5 invoqué si une condition est remplie)' },
  'article4.requests': { en: 'requests', fr: 'demandes' },
  'article4.meetings_dated': { en: 'meetings dated apart from the request', fr: 'réunions datées à part de la demande' },
};
