/** Accounts: `evere user add|grant|list`, `evere token create`. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { EvereError } from '../../app/errors.js';
import { ROLES, type Account } from '../../app/access.js';

async function readPassword(c: CliContext, option: string | undefined): Promise<string> {
  const value = option ?? c.io.env.EVERE_PASSWORD;
  if (!value) throw new EvereError('account.invalid', { field: 'password', reason: 'give --password or set EVERE_PASSWORD' });
  return value;
}

const describe = (a: Account) => ({ username: a.username, role: a.role, party: a.party ? ` ${a.party}` : '', clearance: a.clearance });

export function registerUserCommands(program: Command, ctx: () => CliContext): void {
  const user = program.command('user');
  user.command('add')
    .description('create an account')
    .argument('<username>')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--party <code>', 'the Ally (delegation) or partner state the account acts for')
    .option('--clearance <level>', 'highest classification, e.g. "NATO SECRET"', 'PUBLIC')
    .option('--password <password>', 'password (or $EVERE_PASSWORD); at least 12 characters')
    .option('--json')
    .action(async (username: string, o: { role: string; party?: string; clearance: string; password?: string; json?: boolean }) => {
      const c = ctx();
      const { accounts } = await c.services();
      const account = await accounts.create({ username, password: await readPassword(c, o.password), role: o.role, ...(o.party ? { party: o.party } : {}), clearance: o.clearance });
      if (o.json) return c.io.out(json(account));
      c.say('cli.account_created', describe(account));
    });
  user.command('grant')
    .description('change an account’s role, party, clearance or scenario worlds')
    .argument('<username>')
    .option('--role <role>')
    .option('--party <code>')
    .option('--clearance <level>')
    .option('--worlds <names>', 'comma-separated scenario worlds (directors, players)')
    .option('--json')
    .action(async (username: string, o: { role?: string; party?: string; clearance?: string; worlds?: string; json?: boolean }) => {
      const c = ctx();
      const { accounts } = await c.services();
      const account = await accounts.grant(username, { ...(o.role ? { role: o.role } : {}), ...(o.party ? { party: o.party } : {}), ...(o.clearance ? { clearance: o.clearance } : {}), ...(o.worlds ? { worlds: o.worlds.split(',').map((w) => w.trim()) } : {}) });
      if (o.json) return c.io.out(json(account));
      c.say('cli.account_granted', describe(account));
    });
  user.command('list')
    .description('list accounts')
    .option('--json')
    .action(async (o: { json?: boolean }) => {
      const c = ctx();
      const list = await (await c.services()).accounts.list();
      if (o.json) return c.io.out(json(list));
      c.io.out(table(list, [
        { header: 'username', value: (a) => a.username }, { header: 'role', value: (a) => a.role },
        { header: 'party', value: (a) => a.party }, { header: 'clearance', value: (a) => a.clearance },
        { header: 'worlds', value: (a) => a.worlds?.join(', ') },
      ]));
    });
  program.command('token')
    .command('create')
    .argument('<username>')
    .option('--name <name>', 'what the token is for', 'script')
    .action(async (username: string, o: { name: string }) => {
      const c = ctx();
      const token = await (await c.services()).accounts.createToken(username, o.name);
      c.note('cli.token_created', { username });
      c.io.out(`${token}\n`);
    });
}
