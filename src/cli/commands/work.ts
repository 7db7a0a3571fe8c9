/**
 * The Alliance's work: operations, partners, the DCB fund, exercises, the EU, arms control, human
 * security. Queries answer from the indexes at any date (`--as-of`) and as the log knew it
 * (`--known-at`); tables in English or French, or JSON and CSV. The fund's acts (pledge,
 * contribute, allocate, spend) go through the rules engine in a writable world.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { csv, json, table, type Column } from '../format.js';
import { emit, nowIso, outputOptions, stateCode, timeOptions, type Out, type Time } from '../options.js';
import { parseDateOption } from '../parse.js';
import {
  FUND_DIMENSIONS, armsControlCommittees, armsControlRegister, armsControlStatuses, cooperationAreas, declarations, eu, exercises, frameworks,
  fund, fundReport, humanSecurity, operation, operations, partners, programmes,
  type CoverageRow, type ExerciseRow, type FundDimension, type FundReportRow, type OperationRow, type OperationStatus, type PartnerRow,
} from '../../app/work-queries.js';
import { act, actingPrincipal } from '../../app/acts.js';
import { withNested } from '../../app/errors.js';
import { partnerNames, stateName } from '../../domain/states.js';
import { CURRENCY_MINOR_UNITS, formatMoney } from '../../domain/fund/money.js';
import { DCB_AREAS, DCB_AREA_NAMES } from '../../domain/fund/types.js';
import { COOPERATION_AREA_NAMES } from '../../domain/eu/types.js';
import {
  CORE_TASK_NAMES, HUMAN_SECURITY_PILLARS, HUMAN_SECURITY_PILLAR_NAMES, RESILIENCE_THEME_NAMES, labelOf,
} from '../../domain/vocabulary.js';
import type { Lang, Message } from '../../messages/index.js';
import { recordText } from '../../messages/record-french.js';
import { joinClauses } from '../../messages/format.js';

type Ctx = () => CliContext;
const code = stateCode;

const t = (lang: Lang, m: Message): string => m[lang];
const today = (): string => new Date().toISOString().slice(0, 10);
const dateOf = (opts: Time): string => opts.asOf?.slice(0, 10) ?? today();
const names = (codes: readonly string[], lang: Lang): string => codes.map((s) => stateName(s, lang)).join(', ');

function yearOption(value: string): string {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a year (YYYY).`);
  return value;
}

const STATUS: Record<OperationStatus, Message> = {
  planned: { en: 'planned', fr: 'planifiée' },
  active: { en: 'active', fr: 'en cours' },
  ended: { en: 'ended', fr: 'terminée' },
};

/** The mandate in words; `short` keeps the first resolutions of a long list (tables), the rest counted. */
function mandateText(r: OperationRow, lang: Lang, short = false): string {
  const fr = lang === 'fr';
  const resolutions = r.resolutions ?? [];
  const listed = short && resolutions.length > 3 ? `${resolutions.slice(0, 3).join(', ')} (+${resolutions.length - 3})` : resolutions.join(', ');
  return joinClauses(r.mandate.map((m) => {
    switch (m) {
      case 'unscr': return `${fr ? 'RCSNU' : 'UNSCR'} ${listed}`;
      case 'host_request': return `${fr ? 'demande de' : 'request of'} ${(r.requestedBy ?? []).join(', ')}`;
      case 'organisation_request': return `${fr ? 'demande de' : 'request of'} ${recordText(lang, r.requestingOrganisation) ?? ''}`;
      case 'article5': return `${fr ? 'art. 5' : 'Art. 5'} (${r.determination ?? ''})`;
      case 'none': return fr ? 'aucun' : 'none';
      default: return m;
    }
  }), lang);
}

/** Major units as typed (`1000000.00`) to integer minor units of the currency (ISO 4217). */
function minorUnits(value: string, currency: string): number {
  const digits = (CURRENCY_MINOR_UNITS as Readonly<Record<string, number>>)[currency];
  if (digits === undefined) throw withNested('input.invalid', { field: '--currency' }, 'reason', { code: 'reason.unknown_currency', params: { currency } });
  const m = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m || (m[2]?.length ?? 0) > digits) {
    throw withNested('input.invalid', { field: '--amount' }, 'reason', { code: 'reason.amount_form', params: { value, currency, digits } });
  }
  const amount = Number(m[1]) * 10 ** digits + Number((m[2] ?? '').padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(amount) || amount < 1) throw withNested('input.invalid', { field: '--amount' }, 'reason', { code: 'reason.amount_range', params: { value } });
  return amount;
}

