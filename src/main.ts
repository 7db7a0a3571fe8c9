/**
 * The composition root: configuration → store adapters → application → CLI or server.
 * The only place that chooses drivers.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from './config.js';
import type { AccountStore, LedgerStore } from './app/ports.js';
import { LedgerService } from './app/ledger-service.js';
import { Accounts } from './app/accounts.js';
import { nodeCrypto } from './adapters/crypto/node-crypto.js';
import { nodeSecrets } from './adapters/crypto/password.js';
import { createParallelChecker } from './adapters/crypto/parallel-checker.js';
import { createParallelSigner } from './adapters/crypto/parallel-signer.js';
import { openFileKeyStore } from './adapters/keystore/file-keystore.js';
import { openSqliteStore } from './adapters/sqlite/sqlite-store.js';
import { openSqliteAccounts } from './adapters/sqlite/sqlite-accounts.js';
import { treatyModel } from './app/treaty-model.js';
import type { WorldModel } from './app/world-model.js';
import { auditedStore } from './app/audit.js';
import { createAppendBus, type AppendBus } from './api/bus.js';
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
  return openSqliteStore(config.dbPath);
}

async function openAccountStore(config: Config): Promise<AccountStore> {
  if (config.databaseUrl) {
    const { openPostgresAccounts } = await import('./adapters/postgres/postgres-accounts.js');
    return openPostgresAccounts(config.databaseUrl);
  }
  return openSqliteAccounts(config.dbPath);
}

export async function openServices(config: Config): Promise<Services> {
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
    clock,
    random: (n) => new Uint8Array(randomBytes(n)),
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
