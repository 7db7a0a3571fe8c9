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
      return { reason: fr ? `champ manquant : ${String(p.missingProperty)}` : `missing field ${String(p.missingProperty)}` };
    case 'additionalProperties':
      return { reason: fr ? `champ inconnu : ${String(p.additionalProperty)}` : `unknown field ${String(p.additionalProperty)}`, key: String(p.additionalProperty) };
    case 'enum':
      return { reason: fr ? `${JSON.stringify(error.data)} n’est pas l’une des valeurs ${(p.allowedValues as unknown[]).join(', ')}` : `${JSON.stringify(error.data)} is not one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      return { reason: fr ? `${JSON.stringify(error.data)} n’a pas la forme attendue${described ? ` (${described})` : ''}` : `${JSON.stringify(error.data)} does not have the expected form${described ? ` (${described})` : ''}` };
    case 'type':
      return { reason: fr ? `type attendu : ${String(p.type)}` : `expected ${String(p.type)}` };
    case 'propertyNames':
      return { reason: fr ? `nom de champ invalide : ${String(p.propertyName)}` : `invalid field name ${String(p.propertyName)}`, key: String(p.propertyName) };
    default:
      return { reason: error.message ?? error.keyword };
  }
}

/**
 * Parses and checks a scenario's text. `asOf` (the command line's) overrides the file's fork date.
 * Throws `scenario.file_syntax` or `scenario.file_invalid` naming the line and field.
 */
export function readScenarioText(text: string, file: string, options: { asOf?: string; lang?: 'en' | 'fr' } = {}): ScenarioDefinition {
  const lang = options.lang ?? 'en';
  const { doc, counter, value } = parseYamlLimited(text, file);
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0] ?? { line: 1, col: 1 };
    throw new EvereError('scenario.file_syntax', { file, line: pos.line, column: pos.col, reason: syntax.message.split('\n')[0]! });
  }
  const problems: FileProblem[] = [];
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
      if (seen.has(id)) continue;
      seen.add(id);
      problems.push({ ...at, field, reason });
    }
  } else {
    const normalised = normaliseDefinition(value as Record<string, unknown>, options.asOf ? { asOf: options.asOf } : {});
    if (normalised.ok) return normalised.definition;
    for (const problem of normalised.problems) {
      problems.push({ ...position(doc, counter, problem.path), field: fieldName(problem.path), reason: formatMessage(problem.code, problem.params, lang) });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new EvereError('scenario.file_invalid', {
    file, count: problems.length,
    problems: problems.map((p) => formatMessage('scenario.problem', { line: p.line, column: p.column, field: p.field, reason: p.reason }, lang)),
  });
}

export function readScenarioFile(path: string, options: { asOf?: string; lang?: 'en' | 'fr' } = {}): ScenarioDefinition {
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
