/**
 * Names of the states and bodies that messages speak of, with what each language needs to put an
 * article or a preposition before them (grammar.ts builds the forms: la Belgique, de la Hongrie,
 * du Canada, aux États-Unis, à Chypre, en France, au Portugal, l’Albanie, d’Albanie; the
 * Netherlands, of the United States).
 *
 * Sources:
 * - French gender, number and article of each state's short name: Commission d’enrichissement de
 *   la langue française, "Recommandation concernant les noms d’États, d’habitants, de capitales,
 *   de sièges diplomatiques ou consulaires", Journal officiel of 24 September 2008 and 21 April
 *   2019, https://www.diplomatie.gouv.fr/IMG/pdf/denomination_pays_habitants_2019_cle0e391e.pdf
 *   (a name listed without article, such as Chypre, Malte, Israël, Bahreïn, takes none).
 * - French prepositions of place (en before a feminine name or a vowel or mute h, au before a
 *   masculine name beginning with a consonant or aspirated h, aux before a plural, à before a name
 *   without article): Office québécois de la langue française, Banque de dépannage linguistique,
 *   https://vitrinelinguistique.oqlf.gouv.qc.ca/23897/la-syntaxe/les-prepositions/preposition-devant-un-nom/les-prepositions-devant-un-nom-de-pays
 *   ("en Israël" is the usage the same page and the JO list give for that name).
 * - English "the" before a short name (the Netherlands, the United Kingdom, the United States,
 *   the United Arab Emirates, the Republic of …): Interinstitutional Style Guide, section 7.1
 *   and its list of countries, https://style-guide.europa.eu/en/content/-/isg/topic?identifier=7.1-countries
 * - Names themselves are NATO usage, as in src/domain/states.ts (a test keeps the two equal).
 *
 * Keys are ISO 3166-1 alpha-3 codes, or the codes of bodies (src/domain/states.ts BODIES) and of
 * the International Staff's seat (IS).
 */

export interface FrenchName {
  readonly name: string;
  readonly gender: 'f' | 'm';
  /** A plural name: les Pays-Bas, aux États-Unis. */
  readonly plural?: true;
  /** The name takes no article (Chypre, Malte, Israël, Bahreïn): à Chypre, de Chypre. */
  readonly noArticle?: true;
  /** Begins with a vowel sound or a mute h: l’Albanie, d’Albanie, en Afghanistan. */
  readonly vowel?: true;
  /** The preposition of place where usage departs from the rule (en Israël). */
  readonly in?: string;
}

export interface EnglishName {
  readonly name: string;
  /** Takes "the": the Netherlands, the United States. */
  readonly the?: true;
}

export interface GrammaticalName {
  readonly en: EnglishName;
  readonly fr: FrenchName;
}

const f = (name: string, extra: Omit<FrenchName, 'name' | 'gender'> = {}): FrenchName => ({ name, gender: 'f', ...extra });
const m = (name: string, extra: Omit<FrenchName, 'name' | 'gender'> = {}): FrenchName => ({ name, gender: 'm', ...extra });
const V = { vowel: true } as const;