async function doAct(c: CliContext, command: { cmd: string; at: string; by: string; data: unknown }, asJson: boolean): Promise<void> {
  const ledger = await c.ledger();
  await ledger.requireWorld(c.world);
  const principal = await actingPrincipal(ledger, c.world, command.by);
  const entries = await act(ledger, c.world, command, principal);
  if (asJson) return c.io.out(json(entries));
  for (const e of entries) c.io.out(`${e.seq}  ${e.validTime}  ${e.type}  ${e.actingFor}  (${c.lang === 'fr' ? 'signé par' : 'signed by'} ${e.actor})\n`);
}

export function registerWorkCommands(program: Command, ctx: Ctx): void {
  registerOperations(program, ctx);
  registerPartners(program, ctx);
  registerFund(program, ctx);
  registerExercises(program, ctx);
  registerEu(program, ctx);
  registerArmsControl(program, ctx);
  registerHumanSecurity(program, ctx);
}

// ---- operations ----

/**
 * How many contributors of one kind the record holds on the date: "not recorded" when it holds
 * none and cannot say there were none, "≥ n" when a contributor known only from a later list may
 * already have been there, "n–m" when k of the m counted are known to have left only by a later
 * bound (n = m − k); both at once, "≥ n".
 */
function contributorCount(r: OperationRow, codes: readonly string[], fr: boolean): string | number {
  const notRecorded = fr ? 'non enregistré' : 'not recorded';
  // Nobody contributes to an ended operation on the date: a 0 there would read as "nobody ever did".
  if (r.status === 'ended') return '—';
  // None recorded of one kind is not none: NATO Mission Iraq's recorded contributors are partners only.
  if (!r.contributorsRecorded || codes.length === 0) return notRecorded;
  const mayHaveLeft = codes.filter((x) => r.contributorsMayHaveLeft.includes(x)).length;
  if (r.contributorsIncomplete) return `≥ ${codes.length - mayHaveLeft}`;
  return mayHaveLeft ? `${codes.length - mayHaveLeft}–${codes.length}` : codes.length;
}

