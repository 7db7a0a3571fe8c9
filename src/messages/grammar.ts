/**
 * Grammatical forms of a state's or body's name, built from country-names.ts. A message argument
 * whose value is such a code (or a list of them) is offered to the templates as:
 *
 *   {x_name}   Belgique / Belgium                    the bare name (lists, labels)
 *   {x_the}    la Belgique / the Netherlands          with its article (subject, object, "pour …")
 *   {x_The}    La Belgique / The Netherlands          the same at the start of a sentence
 *   {x_of}     de la Hongrie, du Canada / of Hungary  possession ("le siège de …")
 *   {x_to}     à la Belgique, au Canada / to Belgium  indirect object ("attribué à …")
 *   {x_in}     en France, au Portugal, aux Pays-Bas, à Chypre / in France   place
 *   {x_from}   de France, d’Albanie, du Canada / from France                origin
 *   {x_gender} f | m (French), n (English): for {x_gender, select, f {…} other {…}}
 *   {x_number} one | other: for agreement with a list or a plural name
 *
 * A code not in the table keeps itself as its name, with the plain prepositions.
 */
import { GRAMMATICAL_NAMES, type FrenchName } from './country-names.js';
import type { Lang } from './message.js';

export const FORMS = ['name', 'the', 'The', 'of', 'to', 'in', 'from'] as const;
export type Form = (typeof FORMS)[number];

export interface NameForms {
  readonly name: string;
  readonly the: string;
  readonly The: string;
  readonly of: string;
  readonly to: string;
  readonly in: string;
  readonly from: string;
  readonly gender: 'f' | 'm' | 'n';
  readonly number: 'one' | 'other';
}

export function isNamed(code: string): boolean {
  return Object.hasOwn(GRAMMATICAL_NAMES, code);
}

function french(n: FrenchName): Omit<NameForms, 'The'> {
  const { name } = n;
  const elide = (word: 'de' | 'le'): string => (n.vowel ? `${word[0]}’${name}` : `${word} ${name}`);
  const number = n.plural ? 'other' : 'one';
  if (n.noArticle) {
    return { name, the: name, of: elide('de'), to: `à ${name}`, in: n.in ?? `à ${name}`, from: elide('de'), gender: n.gender, number };
  }
  if (n.plural) {
    return { name, the: `les ${name}`, of: `des ${name}`, to: `aux ${name}`, in: n.in ?? `aux ${name}`, from: `des ${name}`, gender: n.gender, number };
  }
  const article = n.vowel ? `l’${name}` : n.gender === 'f' ? `la ${name}` : `le ${name}`;
  const feminineOrVowel = n.gender === 'f' || n.vowel;
  return {
    name,
    the: article,
    of: `de ${article}`.replace(/^de le /, 'du '),
    to: `à ${article}`.replace(/^à le /, 'au '),
    in: n.in ?? (feminineOrVowel ? `en ${name}` : `au ${name}`),
    from: feminineOrVowel ? elide('de') : `du ${name}`,
    gender: n.gender,
    number,
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The forms of one code's name in a language. */
export function nameForms(code: string, lang: Lang): NameForms {
  const forms = baseForms(code, lang);
  return { ...forms, The: capitalise(forms.the) };
}

function baseForms(code: string, lang: Lang): Omit<NameForms, 'The'> {
  const entry = GRAMMATICAL_NAMES[code];
  if (!entry) {
    return lang === 'fr'
      ? { name: code, the: code, of: `de ${code}`, to: `à ${code}`, in: `à ${code}`, from: `de ${code}`, gender: 'm', number: 'one' }
      : { name: code, the: code, of: `of ${code}`, to: `to ${code}`, in: `in ${code}`, from: `from ${code}`, gender: 'n', number: 'one' };
  }
  if (lang === 'fr') return french(entry.fr);
  const { name } = entry.en;
  const the = entry.en.the ? `the ${name}` : name;
  return { name, the, of: `of ${the}`, to: `to ${the}`, in: `in ${the}`, from: `from ${the}`, gender: 'n', number: 'one' };
}

const lists = new Map<Lang, Intl.ListFormat>();
function joinList(lang: Lang, items: readonly string[]): string {
  let format = lists.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { type: 'conjunction' });
    lists.set(lang, format);
  }
  return format.format(items);
}

/**
 * The arguments `{key_name}`, `{key_the}`, … for a code or a list of codes (a list: each in its
 * form, joined "la Hongrie et la Pologne"; gender feminine only if every name is).
 */
export function nameArguments(key: string, value: string | readonly string[], lang: Lang): Record<string, string> {
  const codes = typeof value === 'string' ? [value] : value;
  const forms = codes.map((c) => nameForms(c, lang));
  const out: Record<string, string> = {};
  for (const form of FORMS) out[`${key}_${form}`] = form === 'name' ? forms.map((x) => x.name).join(', ') : joinList(lang, forms.map((x) => x[form === 'The' ? 'the' : form]));
  out[`${key}_The`] = capitalise(out[`${key}_the`]!);
  out[`${key}_gender`] = forms.length && forms.every((x) => x.gender === 'f') ? 'f' : lang === 'fr' ? 'm' : 'n';
  out[`${key}_number`] = forms.length === 1 ? forms[0]!.number : 'other';
  return out;
}
