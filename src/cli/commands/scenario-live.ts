/**
 * `evere scenario message|messages` (channels between seats) and `evere scenario objectives|score`
 * (evaluation against the scenario's objectives). Parsing and formatting only: the work is in
 * src/app/scenarios. Every page printed for a person starts with the EXERCISE marking.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { formatMessage } from '../../messages/index.js';
import { joinClauses } from '../../messages/format.js';
import { CLASSIFICATIONS, isClassification, type Classification } from '../../ledger/classification.js';
import { Scenarios } from '../../app/scenarios/service.js';
import { listMessages, sendMessage } from '../../app/scenarios/channels.js';
import { evaluation, scoreObjective, type ObjectiveView } from '../../app/scenarios/evaluation.js';
import { RATINGS } from '../../domain/scenario/objectives.js';

type Ctx = () => CliContext;

function parseSeatOrControl(value: string): string {
  const upper = value.toUpperCase();
  if (!/^[A-Z]{2,10}$/.test(upper)) throw new InvalidArgumentError(`"${value}" is not a seat (an ISO alpha-3 code, IS or SG for International Staff, EXCON for exercise control).`);
  return upper;
}

function parseSeats(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean).map(parseSeatOrControl);
}

function parseClassification(value: string): Classification {
  if (!isClassification(value)) throw new InvalidArgumentError(`"${value}" is not one of ${CLASSIFICATIONS.join(', ')}.`);
  return value;
}

async function service(c: CliContext): Promise<Scenarios> {
  const services = await c.services();
  return new Scenarios({ ledger: services.ledger, dataDir: c.config().dataDir, accounts: services.accounts });
}

function parseRating(value: string): string {
  if (!(RATINGS as readonly string[]).includes(value)) throw new InvalidArgumentError(`"${value}" is not one of ${RATINGS.join(', ')}.`);
  return value;
}

/** The objectives with what the system measured and the evaluators' scores (also in the report). */
export function showObjectives(c: CliContext, objectives: readonly ObjectiveView[]): void {
  const l = c.lang;
  const f = l === 'fr';
  c.io.out(`\n${f ? 'Objectifs de l’exercice\u00a0:' : 'Exercise objectives:'}\n`);
  c.io.out(table(objectives, [
    { header: 'id', value: (o) => o.id },
    { header: f ? 'objectif' : 'objective', value: (o) => o.title[l] ?? o.title.en },
    { header: f ? 'mesuré' : 'measured', value: (o) => `${formatMessage(`objective.status_${o.measured.status}`, {}, l)}${f ? '\u00a0:' : ':'} ${formatMessage(o.measured.code, o.measured.params, l)}` },
    { header: f ? 'évaluations' : 'scores', value: (o) => joinClauses(o.scores.map((s) => `${formatMessage(`objective.rating_${s.rating}`, {}, l)} (${s.evaluator}, ${s.offset})`), l) || '—' },
  ]));
  for (const o of objectives) for (const s of o.scores) c.io.out(`  ${o.id} · ${s.evaluator} · ${s.offset}${f ? '\u00a0:' : ':'} ${s.observation}\n`);
}

function banner(c: CliContext): void {
  c.io.out(`${formatMessage('cli.scenario.banner', {}, c.lang)}\n`);
}

export function registerScenarioLiveCommands(scenario: Command, ctx: Ctx): void {
  scenario.command('message')
    .description('send a message from a seat held by a person (or EXCON, exercise control) to seats, the chair (IS) or everyone (ALL), at the scenario’s current time')
    .argument('<name>')
    .requiredOption('--as <seat>', 'the sending seat (an Ally, IS or SG, a partner) or EXCON')
    .requiredOption('--to <seats>', 'seats, comma-separated (IS: the chair), or ALL', parseSeats)
    .requiredOption('--text <text>', 'the message')
    .option('--classification <level>', 'its classification (default NATO UNCLASSIFIED)', parseClassification)
    .option('--json')
    .action(async (name: string, o: { as: string; to: string[]; text: string; classification?: Classification; json?: boolean }) => {
      const c = ctx();
      const m = await sendMessage(await service(c), name, { from: parseSeatOrControl(o.as), to: o.to, text: o.text, ...(o.classification ? { classification: o.classification } : {}) });
      if (o.json) return c.io.out(json(m));
      banner(c);
      c.say('cli.scenario.message_sent', { seq: m.seq, offset: m.offset, from: m.from, to: m.to.join(', '), signedBy: m.signedBy });
    });

  scenario.command('messages')
    .description('the messages of a scenario’s channels, oldest first (--seat: those a seat sent or received)')
    .argument('<name>')
    .option('--seat <seat>', 'only the messages this seat sent or was sent (with those to ALL)', parseSeatOrControl)
    .option('--json')
    .action(async (name: string, o: { seat?: string; json?: boolean }) => {
      const c = ctx();
      const list = await listMessages(await service(c), name, undefined, o.seat ? { seat: o.seat } : {});
      if (o.json) return c.io.out(json(list));
      banner(c);
      if (list.length === 0) return c.say('cli.scenario.no_messages', { name });
      const f = c.lang === 'fr';
      c.io.out(table(list, [
        { header: '#', value: (m) => String(m.seq) },
        { header: f ? 'temps' : 'time', value: (m) => m.offset },
        { header: f ? 'de' : 'from', value: (m) => m.from },
        { header: f ? 'à' : 'to', value: (m) => m.to.join(', ') },
        { header: f ? 'classification' : 'classification', value: (m) => m.classification },
        { header: f ? 'texte' : 'text', value: (m) => m.text },
      ]));
    });

  scenario.command('objectives')
    .description('the exercise objectives: what the system measured (times, participation) and the evaluators’ scores')
    .argument('<name>')
    .option('--json')
    .action(async (name: string, o: { json?: boolean }) => {
      const c = ctx();
      const e = await evaluation(await service(c), name);
      if (o.json) return c.io.out(json(e));
      banner(c);
      if (e.objectives.length === 0) return c.say('cli.scenario.no_objectives', { name });
      showObjectives(c, e.objectives);
    });

  scenario.command('score')
    .description('score an exercise objective with an observation (evaluators and exercise control)')
    .argument('<name>')
    .argument('<objective>', 'the objective’s id in the scenario file')
    .requiredOption('--rating <rating>', `one of ${RATINGS.join(', ')}`, parseRating)
    .requiredOption('--observation <text>', 'what was observed')
    .option('--json')
    .action(async (name: string, objective: string, o: { rating: string; observation: string; json?: boolean }) => {
      const c = ctx();
      const s = await scoreObjective(await service(c), name, { objective, rating: o.rating, observation: o.observation });
      if (o.json) return c.io.out(json(s));
      banner(c);
      c.say('cli.scenario.scored', { objective, rating: formatMessage(`objective.rating_${s.rating}`, {}, c.lang), offset: s.offset, seq: s.seq });
    });
}
