/**
 * Two `evere serve` processes on one PostgreSQL database: each delivers the other's new entries
 * to its live subscribers (LISTEN/NOTIFY), and the log stays one.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresAvailable, freshPostgresSchema } from '../support/services.js';
import { cli, tempDir } from '../support/cli.js';
import { openSse } from '../support/sse.js';
import { evereCommand } from '../support/child-script.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const evere = await evereCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...evere, 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, ...env, EVERE_LANG: 'en' } });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /serving at (http:\/\/\S+?) /.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1'), output: () => out }); }
    });
    child.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe('two server instances on PostgreSQL', async () => {
  const available = await postgresAvailable();
  let schema: { url: string; drop: () => Promise<void> } | undefined;
  const servers: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv = {};
  let token = '';

  before(async () => {
    if (!available) return;
    schema = await freshPostgresSchema('serve');
    env = { DATABASE_URL: schema.url, EVERE_KEYS_DIR: join(tempDir(), 'keys') };
    const db = join(tempDir(), 'unused.db');
    assert.equal((await cli(db, ['init'], env)).code, 0);
    assert.equal((await cli(db, ['world', 'create', 'ex', '--as-of', '2024-06-01'], env)).code, 0);
    assert.equal((await cli(db, ['user', 'add', 'sg', '--role', 'staff', '--clearance', 'NATO SECRET', '--password', 'a long enough password'], env)).code, 0);
    const t = await cli(db, ['token', 'create', 'sg'], env);
    token = t.out.trim();
  });
  // Live streams left open by a failed assertion would keep the servers from stopping, and their
  // pipes this process from ending.
  const streams: { close(): void }[] = [];
  after(async () => {
    for (const stream of streams) stream.close();
    for (const s of servers) s.kill('SIGTERM');
    await schema?.drop();
  });

  test('an entry appended through one instance reaches the other instance’s subscribers', async (t) => {
    if (!available) return t.skip('PostgreSQL is not reachable');
    const a = await startServer(env);
    const b = await startServer(env);
    servers.push(a.child, b.child);
    const onB = await openSse(`${b.url}/api/worlds/ex/events`, { authorization: `Bearer ${token}` });
    const onA = await openSse(`${a.url}/api/worlds/ex/events`, { authorization: `Bearer ${token}` });
    streams.push(onA, onB);
    const post = (url: string, proposal: string) => fetch(`${url}/api/worlds/ex/commands`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cmd: 'TableProposal', by: 'SG', at: '2024-06-05T09:00:00Z', data: { proposal, title: { en: proposal }, procedure: 'meeting' } }),
    });
    const ra = await post(a.url, 'VIA-A');
    assert.equal(ra.status, 201, await ra.text());
    const seen = await onB.next((e) => e.data.includes('"VIA-A"'), 3000);
    assert.equal(JSON.parse(seen.data).type, 'ProposalTabled');
    const rb = await post(b.url, 'VIA-B');
    assert.equal(rb.status, 201, await rb.text());
    await onA.next((e) => e.data.includes('"VIA-B"'), 3000);
    const seqs = [JSON.parse(seen.data).seq, JSON.parse((await onA.next((e) => e.data.includes('"VIA-B"'), 10)).data).seq];
    assert.equal(seqs[1], seqs[0] + 1, 'one log, no fork');
    onA.close();
    onB.close();
    // Each instance warmed every world in the background once it listened (model state and kept
    // tree levels), and kept its caches through the other's appends.
    for (const server of [a, b]) {
      const deadline = Date.now() + 20_000;
      while ((server.output().match(/world warmed/g) ?? []).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      const warmed = server.output().split('\n').filter((l) => l.includes('world warmed')).map((l) => JSON.parse(l) as { world: string; size: number });
      assert.deepEqual(warmed.map((w) => w.world).sort(), ['ex', 'record']);
      assert.ok(warmed.every((w) => w.size > 0), JSON.stringify(warmed));
    }
  });
});
