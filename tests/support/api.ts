/** A real server stack over a temporary SQLite file: the record loaded, accounts, buildApp. */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { openServices, type LedgerOverrides, type Services } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';
import { initRecord } from '../../src/app/record-loader.js';
import { tempDir } from './cli.js';

export interface TestServer {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly dir: string;
  close(): Promise<void>;
}

export async function testServer(options: { record?: boolean; rateLimit?: number | false; keysDir?: string; ledger?: LedgerOverrides } = {}): Promise<TestServer> {
  const dir = tempDir('evere-api-');
  const config = loadConfig(options.keysDir ? { EVERE_KEYS_DIR: options.keysDir } : {}, { db: join(dir, 'evere.db') });
  const services = await openServices(config, options.ledger);
  if (options.record !== false) await initRecord(services.ledger, config.dataDir, { world: 'record', empty: false });
  const app = await buildApp({ ...services, dataDir: config.dataDir }, { rateLimit: options.rateLimit ?? false });
  await app.ready();
  return {
    app, services, dir,
    async close() {
      await app.close();
      await services.close();
    },
  };
}

/** Signs in through the API; returns the cookie and CSRF token to send with writes. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.statusCode} ${r.body}`);
  const cookie = r.cookies.find((c) => c.name === 'evere_session')!;
  return { cookie: `${cookie.name}=${cookie.value}`, csrf: (r.json() as { csrf: string }).csrf };
}
