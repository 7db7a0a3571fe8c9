/**
 * `evere scenario`: crisis-management exercises on a fork of the real Alliance.
 *   create | list | show | validate | assign | clock start|pause|resume|speed | advance | tick |
 *   inject | act | report | branch | run
 * Parsing and formatting only: the work is in src/app/scenarios. Every page printed for a person
 * starts with the EXERCISE marking.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { parseDateOption, parseNonNegativeInt } from '../parse.js';
import { formatMessage } from '../../messages/index.js';
import { stateName } from '../../domain/states.js';
import { parseDuration, formatOffset } from '../../domain/scenario/duration.js';
import { INJECT_KINDS } from '../../domain/scenario/types.js';
import type { Distribution } from '../../domain/scenario/stats.js';
import { EvereError, withNested } from '../../app/errors.js';
import { parseJsonLine } from '../../app/json-line.js';
import { Scenarios, SYSTEM_OPERATOR, type ScenarioStatus } from '../../app/scenarios/service.js';
import { bareDefinition, readAdHocInject, readInject, readPolicy, readScenarioFile } from '../../app/scenarios/scenario-file.js';
import { recordSeats } from '../../app/scenarios/fork.js';
import { readScenario } from '../../app/scenarios/scenario-state.js';
import { branchPoint, scenarioTimeOf } from '../../app/scenarios/branch-point.js';
import { scenarioReport, type ScenarioReport } from '../../app/scenarios/report.js';
import { changeWords, renderReportHtml, renderRunsHtml } from '../../app/scenarios/report-html.js';
import { runHeadless, type HeadlessResult } from '../../app/scenarios/headless.js';
import { SCENARIO_SCHEMA } from '../../app/scenarios/schema.js';
import { registerScenarioLiveCommands, showObjectives } from './scenario-live.js';

type Ctx = () => CliContext;


function parseSpeed(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive number (60: one minute is one hour).`);
  return n;
}

function parseDur(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError(`"${value}" is not a duration (e.g. 90m, 6h, 1d6h, PT6H).`);
  return ms;
}

function parseSeat(value: string): string {
  const upper = value.toUpperCase();
  if (!/^([A-Z]{3}|IS)$/.test(upper)) throw new InvalidArgumentError(`"${value}" is not a seat (an ISO alpha-3 code, or IS for International Staff).`);
  return upper;
}

function parseRuns(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n < 1) throw new InvalidArgumentError('at least one run');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--attach "Grid map=https://…"` or `--attach https://…` (its address is its title). */
function attachmentOf(value: string): { title: { en: string }; url: string } {
  const m = /^(.*?)=(https?:\/\/\S+)$/.exec(value);
  if (m && m[1]!.trim()) return { title: { en: m[1]!.trim() }, url: m[2]! };
  return { title: { en: value }, url: value };
}