export const GRAMMATICAL_NAMES: Readonly<Record<string, GrammaticalName>> = {
  // The Allies.
  ALB: { en: { name: 'Albania' }, fr: f('Albanie', V) },
  BEL: { en: { name: 'Belgium' }, fr: f('Belgique') },
  BGR: { en: { name: 'Bulgaria' }, fr: f('Bulgarie') },
  CAN: { en: { name: 'Canada' }, fr: m('Canada') },
  HRV: { en: { name: 'Croatia' }, fr: f('Croatie') },
  CZE: { en: { name: 'Czechia' }, fr: f('Tchéquie') },
  DNK: { en: { name: 'Denmark' }, fr: m('Danemark') },
  EST: { en: { name: 'Estonia' }, fr: f('Estonie', V) },
  FIN: { en: { name: 'Finland' }, fr: f('Finlande') },
  FRA: { en: { name: 'France' }, fr: f('France') },
  DEU: { en: { name: 'Germany' }, fr: f('Allemagne', V) },
  GRC: { en: { name: 'Greece' }, fr: f('Grèce') },
  // Aspirated h: la Hongrie, de la Hongrie (no elision), en Hongrie.
  HUN: { en: { name: 'Hungary' }, fr: f('Hongrie') },
  ISL: { en: { name: 'Iceland' }, fr: f('Islande', V) },
  ITA: { en: { name: 'Italy' }, fr: f('Italie', V) },
  LVA: { en: { name: 'Latvia' }, fr: f('Lettonie') },
  LTU: { en: { name: 'Lithuania' }, fr: f('Lituanie') },
  LUX: { en: { name: 'Luxembourg' }, fr: m('Luxembourg') },
  MNE: { en: { name: 'Montenegro' }, fr: m('Monténégro') },
  NLD: { en: { name: 'Netherlands', the: true }, fr: m('Pays-Bas', { plural: true }) },
  MKD: { en: { name: 'North Macedonia' }, fr: f('Macédoine du Nord') },
  NOR: { en: { name: 'Norway' }, fr: f('Norvège') },
  POL: { en: { name: 'Poland' }, fr: f('Pologne') },
  PRT: { en: { name: 'Portugal' }, fr: m('Portugal') },
  ROU: { en: { name: 'Romania' }, fr: f('Roumanie') },
  SVK: { en: { name: 'Slovakia' }, fr: f('Slovaquie') },
  SVN: { en: { name: 'Slovenia' }, fr: f('Slovénie') },
  ESP: { en: { name: 'Spain' }, fr: f('Espagne', V) },
  SWE: { en: { name: 'Sweden' }, fr: f('Suède') },
  // NATO's French pages write "la Türkiye" since June 2022.
  TUR: { en: { name: 'Türkiye' }, fr: f('Türkiye') },
  GBR: { en: { name: 'United Kingdom', the: true }, fr: m('Royaume-Uni') },
  USA: { en: { name: 'United States', the: true }, fr: m('États-Unis', { plural: true, vowel: true }) },
  // Aspirants.
  BIH: { en: { name: 'Bosnia and Herzegovina' }, fr: f('Bosnie-Herzégovine') },
  GEO: { en: { name: 'Georgia' }, fr: f('Géorgie') },
  UKR: { en: { name: 'Ukraine' }, fr: f('Ukraine', V) },
  // Other European states.
  RUS: { en: { name: 'Russia' }, fr: f('Russie') },
  BLR: { en: { name: 'Belarus' }, fr: m('Bélarus') },
  MDA: { en: { name: 'Republic of Moldova', the: true }, fr: f('République de Moldova') },
  SRB: { en: { name: 'Serbia' }, fr: f('Serbie') },
  AUT: { en: { name: 'Austria' }, fr: f('Autriche', V) },
  IRL: { en: { name: 'Ireland' }, fr: f('Irlande', V) },
  CHE: { en: { name: 'Switzerland' }, fr: f('Suisse') },
  MLT: { en: { name: 'Malta' }, fr: f('Malte', { noArticle: true }) },
  CYP: { en: { name: 'Cyprus' }, fr: f('Chypre', { noArticle: true }) },
  ARM: { en: { name: 'Armenia' }, fr: f('Arménie', V) },
  AZE: { en: { name: 'Azerbaijan' }, fr: m('Azerbaïdjan', V) },
  // Partners elsewhere.
  KAZ: { en: { name: 'Kazakhstan' }, fr: m('Kazakhstan') },
  KGZ: { en: { name: 'Kyrgyzstan' }, fr: m('Kirghizistan') },
  TJK: { en: { name: 'Tajikistan' }, fr: m('Tadjikistan') },
  TKM: { en: { name: 'Turkmenistan' }, fr: m('Turkménistan') },
  UZB: { en: { name: 'Uzbekistan' }, fr: m('Ouzbékistan', V) },
  DZA: { en: { name: 'Algeria' }, fr: f('Algérie', V) },
  EGY: { en: { name: 'Egypt' }, fr: f('Égypte', V) },
  ISR: { en: { name: 'Israel' }, fr: m('Israël', { noArticle: true, vowel: true, in: 'en Israël' }) },
  JOR: { en: { name: 'Jordan' }, fr: f('Jordanie') },
  MRT: { en: { name: 'Mauritania' }, fr: f('Mauritanie') },
  MAR: { en: { name: 'Morocco' }, fr: m('Maroc') },
  TUN: { en: { name: 'Tunisia' }, fr: f('Tunisie') },
  BHR: { en: { name: 'Bahrain' }, fr: m('Bahreïn', { noArticle: true }) },
  KWT: { en: { name: 'Kuwait' }, fr: m('Koweït') },
  QAT: { en: { name: 'Qatar' }, fr: m('Qatar') },
  ARE: { en: { name: 'United Arab Emirates', the: true }, fr: m('Émirats arabes unis', { plural: true, vowel: true }) },
  AUS: { en: { name: 'Australia' }, fr: f('Australie', V) },
  JPN: { en: { name: 'Japan' }, fr: m('Japon') },
  KOR: { en: { name: 'Republic of Korea', the: true }, fr: f('République de Corée') },
  NZL: { en: { name: 'New Zealand' }, fr: f('Nouvelle-Zélande') },
  MNG: { en: { name: 'Mongolia' }, fr: f('Mongolie') },
  COL: { en: { name: 'Colombia' }, fr: f('Colombie') },
  PAK: { en: { name: 'Pakistan' }, fr: m('Pakistan') },
  AFG: { en: { name: 'Afghanistan' }, fr: m('Afghanistan', V) },
  IRQ: { en: { name: 'Iraq' }, fr: m('Iraq', V) },
  LBY: { en: { name: 'Libya' }, fr: f('Libye') },
  // Bodies that act, and the International Staff's seat in exercises (short names, as the web
  // app shows them).
  NAC: { en: { name: 'North Atlantic Council', the: true }, fr: m('Conseil de l’Atlantique Nord') },
  SG: { en: { name: 'Secretary General', the: true }, fr: m('Secrétaire général') },
  DEPOSITARY: { en: { name: 'Depositary', the: true }, fr: m('Dépositaire') },
  PARTIES: { en: { name: 'Parties to the Treaty', the: true }, fr: f('Parties au Traité', { plural: true }) },
  DCB: { en: { name: 'DCB fund management' }, fr: f('gestion du fonds DCB') },
  SHAPE: { en: { name: 'SHAPE' }, fr: m('SHAPE') },
  IS: { en: { name: 'International Staff', the: true }, fr: m('Secrétariat international') },
};
