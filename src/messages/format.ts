/**
 * Fills an ICU MessageFormat template (through intl-messageformat) in a language. Each template
 * is compiled once per language and kept. Beside the arguments given, the template may use:
 * - for an argument that is a state or body code, or a list of them: its grammatical forms
 *   (`{by_the}`, `{party_of}`, `{ally_gender, select, f {…} other {…}}`; grammar.ts);
 * - for an argument that is an ISO date or date-time: `{at_date}`, the long date in the language
 *   ("1er janvier 2024", "1 January 2024"; dates.ts).
 * A list is joined with commas. An argument the template names but the caller did not give is
 * left as `{name}`, so a message never throws for a missing value.
 *
 * Templates with `{name}` arguments only (most of them, plain text included) are filled as
 * MessageFormat fills them (the argument's text, or String() of a number) without compiling: that
 * skips MessageFormat's locale negotiation, which costs a page's first render tens of milliseconds
 * on a slow phone (./format.test.ts checks every template of the catalogue against MessageFormat).
 * The others share one set of Intl formatters, made once per locale and options instead of once
 * per template.
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import type { Lang, Params } from './message.js';
import { nameArguments } from './grammar.js';
import { isIsoDate, longDate } from './dates.js';

type Value = string | number;

interface Compiled {
  readonly format: (values: Readonly<Record<string, Value>>) => string;
  /** Every argument name the template uses, at any depth. */
  readonly names: readonly string[];
}

const compiled = new Map<string, Compiled>();

/** One Intl object per constructor, locale and options, for every template. */
function sharedFormatter<A extends unknown[], T>(make: (...args: A) => T): (...args: A) => T {
  const made = new Map<string, T>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let formatter = made.get(key);
    if (formatter === undefined) {
      formatter = make(...args);
      made.set(key, formatter);
    }
    return formatter;
  };
}

const FORMATTERS: Formatters = {
  getNumberFormat: sharedFormatter((...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
  getDateTimeFormat: sharedFormatter((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
  getPluralRules: sharedFormatter((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
};

/** Text with `{name}` arguments only (no plural, select, number style or quoting). */
const SIMPLE = /^(?:[^{}']|\{[A-Za-z0-9_]+\})*$/;
const ARGUMENT = /\{([A-Za-z0-9_]+)\}/g;


interface AstNode {
  readonly type: number;
  readonly value?: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly AstNode[] }>>;
  readonly children?: readonly AstNode[];
}

function argumentNames(nodes: readonly AstNode[], into: Set<string>): Set<string> {
  for (const node of nodes) {
    // Literal (0) and pound (7) carry no argument; every other element names one in `value`.
    if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') into.add(node.value);
    for (const option of Object.values(node.options ?? {})) argumentNames(option.value, into);
    if (node.children) argumentNames(node.children, into);
  }
  return into;
}

function compile(template: string, lang: Lang): Compiled {
  const key = `${lang}\u0000${template}`;
  let entry = compiled.get(key);
  if (!entry) {
    if (SIMPLE.test(template)) {
      entry = {
        format: (values) => template.replace(ARGUMENT, (_, name: string) => String(values[name])),
        names: [...new Set(Array.from(template.matchAll(ARGUMENT), (m) => m[1]!))],
      };
    } else {
      const message = new IntlMessageFormat(template, lang === 'fr' ? 'fr-FR' : 'en-GB', undefined, { ignoreTag: true, formatters: FORMATTERS });
      entry = { format: (values) => String(message.format(values)), names: [...argumentNames(message.getAst() as unknown as AstNode[], new Set())] };
    }
    compiled.set(key, entry);
  }
  return entry;
}

/** The argument names a template uses (for tests and tools). */
export function templateArguments(template: string, lang: Lang = 'en'): readonly string[] {
  return compile(template, lang).names;
}

/** Throws if the template is not valid ICU MessageFormat. */
export function checkTemplate(template: string, lang: Lang): void {
  compile(template, lang);
}

const DERIVED = /^(.+)_(name|the|The|of|to|in|from|gender|number|date)$/;

export function formatTemplate(template: string, params: Params, lang: Lang): string {
  const { format, names } = compile(template, lang);
  const values: Record<string, Value> = {};
  for (const [key, value] of Object.entries(params)) values[key] = typeof value === 'object' ? value.join(', ') : value;
  for (const name of names) {
    if (values[name] !== undefined) continue;
    const derived = DERIVED.exec(name);
    const base = derived ? params[derived[1]!] : undefined;
    if (derived && derived[2] === 'date' && typeof base === 'string' && isIsoDate(base)) values[name] = longDate(lang, base);
    else if (derived && derived[2] !== 'date' && base !== undefined && typeof base !== 'number') Object.assign(values, nameArguments(derived[1]!, base, lang));
    else values[name] = `{${name}}`;
  }
  return format(values);
}

/**
 * Joins clauses with a semicolon as the language writes it: in French with a no-break space
 * before the sign (CONVENTIONS §4.1), so that a line never breaks before it.
 */
export function joinClauses(parts: readonly string[], lang: Lang): string {
  return parts.join(lang === 'fr' ? '\u00a0; ' : '; ');
}
