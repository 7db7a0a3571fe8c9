/**
 * The record about itself: where its facts come from (`evere sources`) and what it covers
 * (`evere coverage`). Sources are read from the record's files; coverage from a world's indexes.
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
import { timeOptions, type Time } from '../options.js';

type Ctx = () => CliContext;

export function registerRecordCommands(program: Command, ctx: Ctx): void {
  registerCoverageCommand(program, ctx);
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

function readFileIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
