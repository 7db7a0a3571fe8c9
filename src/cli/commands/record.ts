/**
 * The record about itself: where its facts come from (`evere sources`) and what it covers
 * (`evere coverage`). Sources are read from the record's files; coverage from a world's indexes.
 * `evere offices` lists the holders of the Alliance's offices and the seats of its headquarters.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CliContext } from '../context.js';
import { csv, json, table, type Column } from '../format.js';
import { readRecordLines } from '../../app/record-loader.js';
import { SOURCE_CLASS_NAMES, sourceDistribution, type SourceDistribution } from '../../app/record-sources.js';
import { coverage, readCoverageReference } from '../../app/work-queries.js';
import { COVERAGE_AREA_NAMES, COVERAGE_MEASURE_NAMES, COVERAGE_STATUS_NAMES, NOT_MODELLED, NOT_RECORDED } from '../../app/coverage-labels.js';
import { emit, outputOptions, timeOptions, type Time } from '../options.js';
import { factsOf } from '../../app/treaty-queries.js';
import { officeTerms, type OfficeTerm } from '../../app/offices.js';
import { labelOf, OFFICE_NAMES, POLICY_KIND_NAMES, SEAT_BODY_NAMES } from '../../domain/vocabulary.js';
import { actorName } from '../../domain/states.js';
import { recordText } from '../../messages/record-french.js';

type Ctx = () => CliContext;

export function registerRecordCommands(program: Command, ctx: Ctx): void {
  registerCoverageCommand(program, ctx);
  registerOfficesCommand(program, ctx);
  registerPoliciesCommand(program, ctx);
  program.command('sources')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .action((opts: { json?: boolean; csv?: boolean }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const { lines } = readRecordLines(join(c.config().dataDir, 'record'));
      const d = sourceDistribution(lines);
      if (opts.json) return c.io.out(json(d));
      const columns: Column<SourceDistribution['byClass'][number]>[] = [
        { header: fr ? 'classe de source' : 'source class', value: (r) => SOURCE_CLASS_NAMES[r.sourceClass][c.lang] },
        { header: fr ? 'lignes' : 'lines', value: (r) => r.lines, align: 'right' },
        { header: '%', value: (r) => r.share.toFixed(1), align: 'right' },
      ];
      if (opts.csv) return c.io.out(csv(d.byClass, columns));
      c.io.out(`${c.t('cli.sources_heading', { lines: d.lines, official: d.officialShare.toFixed(1) })}\n\n`);
      c.io.out(table(d.byClass, columns));
      if (d.denied.length > 0) {
        c.io.out(`\n${c.t('cli.sources_denied', { count: d.denied.length })}\n`);
        for (const x of d.denied) c.io.out(`  ${x.file}:${x.line}  ${x.reason}  ${x.source}\n`);
      }
    });
}

export function registerCoverageCommand(program: Command, ctx: Ctx): void {
  timeOptions(program.command('coverage'))
    .description('what the record holds per area against published reference counts; what is partial or not recorded')
    .option('--json', 'machine-readable output')
    .option('--csv', 'CSV output')
    .action(async (opts: Time & { json?: boolean; csv?: boolean }) => {
      const c = ctx();
      const reference = readCoverageReference(() => readFileIfExists(join(c.config().dataDir, 'coverage.json')));
      const areas = await coverage(await c.ledger(), c.world, reference, opts);
      if (opts.json) return c.io.out(json(areas));
      const rows = areas.flatMap((a) => a.measures.map((m) => ({ area: a, m })));
      const label = (names: Readonly<Record<string, { en: string; fr: string }>>, key: string) => names[key]?.[c.lang] ?? key;
      const columns: Column<(typeof rows)[number]>[] = [
        { header: c.lang === 'fr' ? 'domaine' : 'area', value: (r) => label(COVERAGE_AREA_NAMES, r.area.area) },
        { header: c.lang === 'fr' ? 'état' : 'status', value: (r) => COVERAGE_STATUS_NAMES[r.area.status][c.lang] },
        { header: c.lang === 'fr' ? 'mesure' : 'measure', value: (r) => label(COVERAGE_MEASURE_NAMES, r.m.measure) },
        {
          header: c.lang === 'fr' ? 'enregistré' : 'recorded', align: 'right',
          value: (r) => (!r.m.modelled ? NOT_MODELLED[c.lang] : r.m.recorded === 0 ? NOT_RECORDED[c.lang] : r.m.of === undefined ? r.m.recorded : `${r.m.recorded} / ${r.m.of}`),
        },
        { header: c.lang === 'fr' ? 'référence' : 'reference', value: (r) => r.m.source },
      ];
      if (opts.csv) return c.io.out(csv(rows, columns));
      c.io.out(table(rows, columns));
    });
}

interface OfficeRow extends Omit<OfficeTerm, 'holder' | 'place' | 'site'> {
  /** The holder, or for a seat its place (and site) in the reader's language; null where not recorded. */
  readonly holder: string | null;
}

