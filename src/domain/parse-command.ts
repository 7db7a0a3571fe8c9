/**
 * Checks the shape of a command from outside (a record line, a CLI argument, an HTTP body) against
 * its declaration in command-specs.ts, and normalises it: state codes become ISO alpha-3, bodies
 * upper case, strings are kept as given. Every problem is reported, each with a code and a path
 * (`data.invitees[2]`); nothing is thrown. Rules of the Treaty are not checked here but by `decide`.
 */
import { commandSpec, type FieldSpec, type FieldType } from './command-specs.js';
import type { Violation } from './decider.js';
import { BODIES, describeReadings, isBody, isOrganisation, resolveStateCode } from './states.js';
import { isIsoDate, isValidTime } from './time.js';
import type { WorldCommand } from './world.js';

export type ParseResult =
  | { readonly ok: true; readonly command: WorldCommand }
  | { readonly ok: false; readonly violations: readonly Violation[] };

export interface ParseOptions {
  /** The real record requires a public source on every line; exercises may omit it. Default true. */
  readonly requireSource?: boolean;
}

// `sourceClass` is the record's (checked by its loader); the engine carries the source itself.
const TOP_LEVEL = new Set(['cmd', 'at', 'by', 'data', 'source', 'sourceClass', 'note']);
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,127}$/;
const URL = /^https?:\/\/\S+$/;

type Json = Record<string, unknown>;

/** A URL cut short when copied: an ellipsis inside it ("…", also percent-encoded) or "..." at its end. */
export function isTruncatedUrl(url: string): boolean {
  return url.includes('…') || /%E2%80%A6/i.test(url) || /\.\.\.\/?$/.test(url);
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

class Collector {
  readonly violations: Violation[] = [];
  add(code: string, path: string, params: Record<string, string> = {}): undefined {
    this.violations.push({ code, path, params: { path, ...params } });
    return undefined;
  }
  invalid(path: string, expected: string): undefined {
    return this.add('command.field_invalid', path, { expected });
  }
}

const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

function parseState(value: unknown, path: string, out: Collector): string | undefined {
  if (typeof value !== 'string') return out.invalid(path, 'ISO 3166-1 alpha-3 code');
  return stateOrViolation(value, path, out);
}

function stateOrViolation(value: string, path: string, out: Collector): string | undefined {
  const r = resolveStateCode(value);
  if (r.kind === 'state') return r.iso3;
  if (r.kind === 'ambiguous') {
    return out.add('command.state_ambiguous', path, {
      value, readings: describeReadings(r.readings),
    });
  }
  return out.add('command.state_unknown', path, { value });
}

function parseField(type: FieldType, value: unknown, path: string, out: Collector): unknown {
  switch (type.kind) {
    case 'text':
      return nonEmptyString(value) ? value : out.invalid(path, 'non-empty string');
    case 'id':
      return typeof value === 'string' && ID.test(value) ? value : out.invalid(path, 'identifier [A-Za-z0-9_.:/-]');
    case 'state':
      return parseState(value, path, out);
    case 'partner': {
      const code = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
      return code !== undefined && isOrganisation(code) ? code : parseState(value, path, out);
    }
    case 'states': {
      if (!Array.isArray(value) || value.length === 0) return out.invalid(path, 'non-empty array of ISO 3166-1 alpha-3 codes');
      const before = out.violations.length;
      const codes = value.map((item, i) => parseState(item, `${path}[${i}]`, out));
      codes.forEach((code, i) => {
        if (code !== undefined && codes.indexOf(code) !== i) out.add('command.duplicate', `${path}[${i}]`, { value: code });
      });
      return out.violations.length === before ? codes : undefined;
    }
    case 'date':
      if (typeof value !== 'string') return out.invalid(path, 'YYYY-MM-DD');
      return isIsoDate(value) ? value : out.add('command.date_invalid', path, { value });
    case 'time':
      if (typeof value !== 'string') return out.invalid(path, 'YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ');
      return isValidTime(value) ? value : out.add('command.date_invalid', path, { value });
    case 'enum':
      return typeof value === 'string' && type.values.includes(value) ? value : out.invalid(path, type.values.join(' | '));
    case 'title': {
      if (!isObject(value)) return out.invalid(path, '{ en, fr? }');
      const before = out.violations.length;
      for (const key of Object.keys(value)) if (key !== 'en' && key !== 'fr') out.add('command.field_unknown', `${path}.${key}`);
      if (value['en'] === undefined) out.add('command.field_missing', `${path}.en`);
      else if (!nonEmptyString(value['en'])) out.invalid(`${path}.en`, 'non-empty string');
      if (value['fr'] !== undefined && !nonEmptyString(value['fr'])) out.invalid(`${path}.fr`, 'non-empty string');
      if (out.violations.length > before) return undefined;
      return value['fr'] === undefined ? { en: value['en'] } : { en: value['en'], fr: value['fr'] };
    }
    case 'vote': {
      if (!isObject(value)) return out.invalid(path, '{ for, against, abstain }');
      const before = out.violations.length;
      for (const key of Object.keys(value)) {
        if (!['for', 'against', 'abstain'].includes(key)) out.add('command.field_unknown', `${path}.${key}`);
      }
      for (const key of ['for', 'against', 'abstain']) {
        const n = value[key];
        if (n === undefined) out.add('command.field_missing', `${path}.${key}`);
        else if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) out.invalid(`${path}.${key}`, 'integer ≥ 0');
      }
      return out.violations.length > before ? undefined : { for: value['for'], against: value['against'], abstain: value['abstain'] };
    }
    case 'positive_integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : out.invalid(path, 'integer ≥ 1');
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : out.invalid(path, 'integer ≥ 0');
    case 'boolean':
      return typeof value === 'boolean' ? value : out.invalid(path, 'true | false');
    case 'texts': {
      if (!Array.isArray(value)) return out.invalid(path, 'array of strings');
      const before = out.violations.length;
      value.forEach((item, i) => {
        if (!nonEmptyString(item)) out.invalid(`${path}[${i}]`, 'non-empty string');
      });
      return out.violations.length > before ? undefined : [...(value as string[])];
    }
    case 'enums': {
      if (!Array.isArray(value) || (type.nonEmpty === true && value.length === 0)) {
        return out.invalid(path, `${type.nonEmpty === true ? 'non-empty ' : ''}array of ${type.values.join(' | ')}`);
      }
      const before = out.violations.length;
      value.forEach((item, i) => {
        if (typeof item !== 'string' || !type.values.includes(item)) out.invalid(`${path}[${i}]`, type.values.join(' | '));
        else if (value.indexOf(item) !== i) out.add('command.duplicate', `${path}[${i}]`, { value: item });
      });
      return out.violations.length > before ? undefined : [...(value as string[])];
    }
    case 'amount':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1
        ? value
        : out.invalid(path, 'a whole number of minor currency units ≥ 1 (e.g. cents)');
  }
}

