/**
 * Docs must run: every `sh` block of README.md and docs/*.md is run as written, line by line, by
 * the compiled `evere` in a fresh directory with a fresh database, in the order a reader meets it
 * (one directory per file, so a file's later blocks see what its earlier ones made). A line whose
 * comment says "refused" must fail, naming the rule when the comment quotes one in backticks;
 * every other line must succeed. Lines that start something that runs until stopped (`start`,
 * `serve`, `witness follow`), npm's own commands and other npx tools are not run here: the servers
 * have tests of their own, `npm test` is this, and the rest are a maintainer's, run in a checkout. Headless distributions (`scenario run … --runs N`) run with
 * at most 20 runs: the same code path, and the run count's own speed is `npm run bench`'s.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'evere.js');
const FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const LONG_RUNNING = /^(?:\S+=\S+\s+)*(?:npx )?evere(?:\s+--\S+(?:\s+[^-\s]\S*)?)*\s+(?:start|serve|witness follow)\b/;

interface Line { readonly at: number; readonly text: string; readonly comment: string }

/** The shell lines of every `sh` block, continuation lines joined, with their line numbers. */
export function shellLines(markdown: string): Line[] {
  const lines = markdown.split('\n');
  const out: Line[] = [];
  let inBlock = false;
  let pending: { at: number; text: string } | undefined;
  lines.forEach((raw, i) => {
    if (/^```sh\s*$/.test(raw)) { inBlock = true; return; }
    if (inBlock && /^```\s*$/.test(raw)) { inBlock = false; return; }
    if (!inBlock) return;
    const continued = pending ? `${pending.text} ${raw.trim()}` : raw;
    if (/\\\s*$/.test(raw)) { pending = { at: pending?.at ?? i + 1, text: continued.replace(/\\\s*$/, '') }; return; }
    const at = pending?.at ?? i + 1;
    pending = undefined;
    // A comment starts at a `#` outside quotes, preceded by a space.
    const m = /^((?:[^'"#]|'[^']*'|"[^"]*")*?)(?:\s+#\s?(.*))?$/.exec(continued)!;
    const text = (m[1] ?? '').trim();
    if (text) out.push({ at, text, comment: m[2] ?? '' });
  });
  return out;
}

for (const file of FILES) {
  const lines = shellLines(readFileSync(join(ROOT, file), 'utf8'));
  if (!lines.length) continue;
  describe(`the commands of ${file} run as written`, () => {
    const dir = tempDir('evere-docs-');
    symlinkSync(join(ROOT, 'data'), join(dir, 'data'));
    // `npx evere` and `evere` both mean the compiled command of this checkout.
    const prelude = `evere() { node ${JSON.stringify(BIN)} "$@"; }\nnpx() { if [ "$1" = evere ]; then shift; evere "$@"; else command npx "$@"; fi; }\n`;
    const env = { ...process.env, EVERE_LANG: 'en', EVERE_LOG: 'off', NO_COLOR: '1' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    delete env.EVERE_DB;
    let exports = '';
    // A file that loads the record itself says so; the README's tour starts after `npm start`.
    let initialised = lines.some((l) => /^(?:npx )?evere init\b/.test(l.text));
    for (const line of lines) {
      // npm's own commands and other npx tools (a maintainer's rebuild of derived data) run in a
      // checkout with its dev dependencies, not in a reader's directory.
      const skip = /^npm\s/.test(line.text) || /^npx (?!evere\b)/.test(line.text) || LONG_RUNNING.test(line.text);
      it(`${file}:${line.at} ${line.text}`, { skip: skip ? 'runs until stopped, or is a development tool' : false }, () => {
        if (!initialised) {
          const init = spawnSync('bash', ['-c', `${prelude}evere init`], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
          assert.equal(init.status, 0, init.stderr);
          initialised = true;
        }
        if (/^export \w+=/.test(line.text)) exports += `${line.text}\n`;
        const command = line.text.replace(/--runs (\d+)/, (_, n: string) => `--runs ${Math.min(20, Number(n))}`);
        const r = spawnSync('bash', ['-c', `${prelude}${exports}set -o pipefail\n${command}`], { cwd: dir, env, encoding: 'utf8', timeout: 300_000 });
        const said = `exit ${r.status}\n--- stdout\n${r.stdout.slice(0, 2000)}\n--- stderr\n${r.stderr.slice(0, 2000)}`;
        if (/\brefused\b/i.test(line.comment)) {
          assert.notEqual(r.status, 0, `documented as refused, but it succeeded\n${said}`);
          const rule = /`([a-z_]+\.[a-z_.]+)`/.exec(line.comment)?.[1];
          if (rule) assert.match(r.stdout + r.stderr, new RegExp(rule.replace(/\./g, '\\.')), `documented as refused by ${rule}\n${said}`);
        } else {
          assert.equal(r.status, 0, said);
        }
      });
    }
  });
}
