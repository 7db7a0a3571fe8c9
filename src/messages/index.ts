/**
 * The one message catalogue: every violation and error code of the engine, the application, the
 * API and the CLI (codes/*.ts), and every string of the web app's interface (interface.ts), each
 * declared once in English and French as an ICU MessageFormat template (STYLE habit 6).
 *
 * Codes are stable and never reused; docs/errors.md lists them. A code's params fill its
 * `{placeholders}`; a param that is a state or body code also offers its grammatical forms
 * (`{by_the}` "la Belgique", `{ally_of}` "de la Hongrie"; grammar.ts) and an ISO date its long
 * form (`{at_date}` "1er janvier 2024").
 *
 * This folder is pure and runs in the browser too: it imports nothing of Evere but itself, and
 * only intl-messageformat from npm. Every layer imports it (eslint.config.js allows the domain
 * and the web app to).
 */
import type { Codes, Lang, Message, Params } from './message.js';
import { formatTemplate, joinClauses } from './format.js';
import { ACTOR, COMMAND } from './codes/common.js';
import { ACCESSION, MILITARY_STRUCTURE, TREATY, WITHDRAWAL } from './codes/membership.js';
import { COUNCIL } from './codes/council.js';
import { CONSULTATION } from './codes/consultation.js';
import { ARTICLE5 } from './codes/collective-defence.js';
import { STRATEGY } from './codes/strategy.js';
import { OPERATION } from './codes/operations.js';
import { PARTNERSHIP } from './codes/partnerships.js';
import { FUND } from './codes/fund.js';
import { EXERCISE } from './codes/exercises.js';
import { EU } from './codes/eu.js';
import { ARMS_CONTROL } from './codes/arms-control.js';
import { HUMAN_SECURITY } from './codes/human-security.js';
import { SCENARIO } from './codes/scenario.js';
import { APP } from './codes/app.js';
import { SCENARIO_USE } from './codes/app-scenarios.js';
import { CLI } from './codes/cli.js';
import { ENTRY_FIELD, FORMAT, IMPORT_REASONS, JSON_LINE, LOAD_REASONS, VERIFY } from './codes/verify.js';
import { TRANSPARENCY } from './codes/transparency.js';
import { DATASET } from './codes/dataset.js';
import { EXERCISE_LIVE } from './codes/exercise-live.js';
import { REASONS } from './codes/reasons.js';

export type { Codes, Lang, Message, Params } from './message.js';
export { LANGS } from './message.js';
export { longDate } from './dates.js';
export { nameForms } from './grammar.js';

/** Joins parts of the catalogue; a key declared twice is a programming error. */
export function joinCodes<T extends Codes>(...parts: readonly T[]): T {
  const out: Record<string, Message> = {};
  for (const part of parts) {
    for (const [code, message] of Object.entries(part)) {
      if (code in out) throw new Error(`message code declared twice: ${code}`);
      out[code] = message;
    }
  }
  return out as T;
}

/** Every code of the engine, the application, the API and the CLI (docs/errors.md lists them). */
export const CODES: Codes = joinCodes<Codes>(
  COMMAND, ACTOR, TREATY, ACCESSION, WITHDRAWAL, MILITARY_STRUCTURE, COUNCIL, CONSULTATION, ARTICLE5, STRATEGY, OPERATION,
  PARTNERSHIP, FUND, EXERCISE, EU, ARMS_CONTROL, HUMAN_SECURITY, SCENARIO, APP, SCENARIO_USE, CLI, TRANSPARENCY, DATASET, EXERCISE_LIVE, VERIFY, IMPORT_REASONS,
  ENTRY_FIELD, JSON_LINE, LOAD_REASONS, FORMAT, REASONS,
);

export function messageFor(code: string): Message | undefined {
  return Object.hasOwn(CODES, code) ? CODES[code] : undefined;
}

export function allMessageCodes(): readonly string[] {
  return Object.keys(CODES).sort();
}

/** Renders a code and its params in the given language; an unknown code renders as the code. */
export function formatMessage(code: string, params: Params = {}, lang: Lang = 'en'): string {
  const message = messageFor(code);
  return message ? formatTemplate(message[lang], params, lang) : code;
}

export function formatViolation(violation: { readonly code: string; readonly params: Params }, lang: Lang = 'en'): string {
  return formatMessage(violation.code, violation.params, lang);
}

/**
 * A message kept as its code and params, some of whose params are messages of their own (or
 * lists of them, joined as clauses), so that the whole is said in one language: an import
 * refusal names its reason, which names the entry's bad fields.
 */
export interface MessageRef {
  readonly code: string;
  readonly params: Params;
  readonly nested?: Readonly<Record<string, MessageRef | readonly MessageRef[]>>;
}

/** Renders a message and the messages it nests, all in one language. */
export function renderMessage(message: MessageRef, lang: Lang = 'en'): string {
  return formatMessage(message.code, nestedParams(message, lang), lang);
}

/** A message's params with its nested messages rendered in the given language. */
export function nestedParams(message: MessageRef, lang: Lang): Params {
  if (!message.nested) return message.params;
  const params: Record<string, Params[string]> = { ...message.params };
  for (const [name, nested] of Object.entries(message.nested)) params[name] = renderNested(nested, lang);
  return params;
}

/** A nested message, or a list of them joined as clauses, in the given language. */
export function renderNested(nested: MessageRef | readonly MessageRef[], lang: Lang): string {
  return isMessageList(nested) ? joinClauses(nested.map((m) => renderMessage(m, lang)), lang) : renderMessage(nested, lang);
}

const isMessageList = (value: MessageRef | readonly MessageRef[]): value is readonly MessageRef[] => Array.isArray(value);