function parseData(fields: readonly FieldSpec[], value: unknown, out: Collector): Json | undefined {
  if (value === undefined) return out.add('command.field_missing', 'data');
  if (!isObject(value)) return out.invalid('data', 'object');
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(value)) if (!known.has(key)) out.add('command.field_unknown', `data.${key}`);
  const data: Json = {};
  for (const field of fields) {
    const raw = value[field.name];
    const path = `data.${field.name}`;
    if (raw === undefined) {
      if (field.required) out.add('command.field_missing', path);
      continue;
    }
    const parsed = parseField(field.type, raw, path, out);
    if (parsed !== undefined) data[field.name] = parsed;
  }
  return data;
}

function parseBy(value: unknown, out: Collector): string | undefined {
  if (value === undefined) return out.add('command.field_missing', 'by');
  if (typeof value !== 'string') return out.invalid('by', `state code or ${BODIES.join(' | ')}`);
  const upper = value.trim().toUpperCase();
  if (isBody(upper)) return upper;
  return stateOrViolation(value, 'by', out);
}

/** Validates and normalises an untrusted value into a WorldCommand, or lists every problem. */
export function parseCommand(value: unknown, options: ParseOptions = {}): ParseResult {
  const out = new Collector();
  if (!isObject(value)) {
    out.add('command.not_object', '');
    return { ok: false, violations: out.violations };
  }
  for (const key of Object.keys(value)) if (!TOP_LEVEL.has(key)) out.add('command.field_unknown', key);

  const cmd = value['cmd'];
  let spec;
  if (cmd === undefined) out.add('command.field_missing', 'cmd');
  else if (typeof cmd !== 'string') out.invalid('cmd', 'command name');
  else {
    spec = commandSpec(cmd);
    if (!spec) out.add('command.unknown', 'cmd', { cmd });
  }

  const at = value['at'];
  if (at === undefined) out.add('command.field_missing', 'at');
  else if (typeof at !== 'string') out.invalid('at', 'YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ');
  else if (!isValidTime(at)) out.add('command.date_invalid', 'at', { value: at });

  const by = parseBy(value['by'], out);

  const source = value['source'];
  if (source === undefined) {
    if (options.requireSource ?? true) out.add('command.field_missing', 'source');
  } else if (typeof source !== 'string' || !URL.test(source)) out.invalid('source', 'http(s) URL');
  else if (isTruncatedUrl(source)) out.add('command.source_truncated', 'source', { value: source });

  const note = value['note'];
  if (note !== undefined && typeof note !== 'string') out.invalid('note', 'string');
  if (value['sourceClass'] !== undefined && typeof value['sourceClass'] !== 'string') out.invalid('sourceClass', 'string');

  const data = spec ? parseData(spec.fields, value['data'], out) : undefined;

  if (out.violations.length > 0 || !spec || data === undefined || by === undefined || typeof at !== 'string') {
    return { ok: false, violations: out.violations };
  }
  const command = {
    cmd: spec.cmd,
    at,
    by,
    data,
    ...(typeof source === 'string' ? { source } : {}),
    ...(typeof note === 'string' ? { note } : {}),
  };
  // The declaration and the command types are kept in step by world.ts's type-level check.
  return { ok: true, command: command as unknown as WorldCommand };
}