function registerOperations(program: Command, ctx: Ctx): void {
  outputOptions(timeOptions(program.command('operations')))
    .argument('[id]', 'one operation (e.g. KFOR): its mandate, decisions and contributors over time')
    .addOption(new Option('--status <status>', 'only operations with this status on the date').choices(['planned', 'active', 'ended']))
    .action(async (id: string | undefined, opts: Out & Time & { status?: OperationStatus }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      if (id) {
        const d = await operation(await c.ledger(), c.world, id, opts);
        if (opts.json) return c.io.out(json(d));
        const contributions: Column<(typeof d.contributions)[number]>[] = [
          { header: fr ? 'contributeur' : 'contributor', value: (x) => x.name[c.lang] },
          { header: fr ? 'rôle' : 'role', value: (x) => (x.role === 'ally' ? (fr ? 'Allié' : 'Ally') : (fr ? 'partenaire' : 'partner')) },
          { header: fr ? 'depuis' : 'from', value: (x) => (x.fromIs === 'on_or_before' ? `${fr ? 'au plus tard le' : 'by'} ${x.from}` : x.from) },
          { header: fr ? 'jusqu’au' : 'until', value: (x) => (x.until && x.untilIs === 'on_or_before' ? `${fr ? 'au plus tard le' : 'by'} ${x.until}` : x.until) },
        ];
        if (opts.csv) return c.io.out(csv(d.contributions, contributions));
        const lines = [
          `${d.name[c.lang]} (${d.operation}) — ${STATUS[d.status][c.lang]} ${fr ? 'au' : 'on'} ${dateOf(opts)}`,
          `  ${fr ? 'tâche fondamentale\u00a0:' : 'core task:'} ${labelOf(CORE_TASK_NAMES, d.coreTask, c.lang)} · ${fr ? 'zone\u00a0:' : 'area:'} ${recordText(c.lang, d.area)}`,
          `  ${fr ? 'mandat\u00a0:' : 'mandate:'} ${mandateText(d, c.lang)}`,
          ...(d.plannedAt ? [`  ${fr ? 'planifiée le' : 'planned'} ${d.plannedAt}`] : []),
          ...(d.launchedAt ? [`  ${fr ? 'lancée le' : 'launched'} ${d.launchedAt}${d.launchDecidedAt ? ` (${fr ? 'décision du Conseil du' : 'Council decision of'} ${d.launchDecidedAt})` : ''}${d.launchDecision ? ` — ${recordText(c.lang, d.launchDecision)}` : ''}`] : []),
          ...(d.endedAt ? [`  ${fr ? 'terminée' : 'ended'} ${d.endedIs ? (fr ? 'au plus tard le' : 'by') : (fr ? 'le' : 'on')} ${d.endedAt}${d.endDecidedAt ? ` (${fr ? 'décision du Conseil du' : 'Council decision of'} ${d.endDecidedAt})` : ''}${d.endDecision ? ` — ${recordText(c.lang, d.endDecision)}` : ''}${d.successor ? ` → ${d.successor}` : ''}`] : []),
        ];
        c.io.out(`${lines.join('\n')}\n\n${d.contributions.length ? table(d.contributions, contributions) : `${fr ? 'aucun contributeur enregistré' : 'no contributor recorded'}\n`}`);
        return;
      }
      const rows = await operations(await c.ledger(), c.world, opts);
      const columns: Column<OperationRow>[] = [
        { header: 'id', value: (r) => r.operation },
        { header: fr ? 'nom' : 'name', value: (r) => r.name[c.lang] },
        { header: fr ? 'type' : 'kind', value: (r) => (r.kind === 'mission' ? 'mission' : (fr ? 'opération' : 'operation')) },
        { header: fr ? 'tâche fondamentale' : 'core task', value: (r) => labelOf(CORE_TASK_NAMES, r.coreTask, c.lang) },
        { header: fr ? 'zone' : 'area', value: (r) => recordText(c.lang, r.area) },
        { header: fr ? 'mandat' : 'mandate', value: (r) => mandateText(r, c.lang, !opts.csv) },
        { header: fr ? 'lancée' : 'launched', value: (r) => r.launchedAt },
        { header: fr ? 'terminée' : 'ended', value: (r) => (r.endedAt && r.endedIs ? `${fr ? 'au plus tard le' : 'by'} ${r.endedAt}` : r.endedAt) },
        { header: fr ? 'statut' : 'status', value: (r) => STATUS[r.status][c.lang] },
        { header: fr ? 'Alliés' : 'Allies', value: (r) => contributorCount(r, r.allies, fr), align: 'right' },
        { header: fr ? 'partenaires' : 'partners', value: (r) => contributorCount(r, r.partners, fr), align: 'right' },
      ];
      const active = rows.filter((r) => r.status === 'active').length;
      emit(c, opts, rows, columns, fr
        ? `${rows.length} opérations et missions connues au ${dateOf(opts)}, dont ${active} en cours`
        : `${rows.length} operations and missions known on ${dateOf(opts)}, ${active} active`);
    });
}

// ---- partners ----

