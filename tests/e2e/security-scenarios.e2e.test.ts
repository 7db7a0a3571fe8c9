/**
 * Scenarios are closed worlds (issue 10). The newcomer flow of docs/scenarios.md is run as written
 * (its command blocks are read from the document), then: the seated players see their injects and
 * act at scenario time; someone outside the scenario cannot tell it exists, by id, in lists, over
 * SSE or by acting; exercise control's own material (XEX) is for exercise control only; clearance
 * applies inside the scenario as outside.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { cli, tempDir } from '../support/cli.js';
import { signIn } from '../support/api.js';
import { loadConfig } from '../../src/config.js';
import { openServices, type Services } from '../../src/main.js';
import { buildApp } from '../../src/api/build-app.js';

const DOC = readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8');

/** The `sh` block that follows a heading of docs/scenarios.md, as argument lists. */
function commandsUnder(heading: string): { env: Record<string, string>; commands: string[][] } {
  const section = DOC.slice(DOC.indexOf(heading));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  const env: Record<string, string> = {};
  const commands: string[][] = [];
  for (const raw of block.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line) continue;
    const exported = /^export (\w+)='([^']*)'$/.exec(line);
    if (exported) { env[exported[1]!] = exported[2]!; continue; }
    const words = [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
    assert.equal(words[0], 'evere', line);
    commands.push(words.slice(1));
  }
  return { env, commands };
}

