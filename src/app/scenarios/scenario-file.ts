/**
 * Reading a scenario file: YAML or JSON (JSON is read as YAML, which it is a subset of), checked
 * against the published JSON schema, then normalised by the engine. Every problem names the line,
 * the column and the field (`injects[3].at`), in English or French; nothing is created from a file
 * with a problem.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isNode, type Document, type LineCounter } from 'yaml';
import { parseYamlLimited } from '../yaml.js';
import { changeDefinition, normaliseDefinition, type DocPath, type RawPolicy } from '../../domain/scenario/definition.js';
import type { ScenarioDefinition, SeatPolicy } from '../../domain/scenario/types.js';
import { formatMessage } from '../../messages/index.js';
import { isIsoDate } from '../../domain/time.js';
import { EvereError } from '../errors.js';
import { SCENARIO_SCHEMA } from './schema.js';

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(SCENARIO_SCHEMA);
  return validator;
}

export interface FileProblem {
  readonly line: number;
  readonly column: number;
  readonly field: string;
  readonly reason: string;
}

/** A scenario text refused: the message names every problem; `problems` lists them one by one. */
export class ScenarioFileError extends EvereError {
  constructor(code: 'scenario.file_syntax' | 'scenario.file_invalid', params: ConstructorParameters<typeof EvereError>[1], readonly problems: readonly FileProblem[]) {
    super(code, params);
  }
}

/** `injects[3].command.data` from a path. */
export function fieldName(path: DocPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(document)' : out;
}

