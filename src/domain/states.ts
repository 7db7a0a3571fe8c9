/**
 * Reference table of the states the rules engine knows, and of the bodies that act in the record.
 *
 * Keys are ISO 3166-1 alpha-3 codes, which since STANAG 1059 ed. 8 are also NATO's trigraphs.
 * Names follow current NATO usage (Türkiye, Czechia, North Macedonia) in English and French.
 * Which states are Allies is not stated here: that follows from the record (membership/).
 *
 * `european` answers Art. 10's "any other European State" as the Alliance has applied it
 * (members of the Council of Europe, including the South Caucasus and Cyprus); `inTreatyArea`
 * answers Art. 6 (territory in Europe or North America, Türkiye, North Atlantic islands north of
 * the Tropic of Cancer) at the level of the whole state — a simple flag, not a geography.
 */
import type { Lang } from '../messages/index.js';

export type Iso3 = string;

export interface StateInfo {
  /** ISO 3166-1 alpha-3 = STANAG 1059 trigraph; the key everywhere. */
  readonly iso3: Iso3;
  readonly iso2: string;
  /** ISO 3166-1 numeric, three digits, as map data (world-atlas) keys countries. */
  readonly numeric: string;
  /** Legacy STANAG 1059 (ed. ≤ 7) / FIPS 10-4 digram, accepted as an input alias only. */
  readonly digram?: string;
  readonly name: { readonly en: string; readonly fr: string };
  readonly european: boolean;
  readonly inTreatyArea: boolean;
}

type Row = readonly [iso3: string, iso2: string, numeric: string, digram: string, en: string, fr: string, european: boolean];