describe('scenarios are closed worlds, and the newcomer flow works as documented', () => {
  const dir = tempDir('evere-closed-');
  const db = join(dir, 'evere.db');
  let services: Services;
  let app: FastifyInstance;
  const h = new Map<string, Record<string, string>>();
  const as = (who: string) => h.get(who)!;
  let env: Record<string, string> = {};
  const evere = async (args: string[]) => {
    const r = await cli(db, args, env);
    assert.equal(r.code, 0, `evere ${args.join(' ')}\n${r.err}`);
    return r;
  };

  before(async () => {
    const created = commandsUnder('### 1. Create the scenario');
    const people = commandsUnder('### 2. People and seats');
    env = { ...created.env, ...people.env };
    assert.ok(env.EVERE_PASSWORD, 'the docs set a password');
    for (const args of [...created.commands, ...people.commands]) await evere(args);
    // Beside the documented people: a delegation outside the scenario, an observer cleared PUBLIC.
    await evere(['user', 'add', 'bel', '--role', 'delegation', '--party', 'BEL', '--clearance', 'COSMIC TOP SECRET']);
    await evere(['user', 'add', 'pia', '--role', 'observer']);
    await evere(['user', 'add', 'pete', '--role', 'player']);
    await evere(['scenario', 'assign', 'blackout', '--user', 'pia']);
    const config = loadConfig({}, { db });
    services = await openServices(config);
    app = await buildApp({ ...services, dataDir: config.dataDir }, { rateLimit: false });
    await app.ready();
    for (const who of ['dora', 'hanna', 'tiit', 'otto', 'bel', 'pia']) {
      const { cookie, csrf } = await signIn(app, who, env.EVERE_PASSWORD!);
      h.set(who, { cookie, 'x-csrf-token': csrf });
    }
  });
  after(async () => {
    await app?.close();
    await services?.close();
  });

  test('a player made as the docs show acts for the seat at scenario time, and sees the injects addressed to it', async () => {
    await evere(['scenario', 'advance', 'blackout', '--to', 'T+7h']);
    const acted = await app.inject({
      method: 'POST', url: '/api/scenarios/blackout/act', headers: as('hanna'),
      payload: { cmd: 'BreakSilence', by: 'HUN', data: { proposal: 'PO-2024-0601', reason: 'paragraph 3' } },
    });
    assert.equal(acted.statusCode, 201, acted.body);
    assert.equal(acted.json()[0].actor, 'delegation-hun');
    assert.equal(acted.json()[0].validTime, '2024-06-03T13:00:00Z', 'at the scenario clock’s time');
    await evere(['scenario', 'advance', 'blackout', '--to', 'T+25h']);
    const status = (await app.inject({ url: '/api/scenarios/blackout', headers: as('hanna') })).json();
    for (const inject of ['INJ-01', 'INJ-02', 'INJ-08', 'INJ-13']) assert.ok(status.delivered.some((d: { inject: string }) => d.inject === inject), inject);
    const injects = (await app.inject({ url: '/api/worlds/blackout/entries?type=InjectDelivered&limit=100', headers: as('tiit') })).json().entries;
    assert.ok(injects.some((e: { classification: string }) => e.classification === 'NATO SECRET'));
  });

  test('a seat is not given to someone cleared below what it needs', async () => {
    const r = await cli(db, ['scenario', 'assign', 'blackout', '--seat', 'LVA', '--user', 'pete'], env);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /pete is cleared PUBLIC; seat LVA needs NATO SECRET/);
  });

  test('someone outside the scenario cannot tell it exists: by id, in lists, over SSE, by acting', async () => {
    const defined = (await app.inject({ url: '/api/worlds/blackout/entries?type=ScenarioDefined', headers: as('dora') })).json().entries[0];
    assert.ok(defined, 'exercise control reads the definition');
    const absent = (path: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
      Promise.all(['blackout', 'nowhere'].map((world) => app.inject({ method, url: path.replace('{w}', world), headers: as('bel'), ...(payload ? { payload } : {}) })));
    for (const [path, method, payload] of [
      [`/api/worlds/{w}/entries/${defined.seq}`], ['/api/worlds/{w}/entries?type=ScenarioDefined'], [`/api/worlds/{w}/proofs/inclusion/${defined.seq}`],
      ['/api/worlds/{w}/events?since=0'], ['/api/worlds/{w}/council/proposals'], ['/api/worlds/{w}/checkpoint'], ['/api/scenarios/{w}'],
      ['/api/worlds/{w}/commands', 'POST', { cmd: 'RequestConsultations', by: 'BEL', at: '2024-06-03T08:00:00Z', data: { consultation: 'A4-X', requesters: ['BEL'], reason: 'x' } }],
      ['/api/scenarios/{w}/act', 'POST', { cmd: 'RequestConsultations', by: 'BEL', data: { consultation: 'A4-X', requesters: ['BEL'], reason: 'x' } }],
    ] as [string, ('GET' | 'POST')?, object?][]) {
      const [inside, nowhere] = await absent(path, method ?? 'GET', payload);
      assert.equal(inside!.statusCode, 404, `${path}: ${inside!.body}`);
      assert.equal(inside!.body.replaceAll('blackout', 'W'), nowhere!.body.replaceAll('nowhere', 'W'), path);
    }
    const worlds = (await app.inject({ url: '/api/worlds', headers: as('bel') })).json() as { name: string }[];
    assert.ok(!worlds.some((w) => w.name === 'blackout'));
    assert.deepEqual((await app.inject({ url: '/api/scenarios', headers: as('bel') })).json(), []);
  });

  test('inside, one acts only through one’s seat at scenario time, never at a time of one’s choosing', async () => {
    const r = await app.inject({
      method: 'POST', url: '/api/worlds/blackout/commands', headers: as('tiit'),
      payload: { cmd: 'RequestConsultations', by: 'EST', at: '2024-06-03T06:30:00Z', data: { consultation: 'A4-EARLY', requesters: ['EST'], reason: 'x' } },
    });
    assert.equal(r.statusCode, 403, r.body);
    assert.equal(r.json().code, 'act.in_scenario');
  });

  test('exercise control’s material is for exercise control; clearance applies inside the scenario', async () => {
    for (const who of ['otto', 'hanna', 'pia']) {
      const r = await app.inject({ url: '/api/worlds/blackout/entries?type=ScenarioDefined', headers: as(who) });
      assert.deepEqual(r.json().entries, [], who);
    }
    const pia = (await app.inject({ url: '/api/worlds/blackout/entries?type=InjectDelivered&limit=100', headers: as('pia') })).json().entries;
    assert.deepEqual(pia, [], 'an observer cleared PUBLIC reads no classified inject');
    const status = (await app.inject({ url: '/api/scenarios/blackout', headers: as('pia') })).json();
    assert.deepEqual(status.delivered, [], 'nor their ids and times');
    const otto = (await app.inject({ url: '/api/worlds/blackout/entries?type=InjectDelivered&limit=100', headers: as('otto') })).json().entries;
    assert.ok(otto.some((e: { classification: string }) => e.classification === 'NATO SECRET'));
  });
});
