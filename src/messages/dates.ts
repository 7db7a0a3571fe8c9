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

const formats = new Map<Lang, Intl.DateTimeFormat>();

export function longDate(lang: Lang, iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  let format = formats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formats.set(lang, format);
  }
  return format
    .formatToParts(d)
    .map((part) => (lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}