const UNTIL_BOUND = { on_or_after: { en: 'not before', fr: 'au plus tôt le' }, on_or_before: { en: 'by', fr: 'au plus tard le' } } as const;

/**
 * The Secretaries General, the other offices' holders and the seats of NATO Headquarters and
 * SHAPE: at a date (--as-of: who held each office, where each body sat), or every one recorded.
 * A span between two recorded holders that no holder is recorded for is a row of its own,
 * "not recorded" (`holder: null, recorded: false`), never an office left silently empty.
 */
export function registerOfficesCommand(program: Command, ctx: Ctx): void {
  outputOptions(timeOptions(program.command('offices')))
    .description('holders of the Alliance’s offices (Secretary General, Deputy, acting, SACEUR, SACLANT, SACT, Special Representative for Women, Peace and Security) and the seats of NATO Headquarters and SHAPE: at a date, or all recorded')
    .action(async (opts: Time & { json?: boolean; csv?: boolean }) => {
      const c = ctx();
      const text = (t: string) => recordText(c.lang, t);
      const rows: OfficeRow[] = (await officeTerms(await c.ledger(), c.world, opts)).map(({ holder, place, site, ...rest }) => ({
        ...rest, holder: (holder === undefined ? undefined : text(holder)) ?? (place === undefined ? null : site ? `${text(place)} (${text(site)})` : text(place)),
      }));
      const fr = c.lang === 'fr';
      const SG = { en: 'Secretary General', fr: 'Secrétaire général' };
      const nameOf = (r: OfficeRow) => (r.kind === 'seat' ? SEAT_BODY_NAMES[r.what] : r.what === 'secretary_general' ? SG : OFFICE_NAMES[r.what])?.[c.lang] ?? r.what;
      emit(c, opts, rows, [
        { header: fr ? 'fonction ou organe' : 'office or body', value: nameOf },
        { header: fr ? 'titulaire ou siège' : 'holder or seat', value: (r) => r.holder ?? `(${NOT_RECORDED[c.lang]})` },
        { header: fr ? 'nationalité' : 'nationality', value: (r) => (r.nationality ? actorName(r.nationality, c.lang) : '') },
        { header: fr ? 'depuis' : 'from', value: (r) => (r.fromIs ? `${fr ? 'au plus tard le' : 'by'} ${r.from.slice(0, 10)}` : r.from.slice(0, 10)) },
        { header: fr ? 'jusqu’au' : 'until', value: (r) => (!r.until ? '' : r.untilIs ? `${UNTIL_BOUND[r.untilIs][c.lang]} ${r.until.slice(0, 10)}` : r.until.slice(0, 10)) },
      ]);
    });
}

interface PolicyRow { readonly policy: string; readonly kind: string; readonly title: { readonly en: string; readonly fr: string }; readonly adoptedAt: string; readonly adoptedIs?: 'on_or_before' }

/**
 * The Alliance's Women, Peace and Security policies and action plans and its Human Security
 * Approach, adopted by the date, in date order; a day known only as "on or before" says so.
 */
export function registerPoliciesCommand(program: Command, ctx: Ctx): void {
  outputOptions(timeOptions(program.command('policies')))
    .description('the Women, Peace and Security policies and action plans and the Human Security Approach adopted by the date')
    .action(async (opts: Time & { json?: boolean; csv?: boolean }) => {
      const c = ctx();
      const fr = c.lang === 'fr';
      const facts = await factsOf(await c.ledger(), c.world, 'policy', opts);
      const rows: PolicyRow[] = facts
        .map((f) => {
          const d = f.data as { policy: string; kind: string; title: { en: string; fr?: string }; dateIs?: 'on_or_before' };
          return { policy: d.policy, kind: d.kind, title: { en: d.title.en, fr: d.title.fr ?? d.title.en }, adoptedAt: f.validFrom.slice(0, 10), ...(d.dateIs ? { adoptedIs: d.dateIs } : {}) };
        })
        .sort((a, b) => a.adoptedAt.localeCompare(b.adoptedAt) || a.policy.localeCompare(b.policy));
      if (rows.length === 0 && !opts.json && !opts.csv) return c.io.out(`${fr ? 'Aucune politique enregistrée à cette date.' : 'No policy recorded by the date.'}\n`);
      emit(c, opts, rows, [
        { header: fr ? 'adoptée' : 'adopted', value: (r) => (r.adoptedIs ? `${fr ? 'au plus tard le' : 'by'} ${r.adoptedAt}` : r.adoptedAt) },
        { header: fr ? 'nature' : 'kind', value: (r) => labelOf(POLICY_KIND_NAMES, r.kind, c.lang) },
        { header: fr ? 'titre' : 'title', value: (r) => r.title[c.lang] },
      ]);
    });
}

function readFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
