/** The treaty's verbs (members, ally, accession, enlargement, council, consult, article5). */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerTreatyCommands(_program: Command, _ctx: () => CliContext): void {
  // Filled in with the treaty engine's queries.
}
