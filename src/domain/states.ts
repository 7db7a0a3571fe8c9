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
  /**
   * A state that no longer exists (ISO 3166-3): its four-letter former-country code, the last day
   * it existed and the states that succeeded it. Its alpha-3 (SUN, YUG…) is the key, as in sources.
   */
  readonly former?: { readonly iso3166_3: string; readonly until: string; readonly successors: readonly Iso3[] };
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

type FormerRow = readonly [iso3: string, iso2: string, numeric: string, digram: string | undefined, en: string, fr: string,
  iso3166_3: string, until: string, successors: readonly string[]];

/**
 * States that no longer exist, under their ISO 3166-3 codes, so that the record never names a
 * successor for what its predecessor did (the Soviet Union signed the INF Treaty, not Russia).
 * `until` is the last day of the state: the USSR was dissolved on 26 December 1991; the SFRY's
 * successor, the Federal Republic of Yugoslavia, was proclaimed on 27 April 1992; Czechoslovakia
 * ended on 31 December 1992; the GDR acceded to the Federal Republic on 3 October 1990; Montenegro
 * declared its independence from Serbia and Montenegro on 3 June 2006. Digrams: FIPS 10-4 (none is
 * given for Czechoslovakia, whose FIPS `CZ` is Czechia's ISO alpha-2).
 */
