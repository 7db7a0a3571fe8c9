/**
 * Bad times, ids and bodies get a 400 naming the parameter (exit 2 on the CLI naming the option),
 * never a 500 and never an answer; no internal message reaches a client.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { cli, tempDir } from '../support/cli.js';

const BAD_TIMES = ['2023-04-03T25:99Z', '2023-04-03T23:59:60Z', '2023-02-30', '2023-13-40'];

describe('strict input over HTTP', () => {
  let s: TestServer;
  let timeRoutes: string[] = [];
  let director = { cookie: '', csrf: '' };

  before(async () => {
    s = await testServer();
    const doc = (await s.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    timeRoutes = Object.entries(doc.paths)
      .filter(([path, ops]) => !path.endsWith('/events') && ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'asOf'))
      .map(([path]) => path.replace('{world}', 'record').replace('{code}', 'SWE').replace('{id}', 'KFOR').replace('{kind}', 'member'));
    await s.services.accounts.create({ username: 'dir', password: 'a long enough password', role: 'director', clearance: 'NATO SECRET' });
    director = await signIn(s.app, 'dir', 'a long enough password');
  });
  after(() => s.close());

  test('impossible dates and times: 400 naming the parameter on every route that takes them', async () => {
    assert.ok(timeRoutes.length >= 15, `${timeRoutes.length} routes take asOf`);
    for (const path of timeRoutes) {
      for (const bad of BAD_TIMES) {
        for (const param of ['asOf', 'knownAt']) {
          const r = await s.app.inject({ url: `${path}?${param}=${encodeURIComponent(bad)}` });
          assert.equal(r.statusCode, 400, `${path}?${param}=${bad}: ${r.statusCode} ${r.body.slice(0, 200)}`);
          const body = r.json() as { code: string; detail: string };
          assert.equal(body.code, 'input.time_invalid');
          assert.ok(body.detail.includes(param) && body.detail.includes(bad), body.detail);
        }
      }
      const ok = await s.app.inject({ url: `${path}?asOf=2023-04-03T10:00Z` });
      assert.ok(ok.statusCode === 200 || ok.statusCode === 404, `${path}: ${ok.statusCode} ${ok.body.slice(0, 200)}`);
    }
  });

  test('a real date still answers, and 2023-02-28 is not 2023-02-30', async () => {
    const r = await s.app.inject({ url: '/api/worlds/record/members?asOf=2023-02-28' });
    assert.equal(r.statusCode, 200);
    assert.equal((r.json() as unknown[]).length, 30);
    const fr = await s.app.inject({ url: '/api/worlds/record/members?asOf=2023-02-30', headers: { 'accept-language': 'fr' } });
    assert.equal(fr.statusCode, 400);
    assert.match((fr.json() as { detail: string }).detail, /asOf invalide/);
  });

  test('entry ids and counts are decimal digits only', async () => {
    for (const [url, param] of [['/api/worlds/record/entries/0x10', 'seq'], ['/api/worlds/record/entries/%20', 'seq'], ['/api/worlds/record/entries/1e1', 'seq'],
      ['/api/worlds/record/entries/+16', 'seq'], ['/api/worlds/record/entries?limit=0x10', 'limit'], ['/api/worlds/record/entries?since=%20', 'since'],
      ['/api/worlds/record/proofs/inclusion/0x10', 'seq'], ['/api/worlds/record/proofs/consistency?from=1e2', 'from']] as const) {
      const r = await s.app.inject({ url });
      assert.equal(r.statusCode, 400, `${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
      const body = r.json() as { code: string; detail: string };
      assert.equal(body.code, 'input.integer_invalid', url);
      assert.ok(body.detail.includes(param), body.detail);
    }
    const r = await s.app.inject({ url: '/api/worlds/record/entries/16' });
    assert.equal(r.statusCode, 200);
    assert.equal((r.json() as { seq: number }).seq, 16);
  });

  const createScenario = (payload: string | object) => s.app.inject({
    method: 'POST', url: '/api/scenarios', headers: { cookie: director.cookie, 'x-csrf-token': director.csrf, 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

  test('YAML with an alias bomb, an unresolved merge or deep nesting: a 400 naming the problem, nothing created', async () => {
    const level = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(',')}]\n`;
    const bomb = level('a', '"x"') + level('b', '*a') + level('c', '*b') + level('d', '*c') + level('e', '*d');
    const cases: [string, string][] = [
      [bomb, 'yaml.too_many_aliases'],
      ['scenario: zz\n<<: *x\n', 'yaml.alias_unknown'],
      ['['.repeat(20_000) + ']'.repeat(20_000), 'yaml.too_deep'],
      [`scenario: zz\ninjects:\n${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i + 1)}- a:`).join('\n')}`, 'yaml.too_deep'],
    ];
    for (const [text, code] of cases) {
      const r = await createScenario({ name: 'zz', text });
      assert.equal(r.statusCode, 400, `${code}: ${r.statusCode} ${r.body.slice(0, 300)}`);
      assert.equal((r.json() as { code: string }).code, code);
    }
    assert.equal(await s.services.ledger.store.world('zz'), undefined);
  });

  test('a deep JSON body is refused cleanly, with no internal message', async () => {
    const deep = `{"name":"zz","scenario":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
    const r = await createScenario(deep);
    assert.equal(r.statusCode, 400, r.body.slice(0, 300));
    assert.equal((r.json() as { code: string }).code, 'input.too_deep');
    const arrays = await s.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":${'['.repeat(100_000)}${']'.repeat(100_000)}}` });
    assert.equal(arrays.statusCode, 400);
    for (const payload of ['{"name":', '{"name":"zz"}}', '\u0000']) {
      const bad = await createScenario(payload);
      assert.equal(bad.statusCode, 400, payload);
      assert.doesNotMatch(bad.body, /call stack|Unexpected|JSON\.parse|at position|SyntaxError/i, bad.body);
    }
    assert.equal(await s.services.ledger.store.world('zz'), undefined);
  });
});

describe('strict input on the command line', () => {
  const db = join(tempDir('evere-input-'), 'evere.db');
  before(async () => {
    const r = await cli(db, ['init', '--json']);
    assert.equal(r.code, 0, r.err);
  });

  test('impossible dates: exit 2 naming the option, nothing printed', async () => {
    for (const [args, option] of [[['members', '--as-of', '2023-02-30'], '--as-of'], [['members', '--known-at', '2023-13-40'], '--known-at'],
      [['members', '--as-of', '2023-04-03T25:99Z'], '--as-of'], [['members', '--as-of', '2023-04-03T23:59:60Z'], '--as-of'],
      [['log', '--from', '2023-02-30'], '--from'], [['log', '--since', '0x10'], '--since'], [['prove', '0x10'], 'seq']] as const) {
      const r = await cli(db, [...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.code} ${r.out.slice(0, 100)}`);
      assert.equal(r.out, '');
      assert.ok(r.err.includes(option), r.err);
    }
    const ok = await cli(db, ['members', '--as-of', '2023-02-28', '--json']);
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).length, 30);
  });
});