function registerPartners(program: Command, ctx: Ctx): void {
  const partnersCmd = program.command('partners');
  outputOptions(timeOptions(partnersCmd.command('list', { isDefault: true })))
    .description('partners taking part in each framework on the date')
    .option('--framework <id>', 'one framework: PFP, MD, ICI, PATG, EOP')
    .option('--all', 'include partners that have since become Allies')
    .action(async (opts: Out & Time & { framework?: string; all?: boolean }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await partners(await c.ledger(), c.world, { ...opts, ...(opts.all ? { includeAllies: true } : {}) });
      const columns: Column<PartnerRow>[] = [
        { header: fr ? 'cadre' : 'framework', value: (r) => r.framework },
        { header: 'code', value: (r) => r.partner },
        { header: fr ? 'partenaire' : 'partner', value: (r) => r.name[c.lang] },
        { header: fr ? 'depuis' : 'since', value: (r) => (r.sinceIs ? `${fr ? 'au plus tard le' : 'by'} ${r.since}` : r.since) },
        {
          header: fr ? 'statut' : 'status',
          value: (r) => (r.ally ? (fr ? 'désormais Allié' : 'now an Ally') : r.suspended ? `${fr ? 'suspendu depuis le' : 'suspended since'} ${r.suspendedSince}` : (fr ? 'actif' : 'active')),
        },
      ];
      emit(c, opts, rows, columns, fr ? `${rows.length} participations au ${dateOf(opts)}` : `${rows.length} participations on ${dateOf(opts)}`);
    });
  outputOptions(timeOptions(partnersCmd.command('frameworks')))
    .description('the frameworks established by the date, with their partners then')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await frameworks(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: 'id', value: (r) => r.framework },
        { header: fr ? 'nom' : 'name', value: (r) => r.name[c.lang] },
        { header: fr ? 'établi' : 'established', value: (r) => r.establishedAt },
        { header: fr ? 'partenaires' : 'partners', value: (r) => r.partners, align: 'right' },
        { header: fr ? 'suspendus' : 'suspended', value: (r) => r.suspended, align: 'right' },
      ]);
    });
  outputOptions(timeOptions(partnersCmd.command('programmes')))
    .description('tailored partnership programmes agreed by the date')
    .option('--partner <code>', 'one partner')
    .action(async (opts: Out & Time & { partner?: string }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await programmes(await c.ledger(), c.world, { ...opts, ...(opts.partner ? { partner: code(opts.partner) } : {}) });
      emit(c, opts, rows, [
        { header: fr ? 'convenu' : 'agreed', value: (r) => r.agreedAt },
        { header: 'id', value: (r) => r.programme },
        { header: fr ? 'type' : 'kind', value: (r) => r.kind },
        { header: fr ? 'cadre' : 'framework', value: (r) => r.framework },
        { header: fr ? 'partenaire' : 'partner', value: (r) => r.name[c.lang] },
      ]);
    });
}

// ---- the DCB fund ----

