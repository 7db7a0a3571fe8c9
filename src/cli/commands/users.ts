/** Accounts: `evere user add|grant|list`, `evere token create|list|revoke`. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { json, table } from '../format.js';
import { withNested } from '../../app/errors.js';
import { ROLES, type Account } from '../../app/access.js';
import { TOKEN_DAYS } from '../../app/accounts.js';

async function readPassword(c: CliContext, option: string | undefined): Promise<string> {
  const value = option ?? c.io.env.EVERE_PASSWORD;
  if (!value) throw withNested('account.invalid', { field: 'password' }, 'reason', { code: 'reason.password_missing', params: {} });
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
  const token = program.command('token').description('API tokens for scripts: create, list, revoke');
  token.command('create')
    .description('a new token for an account (printed once; only its hash is kept)')
    .argument('<username>')
    .option('--name <name>', 'what the token is for', 'script')
    .option('--days <days>', `how long it is valid (default ${TOKEN_DAYS})`)
    .action(async (username: string, o: { name: string; days?: string }) => {
      const c = ctx();
      const days = o.days === undefined ? undefined : Number(o.days);
      const value = await (await c.services()).accounts.createToken(username, o.name, days);
      c.note('cli.token_created', { username });
      c.io.out(`${value}\n`);
    });
  token.command('list')
    .description('every API token (never the token itself): its id, account, name, creation and expiry')
    .option('--user <username>', 'only this account’s tokens')
    .option('--json')
    .action(async (o: { user?: string; json?: boolean }) => {
      const c = ctx();
      const list = await (await c.services()).accounts.tokens(o.user);
      if (o.json) return c.io.out(json(list));
      c.io.out(table(list, [
        { header: 'id', value: (t) => t.id }, { header: 'username', value: (t) => t.username }, { header: 'name', value: (t) => t.name },
        { header: 'created', value: (t) => t.createdAt }, { header: 'expires', value: (t) => `${t.expiresAt ?? '—'}${t.expired ? ' (expired)' : ''}` },
      ]));
    });
  token.command('revoke')
    .description('revoke a token by its id (as `evere token list` shows it): it signs nobody in from then on')
    .argument('<id>')
    .option('--json')
    .action(async (id: string, o: { json?: boolean }) => {
      const c = ctx();
      const revoked = await (await c.services()).accounts.revokeToken(id);
      if (o.json) return c.io.out(json(revoked));
      c.say('cli.token_revoked', { id: revoked.id, username: revoked.username, name: revoked.name });
    });
}
