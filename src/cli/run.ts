/**
 * `evere`: run(argv, io) → exit code. Parsing and formatting only; the work is the app's.
 * Exit codes: 0 done; 1 refused by a rule or failed verification; 2 bad usage or bad input;
 * 3 not found; 70 an internal error (a bug).
 */
import { Command, CommanderError } from 'commander';
import { CliContext, pickLang, type CliIo, type GlobalOptions } from './context.js';
import { registerLedgerCommands } from './commands/ledger.js';
import { registerTreatyCommands } from './commands/treaty.js';
import { registerWorkCommands } from './commands/work.js';
import { registerStartCommand } from './commands/start.js';
import { registerUserCommands } from './commands/users.js';
import { registerScenarioCommands } from './commands/scenario.js';
import { registerRecordCommands } from './commands/record.js';
import { EvereError } from '../app/errors.js';
import { formatMessage, formatViolation } from '../messages/index.js';

export type { CliIo } from './context.js';

const NOT_FOUND = /(^|\.)(not_found|unknown_world|no_such)/;

export function exitCodeFor(error: EvereError): number {
  if (error.code === 'ledger.verify_failed' || error.code.startsWith('proof.') && error.code !== 'proof.malformed') return 1;
  if (error.violations.length > 0 || error.code === 'load.rejected') return 1;
  if (NOT_FOUND.test(error.code)) return 3;
  return 2;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let context: CliContext | undefined;
  const program = new Command('evere')
    .description('Evere: the North Atlantic Alliance as software — a treaty engine over a verifiable ledger.')
    .option('--db <path>', 'SQLite database file (default: $EVERE_DB or ./evere.db; DATABASE_URL selects PostgreSQL)')
    .option('--world <name>', 'the world to act on', 'record')
    .option('--lang <lang>', 'language of messages: en or fr (default: $EVERE_LANG or $LANG)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  const ctx = () => {
    if (!context) {
      const global = program.opts<GlobalOptions>();
      context = new CliContext(io, global, pickLang(global.lang, io.env));
    }
    return context;
  };
  registerStartCommand(program, ctx);
  registerLedgerCommands(program, ctx);
  registerTreatyCommands(program, ctx);
  registerWorkCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerScenarioCommands(program, ctx);
  registerRecordCommands(program, ctx);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const lang = pickLang(argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined, io.env);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
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
