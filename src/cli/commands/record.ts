/**
 * The record about itself: where its facts come from (`evere sources`) and what it covers
 * (`evere coverage`). Sources are read from the record's files; coverage from a world's indexes.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import type { CliContext } from '../context.js';
import { csv, json, table, type Column } from '../format.js';
import { readRecordLines } from '../../app/record-loader.js';
import { SOURCE_CLASS_NAMES, sourceDistribution, type SourceDistribution } from '../../app/record-sources.js';

type Ctx = () => CliContext;

export function registerRecordCommands(program: Command, ctx: Ctx): void {
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
