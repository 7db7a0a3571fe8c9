/**
 * Errors of the application layer: a stable code with params, rendered in English or French
 * from the one message registry. The API maps codes to HTTP statuses, the CLI to exit codes.
 */
import type { ViolationParams, Violation } from '../domain/decider.js';
import { formatMessage, formatViolation, renderNested, type Lang, type MessageRef } from '../messages/index.js';
import { joinClauses } from '../messages/format.js';
import { LedgerFormatError } from '../ledger/format-error.js';

/** A parameter that is itself a message (or a list of them), rendered in the reader's language with the error. */
export type NestedMessage = MessageRef | readonly MessageRef[];

export class EvereError extends Error {
  constructor(
    readonly code: string,
    readonly params: ViolationParams = {},
    readonly violations: readonly Violation[] = [],
    /** Parameters whose text is a message of its own (`params` holds their English). */
    readonly nested: Readonly<Record<string, NestedMessage>> = {},
  ) {
    super(formatMessage(code, params, 'en'));
    this.name = 'EvereError';
  }

  /** The message in a language; a `{rule}` made from the violations is rendered in that language too. */
  localized(lang: Lang): string {
    return formatMessage(this.code, localizedParams(this, lang), lang);
  }
}

export function localizedParams(error: EvereError, lang: Lang): ViolationParams {
  const nested = Object.entries(error.nested);
  const ruled = error.violations.length > 0 && error.params.rule !== undefined;
  if (!ruled && nested.length === 0) return error.params;
  const params: Record<string, ViolationParams[string]> = { ...error.params };
  // French puts a no-break space before the semicolon (CONVENTIONS §4.1).
  if (ruled) params.rule = joinClauses(error.violations.map((v) => formatViolation(v, lang)), lang);
  for (const [name, message] of nested) params[name] = renderNested(message, lang);
  return params;
}

/** An error whose `{name}` parameter is another message, given in English now and in any language later. */
export function withNested(code: string, params: ViolationParams, name: string, message: NestedMessage): EvereError {
  return new EvereError(code, { ...params, [name]: renderNested(message, 'en') }, [], { [name]: message });
}

/**
 * Why something failed, as a message to nest in a refusal: a ledger format error keeps its code
 * (said in the reader's language), any other error its own text.
 */
export const reasonOf = (error: unknown): MessageRef =>
  error instanceof LedgerFormatError ? { code: error.code, params: error.params } : { code: 'format.text', params: { text: error instanceof Error ? error.message : String(error) } };

export const isEvereError = (error: unknown): error is EvereError => error instanceof EvereError;