function registerFund(program: Command, ctx: Ctx): void {
  const fundCmd = program.command('fund');
  outputOptions(timeOptions(fundCmd.command('balances', { isDefault: true })))
    .description('every currency’s books on the date, and whether they reconcile')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const s = await fund(await c.ledger(), c.world, opts);
      if (opts.json) return c.io.out(json(s));
      const money = (n: number, cur: string) => formatMoney(n, cur);
      // A movement is never 0, so a total of 0 means none is recorded, which is not knowing it was nil:
      // with nothing received in a currency, nothing about its money is known; with no allocation,
      // neither what was allocated, spent or left unspent, nor what is left unallocated.
      const notRecorded = fr ? 'non enregistré' : 'not recorded';
      type Balance = (typeof s.balances)[number];
      const shown = (n: number, b: Balance, known: boolean) => (known ? money(n, b.currency) : notRecorded);
      const received = (b: Balance) => b.received > 0;
      const allocated = (b: Balance) => received(b) && b.allocated > 0;
      const columns: Column<Balance>[] = [
        { header: fr ? 'devise' : 'currency', value: (b) => b.currency },
        { header: fr ? 'engagé' : 'pledged', value: (b) => money(b.pledged, b.currency), align: 'right' },
        { header: fr ? 'engagements non honorés' : 'outstanding pledges', value: (b) => money(b.outstandingPledges, b.currency), align: 'right' },
        { header: fr ? 'reçu' : 'received', value: (b) => shown(b.received, b, received(b)), align: 'right' },
        { header: fr ? 'alloué' : 'allocated', value: (b) => shown(b.allocated, b, allocated(b)), align: 'right' },
        { header: fr ? 'dépensé' : 'spent', value: (b) => shown(b.spent, b, allocated(b) && b.spent > 0), align: 'right' },
        { header: fr ? 'non alloué' : 'unallocated', value: (b) => shown(b.unallocated, b, allocated(b)), align: 'right' },
        { header: fr ? 'non dépensé' : 'unspent', value: (b) => shown(b.unspent, b, allocated(b) && b.spent > 0), align: 'right' },
        { header: fr ? 'concordance' : 'reconciles', value: (b) => (!received(b) ? notRecorded : b.reconciles ? (fr ? 'oui' : 'yes') : (fr ? 'NON' : 'NO')) },
      ];
      if (opts.csv) return c.io.out(csv(s.balances, columns));
      c.io.out(`${fr ? `Fonds DCB au ${s.asOf}\u00a0: ${s.packages.length} programmes` : `DCB trust fund on ${s.asOf}: ${s.packages.length} packages`}\n${fr ? 'Un engagement n’est pas une contribution\u00a0: seul le reçu peut être alloué.' : 'A pledge is not a contribution: only money received can be allocated.'}\n\n`);
      c.io.out(s.balances.length ? table(s.balances, columns) : `${fr ? 'aucun mouvement de fonds enregistré' : 'no movement of money recorded'}\n`);
    });
  outputOptions(timeOptions(fundCmd.command('packages')))
    .description('DCB packages launched by the date, per partner, with their areas')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const s = await fund(await c.ledger(), c.world, opts);
      emit(c, opts, s.packages, [
        { header: fr ? 'lancé' : 'launched', value: (p) => p.launchedAt },
        { header: 'id', value: (p) => p.package },
        { header: fr ? 'partenaire' : 'partner', value: (p) => p.name[c.lang] },
        { header: fr ? 'domaines' : 'areas', value: (p) => joinClauses(p.areas.map((a) => labelOf(DCB_AREA_NAMES, a, c.lang)), c.lang) },
      ]);
    });
  outputOptions(timeOptions(fundCmd.command('report')))
    .description('money pledged, received, allocated and spent, by Ally, partner, package, area or year')
    .addOption(new Option('--by <dimension>', 'how to group').choices([...FUND_DIMENSIONS]).default('ally'))
    .action(async (opts: Out & Time & { by: FundDimension }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await fundReport(await c.ledger(), c.world, opts.by, opts);
      const known = (n: number, currency: string) => (n === 0 ? (fr ? 'non enregistré' : 'not recorded') : formatMoney(n, currency));
      const key = (r: FundReportRow): string => {
        if (opts.by === 'ally' || opts.by === 'partner') return r.key === '-' ? (fr ? '(non affecté)' : '(general)') : `${partnerNames(r.key)?.[c.lang] ?? r.key} (${r.key})`;
        if (opts.by === 'area') return labelOf(DCB_AREA_NAMES, r.key, c.lang);
        return r.key === '-' ? (fr ? '(non affecté)' : '(general)') : r.key;
      };
      emit(c, opts, rows, [
        { header: fr ? ({ ally: 'allié', partner: 'partenaire', area: 'domaine', year: 'année', package: 'programme' } as const)[opts.by] : opts.by, value: key },
        { header: fr ? 'devise' : 'currency', value: (r) => r.currency },
        { header: fr ? 'engagé' : 'pledged', value: (r) => formatMoney(r.pledged, r.currency), align: 'right' },
        // A total of 0 for a row means none is recorded, not that it was nil (a movement is never 0).
        { header: fr ? 'reçu' : 'received', value: (r) => known(r.received, r.currency), align: 'right' },
        { header: fr ? 'alloué' : 'allocated', value: (r) => known(r.allocated, r.currency), align: 'right' },
        { header: fr ? 'dépensé' : 'spent', value: (r) => known(r.spent, r.currency), align: 'right' },
      ]);
    });

  const money = (cmd: Command): Command => cmd
    .requiredOption('--amount <amount>', 'amount in major units, e.g. 1000000.00')
    .requiredOption('--currency <code>', 'ISO 4217 currency, e.g. EUR')
    .option('--at <time>', 'valid time (default: now)', parseDateOption)
    .option('--json');
  money(fundCmd.command('pledge').argument('<id>', 'pledge id').requiredOption('--as <ally>', 'the pledging Ally (its delegation signs)').option('--package <id>', 'earmark for a package'))
    .description('an Ally pledges money (a promise: not received)')
    .action(async (id: string, o: { as: string; amount: string; currency: string; package?: string; at?: string; json?: boolean }) => {
      const ally = code(o.as);
      const currency = o.currency.toUpperCase();
      await doAct(ctx(), { cmd: 'PledgeToFund', at: o.at ?? nowIso(), by: ally, data: { pledge: id, ally, amount: minorUnits(o.amount, currency), currency, ...(o.package ? { package: o.package } : {}) } }, Boolean(o.json));
    });
  money(fundCmd.command('contribute').argument('<id>', 'contribution id').requiredOption('--as <ally>', 'the contributing Ally').option('--package <id>', 'earmark for a package').option('--pledge <id>', 'the pledge it honours'))
    .description('an Ally contributes money (received)')
    .action(async (id: string, o: { as: string; amount: string; currency: string; package?: string; pledge?: string; at?: string; json?: boolean }) => {
      const ally = code(o.as);
      const currency = o.currency.toUpperCase();
      await doAct(ctx(), {
        cmd: 'ContributeToFund', at: o.at ?? nowIso(), by: ally,
        data: { contribution: id, ally, amount: minorUnits(o.amount, currency), currency, ...(o.package ? { package: o.package } : {}), ...(o.pledge ? { pledge: o.pledge } : {}) },
      }, Boolean(o.json));
    });
  money(fundCmd.command('allocate').argument('<project>', 'project id').requiredOption('--package <id>', 'the package').addOption(new Option('--area <area>', 'DCB area').choices([...DCB_AREAS]).makeOptionMandatory()))
    .description('the fund’s management allocates received money to a project')
    .action(async (project: string, o: { amount: string; currency: string; package: string; area: string; at?: string; json?: boolean }) => {
      const currency = o.currency.toUpperCase();
      await doAct(ctx(), { cmd: 'AllocateToProject', at: o.at ?? nowIso(), by: 'DCB', data: { project, package: o.package, area: o.area, amount: minorUnits(o.amount, currency), currency } }, Boolean(o.json));
    });
  money(fundCmd.command('spend').argument('<project>', 'project id'))
    .description('the fund’s management records money spent on a project')
    .action(async (project: string, o: { amount: string; currency: string; at?: string; json?: boolean }) => {
      const currency = o.currency.toUpperCase();
      await doAct(ctx(), { cmd: 'RecordExpenditure', at: o.at ?? nowIso(), by: 'DCB', data: { project, amount: minorUnits(o.amount, currency), currency } }, Boolean(o.json));
    });
}

