/**
 * `evere`: run(argv, io) → exit code. Parsing and formatting only; the work is the app's.
 * Exit codes: 0 done; 1 refused by a rule or failed verification; 2 bad usage or bad input;
 * 3 not found; 70 an internal error (a bug).
 */
import { Command, CommanderError } from 'commander';
import type { CliContext, CliIo, GlobalOptions } from './context.js';
import type { EvereError } from '../app/errors.js';
import { langFlag, pickLang as langOf } from './lang.js';

export type { CliIo } from './context.js';

const NOT_FOUND = /(^|\.)(not_found|unknown_world|no_such)/;

export function exitCodeFor(error: EvereError): number {
  if (error.code === 'ledger.verify_failed' || error.code === 'ledger.index_mismatch' || error.code === 'ledger.index_digest_mismatch' || error.code.startsWith('proof.') && error.code !== 'proof.malformed') return 1;
  if (error.violations.length > 0 || error.code === 'load.rejected') return 1;
  if (NOT_FOUND.test(error.code)) return 3;
  return 2;
}

type Register = (program: Command, ctx: () => CliContext) => void;

/**
 * The verb table: every top-level verb, the module that registers it (loaded only when that verb
 * runs, so `evere members` never loads the server) and its one-line summary for `evere --help`.
 * A module registers all the verbs that name it here (a test checks both ways).
 */
const modules = {
  start: () => import('./commands/start.js').then((m) => m.registerStartCommand),
  ledger: () => import('./commands/ledger.js').then((m) => m.registerLedgerCommands),
  treaty: () => import('./commands/treaty.js').then((m) => m.registerTreatyCommands),
  work: () => import('./commands/work.js').then((m) => m.registerWorkCommands),
  users: () => import('./commands/users.js').then((m) => m.registerUserCommands),
  scenario: () => import('./commands/scenario.js').then((m) => m.registerScenarioCommands),
  record: () => import('./commands/record.js').then((m) => m.registerRecordCommands),
  tlog: () => import('./commands/tlog.js').then((m) => m.registerTlogCommands),
  dataset: () => import('./commands/dataset.js').then((m) => m.registerDatasetCommand),
  witness: () => import('./commands/witness.js').then((m) => m.registerWitnessCommands),
} satisfies Record<string, () => Promise<Register>>;

export type CommandModule = keyof typeof modules;

export const VERBS: Readonly<Record<string, { readonly module: CommandModule; readonly summary: string }>> = {
  start: { module: 'start', summary: 'load the real record on first start, then serve the API and the web app' },
  serve: { module: 'start', summary: 'serve the HTTP API (OpenAPI at /openapi.json, docs at /api/docs) and the web app' },
  init: { module: 'ledger', summary: 'create the record world and load the real record from data/ through the rules engine' },
  worlds: { module: 'ledger', summary: 'list the worlds in the database' },
  log: { module: 'ledger', summary: 'list entries of a world, filtered by type and valid time' },
  verify: { module: 'ledger', summary: 'check every hash, the tree, every checkpoint and every signature of a world, and rebuild its indexes from the log to compare' },
  reindex: { module: 'ledger', summary: 'rebuild a world’s indexes (facts and entries’ derived columns) from its log' },
  checkpoint: { module: 'ledger', summary: 'sign a checkpoint of the current tree (if it grew) and print it with the log verifier key' },
  prove: { module: 'ledger', summary: 'inclusion proof of entry SEQ, or consistency proof from tree size --from, against the latest checkpoint' },
  'check-proof': { module: 'ledger', summary: 'check a proof from `evere prove --json` offline, with the log verifier key only' },
  export: { module: 'ledger', summary: 'write a world as NDJSON (header, then every entry); private keys are never included' },
  import: { module: 'ledger', summary: 'import a world from an `evere export` file; every line is checked first, and a bad one imports nothing' },
  members: { module: 'treaty', summary: 'the Allies at a date (default today), from the indexes' },
  ally: { module: 'treaty', summary: 'one Ally: membership, military structure, ratifications it made, consultations it requested' },
  accession: { module: 'treaty', summary: 'an accession protocol’s ratification matrix at a date: who has ratified, who not, days elapsed' },
  enlargement: { module: 'treaty', summary: 'every enlargement round, with its duration from invitation or signature to membership' },
  council: { module: 'treaty', summary: 'the North Atlantic Council: proposals, decisions, and acting on them in a writable world' },
  consult: { module: 'treaty', summary: 'Article 4 consultations' },
  article5: { module: 'treaty', summary: 'Article 5 determinations and the measures reported under them' },
  act: { module: 'treaty', summary: 'give any command of the rules engine in a writable world (see `evere commands`)' },
  commands: { module: 'treaty', summary: 'every command of the rules engine, with who may give it' },
  world: { module: 'treaty', summary: 'worlds: the record and writable copies of it' },
  operations: { module: 'work', summary: 'operations and missions at a date: status, core task, mandate, Council decisions, contributors' },
  partners: { module: 'work', summary: 'partnership frameworks, partners (joining, suspension, leaving) and tailored programmes' },
  fund: { module: 'work', summary: 'the DCB trust fund: packages, pledges, contributions, allocations, expenditures' },
  exercises: { module: 'work', summary: 'military exercises begun by the date: dates, lead, participants, core task, resilience themes' },
  eu: { module: 'work', summary: 'NATO and the EU: shared members at any date, joint declarations, areas of cooperation' },
  'arms-control': { module: 'work', summary: 'the arms-control register: instruments, each Ally’s status over time, the High-Level Task Force' },
  'human-security': { module: 'work', summary: 'coverage of the five human-security pillars and of gender analysis, and the gaps, by core task and year' },
  user: { module: 'users', summary: 'accounts of people who sign in to the server' },
  token: { module: 'users', summary: 'API tokens for scripts' },
  sources: { module: 'record', summary: 'the record’s sources by class (official NATO, depositary, government, parliament, …) and any line citing a denied domain' },
  coverage: { module: 'record', summary: 'what the record holds per area: complete, partial or not recorded, with the reference counts and their sources' },
  offices: { module: 'record', summary: 'who held the Alliance’s offices (Secretary General, Deputy, acting, SACEUR, SACLANT, SACT, WPS Special Representative) and where NATO Headquarters and SHAPE sat, at a date or over time' },
  policies: { module: 'record', summary: 'the Women, Peace and Security policies and action plans and the Human Security Approach, with the day each was adopted' },
  tiles: { module: 'tlog', summary: 'publish the log as C2SP tlog-tiles: `tiles export DIR` writes the checkpoint, hash tiles and entry bundles as static files' },
  dataset: { module: 'dataset', summary: 'the record as open data: a Frictionless data package (a Table Schema and a CSV per topic, every row sourced) taken at a signed checkpoint' },
  cosign: { module: 'tlog', summary: 'ask the world’s witnesses to cosign its latest checkpoint (C2SP tlog-witness); register, remove or list them' },
  witness: { module: 'witness', summary: 'run a C2SP tlog-witness: init, trust a log, serve add-checkpoint, follow logs’ tiles and cosign, list split views' },
  scenario: { module: 'scenario', summary: 'crisis-management exercises on a fork of the real Alliance (every entry marked EXERCISE)' },
};

