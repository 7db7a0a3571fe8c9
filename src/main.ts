/**
 * The composition root: configuration → store adapters → application → CLI or server.
 * The only place that chooses drivers. Drivers and the engine are imported when services are
 * opened, so a CLI verb that needs none of them (`evere --help`) loads none of them.
 */
import { loadConfig, type Config } from './config.js';
import type { AccountStore, Clock, LedgerStore } from './app/ports.js';
import type { LedgerService } from './app/ledger-service.js';
import type { Accounts } from './app/accounts.js';
import type { WorldModel } from './app/world-model.js';
import type { AppendBus } from './api/bus.js';
import { run, type CliIo } from './cli/run.js';

export interface Services {
  readonly config: Config;
  readonly ledger: LedgerService;
  readonly accountStore: AccountStore;
  readonly accounts: Accounts;
  readonly bus: AppendBus;
  close(): Promise<void>;
}

export async function openStore(config: Config): Promise<LedgerStore> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./adapters/postgres/postgres-store.js');
    return openPostgresStore(config.databaseUrl);
  }
  const { openSqliteStore } = await import('./adapters/sqlite/sqlite-store.js');
  return openSqliteStore(config.dbPath);
}

async function openAccountStore(config: Config): Promise<AccountStore> {
  if (config.databaseUrl) {
    const { openPostgresAccounts } = await import('./adapters/postgres/postgres-accounts.js');
    return openPostgresAccounts(config.databaseUrl);
  }
  const { openSqliteAccounts } = await import('./adapters/sqlite/sqlite-accounts.js');
  return openSqliteAccounts(config.dbPath);
}

/**
 * What a test may fix to make two ledgers write the same bytes for the same acts: the ledger's
 * clock (record times) and its randomness (leaf salts). Everything else always uses the real ones.
 */
export interface LedgerOverrides {
  readonly clock?: Clock;
  readonly random?: (n: number) => Uint8Array;
}

export async function openServices(config: Config, overrides: LedgerOverrides = {}): Promise<Services> {
  const [
    { randomBytes }, { LedgerService }, { Accounts }, { nodeCrypto }, { nodeSecrets }, { createParallelChecker },
    { createParallelSigner }, { openFileKeyStore }, { treatyModel }, { createAppendBus }, { auditedStore },
  ] = await Promise.all([
    import('node:crypto'), import('./app/ledger-service.js'), import('./app/accounts.js'),
    import('./adapters/crypto/node-crypto.js'), import('./adapters/crypto/password.js'),
    import('./adapters/crypto/parallel-checker.js'), import('./adapters/crypto/parallel-signer.js'),
    import('./adapters/keystore/file-keystore.js'), import('./app/treaty-model.js'), import('./api/bus.js'),
    import('./app/audit.js'),
  ]);
  const store = await openStore(config);
  const bus = createAppendBus();
  const checker = createParallelChecker();
  const keys = openFileKeyStore(config.keysDir);
  const signer = createParallelSigner(keys.privateKey);
  const clock = { now: () => new Date() };
  let accountStore: AccountStore | undefined;
  const lazyAccounts = async () => (accountStore ??= await openAccountStore(config));
  // Accounts open on first use: most CLI verbs never need them.
  const accountsProxy: AccountStore = new Proxy({} as AccountStore, {
    get: (_target, prop: keyof AccountStore) => async (...args: unknown[]) => {
      if (prop === 'close') return accountStore?.close();
      const s = await lazyAccounts();
      return (s[prop] as (...a: unknown[]) => unknown)(...args);
    },
  });
  const ledger = new LedgerService({
    // Reads of classified material by accounts are audited where every read passes: the store.
    store: auditedStore(store, accountsProxy, clock),
    keys,
    signMany: signer.signMany,
    crypto: nodeCrypto,
    clock: overrides.clock ?? clock,
    random: overrides.random ?? ((n) => new Uint8Array(randomBytes(n))),
    model: treatyModel as WorldModel<unknown>,
    checkEntries: checker.check,
    onAppended: (world, size) => bus.publish(world, size),
  });
  return {
    config, ledger, bus,
    accountStore: accountsProxy,
    accounts: new Accounts(accountsProxy, nodeSecrets, clock),
    async close() {
      await checker.close();
      await signer.close();
      await accountStore?.close();
      await store.close();
    },
  };
}

export async function openLedger(config: Config): Promise<LedgerService> {
  return (await openServices(config)).ledger;
}

export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`evere scenario report X | head`) closes the pipe: that is the
  // reader's choice, not an error, so the CLI ends quietly instead of with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    openServices: (db) => openServices(loadConfig(process.env, db ? { db } : {})),
    config: (db) => loadConfig(process.env, db ? { db } : {}),
  };
  return run(argv, io);
}
