/**
 * Witnesses round trip, as separate processes: a log (`evere serve`), one witness serving the
 * tlog-witness protocol (`evere witness serve`, asked by `evere cosign`) and one following the log's
 * tiles (`evere witness follow --once`). The log serves the checkpoint with both cosignatures;
 * check-proof counts them; Go's sumdb/note and sumdb/tlog verify the exported tiles, the
 * cosignatures, inclusion and consistency; a split view shown to a witness is refused and
 * reported with both checkpoints.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli, tempDir } from '../support/cli.js';
import { draft } from '../support/ledger.js';
import { loadConfig } from '../../src/config.js';
import { openServices } from '../../src/main.js';
import { signCheckpoint } from '../../src/ledger/checkpoint.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { addCheckpointBody, type SplitView } from '../../src/app/witness.js';
import { readTile } from '../../src/app/tlog.js';
import { tilesForSize, tilePath } from '../../src/ledger/tiles.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EVERE = join(ROOT, 'scripts', 'evere-src.js');

/** Starts `evere ARGS` as its own process and resolves with the first URL it prints. */
function start(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [EVERE, ...args], { cwd: ROOT, env: { ...process.env, EVERE_LANG: 'en', EVERE_LOG: 'off', ...env } });
  let out = '';
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { err += c; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from evere ${args.join(' ')}: ${out}${err}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const match = /(http:\/\/[^\s)]+?)(?:[\s)]|$)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1').replace(/\/$/, ''), stderr: () => err });
      }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`evere ${args.join(' ')} exited ${code}: ${out}${err}`)); });
  });
}

function runEvere(args: readonly string[]) {
  return spawnSync(process.execPath, [EVERE, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, EVERE_LANG: 'en' }, timeout: 120_000 });
}

