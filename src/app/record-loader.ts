/**
 * Loads the real record (data/record/*.ndjson) into a world through the rules engine.
 * Every line is parsed and decided before anything is written: a malformed line or one the
 * engine refuses fails the whole load with its file, line and rule, and nothing is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand, worldDecider, type WorldState } from '../domain/world.js';
import { formatViolation } from '../messages/index.js';
import type { Json } from '../ledger/entry.js';
import type { Draft, LedgerService, Progress } from './ledger-service.js';
import { ARCHIVE_PRINCIPAL } from './ledger-service.js';
import { EvereError } from './errors.js';
import { normaliseInstant } from './time.js';
import { SOURCE_CLASSES, isSourceClass } from './record-sources.js';

export interface RecordLine {
  readonly file: string;
  readonly line: number;
  readonly value: Record<string, unknown>;
  readonly at: string;
}

const BATCH = 500;

/** Reads and orders every line of the record: by valid time, then file name, then line. */
export function readRecordLines(dir: string): { lines: RecordLine[]; files: number } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.ndjson')).sort();
  } catch {
    names = [];
  }
  const lines: RecordLine[] = [];
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8');
    text.split('\n').forEach((raw, i) => {
      const line = i + 1;
      if (raw.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        throw new EvereError('load.malformed', { file: name, line, reason: `not valid JSON (${(error as Error).message})` });
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new EvereError('load.malformed', { file: name, line, reason: 'a line must be a JSON object' });
      }
      const v = value as Record<string, unknown>;
      if (typeof v.source !== 'string' || !/^https?:\/\/\S+$/.test(v.source)) {
        throw new EvereError('load.malformed', { file: name, line, reason: 'source: every fact needs a public source URL' });
      }
      if (!isSourceClass(v.sourceClass)) {
        throw new EvereError('load.malformed', { file: name, line, reason: `sourceClass: ${v.sourceClass === undefined ? 'missing' : `"${String(v.sourceClass)}" is not a class`}; one of ${SOURCE_CLASSES.join(', ')}` });
      }
      if (typeof v.at !== 'string') throw new EvereError('load.malformed', { file: name, line, reason: 'at: missing valid time' });
      let at: string;
      try {
        at = normaliseInstant(v.at);
      } catch {
        throw new EvereError('load.malformed', { file: name, line, reason: `at: "${v.at}" is not an ISO 8601 date` });
      }
      lines.push({ file: name, line, value: v, at });
    });
  }
  // Array.prototype.sort is stable: equal times keep file-then-line order.
  lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { lines, files: names.length };
}

/** Decides every line in order; returns the drafts to append, or throws naming the first refusal. */
export function decideRecord(lines: readonly RecordLine[]): Draft[] {
  let state: WorldState = worldDecider.initialState();
  const drafts: Draft[] = [];
  for (const l of lines) {
    const parsed = parseCommand(l.value);
    if (!parsed.ok) {
      const v = parsed.violations[0]!;
      throw new EvereError('load.malformed', { file: l.file, line: l.line, reason: `${formatViolation(v)}${v.path ? ` (${v.path})` : ''}` }, parsed.violations);
    }
    const decision = worldDecider.decide(state, parsed.command);
    if (!decision.ok) {
      throw new EvereError('load.rejected', { file: l.file, line: l.line, rule: decision.violations.map((v) => formatViolation(v)).join('; ') }, decision.violations);
    }
    for (const event of decision.events) {
      state = worldDecider.evolve(state, event);
      drafts.push({
        type: event.type, validTime: event.at, actor: ARCHIVE_PRINCIPAL, actingFor: event.by,
        classification: 'PUBLIC', releasability: ['PUBLIC'],
        source: l.value.source as string,
        payload: event.data as Json,
      });
    }
  }
  return drafts;
}

export async function initRecord(
  ledger: LedgerService,
  dataDir: string,
  options: { world: string; empty: boolean; progress?: Progress },
): Promise<{ entries: number; files: number }> {
  const { lines, files } = options.empty ? { lines: [], files: 0 } : readRecordLines(join(dataDir, 'record'));
  const drafts = decideRecord(lines);
  if (await ledger.store.world(options.world)) throw new EvereError('world.exists', { name: options.world });
  await ledger.createWorld(options.world);
  for (let start = 0; start < drafts.length; start += BATCH) {
    await ledger.append(options.world, drafts.slice(start, start + BATCH));
    options.progress?.(Math.min(drafts.length, start + BATCH), drafts.length);
  }
  return { entries: drafts.length, files };
}
