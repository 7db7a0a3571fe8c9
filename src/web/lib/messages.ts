/**
 * The web app reads the one catalogue (src/messages): its interface strings and the engine's codes
 * it shows. Nothing is copied here; add strings to src/messages/interface.ts.
 */
import { CODES } from '../../messages/index.js';
import { MESSAGES, type MessageKey } from '../../messages/interface.js';

export { MESSAGES, VOCABULARY, type MessageKey, type VocabularyName } from '../../messages/interface.js';

/** Whether a key built at run time (`aar.${code}`, `report.measure_${m}`) is in the catalogue. */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key) || Object.hasOwn(CODES, key);
}

/** The template of a key in a language: the interface's, else the engine code's. */
export function templateOf(key: MessageKey, lang: 'en' | 'fr'): string {
  const own = (MESSAGES as Readonly<Record<string, { en: string; fr: string }>>)[key];
  return (own ?? CODES[key])?.[lang] ?? key;
}
