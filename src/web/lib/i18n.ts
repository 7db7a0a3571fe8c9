/**
 * Language of the interface: the URL's first segment (/en/…, /fr/…). Strings come from the one
 * catalogue (src/messages, ICU MessageFormat: a state or body code given as a param offers its
 * grammatical forms, `{party_the}` "la Belgique"); dates and numbers through Intl; military
 * date-time groups as DDHHMMZ MON YY (ACP 121), always in English capitals.
 */
import { createContext, useContext } from 'react';
import { VOCABULARY, templateOf, type MessageKey, type VocabularyName } from './messages.js';
import { formatTemplate } from '../../messages/format.js';
import { longDate as catalogueLongDate } from '../../messages/dates.js';
import type { StateInfo } from '../../domain/states.js';

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];
export const otherLang = (lang: Lang): Lang => (lang === 'en' ? 'fr' : 'en');

export type Params = Readonly<Record<string, string | number | readonly string[]>>;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return formatTemplate(templateOf(key, lang), params, lang);
}

/** A code of one of the engine's vocabularies, labelled; an unknown code is shown as given. */
export function vocabulary(lang: Lang, name: VocabularyName, code: string): string {
  const table = VOCABULARY[name] as Readonly<Record<string, { en: string; fr: string }>>;
  return table[code]?.[lang] ?? code.replace(/_/g, ' ');
}

const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/** `2023-04-04` → `4 April 2023` / `4 avril 2023`, `1er janvier 2024` (UTC: a date is a calendar day). */
export const longDate = (lang: Lang, iso: string | undefined): string => catalogueLongDate(lang, iso);

const numberFormats = new Map<Lang, Intl.NumberFormat>();
/** en-GB groups thousands with a comma, fr-FR with a narrow no-break space (./i18n.test.ts). */
const GROUP: Readonly<Record<Lang, string>> = { en: ',', fr: '\u202f' };

/**
 * A number in the language. Integers, all the pages' figures, are grouped here: the first Intl
 * number format a page makes costs a locale load (tens of milliseconds on a slow phone, on the
 * path of the first render); other numbers go through one Intl format a language.
 */
export function number(lang: Lang, n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, GROUP[lang]);
    return n < 0 ? `-${digits}` : digits;
  }
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang));
    numberFormats.set(lang, format);
  }
  return format.format(n);
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Date-time group in Zulu time: `271530Z NOV 26`. */
export function dtg(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}Z ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCFullYear() % 100)}`;
}

/** The same instant in Brussels local time, for Council deadlines. */
export function brussels(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Brussels',
  }).format(d);
}

/** Money in minor units of an ISO 4217 currency (never converted between currencies). */
export function money(lang: Lang, minor: number, currency: string): string {
  const digits = ['ISK', 'JPY', 'KRW'].includes(currency) ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale(lang), { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(minor / 10 ** digits);
  } catch {
    return `${number(lang, minor / 10 ** digits)} ${currency}`;
  }
}

/** Money in a compact form for chart axes: `€1.5M`, `1,5 M€`. */
export function moneyCompact(lang: Lang, minor: number, currency: string): string {
  const digits = ['ISK', 'JPY', 'KRW'].includes(currency) ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale(lang), { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(minor / 10 ** digits);
  } catch {
    return `${number(lang, minor / 10 ** digits)} ${currency}`;
  }
}

/** A state's name in the interface language; the code itself if unknown. */
/** A state's name, or a partner organisation's (the United Nations as a DCB partner). */
export function stateName(lang: Lang, states: ReadonlyMap<string, StateInfo> | undefined, code: string): string {
  const organisation = (VOCABULARY.organisation as Readonly<Record<string, { en: string; fr: string }>>)[code];
  return states?.get(code)?.name[lang] ?? organisation?.[lang] ?? code;
}

/** A state or a body (the Council, the Secretary General, …) that acts. */
export function actorName(lang: Lang, states: ReadonlyMap<string, StateInfo> | undefined, code: string): string {
  const body = (VOCABULARY.body as Readonly<Record<string, { en: string; fr: string }>>)[code];
  return body ? body[lang] : stateName(lang, states, code);
}

/** Names in NATO protocol order (English alphabetical), whatever the language. */
export function stateNames(lang: Lang, states: ReadonlyMap<string, StateInfo> | undefined, codes: readonly string[]): string {
  return [...codes]
    .sort((a, b) => stateName('en', states, a).localeCompare(stateName('en', states, b), 'en'))
    .map((c) => stateName(lang, states, c))
    .join(', ');
}

export interface I18n {
  readonly lang: Lang;
  t(key: MessageKey, params?: Params): string;
  v(name: VocabularyName, code: string): string;
  date(iso: string | undefined): string;
  num(n: number): string;
}

export function makeI18n(lang: Lang): I18n {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    v: (name, code) => vocabulary(lang, name, code),
    date: (iso) => longDate(lang, iso),
    num: (n) => number(lang, n),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));
export const useI18n = (): I18n => useContext(I18nContext);
