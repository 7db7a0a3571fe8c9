/** Configuration from the environment and global flags, resolved once at the composition root. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root directory. This module sits one level below it both as a source
 * (src/config.ts) and built (scripts/build.js writes every module of dist/ directly in dist/).
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Config {
  /** SQLite file, unless databaseUrl is set. */
  readonly dbPath: string;
  /** PostgreSQL connection string (DATABASE_URL). */
  readonly databaseUrl?: string;
  /** Directory of private keys (outside the database). */
  readonly keysDir: string;
  readonly dataDir: string;
  /** Bytes of serialised API answers kept between appends (EVERE_CACHE_MB, default 64). */
  readonly cacheBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv, overrides: { db?: string } = {}): Config {
  const dbPath = resolve(overrides.db ?? env.EVERE_DB ?? 'evere.db');
  const databaseUrl = env.DATABASE_URL || undefined;
  const keysDir = resolve(env.EVERE_KEYS_DIR ?? (databaseUrl ? 'evere-keys' : `${dbPath}.keys`));
  const dataDir = resolve(env.EVERE_DATA ?? join(PACKAGE_ROOT, 'data'));
  const cacheMb = env.EVERE_CACHE_MB === undefined || env.EVERE_CACHE_MB === '' ? 64 : Number(env.EVERE_CACHE_MB);
  if (!Number.isFinite(cacheMb) || cacheMb < 0) throw new Error(`EVERE_CACHE_MB must be a number of megabytes ≥ 0, not "${env.EVERE_CACHE_MB}"`);
  return { dbPath, ...(databaseUrl ? { databaseUrl } : {}), keysDir, dataDir, cacheBytes: Math.round(cacheMb * 1024 * 1024) };
}
