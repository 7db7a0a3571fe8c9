/**
 * From a scenario file's document (already checked against the published JSON schema, so every
 * field has its type) to a normalised ScenarioDefinition: durations in milliseconds, named policies
 * resolved, injects sorted, inject commands checked by the engine's own parser.
 *
 * Problems name the path of the field at fault (`['injects', 3, 'at']`), so that the caller can
 * point at the line of the file. Nothing is thrown.
 */
import type { Title } from '../command.js';
import { parseCommand } from '../parse-command.js';
import { formatViolation } from '../../messages/index.js';
import { isIsoDate } from '../time.js';
import { readObjectives, type RawObjective } from './objectives.js';
import { ALL_CHANNELS, type ChannelRules } from './channels.js';
import { parseDuration, parseOffset, parseUtc, resolveRelativeTimes, isoSeconds, DAY, HOUR } from './duration.js';
import {
  DEFAULT_CHAIR, DEFAULT_CONTROL, DEFAULT_POLICY, STAFF_SEAT,
  fixed,
  type ChairPolicy, type Condition, type ControlPolicy, type Dist, type Negotiation, type Inject, type InjectAttachment, type InjectCondition, type InjectKind, type RatifyPolicy, type Rule,
  type ScenarioDefinition, type SeatPolicy, type Stance,
} from './types.js';

export type DocPath = readonly (string | number)[];