/** Registers a module's verbs on `program` (for tests: the verbs each module really declares). */
export async function registerModule(name: CommandModule, program: Command, ctx: () => CliContext): Promise<void> {
  (await modules[name]())(program, ctx);
}

const GLOBAL_WITH_VALUE = new Set(['--db', '--world', '--lang']);

/** The verb argv asks for (after the global options; `help VERB` asks for VERB), if any. */
export function verbOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(arg)) { i++; continue; }
    if (arg.startsWith('-')) continue;
    return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let context: CliContext | undefined;
  const configured = (command: Command) => command
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  const program = configured(new Command('evere'))
    .description('Evere: the North Atlantic Alliance as software — a treaty engine over a verifiable ledger.')
    .option('--db <path>', 'SQLite database file (default: $EVERE_DB or ./evere.db; DATABASE_URL selects PostgreSQL)')
    .option('--world <name>', 'the world to act on', 'record')
    .option('--lang <lang>', 'language of messages: en or fr (default: $EVERE_LANG or $LANG)');
  // Only the asked verb's module is loaded; the other verbs are names and summaries for the help,
  // which needs nothing else.
  const verb = verbOf(argv);
  const wanted = verb !== undefined ? VERBS[verb] : undefined;
  const { CliContext, pickLang } = wanted ? await import('./context.js') : { CliContext: undefined, pickLang: undefined };
  const ctx = () => {
    if (!CliContext) throw new Error('no verb to run');
    if (!context) {
      const global = program.opts<GlobalOptions>();
      context = new CliContext(io, global, pickLang(global.lang, io.env));
    }
    return context;
  };
  const loaded = configured(new Command('evere'));
  if (wanted) await registerModule(wanted.module, loaded, ctx);
  for (const [name, { summary }] of Object.entries(VERBS)) {
    const command = loaded.commands.find((cmd) => cmd.name() === name);
    if (command) program.addCommand(command.description(summary));
    else program.command(name).description(summary).allowUnknownOption().allowExcessArguments();
  }
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  // The help in the reader's language (the French texts are loaded only for a French reader).
  if (langOf(langFlag(argv), io.env) === 'fr') (await import('./help.js')).frenchHelp(program);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    const [{ EvereError }, { formatMessage, formatViolation }, { pickLang }] = await Promise.all([
      import('../app/errors.js'), import('../messages/index.js'), import('./context.js'),
    ]);
    const lang = pickLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined, io.env);
    if (error instanceof EvereError) {
      io.err(`${error.localized(lang)}\n`);
      for (const v of error.violations) io.err(`  ${v.code}: ${formatViolation(v, lang)}${v.path ? ` (${v.path})` : ''}\n`);
      return exitCodeFor(error);
    }
    io.err(`${formatMessage('cli.unexpected', { reason: error instanceof Error ? error.stack ?? error.message : String(error) }, lang)}\n`);
    return 70;
  } finally {
    await context?.close();
  }
}
