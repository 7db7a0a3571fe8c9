/**
 * Errors of the application layer: a stable code with params, rendered in English or French
 * from the one message registry. The API maps codes to HTTP statuses, the CLI to exit codes.
 */
import type { ViolationParams, Violation } from '../domain/decider.js';
import { formatMessage, formatViolation, type Lang } from '../messages/index.js';
import { joinClauses } from '../messages/format.js';

export class EvereError extends Error {
  constructor(
    readonly code: string,
    readonly params: ViolationParams = {},
    readonly violations: readonly Violation[] = [],
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
  if (error.violations.length === 0 || error.params.rule === undefined) return error.params;
  // French puts a no-break space before the semicolon (CONVENTIONS §4.1).
  return { ...error.params, rule: joinClauses(error.violations.map((v) => formatViolation(v, lang)), lang) };
}

export const isEvereError = (error: unknown): error is EvereError => error instanceof EvereError;
