/**
 * Loads the real record (data/record/*.ndjson) into a world through the rules engine.
 * Every line is parsed and decided before anything is written: a malformed line or one the
 * engine refuses fails the whole load with its file, line and rule, and nothing is written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand, worldDecider, type WorldState } from '../domain/world.js';
import type { Violation } from '../domain/decider.js';
import { formatViolation, renderMessage, type MessageRef } from '../messages/index.js';
import type { Json } from '../ledger/entry.js';
import type { Draft, LedgerService, Progress } from './ledger-service.js';
import { ARCHIVE_PRINCIPAL } from './ledger-service.js';
import { EvereError, withNested } from './errors.js';
import { isJsonObject, parseJsonLine } from './json-line.js';
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
      const refuse = (reason: MessageRef): never => {
        throw withNested('load.malformed', { file: name, line }, 'reason', reason);
      };
      const parsed = parseJsonLine(raw);
      if (!parsed.ok) return refuse(parsed.reason);
      if (!isJsonObject(parsed.value)) return refuse({ code: 'json_line.not_object', params: {} });
      const v = parsed.value;
      if (typeof v.source !== 'string' || !/^https?:\/\/\S+$/.test(v.source)) return refuse({ code: 'load.reason.no_source', params: {} });
      if (!isSourceClass(v.sourceClass)) {
        const classes = SOURCE_CLASSES.join(', ');
        return refuse(v.sourceClass === undefined
          ? { code: 'load.reason.no_source_class', params: { classes } }
          : { code: 'load.reason.bad_source_class', params: { value: String(v.sourceClass), classes } });
      }
      if (typeof v.at !== 'string') return refuse({ code: 'load.reason.no_time', params: {} });
      let at: string;
      try {
        at = normaliseInstant(v.at);
      } catch {
        return refuse({ code: 'load.reason.bad_time', params: { value: v.at } });
      }
      lines.push({ file: name, line, value: v, at });
    });
  }
  // Array.prototype.sort is stable: equal times keep file-then-line order.
  lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { lines, files: names.length };
}

/** Why the engine cannot read a record line, as a message: the rule it breaks, and where. */
export function commandRefusal(v: Violation): MessageRef {
  const rule: MessageRef = { code: v.code, params: v.params };
  return v.path ? { code: 'load.reason.command', params: { path: v.path }, nested: { rule } } : rule;
}

/** Decides every line in order; returns the drafts to append, or throws naming the first refusal. */
export function decideRecord(lines: readonly RecordLine[]): Draft[] {
  let state: WorldState = worldDecider.initialState();
  const drafts: Draft[] = [];
  for (const l of lines) {
    const parsed = parseCommand(l.value);
    if (!parsed.ok) {
      const v = parsed.violations[0]!;
      const reason = commandRefusal(v);
      throw new EvereError('load.malformed', { file: l.file, line: l.line, reason: renderMessage(reason, 'en') }, parsed.violations, { reason });
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
