/**
 * A problem `verify` finds, kept as a message code and its parameters so that each reader gets it
 * in its own language (src/messages/codes/verify.ts); `problem` is its English text, as `--json`
 * has always given it.
 */
import { nestedParams, renderMessage, type MessageRef } from '../messages/index.js';
import type { VerifyCode } from '../messages/codes/verify.js';
import type { FieldProblem } from '../ledger/entry.js';

export interface Finding extends MessageRef {
  readonly code: VerifyCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface VerifyProblem extends Finding {
  readonly seq?: number;
  readonly checkpointSize?: number;
  /** The problem in English. */
  readonly problem: string;
}

/** A finding; the English of its nested messages also stands in `params`, as `--json` has always given it. */
export const finding = (code: VerifyCode, params: Finding['params'] = {}, nested?: MessageRef['nested']): Finding =>
  (nested ? { code, params: nestedParams({ code, params, nested }, 'en') as Finding['params'], nested } : { code, params });

/** The ledger's field problems as messages (`entry_field.<rule>`), to be said in the reader's language. */
export const fieldMessages = (problems: readonly FieldProblem[]): MessageRef[] =>
  problems.map((p): MessageRef => ({ code: `entry_field.${p.rule}`, params: p.value === undefined ? { field: p.field } : { field: p.field, value: p.value } }));

/** A malformed entry, its bad fields named. */
export const malformed = (problems: readonly FieldProblem[]): Finding => finding('verify.malformed', {}, { details: fieldMessages(problems) });

/** The problem found at an entry (`seq`) or a checkpoint (`checkpointSize`). */
export function verifyProblem(at: { readonly seq: number } | { readonly checkpointSize: number }, found: Finding): VerifyProblem {
  return { ...at, ...found, problem: renderMessage(found, 'en') };
}
