/**
 * `evere --help` and `evere VERB --help` in French when the language is French (--lang fr,
 * $EVERE_LANG, $LANG): every text the command line declares has its French in the catalogue
 * (src/messages/help.ts), and the help shows it; in English nothing changes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Command, type Argument } from 'commander';
import { cli, tempDir } from '../support/cli.js';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { registerModule, VERBS, type CommandModule } from '../../src/cli/run.js';
import { HELP_TEXTS } from '../../src/messages/help.js';

const db = join(tempDir(), 'help.db');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Every command the CLI declares, with its path (`council table`), from every module. */
async function commandTree(): Promise<{ path: string; command: Command }[]> {
  const program = new Command('evere');
  for (const module of new Set(Object.values(VERBS).map((v) => v.module))) {
    await registerModule(module as CommandModule, program, () => { throw new Error('not run'); });
  }
  const out: { path: string; command: Command }[] = [];
  const walk = (command: Command, path: string) => {
    out.push({ path, command });
    for (const sub of command.commands) walk(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  walk(program, '');
  return out.filter((c) => c.path !== '');
}

const argumentsOf = (command: Command): readonly Argument[] => (command as unknown as { registeredArguments: readonly Argument[] }).registeredArguments;

describe('the help in French', () => {
  const french = new Map(HELP_TEXTS.map((m) => [m.en, m.fr]));

  test('every verb summary, command, option and argument description has its French in the catalogue', async () => {
    const missing: string[] = [];
    for (const [verb, { summary }] of Object.entries(VERBS)) if (!french.has(summary)) missing.push(`${verb}: ${summary}`);
    for (const { path, command } of await commandTree()) {
      if (command.description() && !french.has(command.description()) && !Object.values(VERBS).some((v) => v.summary === command.description())) {
        missing.push(`${path}: ${command.description()}`);
      }
      for (const o of command.options) if (o.description && !french.has(o.description)) missing.push(`${path} ${o.flags}: ${o.description}`);
      for (const a of argumentsOf(command)) if (a.description && !french.has(a.description)) missing.push(`${path} <${a.name()}>: ${a.description}`);
    }
    assert.deepEqual(missing, [], `add these to src/messages/help.ts:\n${missing.join('\n')}`);
    for (const m of HELP_TEXTS) assert.notEqual(m.fr, m.en, `not translated: ${m.en}`);
  });

  test('`evere --help` is in French with EVERE_LANG=fr, LANG=fr_FR.UTF-8 or --lang fr', async () => {
    const bin = (args: string[], env: NodeJS.ProcessEnv) => {
      const clean = { ...process.env, ...env };
      delete clean.EVERE_LANG;
      delete clean.LC_ALL;
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'evere-src.js'), ...args], { env: clean, encoding: 'utf8' });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const answers = [
      await cli(db, ['--help'], { EVERE_LANG: 'fr' }), await cli(db, ['--lang', 'fr', '--help']), await cli(db, ['--lang=fr', '--help']),
      bin(['--help'], { LANG: 'fr_FR.UTF-8' }),
    ];
    for (const r of answers) {
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^Utilisation\u00a0: evere \[options\] \[commande\]/);
      assert.match(r.out, /\nCommandes\u00a0:\n/);
      assert.ok(flat(r.out).includes(flat(french.get(VERBS.members!.summary)!)), r.out);
      assert.ok(!flat(r.out).includes(VERBS.members!.summary), 'the English summary is still shown');
      assert.match(flat(r.out), /le monde sur lequel agir \(par défaut : « record »\)/);
    }
  });

  test('each verb’s help shows its options’ French and none of their English', async () => {
    const tree = await commandTree();
    for (const verb of ['members', 'dataset', 'prove', 'fund', 'user', 'scenario']) {
      const r = await cli(db, [verb, '--help'], { EVERE_LANG: 'fr' });
      assert.equal(r.code, 0, r.err);
      const shown = flat(r.out);
      assert.match(shown, /^Utilisation : evere /);
      assert.ok(shown.includes('afficher l’aide de la commande'));
      const command = tree.find((c) => c.path === verb)!.command;
      for (const o of command.options) {
        assert.ok(shown.includes(flat(french.get(o.description)!)), `${verb} ${o.flags}: French not shown\n${r.out}`);
        assert.ok(!shown.includes(o.description), `${verb} ${o.flags}: English still shown`);
      }
      for (const sub of command.commands) assert.ok(shown.includes(flat(french.get(sub.description())!).slice(0, 40)), `${verb} ${sub.name()}`);
    }
    const nested = await cli(db, ['scenario', 'branch', '--help'], { EVERE_LANG: 'fr' });
    assert.ok(flat(nested.out).includes('Arguments : name le scénario dont créer une variante'), nested.out);
  });

  test('usage errors are in French too, followed by the French help', async () => {
    const missing = await cli(db, ['dataset'], { EVERE_LANG: 'fr' });
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^erreur\u00a0: l’option requise «\u00a0--out <dir>\u00a0» n’est pas indiquée\n/);
    assert.ok(flat(missing.err).includes('répertoire où écrire le paquet de données'));
    const unknown = await cli(db, ['--lang', 'fr', 'members', '--bogus']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^erreur\u00a0: option inconnue «\u00a0--bogus\u00a0»/);
    const english = await cli(db, ['dataset'], { EVERE_LANG: 'en' });
    assert.match(english.err, /^error: required option '--out <dir>' not specified/);
  });

  test('in English the help is as declared', async () => {
    const r = await cli(db, ['dataset', '--help'], { EVERE_LANG: 'en' });
    assert.match(r.out, /^Usage: evere dataset \[options\]/);
    assert.ok(flat(r.out).includes('directory to write the data package to'));
    assert.ok(flat(r.out).includes('display help for command'));
  });
});