// The 32 Allies (CONVENTIONS §1.3), then candidates, other European states and partners.
const ROWS: readonly Row[] = [
  ['ALB', 'AL', '008', 'AL', 'Albania', 'Albanie', true],
  ['BEL', 'BE', '056', 'BE', 'Belgium', 'Belgique', true],
  ['BGR', 'BG', '100', 'BU', 'Bulgaria', 'Bulgarie', true],
  ['CAN', 'CA', '124', 'CA', 'Canada', 'Canada', false],
  ['HRV', 'HR', '191', 'HR', 'Croatia', 'Croatie', true],
  ['CZE', 'CZ', '203', 'EZ', 'Czechia', 'Tchéquie', true],
  ['DNK', 'DK', '208', 'DA', 'Denmark', 'Danemark', true],
  ['EST', 'EE', '233', 'EN', 'Estonia', 'Estonie', true],
  ['FIN', 'FI', '246', 'FI', 'Finland', 'Finlande', true],
  ['FRA', 'FR', '250', 'FR', 'France', 'France', true],
  ['DEU', 'DE', '276', 'GM', 'Germany', 'Allemagne', true],
  ['GRC', 'GR', '300', 'GR', 'Greece', 'Grèce', true],
  ['HUN', 'HU', '348', 'HU', 'Hungary', 'Hongrie', true],
  ['ISL', 'IS', '352', 'IC', 'Iceland', 'Islande', true],
  ['ITA', 'IT', '380', 'IT', 'Italy', 'Italie', true],
  ['LVA', 'LV', '428', 'LG', 'Latvia', 'Lettonie', true],
  ['LTU', 'LT', '440', 'LH', 'Lithuania', 'Lituanie', true],
  ['LUX', 'LU', '442', 'LU', 'Luxembourg', 'Luxembourg', true],
  ['MNE', 'ME', '499', 'MJ', 'Montenegro', 'Monténégro', true],
  ['NLD', 'NL', '528', 'NL', 'Netherlands', 'Pays-Bas', true],
  ['MKD', 'MK', '807', 'MK', 'North Macedonia', 'Macédoine du Nord', true],
  ['NOR', 'NO', '578', 'NO', 'Norway', 'Norvège', true],
  ['POL', 'PL', '616', 'PL', 'Poland', 'Pologne', true],
  ['PRT', 'PT', '620', 'PO', 'Portugal', 'Portugal', true],
  ['ROU', 'RO', '642', 'RO', 'Romania', 'Roumanie', true],
  ['SVK', 'SK', '703', 'LO', 'Slovakia', 'Slovaquie', true],
  ['SVN', 'SI', '705', 'SI', 'Slovenia', 'Slovénie', true],
  ['ESP', 'ES', '724', 'SP', 'Spain', 'Espagne', true],
  ['SWE', 'SE', '752', 'SW', 'Sweden', 'Suède', true],
  ['TUR', 'TR', '792', 'TU', 'Türkiye', 'Türkiye', true],
  ['GBR', 'GB', '826', 'UK', 'United Kingdom', 'Royaume-Uni', true],
  ['USA', 'US', '840', 'US', 'United States', 'États-Unis', false],
  // Aspirants named in the seed.
  ['BIH', 'BA', '070', 'BK', 'Bosnia and Herzegovina', 'Bosnie-Herzégovine', true],
  ['GEO', 'GE', '268', 'GG', 'Georgia', 'Géorgie', true],
  ['UKR', 'UA', '804', 'UP', 'Ukraine', 'Ukraine', true],
  // Other European states.
  ['RUS', 'RU', '643', 'RS', 'Russia', 'Russie', true],
  ['BLR', 'BY', '112', 'BO', 'Belarus', 'Bélarus', true],
  ['MDA', 'MD', '498', 'MD', 'Republic of Moldova', 'République de Moldova', true],
  ['SRB', 'RS', '688', 'RI', 'Serbia', 'Serbie', true],
  ['AUT', 'AT', '040', 'AU', 'Austria', 'Autriche', true],
  ['IRL', 'IE', '372', 'EI', 'Ireland', 'Irlande', true],
  ['CHE', 'CH', '756', 'SZ', 'Switzerland', 'Suisse', true],
  ['MLT', 'MT', '470', 'MT', 'Malta', 'Malte', true],
  ['CYP', 'CY', '196', 'CY', 'Cyprus', 'Chypre', true],
  ['ARM', 'AM', '051', 'AM', 'Armenia', 'Arménie', true],
  ['AZE', 'AZ', '031', 'AJ', 'Azerbaijan', 'Azerbaïdjan', true],
  // Partners elsewhere: Central Asia, Mediterranean Dialogue, Istanbul Cooperation Initiative,
  // partners across the globe, and states of operations and DCB programmes.
  ['KAZ', 'KZ', '398', 'KZ', 'Kazakhstan', 'Kazakhstan', false],
  ['KGZ', 'KG', '417', 'KG', 'Kyrgyzstan', 'Kirghizistan', false],
  ['TJK', 'TJ', '762', 'TI', 'Tajikistan', 'Tadjikistan', false],
  ['TKM', 'TM', '795', 'TX', 'Turkmenistan', 'Turkménistan', false],
  ['UZB', 'UZ', '860', 'UZ', 'Uzbekistan', 'Ouzbékistan', false],
  ['DZA', 'DZ', '012', 'AG', 'Algeria', 'Algérie', false],
  ['EGY', 'EG', '818', 'EG', 'Egypt', 'Égypte', false],
  ['ISR', 'IL', '376', 'IS', 'Israel', 'Israël', false],
  ['JOR', 'JO', '400', 'JO', 'Jordan', 'Jordanie', false],
  ['MRT', 'MR', '478', 'MR', 'Mauritania', 'Mauritanie', false],
  ['MAR', 'MA', '504', 'MO', 'Morocco', 'Maroc', false],
  ['TUN', 'TN', '788', 'TS', 'Tunisia', 'Tunisie', false],
  ['BHR', 'BH', '048', 'BA', 'Bahrain', 'Bahreïn', false],
  ['KWT', 'KW', '414', 'KU', 'Kuwait', 'Koweït', false],
  ['QAT', 'QA', '634', 'QA', 'Qatar', 'Qatar', false],
  ['ARE', 'AE', '784', 'AE', 'United Arab Emirates', 'Émirats arabes unis', false],
  ['AUS', 'AU', '036', 'AS', 'Australia', 'Australie', false],
  ['JPN', 'JP', '392', 'JA', 'Japan', 'Japon', false],
  ['KOR', 'KR', '410', 'KS', 'Republic of Korea', 'République de Corée', false],
  ['NZL', 'NZ', '554', 'NZ', 'New Zealand', 'Nouvelle-Zélande', false],
  ['MNG', 'MN', '496', 'MG', 'Mongolia', 'Mongolie', false],
  ['COL', 'CO', '170', 'CO', 'Colombia', 'Colombie', false],
  ['PAK', 'PK', '586', 'PK', 'Pakistan', 'Pakistan', false],
  ['AFG', 'AF', '004', 'AF', 'Afghanistan', 'Afghanistan', false],
  ['IRQ', 'IQ', '368', 'IZ', 'Iraq', 'Iraq', false],
  ['LBY', 'LY', '434', 'LY', 'Libya', 'Libye', false],
];

const NORTH_AMERICA = new Set(['CAN', 'USA']);

export const STATES: readonly StateInfo[] = ROWS.map(([iso3, iso2, numeric, digram, en, fr, european]) => ({
  iso3,
  iso2,
  numeric,
  digram,
  name: { en, fr },
  european,
  inTreatyArea: european || NORTH_AMERICA.has(iso3),
}));

