/**
 * The composition root: configuration → store adapter → application → CLI (or server).
 * The only place that chooses drivers.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from './config.js';
import type { LedgerStore } from './app/ports.js';
import { LedgerService } from './app/ledger-service.js';
import { nodeCrypto } from './adapters/crypto/node-crypto.js';
import { openFileKeyStore } from './adapters/keystore/file-keystore.js';
import { openSqliteStore } from './adapters/sqlite/sqlite-store.js';
import { treatyModel } from './app/treaty-model.js';
import { run, type CliIo } from './cli/run.js';

export async function openStore(config: Config): Promise<LedgerStore> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./adapters/postgres/postgres-store.js');
    return openPostgresStore(config.databaseUrl);
  }
  return openSqliteStore(config.dbPath);
}

export async function openLedger(config: Config): Promise<LedgerService> {
  const store = await openStore(config);
  return new LedgerService({
    store,
    keys: openFileKeyStore(config.keysDir),
    crypto: nodeCrypto,
    clock: { now: () => new Date() },
    random: (n) => new Uint8Array(randomBytes(n)),
    model: treatyModel,
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    openLedger: (db) => openLedger(loadConfig(process.env, db ? { db } : {})),
    config: (db) => loadConfig(process.env, db ? { db } : {}),
  };
  return run(argv, io);
}