export interface Problem {
  readonly path: DocPath;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

type Doc = Readonly<Record<string, unknown>>;

/** A distribution as a file writes it: `{ dist: uniform, min: 1h, max: 4h }` (durations or numbers). */
export interface RawDist {
  readonly dist: 'fixed' | 'uniform' | 'triangular' | 'lognormal';
  readonly value?: string | number;
  readonly min?: string | number;
  readonly mode?: string | number;
  readonly max?: string | number;
  readonly median?: string | number;
  readonly p90?: string | number;
}

export interface RawNegotiation {
  readonly if?: RawRule['if'];
  readonly paragraph: number;
  readonly wording: string;
  readonly redLines?: { readonly requires?: readonly string[]; readonly excludes?: readonly string[] };
  readonly reason?: string;
}

export interface RawPolicy {
  readonly extends?: string;
  readonly default?: Stance;
  readonly delay?: string | RawDist;
  readonly jitter?: string;
  readonly breakSilence?: number | RawDist;
  readonly accept?: number | RawDist;
  readonly negotiate?: readonly RawNegotiation[];
  readonly reason?: string;
  readonly footnote?: string;
  readonly rules?: readonly RawRule[];
  readonly ratify?: RawRatify | readonly RawRatify[];
  readonly associate?: boolean;
  readonly deposit?: boolean;
}

export interface RawRatify {
  readonly protocols?: readonly string[];
  readonly after?: string;
  readonly jitter?: string;
  readonly depositAfter?: string;
  readonly afterInjects?: readonly string[];
  readonly probability?: number;
}

export interface RawRule {
  readonly if?: {
    readonly tagged?: readonly string[];
    readonly proposals?: readonly string[];
    readonly procedure?: 'meeting' | 'silence';
    readonly afterInjects?: readonly string[];
    readonly beforeInjects?: readonly string[];
    readonly maxRevision?: number;
  };
  readonly then: Stance;
  readonly reason?: string;
  readonly footnote?: string;
  readonly probability?: number;
  readonly delay?: string | RawDist;
  readonly jitter?: string;
}

class Collector {
  readonly problems: Problem[] = [];
  add(path: DocPath, code: string, params: Problem['params'] = {}): void {
    this.problems.push({ path, code, params });
  }
  duration(value: string | undefined, path: DocPath, fallback: number): number {
    if (value === undefined) return fallback;
    const ms = parseDuration(value);
    if (ms === undefined) {
      this.add(path, 'scenario.duration_invalid', { value });
      return fallback;
    }
    return ms;
  }
  /** A duration or a distribution of durations (ms), its order checked. */
  durationDist(value: string | RawDist | undefined, path: DocPath, fallback: Dist): Dist {
    if (value === undefined) return fallback;
    if (typeof value === 'string') return fixed(this.duration(value, path, 0));
    return this.dist(value, path, (v, at) => (typeof v === 'string' ? this.duration(v, at, 0) : v));
  }
  /** A probability or a distribution of probabilities. */
  probabilityDist(value: number | RawDist | undefined, path: DocPath, fallback: Dist): Dist {
    if (value === undefined) return fallback;
    if (typeof value === 'number') return fixed(value);
    return this.dist(value, path, (v) => Number(v));
  }
  private dist(raw: RawDist, path: DocPath, read: (v: string | number, at: DocPath) => number): Dist {
    const get = (field: 'value' | 'min' | 'mode' | 'max' | 'median' | 'p90'): number => {
      const v = raw[field];
      return v === undefined ? 0 : read(v, [...path, field]);
    };
    const ordered = (fields: readonly ('min' | 'mode' | 'max' | 'median' | 'p90')[], values: readonly number[]): void => {
      // A missing field is the schema's to report.
      if (fields.some((f) => raw[f] === undefined)) return;
      for (let i = 1; i < values.length; i++) {
        if (values[i - 1]! > values[i]!) {
          this.add([...path, fields[i]!], 'scenario.distribution_order', { order: fields.join(' ≤ '), field: fields[i]!, previous: fields[i - 1]! });
          return;
        }
      }
    };
    switch (raw.dist) {
      case 'fixed':
        return fixed(get('value'));
      case 'uniform': {
        const d = { kind: 'uniform' as const, min: get('min'), max: get('max') };
        ordered(['min', 'max'], [d.min, d.max]);
        return d;
      }
      case 'triangular': {
        const d = { kind: 'triangular' as const, min: get('min'), mode: get('mode'), max: get('max') };
        ordered(['min', 'mode', 'max'], [d.min, d.mode, d.max]);
        return d;
      }
      case 'lognormal': {
        const median = get('median');
        const p90 = get('p90');
        if (raw.max === undefined) {
          ordered(['median', 'p90'], [median, p90]);
          return { kind: 'lognormal', median, p90 };
        }
        const max = get('max');
        ordered(['median', 'p90', 'max'], [median, p90, max]);
        return { kind: 'lognormal', median, p90, max };
      }
    }
  }
}

function conditionOf(raw: RawRule['if']): Condition {
  return {
    ...(raw?.tagged ? { tagged: raw.tagged } : {}),
    ...(raw?.proposals ? { proposals: raw.proposals } : {}),
    ...(raw?.procedure ? { procedure: raw.procedure } : {}),
    ...(raw?.afterInjects ? { afterInjects: raw.afterInjects } : {}),
    ...(raw?.beforeInjects ? { beforeInjects: raw.beforeInjects } : {}),
    ...(raw?.maxRevision !== undefined ? { maxRevision: raw.maxRevision } : {}),
  };
}

function negotiationFrom(raw: RawNegotiation, path: DocPath, out: Collector): Negotiation {
  const redLines = { requires: raw.redLines?.requires ?? [], excludes: raw.redLines?.excludes ?? [] };
  const crossed = [...redLines.requires.filter((phrase) => !raw.wording.includes(phrase)), ...redLines.excludes.filter((phrase) => raw.wording.includes(phrase))];
  if (crossed.length > 0) out.add([...path, 'wording'], 'scenario.wording_crosses_red_lines', { phrases: crossed.map((phrase) => `“${phrase}”`).join(', ') });
  return { when: conditionOf(raw.if), paragraph: raw.paragraph, wording: raw.wording, redLines, ...(raw.reason !== undefined ? { reason: raw.reason } : {}) };
}

function policyFrom(raw: RawPolicy, base: SeatPolicy, path: DocPath, out: Collector): SeatPolicy {
  const rules: readonly Rule[] = raw.rules === undefined ? base.rules : raw.rules.map((rr, i) => {
    const p = [...path, 'rules', i];
    const when = conditionOf(rr.if);
    return {
      when, then: rr.then,
      ...(rr.reason !== undefined ? { reason: rr.reason } : {}),
      ...(rr.footnote !== undefined ? { footnote: rr.footnote } : {}),
      ...(rr.probability !== undefined ? { probability: rr.probability } : {}),
      ...(rr.delay !== undefined ? { delay: out.durationDist(rr.delay, [...p, 'delay'], fixed(0)) } : {}),
      ...(rr.jitter !== undefined ? { jitterMs: out.duration(rr.jitter, [...p, 'jitter'], 0) } : typeof rr.delay === 'object' ? { jitterMs: 0 } : {}),
    };
  });
  let ratify: readonly RatifyPolicy[] | undefined = base.ratify;
  if (raw.ratify) {
    const list = Array.isArray(raw.ratify) ? (raw.ratify as readonly RawRatify[]) : [raw.ratify as RawRatify];
    const many = Array.isArray(raw.ratify);
    ratify = list.map((r, i) => {
      const rp = many ? [...path, 'ratify', i] : [...path, 'ratify'];
      return {
        afterMs: out.duration(r.after, [...rp, 'after'], 0),
        jitterMs: out.duration(r.jitter, [...rp, 'jitter'], 0),
        depositAfterMs: out.duration(r.depositAfter, [...rp, 'depositAfter'], DAY),
        ...(r.protocols ? { protocols: r.protocols } : {}),
        ...(r.afterInjects ? { afterInjects: r.afterInjects } : {}),
        ...(r.probability !== undefined ? { probability: r.probability } : {}),
      };
    });
  }
  const reason = raw.reason ?? base.reason;
  const footnote = raw.footnote ?? base.footnote;
  return {
    default: raw.default ?? base.default,
    delay: out.durationDist(raw.delay, [...path, 'delay'], base.delay),
    // A distribution of delays carries its own spread: no jitter unless the file gives one.
    jitterMs: out.duration(raw.jitter, [...path, 'jitter'], typeof raw.delay === 'object' ? 0 : base.jitterMs),
    rules,
    negotiate: raw.negotiate === undefined ? base.negotiate : raw.negotiate.map((n, i) => negotiationFrom(n, [...path, 'negotiate', i], out)),
    breakSilence: out.probabilityDist(raw.breakSilence, [...path, 'breakSilence'], base.breakSilence),
    accept: out.probabilityDist(raw.accept, [...path, 'accept'], base.accept),
    ...(reason !== undefined ? { reason } : {}),
    ...(footnote !== undefined ? { footnote } : {}),
    ...(ratify ? { ratify } : {}),
    associate: raw.associate ?? base.associate,
    deposit: raw.deposit ?? base.deposit,
  };
}

const CONDITION_LISTS = [
  'adopted', 'notAdopted', 'tabled', 'notTabled', 'silenceBroken', 'consultationsRequested', 'consultationsHeld', 'consultationsNotHeld',
  'inForce', 'notInForce', 'delivered', 'notDelivered',
] as const;

/** A condition as the file wrote it, with only the fields the engine reads. */
function normaliseCondition(raw: InjectCondition): InjectCondition {
  const out: Record<string, unknown> = {};
  for (const key of CONDITION_LISTS) if (raw[key]) out[key] = [...raw[key]];
  if (raw.status) out.status = Object.fromEntries(Object.entries(raw.status).map(([p, list]) => [p, [...list]]));
  if (raw.any) out.any = raw.any.map(normaliseCondition);
  return out as InjectCondition;
}

/** The inject ids a condition refers to, with the path of each reference. */
function conditionRefs(condition: InjectCondition, path: DocPath): { id: string; path: DocPath }[] {
  const refs: { id: string; path: DocPath }[] = [];
  for (const key of ['delivered', 'notDelivered'] as const) (condition[key] ?? []).forEach((id, j) => refs.push({ id, path: [...path, key, j] }));
  (condition.any ?? []).forEach((branch, i) => refs.push(...conditionRefs(branch, [...path, 'any', i])));
  return refs;
}

/** The inject ids a policy refers to, with the path of each reference. */
function policyReferences(policy: RawPolicy | string, path: DocPath): { id: string; path: DocPath }[] {
  if (typeof policy === 'string') return [];
  const refs: { id: string; path: DocPath }[] = [];
  (policy.rules ?? []).forEach((r, i) => {
    for (const key of ['afterInjects', 'beforeInjects'] as const) {
      (r.if?.[key] ?? []).forEach((id, j) => refs.push({ id, path: [...path, 'rules', i, 'if', key, j] }));
    }
  });
  (policy.negotiate ?? []).forEach((n, i) => {
    for (const key of ['afterInjects', 'beforeInjects'] as const) {
      (n.if?.[key] ?? []).forEach((id, j) => refs.push({ id, path: [...path, 'negotiate', i, 'if', key, j] }));
    }
  });
  const ratify = policy.ratify;
  const list = ratify === undefined ? [] : Array.isArray(ratify) ? (ratify as readonly RawRatify[]) : [ratify as RawRatify];
  list.forEach((r, i) => (r.afterInjects ?? []).forEach((id, j) => {
    refs.push({ id, path: Array.isArray(ratify) ? [...path, 'ratify', i, 'afterInjects', j] : [...path, 'ratify', 'afterInjects', j] });
  }));
  return refs;
}

/**
 * Normalises a schema-valid scenario document. `asOf` given here (the command line's `--as-of`)
 * overrides the file's.
 */
export function normaliseDefinition(doc: Doc, options: { asOf?: string } = {}): { ok: true; definition: ScenarioDefinition } | { ok: false; problems: readonly Problem[] } {
  const out = new Collector();
  const id = String(doc.scenario);
  const asOf = options.asOf ?? String(doc.asOf ?? '');
  if (!isIsoDate(asOf)) out.add(['asOf'], 'scenario.date_invalid', { value: asOf });
  const defaultStart = isIsoDate(asOf) ? `${isoSeconds(Date.parse(`${asOf}T00:00:00Z`) + DAY + 8 * HOUR)}` : '';
  const startText = typeof doc.start === 'string' ? doc.start : defaultStart;
  const startMs = parseUtc(startText);
  // With no start and no valid fork date, the fork date's problem is the one to report.
  if ((startMs === undefined && (typeof doc.start === 'string' || isIsoDate(asOf))) || (startMs !== undefined && isIsoDate(asOf) && startMs < Date.parse(`${asOf}T00:00:00Z`) + DAY)) {
    out.add(['start'], 'scenario.start_invalid', { start: startText, asOf });
  }
  const start = startMs === undefined ? defaultStart : isoSeconds(startMs);
  const durationMs = out.duration(doc.duration as string | undefined, ['duration'], 72 * HOUR);
  const clock = (doc.clock ?? {}) as { speed?: number };
  const control = (doc.control ?? {}) as { depositaryDelay?: string; inviteeDelay?: string };
  const chairDoc = (doc.chair ?? {}) as Record<string, unknown>;

  const rawPolicies = (doc.policies ?? {}) as Record<string, RawPolicy>;
  const named = new Map<string, SeatPolicy>();
  const resolving = new Set<string>();
  const resolveNamed = (name: string, path: DocPath): SeatPolicy => {
    const found = named.get(name);
    if (found) return found;
    const raw = rawPolicies[name];
    if (!raw || resolving.has(name)) {
      out.add(path, 'scenario.policy_unknown', { policy: name });
      return DEFAULT_POLICY;
    }
    resolving.add(name);
    const base = raw.extends ? resolveNamed(raw.extends, ['policies', name, 'extends']) : DEFAULT_POLICY;
    const policy = policyFrom(raw, base, ['policies', name], out);
    resolving.delete(name);
    named.set(name, policy);
    return policy;
  };
  const resolve = (value: RawPolicy | string, path: DocPath): SeatPolicy => {
    if (typeof value === 'string') return resolveNamed(value, path);
    const base = value.extends ? resolveNamed(value.extends, [...path, 'extends']) : DEFAULT_POLICY;
    return policyFrom(value, base, path, out);
  };
  for (const name of Object.keys(rawPolicies)) resolveNamed(name, ['policies', name]);

  const seatsDoc = (doc.seats ?? {}) as Record<string, RawPolicy | string>;
  const defaultPolicy = seatsDoc.default !== undefined ? resolve(seatsDoc.default, ['seats', 'default']) : DEFAULT_POLICY;
  const seats: Record<string, SeatPolicy> = {};
  for (const [seat, value] of Object.entries(seatsDoc)) {
    if (seat === 'default' || seat === STAFF_SEAT) continue;
    seats[seat] = resolve(value, ['seats', seat]);
  }

  const chair: ChairPolicy = {
    delayMs: Math.max(60_000, out.duration(chairDoc.delay as string | undefined, ['chair', 'delay'], DEFAULT_CHAIR.delayMs)),
    meetingAfterMs: out.duration(chairDoc.meetingAfter as string | undefined, ['chair', 'meetingAfter'], DEFAULT_CHAIR.meetingAfterMs),
    silenceForMs: out.duration(chairDoc.silenceFor as string | undefined, ['chair', 'silenceFor'], DEFAULT_CHAIR.silenceForMs),
    onBreak: (chairDoc.onBreak as ChairPolicy['onBreak'] | undefined) ?? DEFAULT_CHAIR.onBreak,
    acceptFootnotes: (chairDoc.acceptFootnotes as boolean | undefined) ?? DEFAULT_CHAIR.acceptFootnotes,
    maxRevisions: (chairDoc.maxRevisions as number | undefined) ?? DEFAULT_CHAIR.maxRevisions,
    holdConsultationsAfterMs: out.duration(chairDoc.holdConsultationsAfter as string | undefined, ['chair', 'holdConsultationsAfter'], DEFAULT_CHAIR.holdConsultationsAfterMs),
  };
  const controlPolicy: ControlPolicy = {
    depositaryDelayMs: out.duration(control.depositaryDelay, ['control', 'depositaryDelay'], DEFAULT_CONTROL.depositaryDelayMs),
    inviteeDelayMs: out.duration(control.inviteeDelay, ['control', 'inviteeDelay'], DEFAULT_CONTROL.inviteeDelayMs),
  };

  const rawInjects = (doc.injects ?? []) as readonly Doc[];
  const injectRefs: { id: string; path: DocPath }[] = [];
  const seen = new Set<string>();
  const injects: (Inject & { order: number })[] = [];
  rawInjects.forEach((raw, i) => {
    const path = ['injects', i];
    const injectId = String(raw.id);
    if (seen.has(injectId)) out.add([...path, 'id'], 'scenario.inject_duplicate', { inject: injectId });
    seen.add(injectId);
    const atText = String(raw.at);
    const atMs = startMs === undefined ? 0 : parseOffset(atText, startMs);
    if (atMs === undefined) {
      out.add([...path, 'at'], 'scenario.time_invalid', { value: atText });
      return;
    }
    if (atMs < 0 || atMs > durationMs) out.add([...path, 'at'], 'scenario.inject_outside', { inject: injectId, at: atText });
    const command = raw.command as { cmd: string; by: string; data?: Record<string, unknown> } | undefined;
    if (command && startMs !== undefined) {
      const data = resolveRelativeTimes(command.data ?? {}, startMs + atMs, startMs);
      const parsed = parseCommand({ cmd: command.cmd, at: isoSeconds(startMs + atMs), by: command.by, data }, { requireSource: false });
      if (!parsed.ok) {
        for (const v of parsed.violations) {
          const field = v.path === '' ? [] : v.path.split('.').flatMap((part) => {
            const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
            if (!m) return [part];
            return [m[1]!, ...[...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))];
          });
          out.add([...path, 'command', ...field], 'scenario.inject_command', { reason: formatViolation(v) });
        }
      }
    }
    const condition = raw.if as InjectCondition | undefined;
    let untilMs: number | undefined;
    if (raw.until !== undefined) {
      const untilText = String(raw.until);
      untilMs = startMs === undefined ? 0 : parseOffset(untilText, startMs);
      if (untilMs === undefined) out.add([...path, 'until'], 'scenario.time_invalid', { value: untilText });
      else if (untilMs < atMs || untilMs > durationMs) out.add([...path, 'until'], 'scenario.until_invalid', { inject: injectId, until: untilText, at: atText });
      if (!condition) out.add([...path, 'until'], 'scenario.until_without_if', { inject: injectId });
    }
    if (condition) for (const ref of conditionRefs(condition, [...path, 'if'])) injectRefs.push(ref);
    const text = raw.text as Title | undefined;
    injects.push({
      order: i,
      id: injectId,
      atMs,
      kind: raw.kind as InjectKind,
      title: raw.title as Title,
      ...(text ? { text } : {}),
      ...(raw.attachments ? { attachments: (raw.attachments as InjectAttachment[]).map((a) => ({ title: a.title, url: a.url })) } : {}),
      tags: (raw.tags as string[] | undefined) ?? [],
      ...(raw.to ? { to: raw.to as string[] } : {}),
      ...(raw.classification ? { classification: String(raw.classification) } : {}),
      ...(raw.releasability ? { releasability: raw.releasability as string[] } : {}),
      ...(raw.resolution ? { resolution: String(raw.resolution) } : {}),
      ...(raw.outlet ? { outlet: String(raw.outlet) } : {}),
      ...(command ? { command: { cmd: command.cmd, by: command.by, data: command.data ?? {} } } : {}),
      ...(condition ? { condition: normaliseCondition(condition) } : {}),
      ...(condition && untilMs !== undefined ? { untilMs } : {}),
    });
  });
  for (const ref of injectRefs) if (!seen.has(ref.id)) out.add(ref.path, 'scenario.inject_unknown', { inject: ref.id });