const BY_ISO3 = new Map(STATES.map((s) => [s.iso3, s]));

/**
 * Older and informal codes met in sources: NATO's pre-2019 code for North Macedonia, the
 * withdrawn ISO code for Romania, EU and IOC codes, common abbreviations.
 */
const ALIASES: Readonly<Record<string, Iso3>> = {
  GER: 'DEU', FRG: 'DEU', BRD: 'DEU',
  UK: 'GBR',
  POR: 'PRT',
  FYR: 'MKD', FY: 'MKD', FYROM: 'MKD',
  EL: 'GRC', GRE: 'GRC',
  ROM: 'ROU',
  NED: 'NLD', HOL: 'NLD',
  DEN: 'DNK',
  CRO: 'HRV',
  BUL: 'BGR',
  LAT: 'LVA',
  SLO: 'SVN',
  SUI: 'CHE',
};

/**
 * Lookup order, first match wins: alpha-3, alpha-2, the aliases above, legacy digrams. A legacy
 * digram that is also the ISO alpha-2 of another state in the table resolves to the ISO meaning
 * (RS is Serbia, not Russia; AU Australia, not Austria; IS Iceland, not Israel; BA Bosnia and
 * Herzegovina, not Bahrain).
 */
const LOOKUP: ReadonlyMap<string, Iso3> = (() => {
  const map = new Map<string, Iso3>();
  const add = (code: string, iso3: Iso3): void => {
    if (!map.has(code)) map.set(code, iso3);
  };
  for (const s of STATES) add(s.iso3, s.iso3);
  for (const s of STATES) add(s.iso2, s.iso3);
  for (const [alias, iso3] of Object.entries(ALIASES)) add(alias, iso3);
  for (const s of STATES) if (s.digram !== undefined) add(s.digram, s.iso3);
  return map;
})();

/** The alpha-3 code for any accepted spelling (case and surrounding spaces ignored), else undefined. */
export function normaliseStateCode(input: string): Iso3 | undefined {
  return LOOKUP.get(input.trim().toUpperCase());
}

export function stateInfo(iso3: Iso3): StateInfo | undefined {
  return BY_ISO3.get(iso3);
}

export function isKnownState(iso3: string): boolean {
  return BY_ISO3.has(iso3);
}

/** The state's name in NATO usage; an unknown code is returned as given. */
export function stateName(iso3: Iso3, lang: Lang = 'en'): string {
  return BY_ISO3.get(iso3)?.name[lang] ?? iso3;
}

/** Names joined for messages, in NATO protocol order (English alphabetical) whatever the language. */
export function stateNames(codes: readonly Iso3[], lang: Lang = 'en'): string {
  return [...codes]
    .sort((a, b) => stateName(a, 'en').localeCompare(stateName(b, 'en'), 'en'))
    .map((c) => stateName(c, lang))
    .join(', ');
}

/**
 * Bodies that act in the record besides states. `DCB` is the management of the DCB trust fund,
 * which allocates received money to projects and records spending; `SHAPE` records the exercises
 * Allied Command Operations conducts.
 */
export const BODIES = ['NAC', 'SG', 'DEPOSITARY', 'PARTIES', 'DCB', 'SHAPE'] as const;
export type Body = (typeof BODIES)[number];

export const BODY_NAMES: Readonly<Record<Body, { readonly en: string; readonly fr: string }>> = {
  NAC: { en: 'North Atlantic Council', fr: "Conseil de l'Atlantique Nord" },
  SG: { en: 'Secretary General', fr: 'Secrétaire général' },
  DEPOSITARY: { en: 'Depositary (Government of the United States)', fr: 'Dépositaire (Gouvernement des États-Unis)' },
  PARTIES: { en: 'Parties to the Treaty', fr: 'Parties au Traité' },
  DCB: {
    en: 'Management of the Defence and Related Security Capacity Building (DCB) trust fund',
    fr: 'Gestion du fonds d’affectation spéciale pour le renforcement des capacités de défense et de sécurité (DCB)',
  },
  SHAPE: {
    en: 'Supreme Headquarters Allied Powers Europe (Allied Command Operations)',
    fr: 'Grand Quartier général des puissances alliées en Europe (Commandement allié Opérations)',
  },
};

export function isBody(code: string): code is Body {
  return (BODIES as readonly string[]).includes(code);
}

/** Name of a state or a body, for display. */
export function actorName(code: string, lang: Lang = 'en'): string {
  return isBody(code) ? BODY_NAMES[code][lang] : stateName(code, lang);
}