/** The line and column of the node at `path`, or of its nearest ancestor that exists. */
function position(doc: Document, counter: LineCounter, path: DocPath, key?: string): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      if (n === path.length && key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
        if (pair && isNode(pair.key) && pair.key.range) {
          const pos = counter.linePos(pair.key.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      const pos = counter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function reasonOf(error: ErrorObject, lang: 'en' | 'fr'): { reason: string; key?: string } {
  const fr = lang === 'fr';
  const p = error.params as Record<string, unknown>;
  const described = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required':
      return { reason: fr ? `champ manquant\u00a0: ${String(p.missingProperty)}` : `missing field ${String(p.missingProperty)}` };
    case 'additionalProperties':
      return { reason: fr ? `champ inconnu\u00a0: ${String(p.additionalProperty)}` : `unknown field ${String(p.additionalProperty)}`, key: String(p.additionalProperty) };
    case 'enum':
      return { reason: fr ? `${JSON.stringify(error.data)} n’est pas l’une des valeurs ${(p.allowedValues as unknown[]).join(', ')}` : `${JSON.stringify(error.data)} is not one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      return { reason: fr ? `${JSON.stringify(error.data)} n’a pas la forme attendue${described ? ` (${described})` : ''}` : `${JSON.stringify(error.data)} does not have the expected form${described ? ` (${described})` : ''}` };
    case 'type':
      return { reason: fr ? `type attendu\u00a0: ${String(p.type)}` : `expected ${String(p.type)}` };
    case 'propertyNames':
      return { reason: fr ? `nom de champ invalide\u00a0: ${String(p.propertyName)}` : `invalid field name ${String(p.propertyName)}`, key: String(p.propertyName) };
    default:
      return { reason: error.message ?? error.keyword };
  }
}

export interface ReadOptions {
  /** The command line's fork date; it overrides the file's. */
  readonly asOf?: string;
  readonly lang?: 'en' | 'fr';
  /** Today (YYYY-MM-DD); a fork date after it is refused. Default: the system clock's day. */
  readonly today?: string;
  /**
   * The seats a scenario forked at `asOf` and starting at `start` has (as `create` computes them
   * from the record); when given, every seat the file names is checked against it.
   */
  readonly seatsAt?: (at: { readonly asOf: string; readonly start: string; readonly partners: readonly string[] }) => readonly string[];
}

/**
 * Where an unclosed `{` or `[` opened, before `upto` (outside quotes and comments): the parser
 * notices it only where the next line breaks the flow, so that is where it would point.
 */
function unclosedFlowStart(text: string, upto: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < upto && i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < upto && text[i] !== '\n') i++;
    } else if (ch === '{' || ch === '[') open.push(i);
    else if (ch === '}' || ch === ']') open.pop();
  }
  return open.at(-1);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the schema cannot make: dates that are dates of the calendar, a fork date not after
 * today, and seats that exist at the start (as `create` would find them). They run whatever the
 * rest of the file holds, so that every mistake is reported at once.
 */
function calendarAndSeatProblems(value: unknown, options: ReadOptions): { path: DocPath; key?: string; code: string; params: Record<string, string> }[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const doc = value as Record<string, unknown>;
  const out: { path: DocPath; key?: string; code: string; params: Record<string, string> }[] = [];
  const rawAsOf = options.asOf ?? doc.asOf;
  const asOf = rawAsOf instanceof Date ? rawAsOf.toISOString().slice(0, 10) : typeof rawAsOf === 'string' ? rawAsOf : undefined;
  let forkable = false;
  if (asOf !== undefined && ISO_DAY.test(asOf)) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    if (!isIsoDate(asOf)) out.push({ path: ['asOf'], code: 'scenario.date_invalid', params: { value: asOf } });
    else if (asOf > today) out.push({ path: ['asOf'], code: 'scenario.fork_future', params: { asOf, today } });
    else forkable = true;
  }
  const seats = doc.seats;
  if (forkable && options.seatsAt) {
    const startMs = typeof doc.start === 'string' ? Date.parse(doc.start) : NaN;
    const start = Number.isNaN(startMs) ? new Date(Date.parse(`${asOf!}T08:00:00Z`) + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z') : new Date(startMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const partners = Array.isArray(doc.partners) ? doc.partners.filter((p): p is string => typeof p === 'string') : [];
    const known = options.seatsAt({ asOf: asOf!, start, partners });
    if (typeof seats === 'object' && seats !== null && !Array.isArray(seats)) {
      for (const seat of Object.keys(seats)) {
        if (seat === 'default' || known.includes(seat)) continue;
        out.push({ path: ['seats'], key: seat, code: 'scenario.seat_unknown', params: { seat, at: start } });
      }
    }
    // An inject's addressees are seats too.
    const injects = Array.isArray(doc.injects) ? (doc.injects as unknown[]) : [];
    injects.forEach((inject, i) => {
      const to = typeof inject === 'object' && inject !== null ? (inject as { to?: unknown }).to : undefined;
      if (!Array.isArray(to)) return;
      to.forEach((seat, j) => {
        if (typeof seat === 'string' && !known.includes(seat)) out.push({ path: ['injects', i, 'to', j], code: 'scenario.seat_unknown', params: { seat, at: start } });
      });
    });
  }
  return out;
}

/**
 * Parses and checks a scenario's text. `asOf` (the command line's) overrides the file's fork date.
 * Throws `scenario.file_syntax` or `scenario.file_invalid` naming the line and field of every
 * problem it finds.
 */
export function readScenarioText(text: string, file: string, options: ReadOptions = {}): ScenarioDefinition {
  const lang = options.lang ?? 'en';
  const { doc, counter, value } = parseYamlLimited(text, file);
  const syntax = doc.errors[0];
  if (syntax) {
    const opened = /end with a [}\]]/.test(syntax.message) ? unclosedFlowStart(text, syntax.pos[0]) : undefined;
    const pos = counter.linePos(opened ?? syntax.pos[0]);
    const reason = opened === undefined ? syntax.message.split('\n')[0]! : formatMessage('scenario.flow_unclosed', { bracket: text[opened]! }, lang);
    throw new ScenarioFileError('scenario.file_syntax', { file, line: pos.line, column: pos.col, reason }, [{ line: pos.line, column: pos.col, field: '', reason }]);
  }
  const problems: FileProblem[] = [];
  const checked = new Set<string>();
  for (const p of calendarAndSeatProblems(value, options)) {
    const field = fieldName(p.key === undefined ? p.path : [...p.path, p.key]);
    checked.add(field);
    problems.push({ ...position(doc, counter, p.path, p.key), field, reason: formatMessage(p.code, p.params, lang) });
  }
  const check = validate();
  if (!check(value)) {
    const seen = new Set<string>();
    for (const error of check.errors ?? []) {
      if (error.keyword === 'if') continue;
      const path = pathOf(error.instancePath);
      const { reason, key } = reasonOf(error, lang);
      const at = position(doc, counter, path, key);
      const field = fieldName(key !== undefined && error.keyword === 'additionalProperties' ? [...path, key] : path);
      const id = `${field}|${reason}`;
      if (seen.has(id) || checked.has(field)) continue;
      seen.add(id);
      checked.add(field);
      problems.push({ ...at, field, reason });
    }
  }
  // The engine's checks run even when the schema found problems, so that one pass reports every
  // mistake; on a document the schema refused they may fail on its shape, which it already named.
  let normalised: ReturnType<typeof normaliseDefinition> | undefined;
  try {
    normalised = normaliseDefinition(value as Record<string, unknown>, options.asOf ? { asOf: options.asOf } : {});
  } catch {
    normalised = undefined;
  }
  if (normalised?.ok && problems.length === 0) return normalised.definition;
  if (normalised && !normalised.ok) {
    for (const problem of normalised.problems) {
      const field = fieldName(problem.path);
      if (checked.has(field)) continue;
      problems.push({ ...position(doc, counter, problem.path), field, reason: formatMessage(problem.code, problem.params, lang) });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ScenarioFileError('scenario.file_invalid', {
    file, count: problems.length,
    problems: problems.map((p) => formatMessage('scenario.problem', { line: p.line, column: p.column, field: p.field, reason: p.reason }, lang)),
  }, problems);
}

export function readScenarioFile(path: string, options: ReadOptions = {}): ScenarioDefinition {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EvereError('scenario.file_unreadable', { file: path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  return readScenarioText(text, basename(path), options);
}

/** A minimal scenario: the record forked at a date, every seat a bot that agrees, no injects. */
export function bareDefinition(name: string, asOf: string): ScenarioDefinition {
  const normalised = normaliseDefinition({ scenario: name, title: { en: name, fr: name }, asOf, injects: [] });
  if (!normalised.ok) throw new EvereError('scenario.file_invalid', { file: name, count: normalised.problems.length, problems: normalised.problems.map((p) => `${fieldName(p.path)}: ${formatMessage(p.code, p.params)}`) });
  return normalised.definition;
}

/**
 * A seat policy given on its own (a what-if's change), in the file's syntax: YAML or JSON text, or
 * the name of one of the scenario's policies. Checked by wrapping it in a minimal scenario.
 */
export function readPolicy(text: string, seat: string, definition: ScenarioDefinition): SeatPolicy {
  const { doc, value } = parseYamlLimited(text, seat, { uniqueKeys: false });
  const raw = doc.errors.length ? text.trim() : (value as RawPolicy | string);
  const injects = definition.injects.map((i) => ({ id: i.id, at: `T+${Math.round(i.atMs / 1000)}s`, kind: i.kind, title: i.title }));
  const wrapped = { scenario: 'policy', title: { en: 'policy' }, asOf: definition.asOf, start: definition.start, duration: `${Math.round(definition.durationMs / 1000)}s`, injects, seats: { [seat]: raw } };
  const check = validate();
  const problems: string[] = [];
  if (!check(wrapped)) {
    for (const error of check.errors ?? []) if (error.keyword !== 'if') problems.push(`${fieldName(pathOf(error.instancePath).slice(2))}: ${reasonOf(error, 'en').reason}`);
  } else if (typeof raw === 'string') {
    // A policy name: resolved against the scenario's policies when the definition is changed.
    problems.push(`${raw}: give the policy itself (YAML or JSON), not a name`);
  } else {
    const normalised = normaliseDefinition(wrapped);
    if (normalised.ok) return normalised.definition.seats[seat]!;
    for (const p of normalised.problems) problems.push(`${fieldName(p.path.slice(2))}: ${formatMessage(p.code, p.params)}`);
  }
  throw new EvereError('scenario.policy_invalid', { seat, problems });
}

export { changeDefinition };

/** One inject given on its own (a what-if's change), checked like the injects of a file. */
export function readInject(text: string, definition: ScenarioDefinition): ScenarioDefinition['injects'][number] {
  const { doc, value } = parseYamlLimited(text, '--set', { uniqueKeys: false });
  if (doc.errors.length) throw new EvereError('scenario.file_syntax', { file: '--set', line: doc.errors[0]!.linePos?.[0]?.line ?? 1, column: doc.errors[0]!.linePos?.[0]?.col ?? 1, reason: doc.errors[0]!.message.split('\n')[0]! });
  const wrapped = {
    scenario: 'inject', title: { en: 'inject' }, asOf: definition.asOf, start: definition.start,
    duration: `${Math.round(definition.durationMs / 1000)}s`, injects: [value],
  };
  const check = validate();
  const problems: string[] = [];
  if (!check(wrapped)) {
    for (const error of check.errors ?? []) if (error.keyword !== 'if') problems.push(`${fieldName(pathOf(error.instancePath).slice(2))}: ${reasonOf(error, 'en').reason}`);
  } else {
    const normalised = normaliseDefinition(wrapped);
    if (normalised.ok) return normalised.definition.injects[0]!;
    for (const p of normalised.problems) problems.push(`${fieldName(p.path.slice(2))}: ${formatMessage(p.code, p.params)}`);
  }
  throw new EvereError('scenario.file_invalid', { file: '--set', count: problems.length, problems });
}

/** The fields of an inject exercise control writes on the spot (no id or time: it is delivered now). */
export type AdHocInject = Omit<ScenarioDefinition['injects'][number], 'atMs' | 'id'> & { readonly id?: string };

/**
 * An ad-hoc inject with its full content (text, attachments' links, addressees, classification),
 * checked as the injects of a file are (the same schema and the same engine checks). It is
 * information only: an ad-hoc inject carries no command. Problems name the field
 * (`attachments[0].url`); addressees are checked against the scenario's seats by the service.
 */
export function readAdHocInject(raw: Readonly<Record<string, unknown>>, definition: ScenarioDefinition): AdHocInject {
  const problems: string[] = [];
  if ('command' in raw) problems.push('command: an ad-hoc inject is information only (deliver an inject of the list to have a command carried out)');
  if ('at' in raw) problems.push('at: an ad-hoc inject is delivered now');
  const { id, ...rest } = raw;
  const wrapped = {
    scenario: 'inject', title: { en: 'inject' }, asOf: definition.asOf, start: definition.start,
    duration: `${Math.round(definition.durationMs / 1000)}s`, injects: [{ id: typeof id === 'string' ? id : 'ADHOC', at: 'T+0s', ...rest, ...(id !== undefined && typeof id !== 'string' ? { id } : {}) }],
  };
  if (problems.length === 0) {
    const check = validate();
    if (!check(wrapped)) {
      for (const error of check.errors ?? []) if (error.keyword !== 'if') problems.push(`${fieldName(pathOf(error.instancePath).slice(2))}: ${reasonOf(error, 'en').reason}`);
    } else {
      const normalised = normaliseDefinition(wrapped);
      if (normalised.ok) {
        const { atMs: _atMs, id: _id, ...inject } = normalised.definition.injects[0]!;
        return { ...inject, ...(typeof id === 'string' ? { id } : {}) };
      }
      for (const p of normalised.problems) problems.push(`${fieldName(p.path.slice(2))}: ${formatMessage(p.code, p.params)}`);
    }
  }
  throw new EvereError('scenario.inject_invalid', { count: new Set(problems).size, problems: [...new Set(problems)] });
}
