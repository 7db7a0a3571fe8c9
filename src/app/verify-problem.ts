/**
 * A problem `verify` finds, kept as a message code and its parameters so that each reader gets it
 * in its own language (src/messages/codes/verify.ts); `problem` is its English text, as `--json`
 * has always given it.
 */
import { formatMessage } from '../messages/index.js';
import type { VerifyCode } from '../messages/codes/verify.js';

export interface Finding {
  readonly code: VerifyCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface VerifyProblem extends Finding {
  readonly seq?: number;
  readonly checkpointSize?: number;
  /** The problem in English. */
  readonly problem: string;
}

export const finding = (code: VerifyCode, params: Finding['params'] = {}): Finding => ({ code, params });

/** The problem found at an entry (`seq`) or a checkpoint (`checkpointSize`). */
export function verifyProblem(at: { readonly seq: number } | { readonly checkpointSize: number }, found: Finding): VerifyProblem {
  return { ...at, code: found.code, params: found.params, problem: formatMessage(found.code, found.params, 'en') };
}