const FORMER_ROWS: readonly FormerRow[] = [
  ['SUN', 'SU', '810', 'UR', 'Soviet Union', 'Union soviétique', 'SUHH', '1991-12-25',
    ['ARM', 'AZE', 'BLR', 'EST', 'GEO', 'KAZ', 'KGZ', 'LVA', 'LTU', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB']],
  ['YUG', 'YU', '890', 'YO', 'Socialist Federal Republic of Yugoslavia', 'République fédérative socialiste de Yougoslavie', 'YUCS',
    '1992-04-26', ['BIH', 'HRV', 'MKD', 'SCG', 'SVN']],
  ['SCG', 'CS', '891', 'YI', 'Serbia and Montenegro', 'Serbie-et-Monténégro', 'CSXX', '2006-06-02', ['MNE', 'SRB']],
  ['CSK', 'CS', '200', undefined, 'Czechoslovakia', 'Tchécoslovaquie', 'CSHH', '1992-12-31', ['CZE', 'SVK']],
  ['DDR', 'DD', '278', 'GC', 'German Democratic Republic', 'République démocratique allemande', 'DDDE', '1990-10-02', ['DEU']],
];

const NORTH_AMERICA = new Set(['CAN', 'USA']);

export const STATES: readonly StateInfo[] = [
  ...ROWS.map(([iso3, iso2, numeric, digram, en, fr, european]) => ({
    iso3,
    iso2,
    numeric,
    digram,
    name: { en, fr },
    european,
    inTreatyArea: european || NORTH_AMERICA.has(iso3),
  })),
  ...FORMER_ROWS.map(([iso3, iso2, numeric, digram, en, fr, iso3166_3, until, successors]) => ({
    iso3,
    iso2,
    numeric,
    ...(digram === undefined ? {} : { digram }),
    name: { en, fr },
    european: true,
    inTreatyArea: true,
    former: { iso3166_3, until, successors },
  })),
];

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
 * ISO alpha-2 codes of states outside the table that are also the legacy digram of a state in it:
 * `GM` is Germany's digram but the Gambia's ISO code. Such an input is refused as ambiguous.
 */
const ISO2_OUTSIDE_TABLE: Readonly<Record<string, { readonly en: string; readonly fr: string }>> = {
  GM: { en: 'Gambia', fr: 'Gambie' },
  SZ: { en: 'Eswatini', fr: 'Eswatini' },
  BO: { en: 'Bolivia', fr: 'Bolivie' },
  AS: { en: 'American Samoa', fr: 'Samoa américaines' },
  MG: { en: 'Madagascar', fr: 'Madagascar' },
  AG: { en: 'Antigua and Barbuda', fr: 'Antigua-et-Barbuda' },
  MO: { en: 'Macao', fr: 'Macao' },
  GG: { en: 'Guernsey', fr: 'Guernesey' },
};

/** One way to read a code: as which state, under which coding system. */
export interface CodeReading {
  readonly system: 'iso3' | 'iso2' | 'alias' | 'digram';
  /** The state's alpha-3 code, or undefined for an ISO alpha-2 state that is not in the table. */
  readonly iso3?: Iso3;
  readonly name: { readonly en: string; readonly fr: string };
}

export type StateCodeResolution =
  | { readonly kind: 'state'; readonly iso3: Iso3 }
  | { readonly kind: 'ambiguous'; readonly readings: readonly CodeReading[] }
  | { readonly kind: 'unknown' };

/**
 * Every reading of every accepted code. Alpha-3 codes and aliases are one state each. A two-letter
 * code is read as ISO 3166-1 alpha-2 and as a legacy NATO/FIPS digram; when those readings name
 * different states (RS: Serbia in ISO, Russia as a digram; AU: Australia / Austria; IS: Iceland /
 * Israel; BA: Bosnia and Herzegovina / Bahrain; CS: Czechoslovakia / Serbia and Montenegro, both
 * former ISO codes) the code is ambiguous and refused with every reading named, everywhere codes
 * are read (record lines, CLI, API).
 */
const READINGS: ReadonlyMap<string, readonly CodeReading[]> = (() => {
  const map = new Map<string, CodeReading[]>();
  const add = (code: string, reading: CodeReading): void => {
    const list = map.get(code) ?? [];
    if (!list.some((r) => r.iso3 === reading.iso3 && r.name.en === reading.name.en)) list.push(reading);
    map.set(code, list);
  };
  for (const s of STATES) add(s.iso3, { system: 'iso3', iso3: s.iso3, name: s.name });
  for (const [alias, iso3] of Object.entries(ALIASES)) add(alias, { system: 'alias', iso3, name: BY_ISO3.get(iso3)!.name });
  for (const s of STATES) add(s.iso2, { system: 'iso2', iso3: s.iso3, name: s.name });
  for (const [iso2, name] of Object.entries(ISO2_OUTSIDE_TABLE)) add(iso2, { system: 'iso2', name });
  for (const s of STATES) if (s.digram !== undefined) add(s.digram, { system: 'digram', iso3: s.iso3, name: s.name });
  return map;
})();

/** How a code reads: one state, several (ambiguous, with each reading), or none. */
export function resolveStateCode(input: string): StateCodeResolution {
  const readings = READINGS.get(input.trim().toUpperCase());
  if (!readings?.length) return { kind: 'unknown' };
  // An alpha-3 code or an alias is never ambiguous: it names one state whatever else it could be.
  const exact = readings.find((r) => r.system === 'iso3' || r.system === 'alias');
  if (exact?.iso3 !== undefined) return { kind: 'state', iso3: exact.iso3 };
  const states = new Set(readings.map((r) => r.iso3 ?? r.name.en));
  if (states.size > 1) return { kind: 'ambiguous', readings };
  const only = readings[0]!;
  return only.iso3 === undefined ? { kind: 'unknown' } : { kind: 'state', iso3: only.iso3 };
}

/** The alpha-3 code for any accepted spelling (case and surrounding spaces ignored); undefined if unknown or ambiguous. */
export function normaliseStateCode(input: string): Iso3 | undefined {
  const r = resolveStateCode(input);
  return r.kind === 'state' ? r.iso3 : undefined;
}

/**
 * The readings of an ambiguous code as text the same in English and French, by code and coding
 * system: "SRB (ISO 3166-1 alpha-2), RUS (NATO/FIPS 10-4)"; a state outside the table by its name.
 */
export function describeReadings(readings: readonly CodeReading[]): string {
  const system: Record<CodeReading['system'], string> = {
    iso3: 'ISO 3166-1 alpha-3', iso2: 'ISO 3166-1 alpha-2', alias: 'alias', digram: 'NATO/FIPS 10-4',
  };
  return readings.map((r) => `${r.iso3 ?? r.name.en} (${system[r.system]})`).join(', ');
}

/** True for a state that no longer exists (ISO 3166-3) on `at`, a date or instant. */
export function isFormerStateAt(iso3: Iso3, at: string): boolean {
  const until = BY_ISO3.get(iso3)?.former?.until;
  return until !== undefined && at.slice(0, 10) > until;
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

/**
 * International organisations that are partners in their own right: the DCB Initiative counts the
 * United Nations among its partners (its package for UN peacekeeping training). Their codes are
 * no state's code in any coding system the record reads (resolveStateCode knows none of them).
 */
export const ORGANISATIONS = ['UN'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];

export const ORGANISATION_NAMES: Readonly<Record<Organisation, { readonly en: string; readonly fr: string }>> = {
  UN: { en: 'United Nations', fr: 'Organisation des Nations Unies' },
};

export function isOrganisation(code: string): code is Organisation {
  return (ORGANISATIONS as readonly string[]).includes(code);
}

/** A partner's names: a state's, or an organisation's; undefined for an unknown code. */
export function partnerNames(code: string): { readonly en: string; readonly fr: string } | undefined {
  return isOrganisation(code) ? ORGANISATION_NAMES[code] : BY_ISO3.get(code)?.name;
}

/** Name of a state or a body, for display. */
export function actorName(code: string, lang: Lang = 'en'): string {
  return isBody(code) ? BODY_NAMES[code][lang] : stateName(code, lang);
}