/** Builds tests/interop with Debian's Go and golang.org/x/mod (GOPATH mode, offline). */
function buildInterop(): string | undefined {
  const out = join(tempDir('evere-go-'), 'interop');
  const go = spawnSync('go', ['build', '-o', out, './tests/interop'], {
    cwd: ROOT, encoding: 'utf8',
    env: { ...process.env, GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOCACHE: tempDir('evere-gocache-'), GOFLAGS: '' },
  });
  if (go.error && (go.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  assert.equal(go.status, 0, `go build failed: ${go.stderr}`);
  return out;
}

describe('witnesses and interoperability, as separate processes', () => {
  const dir = tempDir('evere-witness-');
  const db = join(dir, 'evere.db');
  const children: ChildProcess[] = [];
  let log: { url: string };
  let w1: { url: string; stderr: () => string };
  let logKey: string;
  let key1: string;
  let key2: string;
  const prefix = () => `${log.url}/api/worlds/pub/log`;

  before(async () => {
    const services = await openServices(loadConfig({}, { db }));
    await services.ledger.createWorld('pub');
    await services.ledger.append('pub', Array.from({ length: 300 }, (_, i) => draft(i)));
    const old = await services.ledger.checkpoint('pub');
    writeFileSync(join(dir, 'old-checkpoint'), old.note);
    await services.ledger.append('pub', Array.from({ length: 300 }, (_, i) => draft(300 + i)));
    logKey = (await services.ledger.publicKeys('pub')).logKey;
    await services.close();

    for (const [name, d] of [['w1.example/witness', 'w1'], ['w2.example/witness', 'w2']] as const) {
      const made = await cli(db, ['witness', 'init', '--name', name, '--dir', join(dir, d), '--json']);
      assert.equal(made.code, 0, made.err);
      const key = (JSON.parse(made.out) as { key: string }).key;
      if (d === 'w1') key1 = key; else key2 = key;
      const trusted = await cli(db, ['witness', 'trust', logKey, '--dir', join(dir, d)]);
      assert.equal(trusted.code, 0, trusted.err);
    }
    const logProcess = await start(['--db', db, 'serve', '--port', '0']);
    children.push(logProcess.child);
    log = logProcess;
    const w1Process = await start(['witness', 'serve', '--dir', join(dir, 'w1'), '--port', '0']);
    children.push(w1Process.child);
    w1 = w1Process;
  });
  after(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  test('the log gathers cosignatures from a witness it asks and one that follows it, and serves them', async () => {
    assert.equal((await cli(db, ['--world', 'pub', 'cosign', '--add-witness', key1, '--url', w1.url])).code, 0);
    assert.equal((await cli(db, ['--world', 'pub', 'cosign', '--add-witness', key2])).code, 0);
    const asked = await cli(db, ['--world', 'pub', 'cosign', '--json']);
    assert.equal(asked.code, 0, asked.out + asked.err);
    assert.deepEqual((JSON.parse(asked.out) as { witness: string; cosigned: boolean; size: number }[]).map((r) => [r.witness, r.cosigned, r.size]), [['w1.example/witness', true, 600]]);

    const followed = runEvere(['witness', 'follow', prefix(), '--dir', join(dir, 'w2'), '--once', '--json']);
    assert.equal(followed.status, 0, followed.stdout + followed.stderr);
    const result = JSON.parse(followed.stdout.trim()) as { status: number; size: number; delivered: boolean };
    assert.deepEqual([result.status, result.size, result.delivered], [200, 600, true]);

    const checkpoint = await (await fetch(`${prefix()}/checkpoint`)).text();
    assert.match(checkpoint, /^evere\.local\/pub\n600\n/);
    assert.equal(checkpoint.match(/^\u2014 w[12]\.example\/witness /gmu)?.length, 2, checkpoint);
    // The JSON checkpoint carries the same cosignatures, by witness.
    const json = await (await fetch(`${log.url}/api/worlds/pub/checkpoint`)).json() as { size: number; note: string; cosignatures: { witness: string; line: string }[] };
    assert.equal(json.size, 600);
    assert.deepEqual(json.cosignatures.map((c) => c.witness).sort(), ['w1.example/witness', 'w2.example/witness']);
    assert.equal(json.note + json.cosignatures.map((c) => `${c.line}\n`).join(''), checkpoint, 'note and cosignature lines make the served cosigned checkpoint');
    // A cosignature from a witness the log does not know is refused.
    const [text, signatures] = checkpoint.split('\n\n') as [string, string];
    const w1Line = signatures.split('\n').find((l) => l.includes('w1.example'))!;
    const stranger = await fetch(`${prefix()}/add-cosignature`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `${text}\n\n${w1Line.replace('w1.example', 'w9.example')}\n` });
    assert.equal(stranger.status, 403);
  });

  test('check-proof counts the witnesses that cosigned the checkpoint', async () => {
    const proved = await cli(db, ['--world', 'pub', 'prove', '42', '--json']);
    assert.equal(proved.code, 0, proved.err);
    const file = join(dir, 'proof.json');
    writeFileSync(file, proved.out);
    const both = await cli(db, ['check-proof', file, '--witness', key1, key2, '--json']);
    assert.equal(both.code, 0, both.err);
    assert.deepEqual((JSON.parse(both.out) as { witnesses: string[] }).witnesses.sort(), ['w1.example/witness', 'w2.example/witness']);

    // A checkpoint no witness has seen yet: the proof is refused when cosignatures are required.
    const services = await openServices(loadConfig({}, { db }));
    await services.ledger.append('pub', [draft(600)]);
    await services.close();
    const fresh = await cli(db, ['--world', 'pub', 'prove', '42', '--json']);
    writeFileSync(file, fresh.out);
    const refused = await cli(db, ['check-proof', file, '--witness', key1, key2, '--min-witnesses', '1']);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /valid cosignatures from 0 of the witnesses given .*at least 1 are required/);
    assert.equal((await cli(db, ['check-proof', file])).code, 0, 'without --witness the log key alone is checked, as before');
  });

  test('Go’s sumdb/note and sumdb/tlog verify the exported tiles, the cosignatures, inclusion and consistency', async (t) => {
    const binary = buildInterop();
    if (!binary) {
      if (process.env.CI === 'true') assert.fail('go is not installed (CI=true): install golang-go and golang-golang-x-mod-dev');
      return t.skip('go is not installed');
    }
    // The latest tree (601, not cosigned yet), with Go: tiles, every entry, consistency with 300.
    const services = await openServices(loadConfig({}, { db }));
    const cp600 = (await services.ledger.store.checkpoints('pub')).find((c) => c.size === 600)!;
    const lines = await services.ledger.store.cosignatures('pub', 600);
    await services.close();
    const out = join(dir, 'tiles');
    const exported = await cli(db, ['--world', 'pub', 'tiles', 'export', out, '--json']);
    assert.equal(exported.code, 0, exported.err);
    const go = (args: string[]) => spawnSync(binary, args, { encoding: 'utf8' });
    const latest = go(['-dir', out, '-log-key', logKey, '-old', join(dir, 'old-checkpoint')]);
    assert.equal(latest.status, 0, latest.stderr);
    const summary = JSON.parse(latest.stdout) as { size: number; entriesProved: number; consistentWith: number; witnesses: string[] | null };
    assert.deepEqual([summary.size, summary.entriesProved, summary.consistentWith], [601, 601, 300]);

    // The cosigned checkpoint at 600 with the tiles of its tree (the tiles of 601 do not serve
    // 600's partial tiles): note verifies both cosignature/v1 lines.
    const cosigned = join(dir, 'tiles-600');
    const services2 = await openServices(loadConfig({}, { db }));
    for (const tile of tilesForSize(600)) {
      const path = join(cosigned, ...tilePath(tile).split('/'));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, (await readTile(services2.ledger, 'pub', tile, 600))!);
    }
    await services2.close();
    writeFileSync(join(cosigned, 'checkpoint'), cp600.note + lines.join(''));
    const witnessed = go(['-dir', cosigned, '-log-key', logKey, '-witness', key1, '-witness', key2, '-min-witnesses', '2', '-old', join(dir, 'old-checkpoint')]);
    assert.equal(witnessed.status, 0, witnessed.stderr);
    const w = JSON.parse(witnessed.stdout) as { size: number; witnesses: string[] };
    assert.deepEqual([w.size, [...w.witnesses].sort()], [600, ['w1.example/witness', 'w2.example/witness']]);

    // Go refuses a tampered tile and a cosignature it cannot find.
    const partial = join(cosigned, 'tile', '0', '002.p', '88');
    const tampered = readFileSync(partial);
    tampered[5] = tampered[5]! ^ 1;
    writeFileSync(partial, tampered);
    const bad = go(['-dir', cosigned, '-log-key', logKey]);
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /tree hash from tiles|differs/);
    const tooFew = go(['-dir', out, '-log-key', logKey, '-witness', key1, '-min-witnesses', '1']);
    assert.notEqual(tooFew.status, 0);
    assert.match(tooFew.stderr, /cosigned by 0 witnesses/);
  });

  test('a split view — another tree of the same size, signed by the log — is refused, and the witness reports both checkpoints', async () => {
    const services = await openServices(loadConfig({}, { db }));
    const signer = (await services.ledger.deps.keys.signer('pub', 'log'))!;
    const held = JSON.parse(readFileSync(join(dir, 'w1', 'logs', `${Buffer.from('evere.local/pub').toString('hex')}.json`), 'utf8')) as { size: number; note: string };
    await services.close();
    const forked = signCheckpoint(nodeCrypto, { origin: 'evere.local/pub', size: held.size, root: new Uint8Array(32).fill(7) }, 'evere.local/pub', signer);
    const answer = await fetch(`${w1.url}/add-checkpoint`, { method: 'POST', body: addCheckpointBody(held.size, [], forked) });
    assert.equal(answer.status, 409);
    assert.equal(answer.headers.get('content-type'), 'text/x.tlog.size');
    assert.equal(await answer.text(), `${held.size}\n`);
    const evidence = await (await fetch(`${w1.url}/split-views`)).json() as SplitView[];
    assert.equal(evidence.length, 1);
    assert.deepEqual([evidence[0]!.held, evidence[0]!.offered, evidence[0]!.reason], [held.note, forked, 'same size, different roots']);
    assert.match(w1.stderr(), /SPLIT VIEW of the log "evere\.local\/pub"/);
    const listed = await cli(db, ['witness', 'split-views', '--dir', join(dir, 'w1'), '--json']);
    assert.equal((JSON.parse(listed.out) as SplitView[]).length, 1);
  });
});
