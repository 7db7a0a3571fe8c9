/**
 * Sign-in tells nobody who exists, and cookies are Secure behind a trusted TLS proxy (issue 10).
 * Equal work is checked by counting the scrypt checks made, not by timing them.
 */
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Accounts, type Secrets } from '../../src/app/accounts.js';
import { openMemoryAccounts } from '../../src/adapters/memory/memory-accounts.js';
import { nodeSecrets } from '../../src/adapters/crypto/password.js';
import { testServer, type TestServer } from '../support/api.js';
import { buildApp } from '../../src/api/build-app.js';

describe('sign-in leaks nothing', () => {
  test('an unknown username costs the same scrypt check as a known one', async () => {
    const checked: string[] = [];
    const secrets: Secrets = { ...nodeSecrets, verifyPassword: async (p, stored) => { checked.push(stored.split('$')[0]!); return nodeSecrets.verifyPassword(p, stored); } };
    const accounts = new Accounts(openMemoryAccounts(), secrets, { now: () => new Date() });
    await accounts.create({ username: 'bel', password: 'a long enough password', role: 'delegation', party: 'BEL' });
    await assert.rejects(accounts.login('bel', 'a wrong password'), { code: 'auth.invalid_credentials' });
    await assert.rejects(accounts.login('nobody', 'a wrong password'), { code: 'auth.invalid_credentials' });
    assert.deepEqual(checked, ['scrypt', 'scrypt'], 'one scrypt check each');
  });

  let s: TestServer | undefined;
  after(async () => s?.close());
  test('session cookies are Secure when a trusted proxy says the request came over TLS, and only then', async () => {
    s = await testServer({ record: false });
    await s.services.accounts.create({ username: 'bel', password: 'a long enough password', role: 'delegation', party: 'BEL' });
    const login = (app: TestServer['app']) => app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'bel', password: 'a long enough password' } });
    const cookie = (r: Awaited<ReturnType<typeof login>>) => r.cookies.find((c) => c.name === 'evere_session')!;
    assert.equal(cookie(await login(s.app)).secure, undefined, 'an untrusted X-Forwarded-Proto is ignored');
    const behind = await buildApp({ ...s.services, dataDir: s.services.config.dataDir }, { rateLimit: false, trustProxy: '127.0.0.1' });
    try {
      assert.equal(cookie(await login(behind)).secure, true);
    } finally {
      await behind.close();
    }
  });
});
