/** The shapes of the catalogue: a message is an ICU MessageFormat template per official language. */

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

export interface Message {
  readonly en: string;
  readonly fr: string;
}

/** A part of the catalogue: codes (or interface keys) to their messages. */
export type Codes = Readonly<Record<string, Message>>;

/**
 * Values a message is filled with. A list is joined; a string that is a state or body code also
 * offers its grammatical forms (see grammar.ts).
 */
export type Params = Readonly<Record<string, string | number | readonly string[]>>;
