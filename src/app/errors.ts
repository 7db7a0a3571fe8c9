/**
 * Errors of the application layer: a stable code with params, rendered in English or French
 * from the one message registry. The API maps codes to HTTP statuses, the CLI to exit codes.
 */
import type { ViolationParams, Violation } from '../domain/decider.js';
import { formatMessage, type Lang } from '../domain/messages.js';
import './messages.js';

export class EvereError extends Error {
  constructor(
    readonly code: string,
    readonly params: ViolationParams = {},
    readonly violations: readonly Violation[] = [],
  ) {
    super(formatMessage(code, params, 'en'));
    this.name = 'EvereError';
  }

  localized(lang: Lang): string {
    return formatMessage(this.code, this.params, lang);
  }
}

export const isEvereError = (error: unknown): error is EvereError => error instanceof EvereError;
