/** Configuration from the environment and global flags, resolved once at the composition root. */
import { resolve } from 'node:path';

export interface Config {
  /** SQLite file, unless databaseUrl is set. */
  readonly dbPath: string;
  /** PostgreSQL connection string (DATABASE_URL). */
  readonly databaseUrl?: string;
  /** Directory of private keys (outside the database). */
  readonly keysDir: string;
  readonly dataDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: { db?: string } = {}): Config {
  const dbPath = resolve(overrides.db ?? env.EVERE_DB ?? 'evere.db');
  const databaseUrl = env.DATABASE_URL || undefined;
  const keysDir = resolve(env.EVERE_KEYS_DIR ?? (databaseUrl ? 'evere-keys' : `${dbPath}.keys`));
  const dataDir = resolve(env.EVERE_DATA ?? new URL('../data', import.meta.url).pathname);
  return { dbPath, ...(databaseUrl ? { databaseUrl } : {}), keysDir, dataDir };
}
