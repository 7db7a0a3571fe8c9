/**
 * Cached answers over real sockets: a hit is sent before the request is parsed or handled, with
 * the same bytes and headers as the miss that computed it, to the same readers only.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { request as httpRequest } from 'node:http';
import { testServer, type TestServer } from '../support/api.js';
import { createWorldFromRecord } from '../../src/app/acts.js';
import type { LedgerStore } from '../../src/app/ports.js';

describe('cached answers', () => {
  let s: TestServer;
  let base = '';
  let token = '';
  before(async () => {
    s = await testServer();
    await createWorldFromRecord(s.services.ledger, s.services.config.dataDir, 'ex', { asOf: '2024-06-01' });
    await s.services.accounts.create({ username: 'sg', password: 'correct horse battery', role: 'staff', clearance: 'NATO SECRET' });
    token = await s.services.accounts.createToken('sg', 'cache');
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  });
  after(() => s.close());

  /** Counts the index reads of the store under the ledger (the work a hit must not do). */
  const countReads = () => {
    const deps = s.services.ledger.deps as { store: LedgerStore };
    const store = deps.store;
    let reads = 0;
    let handled = 0;
    deps.store = new Proxy(store, {
      get(target, name, receiver) {
        if (name === 'facts') reads++;
        return Reflect.get(target, name, receiver) as unknown;
      },
    });
    // Every handler of a world's question starts by resolving the world.
    const ledger = s.services.ledger as { requireWorld: typeof s.services.ledger.requireWorld };
    const requireWorld = ledger.requireWorld;
    ledger.requireWorld = (name) => {
      handled++;
      return requireWorld.call(s.services.ledger, name);
    };
    return {
      get reads() { return reads; },
      get handled() { return handled; },
      restore: () => {
        deps.store = store;
        delete (ledger as { requireWorld?: unknown }).requireWorld;
      },
    };
  };

  const headersOf = (r: Response) => {
    const out: Record<string, string> = {};
    r.headers.forEach((value, name) => { if (name !== 'date') out[name] = value; });
    return out;
  };

  for (const [path, encoding] of [
    ['/api/worlds/record/members?asOf=2024-03-07', undefined],
    ['/api/worlds/record/members?asOf=2024-03-07', 'br, gzip'],
    ['/api/worlds/record/operations?asOf=2005-01-01', 'gzip'],
    ['/api/worlds/record/council/decisions?from=2024-07-02&to=2024-07-03&limit=5', undefined],
  ] as const) {
    test(`a hit is the miss's bytes and headers, sent before the handler: ${path}${encoding ? ` (${encoding})` : ''}`, async () => {
      const headers: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
      // An append drops every cached answer: the first question is a miss.
      s.services.bus.publish('record', await s.services.ledger.store.size('record'));
      const counter = countReads();
      try {
        const first = await fetch(`${base}${path}`, { headers });
        const missBody = Buffer.from(await first.arrayBuffer());
        const readsAfterMiss = counter.reads;
        const handledAfterMiss = counter.handled;
        assert.ok(handledAfterMiss > 0, 'the miss went through the handler');
        const second = await fetch(`${base}${path}`, { headers });
        const hitBody = Buffer.from(await second.arrayBuffer());
        assert.equal(second.status, 200);
        assert.equal(first.status, 200);
        assert.deepEqual(headersOf(second), headersOf(first));
        assert.ok(hitBody.equals(missBody), 'same bytes');
        assert.equal(counter.reads, readsAfterMiss, 'the hit read no index row');
        assert.equal(counter.handled, handledAfterMiss, 'the hit was sent before the handler');
        assert.match(second.headers.get('content-security-policy') ?? '', /default-src 'self'/);
        if (encoding) assert.ok(second.headers.get('content-encoding'), 'compressed as asked');
      } finally {
        counter.restore();
      }
    });
  }

  /** A GET through node:http, which (unlike fetch) sends no accept-encoding unless told. */
  const rawGet = (url: string, headers: Record<string, string> = {}) => new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) if (name !== 'date' && value !== undefined) out[name] = String(value);
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    }).on('error', reject).end();
  });

  test('a hit asked for with no encoding is the bytes and headers of the miss, written before the handler', async () => {
    const path = '/api/worlds/record/members?asOf=2024-03-07';
    s.services.bus.publish('record', await s.services.ledger.store.size('record'));
    const counter = countReads();
    try {
      const miss = await rawGet(`${base}${path}`);
      const handled = counter.handled;
      assert.ok(handled > 0, 'the miss went through the handler');
      assert.ok(miss.body.length >= 1024, 'long enough to be compressed, had it been asked');
      const hit = await rawGet(`${base}${path}`);
      assert.equal(hit.status, 200);
      assert.deepEqual(hit.headers, miss.headers);
      assert.ok(hit.body.equals(miss.body), 'same bytes');
      assert.equal(hit.headers['content-length'], String(miss.body.length));
      assert.equal(hit.headers['content-encoding'], undefined);
      assert.match(hit.headers['content-security-policy'] ?? '', /default-src 'self'/);
      assert.equal(counter.handled, handled, 'the hit was sent before the handler');
      // HEAD goes the whole way and answers with no body.
      const head = await fetch(`${base}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal((await head.arrayBuffer()).byteLength, 0);
    } finally {
      counter.restore();
    }
  });

  test('hits are counted and refused by the rate limit like any other request', async () => {
    const limited = await testServer({ rateLimit: 3 });
    try {
      await limited.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(limited.app.server.address() as AddressInfo).port}/api/worlds/record/members?asOf=2024-03-07`;
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await rawGet(url));
      assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 429]);
      assert.deepEqual(answers.slice(0, 3).map((a) => a.headers['x-ratelimit-remaining']), ['2', '1', '0']);
      assert.ok(answers[2]!.body.equals(answers[0]!.body), 'the hits are the miss\'s bytes');
    } finally {
      await limited.close();
    }
  });

  test('an invalid question is refused every time, never answered from the cache', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${base}/api/worlds/record/members?asOf=yesterday`);
      assert.equal(r.status, 400);
      assert.match((await r.json() as { detail: string }).detail, /Invalid asOf: "yesterday"/);
    }
  });

  test('what a cleared reader was answered is not what an anonymous reader is sent, either way round', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const post = await fetch(`${base}/api/worlds/ex/commands`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ cmd: 'TableProposal', by: 'SG', at: '2024-06-20T09:00:00Z', classification: 'NATO SECRET', data: { proposal: 'P-SECRET', title: { en: 'secret' }, procedure: 'meeting' } }),
    });
    assert.equal(post.status, 201);
    const url = `${base}/api/worlds/ex/council/proposals`;
    const names = async (headers: Record<string, string>) => ((await (await fetch(url, { headers })).json()) as { key: string }[]).map((f) => f.key);
    for (let round = 0; round < 2; round++) {
      assert.ok((await names(auth)).includes('P-SECRET'), `cleared reader, round ${round}`);
      assert.ok(!(await names({})).includes('P-SECRET'), `anonymous reader, round ${round}`);
    }
    // And with the anonymous reader asking first, after the next append.
    s.services.bus.publish('ex', await s.services.ledger.store.size('ex'));
    for (let round = 0; round < 2; round++) {
      assert.ok(!(await names({})).includes('P-SECRET'), `anonymous reader first, round ${round}`);
      assert.ok((await names(auth)).includes('P-SECRET'), `cleared reader second, round ${round}`);
    }
  });
});