// ---- exercises ----

function registerExercises(program: Command, ctx: Ctx): void {
  outputOptions(timeOptions(program.command('exercises')))
    .option('--year <yyyy>', 'only exercises that began that year', yearOption)
    .action(async (opts: Out & Time & { year?: string }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await exercises(await c.ledger(), c.world, opts);
      const columns: Column<ExerciseRow>[] = [
        { header: 'id', value: (r) => r.exercise },
        { header: fr ? 'nom' : 'name', value: (r) => recordText(c.lang, r.name) },
        { header: fr ? 'début' : 'start', value: (r) => r.startDate },
        { header: fr ? 'fin' : 'end', value: (r) => r.endDate },
        { header: fr ? 'direction' : 'lead', value: (r) => recordText(c.lang, r.lead) },
        { header: fr ? 'tâche fondamentale' : 'core task', value: (r) => labelOf(CORE_TASK_NAMES, r.coreTask, c.lang) },
        { header: fr ? 'Alliés' : 'Allies', value: (r) => r.allies.length, align: 'right' },
        { header: fr ? 'partenaires' : 'partners', value: (r) => names(r.partners, c.lang) },
        { header: fr ? 'thèmes de résilience' : 'resilience themes', value: (r) => joinClauses(r.themes.map((x) => labelOf(RESILIENCE_THEME_NAMES, x, c.lang)), c.lang) },
        { header: fr ? 'effectifs' : 'personnel', value: (r) => r.personnel, align: 'right' },
      ];
      emit(c, opts, rows, columns);
    });
}

// ---- NATO-EU ----

