/**
 * The CLI's start-up: the verb table matches what each command module registers, a verb loads
 * only its own module (no server, web app or PostgreSQL driver for `members`), and the compiled
 * `bin/evere.js` runs from dist/ (built by `npm install`'s prepare step).
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { VERBS, registerModule, verbOf, type CommandModule } from '../../src/cli/run.js';
import { cli, tempDir } from '../support/cli.js';
import { serverStale } from '../../scripts/build-state.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULE_LOG_HOOK = join(ROOT, 'tests', 'support', 'module-log.mjs');

describe('evere start-up', () => {
  const dir = tempDir('evere-start-');
  const db = join(dir, 'evere.db');

  before(async () => {
    assert.equal((await cli(db, ['init'])).code, 0);
  });

  test('each command module registers exactly the verbs the table gives it', async () => {
    const modules = new Set(Object.values(VERBS).map((v) => v.module));
    for (const module of modules) {
      const program = new Command();
      await registerModule(module as CommandModule, program, () => { throw new Error('not run'); });
      const registered = program.commands.map((c) => c.name()).sort();
      const listed = Object.entries(VERBS).filter(([, v]) => v.module === module).map(([name]) => name).sort();
      assert.deepEqual(registered, listed, `module ${module}`);
    }
  });

  test('the verb is found after the global options, and `help VERB` asks for VERB', () => {
    assert.equal(verbOf(['--db', 'x.db', '--world', 'members', 'ally', 'FRA']), 'ally');
    assert.equal(verbOf(['--json', 'members']), 'members');
    assert.equal(verbOf(['help', 'prove']), 'prove');
    assert.equal(verbOf(['--help']), undefined);
  });

  test('help lists every verb with its summary, and a verb\'s help its options', async () => {
    const all = await cli(db, ['--help']);
    assert.equal(all.code, 0);
    for (const verb of Object.keys(VERBS)) assert.match(all.out, new RegExp(`\\n  ${verb} `), verb);
    const one = await cli(db, ['help', 'prove']);
    assert.equal(one.code, 0);
    assert.match(one.out, /--from <size>/);
    assert.match(one.out, new RegExp(VERBS.prove!.summary.slice(0, 30)));
    const unknown = await cli(db, ['nosuch']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command 'nosuch'/);
  });

  test('members loads neither the server, the web app nor the PostgreSQL driver; serve does load the server', () => {
    const loaded = (args: string[]) => {
      const log = join(dir, `modules-${args[0]}.log`);
      const r = spawnSync(process.execPath, ['--import', MODULE_LOG_HOOK, join(ROOT, 'scripts', 'evere-src.js'), '--db', db, ...args], {
        cwd: ROOT, env: { ...process.env, EVERE_MODULE_LOG: log, EVERE_LANG: 'en' }, encoding: 'utf8',
      });
      return { status: r.status, stderr: r.stderr, modules: readFileSync(log, 'utf8').split('\n') };
    };
    const heavy = /\/node_modules\/(fastify|@fastify\/[^/]+|react|react-dom|pg|vite)\//;
    const members = loaded(['members', '--json']);
    assert.equal(members.status, 0, members.stderr);
    assert.deepEqual(members.modules.filter((m) => heavy.test(m)), []);
    assert.ok(members.modules.some((m) => m.includes('/src/cli/commands/treaty.ts')));
    assert.ok(!members.modules.some((m) => /\/src\/cli\/commands\/(start|scenario|users|work|ledger)\.ts/.test(m)));
    // The hook does see the server when a verb needs it (so the check above can fail).
    const serve = loaded(['serve', '--port', '-1']);
    assert.equal(serve.status, 2);
    assert.ok(serve.modules.some((m) => /\/node_modules\/fastify\//.test(m)), 'serve loads Fastify');
  });

  test('--help loads no command module, no message catalogue, no engine and no driver', () => {
    const log = join(dir, 'modules-help.log');
    const r = spawnSync(process.execPath, ['--import', MODULE_LOG_HOOK, join(ROOT, 'scripts', 'evere-src.js'), '--help'], {
      cwd: ROOT, env: { ...process.env, EVERE_MODULE_LOG: log, EVERE_LANG: 'en' }, encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\n {2}members /);
    const ours = readFileSync(log, 'utf8').split('\n').filter((m) => m.includes('/src/')).map((m) => m.replace(/^.*\/src\//, ''));
    // What the help needs: the composition root, configuration, the verb table and the language.
    assert.deepEqual(ours.filter((m) => !['main.ts', 'config.ts', 'cli/run.ts', 'cli/lang.ts'].includes(m)), []);
    assert.ok(ours.includes('cli/run.ts'), ours.join('\n'));
  });

  test('bin/evere.js runs the compiled CLI from dist/', (t) => {
    if (serverStale()) {
      if (process.env.CI === 'true') assert.fail('dist/ is missing or older than src/: `npm test` and `npm ci` build it first');
      t.skip('dist/ is missing or older than src/: run `npm run build`');
      return;
    }
    const log = join(dir, 'modules-bin.log');
    const r = spawnSync(process.execPath, ['--import', MODULE_LOG_HOOK, join(ROOT, 'bin', 'evere.js'), '--db', db, 'members', '--json', '--as-of', '2023-04-03'], {
      cwd: ROOT, env: { ...process.env, EVERE_MODULE_LOG: log, EVERE_LANG: 'en' }, encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 30);
    const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    // The verb's module is a file of its own in dist/ (the build names it treaty-HASH.js), loaded
    // on demand; the server's is not loaded at all.
    assert.ok(modules.some((m) => /\/dist\/treaty-[A-Z0-9]+\.js$/.test(m)), modules.join('\n'));
    assert.ok(!modules.some((m) => /\/dist\/(start|build-app)-[A-Z0-9]+\.js$/.test(m)));
    assert.deepEqual(modules.filter((m) => m.endsWith('.ts') || /\/node_modules\/tsx\//.test(m)), []);
  });
});
