/**
 * The contract every AccountStore keeps, on memory, SQLite and PostgreSQL: sign-in throttling is
 * kept in the store — shared by every instance on the same database and surviving a restart —
 * API tokens carry their expiry and can be listed and revoked, and expired sessions are deleted.
 */
import { describe, test, before, after } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import type { AccountStore } from '../../src/app/ports.js';
import { Accounts, type Secrets } from '../../src/app/accounts.js';

export interface AccountStoreFactory {
  readonly name: string;
  /** A new, empty database; `handle()` opens one more connection to it (another instance, or a restart). */
  fresh(): Promise<{ handle(): Promise<AccountStore> }>;
  skip?(): Promise<string | undefined>;
}

/** Cheap, deterministic secrets: the contract is about the store, not about scrypt. */
const secrets: Secrets = {
  hashPassword: async (p) => `plain$${p}`,
  verifyPassword: async (p, stored) => stored === `plain$${p}`,
  token: (() => { let n = 0; return () => `t${(n++).toString(36).padStart(8, '0')}`; })(),
  digest: (t) => createHash('sha256').update(t).digest('hex'),
};

export function accountStoreContract(factory: AccountStoreFactory): void {
  describe(`AccountStore contract: ${factory.name}`, () => {
    let skip: string | undefined;
    const open: AccountStore[] = [];
    let now = Date.parse('2026-01-01T00:00:00Z');
    const clock = { now: () => new Date(now) };
    const handle = async (db: { handle(): Promise<AccountStore> }) => {
      const s = await db.handle();
      open.push(s);
      return s;
    };
    before(async () => { skip = await factory.skip?.(); });
    after(async () => { for (const s of open) await s.close(); });

    test('failed sign-ins lock a username for every instance, and after a restart', async (t) => {
      if (skip) return t.skip(skip);
      const db = await factory.fresh();
      const a = new Accounts(await handle(db), secrets, clock);
      const b = new Accounts(await handle(db), secrets, clock);
      await a.create({ username: 'hun', password: 'the right password', role: 'delegation', party: 'HUN' });
      for (let i = 0; i < 5; i++) {
        await assert.rejects((i % 2 ? a : b).login('hun', 'a wrong password'), { code: 'auth.invalid_credentials' });
      }
      await assert.rejects(a.login('hun', 'the right password'), { code: 'auth.throttled' }, 'locked on instance A');
      await assert.rejects(b.login('hun', 'the right password'), { code: 'auth.throttled' }, 'and on instance B');
      const restarted = new Accounts(await handle(db), secrets, clock);
      await assert.rejects(restarted.login('hun', 'the right password'), { code: 'auth.throttled' }, 'and after a restart');
      // Unknown usernames are counted and locked alike: the answer does not tell who exists.
      for (let i = 0; i < 5; i++) await assert.rejects(a.login('nobody', 'x'), { code: 'auth.invalid_credentials' });
      await assert.rejects(b.login('nobody', 'x'), { code: 'auth.throttled' });
      now += 16 * 60_000;
      assert.equal((await b.login('hun', 'the right password')).account.username, 'hun', 'the lock lapses after 15 minutes');
      assert.equal(await (await handle(db)).loginFailures('hun'), undefined, 'a success clears the count');
    });

    test('two instances failing at once both count', async (t) => {
      if (skip) return t.skip(skip);
      const db = await factory.fresh();
      const [x, y] = [await handle(db), await handle(db)];
      const at = new Date(now).toISOString();
      const counts = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? x : y).addLoginFailure('eve', at, '2000-01-01T00:00:00.000Z')));
      assert.deepEqual([...counts].sort((p, q) => p - q), [1, 2, 3, 4, 5, 6]);
      assert.equal((await x.addLoginFailure('eve', at, at.replace('2026', '2027'))), 1, 'an old streak starts again');
    });

    test('tokens expire, are listed without their secret, and can be revoked', async (t) => {
      if (skip) return t.skip(skip);
      const db = await factory.fresh();
      const a = new Accounts(await handle(db), secrets, clock);
      await a.create({ username: 'fra', password: 'the right password', role: 'delegation', party: 'FRA' });
      const short = await a.createToken('fra', 'short', 1);
      const long = await a.createToken('fra', 'long');
      const b = new Accounts(await handle(db), secrets, clock);
      assert.equal((await b.fromToken(short))?.username, 'fra');
      const listed = await b.tokens();
      assert.deepEqual(listed.map((x) => x.name).sort(), ['long', 'short']);
      assert.ok(listed.every((x) => !JSON.stringify(x).includes(short) && !JSON.stringify(x).includes(long)));
      assert.equal(listed.find((x) => x.name === 'long')!.expiresAt, new Date(now + 90 * 86_400_000).toISOString());
      now += 2 * 86_400_000;
      assert.equal(await b.fromToken(short), undefined, 'expired');
      assert.deepEqual((await a.tokens()).map((x) => x.name), ['long'], 'an expired token is deleted when used');
      await b.revokeToken(listed.find((x) => x.name === 'long')!.id);
      assert.equal(await a.fromToken(long), undefined, 'revoked on every instance');
      await assert.rejects(b.revokeToken('nope'), { code: 'token.not_found' });
    });

    test('expired sessions are deleted', async (t) => {
      if (skip) return t.skip(skip);
      const db = await factory.fresh();
      const store = await handle(db);
      const a = new Accounts(store, secrets, clock);
      await a.create({ username: 'nld', password: 'the right password', role: 'delegation', party: 'NLD' });
      const first = await a.login('nld', 'the right password');
      now += 13 * 3_600_000;
      assert.equal(await a.fromSession(first.sessionId), undefined);
      assert.equal(await store.session(secrets.digest(first.sessionId)), undefined, 'the expired session is gone from the store');
      const second = await a.login('nld', 'the right password');
      const third = await a.login('nld', 'the right password');
      now += 13 * 3_600_000;
      await a.login('nld', 'the right password');
      for (const s of [second, third]) assert.equal(await store.session(secrets.digest(s.sessionId)), undefined, 'a sign-in sweeps expired sessions');
    });
  });
}
