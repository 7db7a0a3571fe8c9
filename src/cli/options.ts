/** Options and output shared by the query verbs: time bounds, JSON/CSV/table, state codes. */
import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { csv, json, table, type Column } from './format.js';
import { parseDateOption } from './parse.js';
import { isBody } from '../domain/states.js';
import { stateCodeFrom } from '../app/treaty-queries.js';

export interface Out { json?: boolean; csv?: boolean }
export interface Time { asOf?: string; knownAt?: string }

/** `--as-of` (valid time) and `--known-at` (record time). */
export const timeOptions = (cmd: Command): Command => cmd
  .option('--as-of <date>', 'valid time: the world as it stood on this date', parseDateOption)
  .option('--known-at <date>', 'record time: as the log knew it on this date', parseDateOption);

export const outputOptions = (cmd: Command): Command => cmd.option('--json', 'machine-readable output').option('--csv', 'CSV output');

/** Rows as JSON, CSV or a table (with a heading for people). */
export function emit<T>(c: CliContext, opts: Out, rows: readonly T[], columns: readonly Column<T>[], heading?: string): void {
  if (opts.json) return c.io.out(json(rows));
  if (opts.csv) return c.io.out(csv(rows, columns));
  if (heading) c.io.out(`${heading}\n\n`);
  c.io.out(table(rows, columns));
}

/** A state's ISO alpha-3 code from any accepted form (alpha-3, alpha-2, NATO digram). */
export function stateCode(value: string): string {
  return stateCodeFrom(value);
}

/** An Ally or state (any code form), or one of the engine's bodies (NAC, SG, DEPOSITARY, DCB, …). */
export function partyCode(value: string): string {
  const upper = value.toUpperCase();
  return isBody(upper) ? upper : stateCode(value);
}

/** Now, as the engine's commands take it: a UTC time without milliseconds. */
export const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