function registerEu(program: Command, ctx: Ctx): void {
  const euCmd = program.command('eu');
  outputOptions(timeOptions(euCmd.command('members', { isDefault: true })))
    .description('members of NATO and of the EU on the date: shared, NATO only, EU only')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const r = await eu(await c.ledger(), c.world, opts);
      if (opts.json) return c.io.out(json(r));
      const columns: Column<(typeof r.states)[number]>[] = [
        { header: 'code', value: (s) => s.code },
        { header: fr ? 'État' : 'state', value: (s) => s.name[c.lang] },
        { header: fr ? 'OTAN depuis' : 'NATO since', value: (s) => s.natoSince },
        { header: fr ? 'UE depuis' : 'EU since', value: (s) => s.euSince },
        { header: fr ? 'dans' : 'in', value: (s) => (s.nato && s.eu ? (fr ? 'les deux' : 'both') : s.nato ? (fr ? 'OTAN seulement' : 'NATO only') : (fr ? 'UE seulement' : 'EU only')) },
      ];
      if (opts.csv) return c.io.out(csv(r.states, columns));
      c.io.out(`${fr
        ? `Au ${r.asOf}\u00a0: ${r.allies} Alliés, ${r.euMembers} membres de l’UE, ${r.shared.length} membres communs\u00a0; ${r.natoOnly.length} à l’OTAN seulement, ${r.euOnly.length} à l’UE seulement`
        : `On ${r.asOf}: ${r.allies} Allies, ${r.euMembers} EU members, ${r.shared.length} shared members; ${r.natoOnly.length} in NATO only, ${r.euOnly.length} in the EU only`}\n\n${table(r.states, columns)}`);
    });
  outputOptions(timeOptions(euCmd.command('declarations')))
    .description('NATO-EU joint declarations signed by the date')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await declarations(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: fr ? 'signée' : 'signed', value: (d) => d.signedAt },
        { header: 'id', value: (d) => d.declaration },
        { header: fr ? 'titre' : 'title', value: (d) => recordText(c.lang, d.title) },
        { header: fr ? 'domaines' : 'areas', value: (d) => joinClauses(d.areas.map((a) => labelOf(COOPERATION_AREA_NAMES, a, c.lang)), c.lang) },
      ]);
    });
  outputOptions(timeOptions(euCmd.command('areas')))
    .description('the areas of NATO-EU cooperation and the declarations that name each')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await cooperationAreas(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: fr ? 'domaine' : 'area', value: (r) => labelOf(COOPERATION_AREA_NAMES, r.area, c.lang) },
        { header: fr ? 'déclarations' : 'declarations', value: (r) => r.declarations.join(', ') },
      ]);
    });
}

// ---- arms control ----

function registerArmsControl(program: Command, ctx: Ctx): void {
  const ac = program.command('arms-control');
  outputOptions(timeOptions(ac.command('register', { isDefault: true })))
    .description('instruments opened by the date, whether in force, and how many Allies hold each status')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await armsControlRegister(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: 'id', value: (r) => r.instrument },
        { header: fr ? 'nom' : 'name', value: (r) => recordText(c.lang, r.name) },
        { header: fr ? 'ouvert' : 'opened', value: (r) => r.openedAt },
        { header: fr ? 'en vigueur' : 'in force', value: (r) => (r.inForce ? r.enteredIntoForceAt ?? (fr ? 'oui' : 'yes') : r.terminatedAt ? `${fr ? 'non, fin le' : 'no, ended'} ${r.terminatedAt}` : (fr ? 'non' : 'no')) },
        { header: fr ? 'signataires' : 'signed', value: (r) => r.allies.signed, align: 'right' },
        { header: fr ? 'parties' : 'party', value: (r) => r.allies.party, align: 'right' },
        { header: fr ? 'suspendu' : 'suspended', value: (r) => r.allies.suspended, align: 'right' },
        { header: fr ? 'retirés' : 'withdrawn', value: (r) => r.allies.withdrawn, align: 'right' },
      ], fr ? `Registre au ${dateOf(opts)} (nombre d’Alliés par statut)` : `Register on ${dateOf(opts)} (Allies by status)`);
    });
  outputOptions(timeOptions(ac.command('status')))
    .description('each Ally’s status in an instrument (or in all) on the date')
    .argument('[instrument]', 'instrument id, e.g. CFE')
    .option('--all-states', 'include states that are not Allies on the date')
    .action(async (instrument: string | undefined, opts: Out & Time & { allStates?: boolean }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await armsControlStatuses(await c.ledger(), c.world, { ...opts, ...(instrument ? { instrument } : {}), ...(opts.allStates ? { allStates: true } : {}) });
      const label: Record<string, Message> = {
        signed: { en: 'signed', fr: 'signataire' }, party: { en: 'party', fr: 'partie' },
        suspended: { en: 'suspended', fr: 'suspendu' }, withdrawn: { en: 'withdrawn', fr: 'retiré' },
      };
      emit(c, opts, rows, [
        { header: fr ? 'instrument' : 'instrument', value: (r) => r.instrument },
        { header: 'code', value: (r) => r.state },
        { header: fr ? 'État' : 'state', value: (r) => `${r.name[c.lang]}${r.ally ? '' : ' *'}` },
        { header: fr ? 'statut' : 'status', value: (r) => t(c.lang, label[r.status] ?? { en: r.status, fr: r.status }) },
        { header: fr ? 'depuis' : 'since', value: (r) => (r.sinceIs === 'on_or_before' ? `${fr ? 'au plus tard le' : 'by'} ${r.since}` : r.since) },
      ]);
    });
  outputOptions(timeOptions(ac.command('committees')))
    .description('the Alliance’s arms-control bodies, such as the High-Level Task Force')
    .action(async (opts: Out & Time) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await armsControlCommittees(await c.ledger(), c.world, opts);
      emit(c, opts, rows, [
        { header: fr ? 'créé' : 'established', value: (r) => r.establishedAt },
        { header: 'id', value: (r) => r.committee },
        { header: fr ? 'nom' : 'name', value: (r) => recordText(c.lang, r.name) },
      ]);
    });
}