  for (const [name, raw] of Object.entries(rawPolicies)) {
    for (const ref of policyReferences(raw, ['policies', name])) if (!seen.has(ref.id)) out.add(ref.path, 'scenario.inject_unknown', { inject: ref.id });
  }
  for (const [seat, raw] of Object.entries(seatsDoc)) {
    for (const ref of policyReferences(raw, ['seats', seat])) if (!seen.has(ref.id)) out.add(ref.path, 'scenario.inject_unknown', { inject: ref.id });
  }

  const objectives = readObjectives(doc.objectives as readonly RawObjective[] | undefined);
  for (const p of objectives.problems) out.add(p.path, p.code, p.params);
  if (out.problems.length > 0) return { ok: false, problems: out.problems };
  const description = doc.description as Title | undefined;
  return {
    ok: true,
    definition: {
      id,
      title: doc.title as Title,
      ...(description ? { description } : {}),
      asOf,
      start,
      durationMs,
      speed: clock.speed ?? 60,
      seed: typeof doc.seed === 'string' ? doc.seed : id,
      partners: (doc.partners as string[] | undefined) ?? [],
      defaultPolicy,
      seats,
      chair,
      control: controlPolicy,
      injects: injects.sort((a, b) => a.atMs - b.atMs || a.order - b.order).map(({ order: _order, ...inject }) => inject),
      ...(objectives.objectives.length ? { objectives: objectives.objectives } : {}),
      ...(doc.channels ? { channels: { ...ALL_CHANNELS, ...(doc.channels as Partial<ChannelRules>) } } : {}),
    },
  };
}

/** A definition with one seat's policy or one inject changed: the two levers of a what-if. */
export function changeDefinition(
  definition: ScenarioDefinition,
  change: { seat?: string; policy?: SeatPolicy; inject?: string; replace?: Inject; drop?: boolean },
): ScenarioDefinition {
  let next = definition;
  if (change.seat && change.policy) next = { ...next, seats: { ...next.seats, [change.seat]: change.policy } };
  if (change.inject) {
    const rest = next.injects.filter((i) => i.id !== change.inject);
    const injects = change.drop || !change.replace ? rest : [...rest, change.replace].sort((a, b) => a.atMs - b.atMs);
    next = { ...next, injects };
  }
  return next;
}
