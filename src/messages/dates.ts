/**
 * Long dates in the interface language, at UTC (a date is a calendar day): "4 April 2023",
 * "4 avril 2023", and "1er janvier 2024" — French writes the first day of a month as an ordinal
 * (Office québécois de la langue française, Banque de dépannage linguistique, "Écriture des
 * dates": https://vitrinelinguistique.oqlf.gouv.qc.ca/22386/la-typographie/nombres/ecriture-des-dates).
 */
import type { Lang } from './message.js';

const ISO = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

export function isIsoDate(value: string): boolean {
  return ISO.test(value);
}

/**
 * The month names of the two languages. Written out rather than asked of Intl.DateTimeFormat: the
 * first Intl date format a page makes costs a locale load (tens of milliseconds on a slow phone,
 * on the path of the web app's first render), and these two calendars do not change
 * (./dates.test.ts checks the output against Intl's en-GB and fr-FR for every day of two years).
 */
const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

export function longDate(lang: Lang, iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = d.getUTCDate();
  return `${lang === 'fr' && day === 1 ? '1er' : day} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