// ---- human security ----

function registerHumanSecurity(program: Command, ctx: Ctx): void {
  outputOptions(timeOptions(program.command('human-security')))
    .option('--year <yyyy>', 'one year', yearOption)
    .option('--gaps', 'list the activities without a tag, or without a gender analysis')
    .action(async (opts: Out & Time & { year?: string; gaps?: boolean }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const rows = await humanSecurity(await c.ledger(), c.world, opts);
      if (opts.gaps && !opts.json) {
        const gaps = rows.flatMap((r) => [
          ...r.untagged.map((a) => ({ year: r.year, coreTask: r.coreTask, activity: a, gap: fr ? 'aucun pilier ni analyse de genre enregistrés' : 'no pillar or gender analysis recorded' })),
          ...r.noGenderAnalysis.map((a) => ({ year: r.year, coreTask: r.coreTask, activity: a, gap: fr ? 'analyse de genre non enregistrée' : 'no gender analysis recorded' })),
        ]);
        return emit(c, opts, gaps, [
          { header: fr ? 'année' : 'year', value: (g) => g.year },
          { header: fr ? 'tâche fondamentale' : 'core task', value: (g) => labelOf(CORE_TASK_NAMES, g.coreTask, c.lang) },
          { header: fr ? 'activité' : 'activity', value: (g) => g.activity },
          { header: fr ? 'lacune' : 'gap', value: (g) => g.gap },
        ]);
      }
      const short: Record<string, Message> = {
        human_trafficking: { en: 'THB', fr: 'TEH' }, children_armed_conflict: { en: 'CAAC', fr: 'ECA' },
        conflict_related_sexual_violence: { en: 'CRSV', fr: 'VSLC' }, protection_of_civilians: { en: 'PoC', fr: 'PdC' },
        cultural_property: { en: 'CPP', fr: 'PBC' },
      };
      const columns: Column<CoverageRow>[] = [
        { header: fr ? 'année' : 'year', value: (r) => r.year },
        { header: fr ? 'tâche fondamentale' : 'core task', value: (r) => labelOf(CORE_TASK_NAMES, r.coreTask, c.lang) },
        { header: fr ? 'activités' : 'activities', value: (r) => r.activities, align: 'right' },
        { header: fr ? 'qualifiées' : 'tagged', value: (r) => r.tagged, align: 'right' },
        ...HUMAN_SECURITY_PILLARS.map((p): Column<CoverageRow> => ({ header: t(c.lang, short[p]!), value: (r) => r.pillars[p], align: 'right' })),
        { header: fr ? 'analyse de genre' : 'gender analysis', value: (r) => r.genderAnalysis, align: 'right' },
        { header: fr ? 'lacunes' : 'gaps', value: (r) => r.untagged.length, align: 'right' },
      ];
      const legend = joinClauses(HUMAN_SECURITY_PILLARS.map((p) => `${t(c.lang, short[p]!)} = ${labelOf(HUMAN_SECURITY_PILLAR_NAMES, p, c.lang)}`), c.lang);
      emit(c, opts, rows, columns, opts.csv || opts.json ? undefined : legend);
    });
}