/** YAML/JSON text given on the command line, or `@file` to read it from a file. */
function textArg(value: string): string {
  if (!value.startsWith('@')) return value;
  try {
    return readFileSync(value.slice(1), 'utf8');
  } catch (error) {
    throw new EvereError('scenario.file_unreadable', { file: value.slice(1), reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

const lang = (c: CliContext) => c.lang;
const CLOCK_STATUS: Record<string, { en: string; fr: string }> = {
  not_started: { en: 'not started', fr: 'non lancée' },
  running: { en: 'running', fr: 'en marche' },
  paused: { en: 'paused', fr: 'en pause' },
};
const clockStatus = (c: CliContext, status: string) => CLOCK_STATUS[status]?.[c.lang] ?? status;
const fr = (c: CliContext) => c.lang === 'fr';

async function service(c: CliContext): Promise<Scenarios> {
  const services = await c.services();
  return new Scenarios({ ledger: services.ledger, dataDir: c.config().dataDir, accounts: services.accounts });
}

function banner(c: CliContext): void {
  c.io.out(`${formatMessage('cli.scenario.banner', {}, c.lang)}\n`);
}

function showStatus(c: CliContext, s: ScenarioStatus): void {
  banner(c);
  const f = fr(c);
  c.io.out(`${s.title[lang(c)] ?? s.title.en} — ${s.name}${s.branch ? ` (${f ? 'variante de' : 'branch of'} ${s.branch.parent} @ ${s.branch.atSeq})` : ''}\n`);
  c.io.out(`${f ? 'registre au' : 'record as of'} ${s.asOf} · T+0 ${s.start} · ${f ? 'fin' : 'end'} ${s.end}\n`);
  c.io.out(`${f ? 'horloge\u00a0: ' : 'clock: '}${clockStatus(c, s.clock.status)} ×${s.clock.speed} · ${f ? 'maintenant' : 'now'} ${s.now} (${formatOffset(Date.parse(s.now) - Date.parse(s.start))})${s.ended ? (f ? ' · terminé' : ' · ended') : ''}\n\n`);
  const people = s.seats.filter((x) => x.played === 'person');
  c.io.out(`${f ? 'sièges\u00a0: ' : 'seats: '}${s.seats.length} (${people.length} ${f ? 'tenus par des personnes\u00a0: ' : 'held by people: '}${people.map((p) => `${p.seat}=${p.holder}`).join(', ') || '—'}${f ? '\u00a0; les autres joués par des robots' : '; the others played by bots'})\n`);
  c.io.out(`${f ? 'injects transmis\u00a0: ' : 'injects delivered: '}${s.delivered.map((d) => d.inject).join(', ') || '—'}\n`);
  if (s.upcoming) {
    c.io.out(`\n${f ? 'à venir (liste des événements du scénario)\u00a0:' : 'to come (master scenario events list):'}\n`);
    c.io.out(table(s.upcoming, [
      { header: f ? 'temps' : 'time', value: (u) => `${formatOffset(Date.parse(u.at) - Date.parse(s.start))}  ${u.at}` },
      { header: 'id', value: (u) => u.inject },
      { header: f ? 'type' : 'kind', value: (u) => u.kind },
      { header: f ? 'titre' : 'title', value: (u) => u.title[lang(c)] ?? u.title.en },
    ]));
  }
}

const dist = (d: Distribution) => (d.count === 0 ? '—' : `${d.p10}–${d.p50}–${d.p90}`);

function showRuns(c: CliContext, r: HeadlessResult): void {
  const f = fr(c);
  banner(c);
  c.say('cli.scenario.runs', { runs: r.runs, title: r.scenario.title[lang(c)] ?? r.scenario.title.en, seconds: (r.elapsedMs / 1000).toFixed(1), perMinute: r.runsPerMinute });
  c.io.out('\n');
  c.io.out(table(r.summary.proposals, [
    { header: f ? 'proposition' : 'proposal', value: (p) => p.proposal },
    { header: f ? 'titre' : 'title', value: (p) => p.title },
    { header: f ? 'adoptée' : 'adopted', value: (p) => `${Math.round(p.adoptedShare * 100)} %`, align: 'right' },
    { header: f ? 'délai de consensus h (p10–médiane–p90)' : 'time to consensus h (p10–median–p90)', value: (p) => dist(p.hoursToConsensus), align: 'right' },
    { header: f ? 'tours (révisions, p10–médiane–p90)' : 'rounds (revisions, p10–median–p90)', value: (p) => dist(p.rounds), align: 'right' },
  ]));
  const blocks = r.summary.proposals.flatMap((p) => p.blocks.map((b) => ({ proposal: p.proposal, ...b })));
  if (blocks.length) {
    c.io.out(`\n${f ? 'blocages (ruptures de silence et objections, toutes exécutions)\u00a0:' : 'blocks (silence breaks and objections, all runs):'}\n`);
    c.io.out(table(blocks, [
      { header: f ? 'proposition' : 'proposal', value: (b) => b.proposal },
      { header: f ? 'délégation' : 'delegation', value: (b) => b.ally },
      { header: f ? 'paragraphe' : 'paragraph', value: (b) => b.paragraph ?? '—', align: 'right' },
      { header: f ? 'fois' : 'times', value: (b) => b.count, align: 'right' },
    ]));
  }
  const s = r.summary.adoptedShare;
  c.io.out(`\n${f ? 'part des propositions adoptées par exécution\u00a0: ' : 'share of proposals adopted per run: '}${f ? 'moyenne' : 'mean'} ${s.mean ?? '—'}, p10 ${s.p10 ?? '—'}, ${f ? 'médiane' : 'median'} ${s.p50 ?? '—'}, p90 ${s.p90 ?? '—'}\n`);
  c.io.out(`${f ? 'ruptures de silence par exécution\u00a0: ' : 'silence breaks per run: '}${f ? 'moyenne' : 'mean'} ${r.summary.silenceBreaks.mean ?? '—'} · ${f ? 'notes de bas de page\u00a0: ' : 'footnotes: '}${r.summary.footnotes.mean ?? '—'}\n`);
  if (r.summary.accessions.length) {
    c.io.out('\n');
    c.io.out(table(r.summary.accessions, [
      { header: f ? 'protocole' : 'protocol', value: (a) => a.protocol },
      { header: f ? 'en vigueur' : 'in force', value: (a) => `${Math.round(a.inForceShare * 100)} %`, align: 'right' },
      { header: f ? 'jours jusqu’à l’entrée en vigueur (p10–médiane–p90)' : 'days to entry into force (p10–median–p90)', value: (a) => (a.hoursToEntryIntoForce.count ? `${(a.hoursToEntryIntoForce.p10! / 24).toFixed(1)}–${(a.hoursToEntryIntoForce.p50! / 24).toFixed(1)}–${(a.hoursToEntryIntoForce.p90! / 24).toFixed(1)}` : '—'), align: 'right' },
    ]));
  }
}

function showReport(c: CliContext, r: ScenarioReport): void {
  const f = fr(c);
  const l = lang(c);
  const a = r.aar;
  banner(c);
  c.io.out(`${f ? 'Rapport après action\u00a0: ' : 'After-action report: '}${r.status.title[l] ?? r.status.title.en} (${r.status.name}) — ${r.classification}\n`);
  c.io.out(`${f ? 'joué jusqu’au' : 'played until'} ${r.playedUntil} (${formatOffset(Date.parse(r.playedUntil) - Date.parse(a.scenario.start))})\n`);
  const cmp = r.comparison;
  if (cmp) {
    c.io.out(`\n${f ? 'Variante côte à côte\u00a0: ' : 'What-if side by side: '}${cmp.left} | ${cmp.right}\n`);
    if (cmp.branch) c.io.out(`${formatMessage('cli.scenario.branch_changed', { parent: cmp.left, atSeq: cmp.branch.atSeq, change: changeWords(cmp.branch.change, l) }, l)}\n`);
    c.io.out(table(cmp.totals, [
      { header: f ? 'mesure' : 'measure', value: (m) => m.measure },
      { header: cmp.left, value: (m) => m.left, align: 'right' },
      { header: cmp.right, value: (m) => m.right, align: 'right' },
    ]));
    c.io.out(table(cmp.proposals, [
      { header: f ? 'proposition' : 'proposal', value: (p) => p.proposal },
      { header: cmp.left, value: (p) => (p.left ? `${p.left.status}${p.left.hours !== undefined ? ` ${p.left.hours} h` : ''}` : '—') },
      { header: cmp.right, value: (p) => (p.right ? `${p.right.status}${p.right.hours !== undefined ? ` ${p.right.hours} h` : ''}` : '—') },
      { header: f ? 'changé' : 'changed', value: (p) => (p.changed ? '✱' : '') },
    ]));
    c.io.out('\n');
  }

  const t = a.totals;
  c.io.out(`${f ? 'propositions' : 'proposals'} ${t.proposals} · ${f ? 'adoptées' : 'adopted'} ${t.adopted} · ${f ? 'échouées' : 'failed'} ${t.failed} · ${f ? 'ruptures de silence' : 'silence breaks'} ${t.silenceBreaks} · ${f ? 'notes' : 'footnotes'} ${t.footnotes} · injects ${t.injects} · ${f ? 'actes' : 'acts'} ${t.acts}\n\n`);
  c.io.out(table(a.decisions, [
    { header: f ? 'proposition' : 'proposal', value: (d) => d.proposal },
    { header: f ? 'titre' : 'title', value: (d) => d.title[l] ?? d.title.en },
    { header: f ? 'statut' : 'status', value: (d) => d.status },
    { header: f ? 'délai de consensus (h)' : 'time to consensus (h)', value: (d) => d.hoursToConsensus, align: 'right' },
    { header: f ? 'ruptures' : 'breaks', value: (d) => d.breaks.map((b) => b.ally).join(', ') },
    { header: f ? 'notes' : 'footnotes', value: (d) => d.footnotes.map((x) => x.ally).join(', ') },
  ]));
  if (r.objectives?.length) showObjectives(c, r.objectives);
  if (a.failed.length) {
    c.io.out(`\n${f ? 'Échecs, et pourquoi\u00a0:' : 'Failed, and why:'}\n`);
    for (const x of a.failed) c.io.out(`  ${x.proposal}${f ? '\u00a0:' : ':'} ${formatMessage(x.reason.code, x.reason.params, l)}\n`);
  }
  const parties = [...new Set([...a.silenceBreaks.map((x) => x.party), ...a.footnotes.map((x) => x.party)])].sort();
  if (parties.length) {
    c.io.out(`\n${f ? 'Par délégation\u00a0:' : 'By delegation:'}\n`);
    c.io.out(table(parties, [
      { header: f ? 'délégation' : 'delegation', value: (p) => `${stateName(p, l)} (${p})` },
      { header: f ? 'ruptures de silence' : 'silence breaks', value: (p) => a.silenceBreaks.find((x) => x.party === p)?.count ?? 0, align: 'right' },
      { header: f ? 'notes de bas de page' : 'footnotes', value: (p) => a.footnotes.find((x) => x.party === p)?.count ?? 0, align: 'right' },
    ]));
  }
  if (a.responseTimes.length) {
    c.io.out(`\n${f ? 'Temps de réponse par siège (premier acte sur chaque texte soumis)\u00a0:' : 'Response times per seat (first act on each text put to the Council):'}\n`);
    c.io.out(table(a.responseTimes, [
      { header: f ? 'siège' : 'seat', value: (x) => x.party },
      { header: f ? 'réponses' : 'answers', value: (x) => x.answers, align: 'right' },
      { header: f ? 'sans réponse' : 'unanswered', value: (x) => x.unanswered, align: 'right' },
      { header: f ? 'médiane (h)' : 'median (h)', value: (x) => x.medianHours, align: 'right' },
      { header: 'max (h)', value: (x) => x.maxHours, align: 'right' },
    ]));
  }
  if (a.consultations.length) {
    c.io.out(`\n${f ? 'Consultations (art. 4)\u00a0:' : 'Consultations (Art. 4):'}\n`);
    for (const x of a.consultations) c.io.out(`  ${x.consultation}${f ? '\u00a0:' : ':'} ${x.requesters.join(', ')} ${x.requestedAt} → ${x.heldAt ?? '…'}${x.hoursToConsultations !== undefined ? ` (${x.hoursToConsultations} h)` : ''}\n`);
  }
  for (const x of a.accessions) {
    c.io.out(`\n${x.protocol}${f ? '\u00a0:' : ':'} ${x.deposited.length} ${f ? 'ratifications déposées en jeu' : 'ratifications deposited in play'}${x.enteredIntoForceAt ? ` · ${f ? 'en vigueur' : 'in force'} ${x.enteredIntoForceAt}` : ''}${x.acceded.length ? ` · ${x.acceded.map((y) => `${y.state} ${y.at}`).join(', ')}` : ''}\n`);
  }
  c.io.out(`\n${f ? 'Chronologie\u00a0:' : 'Timeline:'}\n`);
  c.io.out(table(a.timeline, [
    { header: '#', value: (r) => r.seq, align: 'right' },
    { header: 'T+', value: (r) => r.offset },
    { header: f ? 'quoi' : 'what', value: (r) => formatMessage(r.summary.code, r.summary.params, l) },
    { header: f ? 'joué par' : 'played by', value: (r) => r.source },
  ]));
  banner(c);
}

/** A scenario time: `T+12h`, a duration from the start, or a UTC date-time. */
async function scenarioTime(c: CliContext, name: string, value: string): Promise<number> {
  return scenarioTimeOf(await c.ledger(), name, value);
}

export function registerScenarioCommands(program: Command, ctx: Ctx): void {
  const scenario = program.command('scenario');
  registerScenarioLiveCommands(scenario, ctx);

  scenario.command('create')
    .description('fork the record as it stood at a date into a new scenario world, with a scenario file (injects, seats, bot policies)')
    .argument('<name>', 'world name (lower-case letters, digits, hyphens)')
    .option('--file <path>', 'scenario file (YAML or JSON; schema: data/scenarios/scenario.schema.json)')
    .option('--as-of <date>', 'fork date (overrides the file’s asOf)', parseDateOption)
    .option('--json', 'machine-readable output')
    .action(async (name: string, o: { file?: string; asOf?: string; json?: boolean }) => {
      const c = ctx();
      const asOf = o.asOf?.slice(0, 10);
      if (!o.file && !asOf) throw new EvereError('scenario.as_of_missing');
      const definition = o.file ? readScenarioFile(o.file, { ...(asOf ? { asOf } : {}), lang: c.lang, seatsAt: recordSeats(c.config().dataDir) }) : bareDefinition(name, asOf!);
      const bar = c.progress(name);
      const s = await (await service(c)).create(name, definition, SYSTEM_OPERATOR, (d, t) => bar.update(d, t));
      bar.stop();
      if (o.json) return c.io.out(json(s));
      const size = await (await c.ledger()).store.size(name);
      banner(c);
      c.say('cli.scenario.created', { name, asOf: s.asOf, entries: size, seats: s.seats.length, injects: definition.injects.length, start: s.start });
    });

  scenario.command('validate')
    .description('check a scenario file against the schema and the engine, naming the line and field of every problem')
    .argument('<file>')
    .option('--json')
    .action((file: string, o: { json?: boolean }) => {
      const c = ctx();
      const d = readScenarioFile(file, { lang: c.lang, seatsAt: recordSeats(c.config().dataDir) });
      if (o.json) return c.io.out(json(d));
      c.say('cli.scenario.valid', { file, injects: d.injects.length, seats: Object.keys(d.seats).length, asOf: d.asOf });
    });

  scenario.command('schema')
    .description('print the JSON schema of scenario files')
    .action(() => ctx().io.out(json(SCENARIO_SCHEMA)));

  scenario.command('list')
    .description('scenario worlds')
    .option('--json')
    .action(async (o: { json?: boolean }) => {
      const c = ctx();
      const list = await (await service(c)).list();
      if (o.json) return c.io.out(json(list));
      if (list.length === 0) return c.say('cli.scenario.none');
      banner(c);
      c.io.out(table(list, [
        { header: fr(c) ? 'nom' : 'name', value: (s) => s.name },
        { header: fr(c) ? 'titre' : 'title', value: (s) => s.title[lang(c)] ?? s.title.en },
        { header: fr(c) ? 'registre au' : 'as of', value: (s) => s.asOf },
        { header: fr(c) ? 'horloge' : 'clock', value: (s) => `${clockStatus(c, s.clock.status)} ×${s.clock.speed}` },
        { header: fr(c) ? 'maintenant' : 'now', value: (s) => formatOffset(Date.parse(s.now) - Date.parse(s.start)) },
        { header: fr(c) ? 'variante de' : 'branch of', value: (s) => s.branch?.parent },
      ]));
    });

  scenario.command('show')
    .description('a scenario’s clock, seats, delivered injects and the injects still to come')
    .argument('<name>')
    .option('--json')
    .action(async (name: string, o: { json?: boolean }) => {
      const c = ctx();
      const s = await (await service(c)).status(name);
      if (o.json) return c.io.out(json(s));
      showStatus(c, s);
    });

  scenario.command('assign')
    .description('give a seat to a player (--seat with --user), back to its bot (--seat with --bot), or admit a controller, evaluator or observer (--user alone)')
    .argument('<name>')
    .option('--seat <seat>', 'an Ally (ISO alpha-3), IS (International Staff) or a partner', parseSeat)
    .option('--user <username>', 'the account (role player for a seat)')
    .option('--bot', 'the seat goes back to its bot')
    .option('--json')
    .action(async (name: string, o: { seat?: string; user?: string; bot?: boolean; json?: boolean }) => {
      const c = ctx();
      const svc = await service(c);
      if (!o.seat) {
        if (!o.user) throw withNested('input.invalid', { field: '--user' }, 'reason', { code: 'reason.admit_needs_user', params: {} });
        const account = await svc.admit(name, o.user);
        if (o.json) return c.io.out(json(account));
        return c.say('cli.scenario.admitted', { username: account.username, role: account.role, name });
      }
      if (!o.bot && !o.user) throw withNested('input.invalid', { field: '--seat' }, 'reason', { code: 'reason.seat_needs_user_or_bot', params: {} });
      const s = await svc.assign(name, o.seat, o.bot ? undefined : o.user);
      if (o.json) return c.io.out(json(s));
      c.say(o.bot ? 'cli.scenario.to_bot' : 'cli.scenario.assigned', { seat: o.seat, name, holder: o.user ?? '' });
    });

  const clock = scenario.command('clock').description('the scenario clock: start, pause, resume, speed (real time is 1; 60: one minute is one hour)');
  const clockAction = (action: 'start' | 'pause' | 'resume' | 'speed', description: string) => {
    const cmd = clock.command(action).description(description).argument('<name>');
    if (action === 'start') cmd.option('--speed <n>', 'scenario seconds per real second (default: the file’s)', parseSpeed);
    if (action === 'speed') cmd.argument('<speed>', 'scenario seconds per real second', parseSpeed);
    cmd.option('--json').action(async (name: string, ...rest: unknown[]) => {
      const c = ctx();
      const speed = action === 'speed' ? (rest[0] as number) : (rest[0] as { speed?: number }).speed;
      const o = (action === 'speed' ? rest[1] : rest[0]) as { json?: boolean };
      const s = await (await service(c)).clock(name, { action, ...(speed !== undefined ? { speed } : {}) });
      if (o.json) return c.io.out(json(s));
      c.say('cli.scenario.clock', { name, status: clockStatus(c, s.clock.status), speed: s.clock.speed, now: s.now });
    });
  };
  clockAction('start', 'start the clock at T+0');
  clockAction('pause', 'pause the clock (scenario time stands still; silence deadlines wait)');
  clockAction('resume', 'resume the clock');
  clockAction('speed', 'change the speed');

  scenario.command('advance')
    .description('move scenario time forward and play everything due until then: injects, bots, the chair')
    .argument('<name>')
    .option('--by <duration>', 'e.g. 6h, 1d, 90m', parseDur)
    .option('--to <time>', 'T+12h, or a UTC date-time')
    .option('--json')
    .action(async (name: string, o: { by?: number; to?: string; json?: boolean }) => {
      const c = ctx();
      if (o.by === undefined && o.to === undefined) throw withNested('input.invalid', { field: '--by/--to' }, 'reason', { code: 'reason.one_of_them', params: {} });
      const target = o.to !== undefined ? { to: await scenarioTime(c, name, o.to) } : { by: o.by! };
      const r = await (await service(c)).advance(name, target);
      if (o.json) return c.io.out(json({ status: r.status, entries: r.entries }));
      c.say('cli.scenario.played', { count: r.entries.length, now: r.status.now, offset: formatOffset(Date.parse(r.status.now) - Date.parse(r.status.start)) });
    });

  scenario.command('tick')
    .description('bring the scenario up to its clock: deliver due injects and let the bots act')
    .argument('<name>')
    .option('--json')
    .action(async (name: string, o: { json?: boolean }) => {
      const c = ctx();
      const svc = await service(c);
      const entries = await svc.tick(name);
      const s = await svc.status(name);
      if (o.json) return c.io.out(json({ status: s, entries }));
      c.say('cli.scenario.played', { count: entries.length, now: s.now, offset: formatOffset(Date.parse(s.now) - Date.parse(s.start)) });
    });

  scenario.command('inject')
    .description('deliver an inject now: one from the list (by id), ahead of its time, or an ad-hoc one (--kind and --title) with its full content')
    .argument('<name>')
    .argument('[id]', 'an inject of the scenario file')
    .option('--kind <kind>', `ad hoc: ${INJECT_KINDS.join(', ')}`)
    .option('--title <text>', 'ad hoc: title in English')
    .option('--title-fr <text>', 'ad hoc: title in French')
    .option('--text <text>', 'ad hoc: text')
    .option('--text-fr <text>', 'ad hoc: text in French')
    .option('--attach <link>', 'ad hoc: a document that comes with it, TITLE=URL or URL (repeatable)', collect, [] as string[])
    .option('--to <seats>', 'ad hoc: the seats it is addressed to, comma-separated (default: every seat)')
    .option('--classification <level>', 'ad hoc: its classification (default NATO UNCLASSIFIED)')
    .option('--releasability <list>', 'ad hoc: releasable to, comma-separated (default NATO)')
    .option('--inject-id <id>', 'ad hoc: its id (default ADHOC-n)')
    .option('--json')
    .action(async (name: string, id: string | undefined, o: {
      kind?: string; title?: string; titleFr?: string; text?: string; textFr?: string; attach: string[]; to?: string;
      classification?: string; releasability?: string; injectId?: string; json?: boolean;
    }) => {
      const c = ctx();
      const svc = await service(c);
      let entries;
      const adHocGiven = o.kind || o.title || o.titleFr || o.text || o.textFr || o.attach.length > 0 || o.to || o.classification || o.releasability || o.injectId;
      if (id) {
        if (adHocGiven) throw withNested('input.invalid', { field: id }, 'reason', { code: 'reason.inject_id_alone', params: {} });
        entries = await svc.deliver(name, { id });
      } else {
        if (!o.title || !o.kind) {
          throw withNested('input.invalid', { field: '--kind/--title' }, 'reason', { code: 'reason.inject_id_or_kind', params: { kinds: INJECT_KINDS } });
        }
        const list = (v: string | undefined) => v?.split(',').map((x) => x.trim()).filter(Boolean);
        const raw: Record<string, unknown> = {
          kind: o.kind, title: { en: o.title, ...(o.titleFr ? { fr: o.titleFr } : {}) },
          ...(o.text || o.textFr ? { text: { en: o.text ?? '', ...(o.textFr ? { fr: o.textFr } : {}) } } : {}),
          ...(o.attach.length ? { attachments: o.attach.map(attachmentOf) } : {}),
          ...(o.to ? { to: list(o.to)!.map((x) => x.toUpperCase()) } : {}),
          ...(o.classification ? { classification: o.classification } : {}),
          ...(o.releasability ? { releasability: list(o.releasability) } : {}),
          ...(o.injectId ? { id: o.injectId } : {}),
        };
        const sc = await readScenario(svc.deps.ledger, name);
        entries = await svc.deliver(name, { adHoc: readAdHocInject(raw, sc.definition) });
      }
      if (o.json) return c.io.out(json(entries));
      for (const e of entries) c.io.out(`${e.seq}  ${e.validTime}  ${e.type}  ${e.actingFor}\n`);
    });

  scenario.command('act')
    .description('act for a seat held by a person, at the scenario’s current time (see `evere commands`)')
    .argument('<name>')
    .argument('<cmd>', 'command, e.g. BreakSilence')
    .requiredOption('--as <party>', 'the Ally (or SG/NAC for International Staff) acting')
    .option('--data <json>', 'the command data as JSON', '{}')
    .option('--json')
    .action(async (name: string, cmd: string, o: { as: string; data: string; json?: boolean }) => {
      const c = ctx();
      const parsed = parseJsonLine(o.data);
      if (!parsed.ok) throw withNested('input.invalid', { field: '--data' }, 'reason', parsed.reason);
      const data = parsed.value;
      const entries = await (await service(c)).act(name, { cmd, by: o.as.toUpperCase(), data });
      if (o.json) return c.io.out(json(entries));
      for (const e of entries) c.io.out(`${e.seq}  ${e.validTime}  ${e.type}  ${e.actingFor}  (${fr(c) ? 'signé par' : 'signed by'} ${e.actor})\n`);
    });

  scenario.command('report')
    .description('the after-action report: timeline, time to consensus, silence breaks and footnotes by delegation, failures and why (--json, --html FILE)')
    .argument('<name>')
    .option('--json', 'machine-readable report')
    .option('--html <file>', 'write a self-contained HTML report with charts and tables')
    .option('--compare <other>', 'compare side by side with another scenario (a branch is compared with its parent anyway)')
    .action(async (name: string, o: { json?: boolean; html?: string; compare?: string }) => {
      const c = ctx();
      const svc = await service(c);
      const r = await scenarioReport(svc, name, o.compare ? { compareWith: o.compare } : {});
      if (o.html) {
        writeFileSync(o.html, renderReportHtml(r, c.lang));
        if (!o.json) c.say('cli.scenario.html', { file: o.html });
      }
      if (o.json) return c.io.out(json(r));
      if (!o.html) showReport(c, r);
    });

  scenario.command('branch')
    .description('what-if: branch a scenario at an entry, change one seat’s policy or one inject, and replay deterministically')
    .argument('<name>', 'the scenario to branch')
    .argument('<new>', 'the branch’s world name')
    .requiredOption('--at <point>', 'the branch point: entries before it are kept — an entry’s number (the report’s # column) or a scenario time (T+30h: its first entry at or after it)')
    .option('--seat <seat>', 'the seat whose policy changes', parseSeat)
    .option('--policy <yaml>', 'its new policy, YAML or JSON (or @file)')
    .option('--inject <id>', 'the inject that changes')
    .option('--set <yaml>', 'the inject as it should be, YAML or JSON (or @file)')
    .option('--drop', 'remove the inject')
    .option('--to-end', 'replay to the end of the scenario (default: as far as the parent got)')
    .option('--json')
    .action(async (name: string, branch: string, o: { at: string; seat?: string; policy?: string; inject?: string; set?: string; drop?: boolean; toEnd?: boolean; json?: boolean }) => {
      const c = ctx();
      const svc = await service(c);
      const sc = await readScenario(await c.ledger(), name);
      if ((o.seat === undefined) !== (o.policy === undefined) || (o.inject !== undefined && !o.set && !o.drop)) throw new EvereError('scenario.branch_change');
      const policy = o.seat && o.policy ? readPolicy(textArg(o.policy), o.seat, sc.definition) : undefined;
      const replace = o.inject && o.set ? readInject(textArg(o.set), sc.definition) : undefined;
      const atSeq = await branchPoint(await c.ledger(), svc, name, o.at);
      const r = await svc.branch(name, branch, {
        atSeq, ...(o.seat ? { seat: o.seat } : {}), ...(policy ? { policy } : {}), ...(o.inject ? { inject: o.inject } : {}),
        ...(replace ? { replace } : {}), ...(o.drop ? { drop: true } : {}), ...(o.toEnd ? { toEnd: true } : {}),
      });
      if (o.json) return c.io.out(json(r));
      banner(c);
      c.say('cli.scenario.branched', { name: branch, parent: name, seq: atSeq, copied: r.copied, replayed: r.replayed });
    });

  scenario.command('run')
    .description('headless: play a scenario file many times with bots in every seat, and report distributions (time to consensus, rounds, blocks, share adopted)')
    .argument('<file>', 'scenario file')
    .option('--bots-only', 'every seat played by its bot (headless runs always are)')
    .requiredOption('--runs <n>', 'how many runs', parseRuns)
    .option('--seed <seed>', 'seed of the runs (default: the file’s)')
    .option('--as-of <date>', 'fork date (overrides the file’s)', parseDateOption)
    .option('--json', 'machine-readable distributions')
    .option('--html <file>', 'write the distributions as HTML with charts and tables')
    .action(async (file: string, o: { runs: number; seed?: string; asOf?: string; json?: boolean; html?: string }) => {
      const c = ctx();
      const definition = readScenarioFile(file, { ...(o.asOf ? { asOf: o.asOf.slice(0, 10) } : {}), lang: c.lang, seatsAt: recordSeats(c.config().dataDir) });
      const bar = c.progress(definition.id);
      const r = await runHeadless(c.config().dataDir, definition, { runs: o.runs, ...(o.seed ? { seed: o.seed } : {}), progress: (d, t) => bar.update(d, t) });
      bar.stop();
      if (o.html) {
        writeFileSync(o.html, renderRunsHtml(r, c.lang));
        if (!o.json) c.say('cli.scenario.html', { file: o.html });
      }
      if (o.json) return c.io.out(json(r));
      showRuns(c, r);
    });
}

