/**
 * Server benchmarks, each against its limit in the same run:
 * - requests/s and p99 on the members and decisions endpoints vs a bare Fastify route returning
 *   the same bytes (goal: at least half), the load coming from a separate process;
 * - server-sent-event delivery to 1,000 subscribers (goal: p99 under 100 ms on loopback).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { testServer } from '../tests/support/api.js';
import { act, actingPrincipal, createWorldFromRecord } from '../src/app/acts.js';
import { report } from './support.js';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 5);
const SUBSCRIBERS = Number(process.env.BENCH_SSE_SUBSCRIBERS ?? 1000);

function child(script: string, args: string[], onLine?: (line: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args]);
    let out = '';
    p.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      for (const line of c.toString().split('\n')) if (line.trim()) onLine?.(line.trim());
    });
    p.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    p.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').pop()!) : reject(new Error(out))));
  });
}

const load = async (url: string) => JSON.parse(await child('./support/load.ts', [url, String(SECONDS), '16'])) as { rps: number; p99: number; errors: number; non2xx: number };

export async function serverBenchmarks(): Promise<void> {
  const s = await testServer({ rateLimit: false });
  const { ledger } = s.services;
  await createWorldFromRecord(ledger, s.services.config.dataDir, 'bench', { asOf: '2024-06-01' });
  const sg = await actingPrincipal(ledger, 'bench', 'SG');
  const nac = await actingPrincipal(ledger, 'bench', 'NAC');
  for (let i = 0; i < 200; i++) {
    const at = new Date(Date.UTC(2024, 6, 1) + i * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await act(ledger, 'bench', { cmd: 'TableProposal', at, by: 'SG', data: { proposal: `B-${i}`, title: { en: `Decision ${i}` }, procedure: 'meeting' } }, sg, { classification: 'PUBLIC', releasability: ['PUBLIC'] });
    await act(ledger, 'bench', { cmd: 'AdoptProposal', at, by: 'NAC', data: { proposal: `B-${i}` } }, nac, { classification: 'PUBLIC', releasability: ['PUBLIC'] });
  }
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  const endpoints = [
    ['members', '/api/worlds/record/members?asOf=2024-03-07'],
    ['decisions', '/api/worlds/bench/council/decisions?from=2024-07-02&to=2024-07-03'],
  ] as const;
  const bare = Fastify();
  const bodies = new Map<string, string>();
  for (const [name, path] of endpoints) {
    const body = await (await fetch(`${base}${path}`)).text();
    bodies.set(name, body);
    bare.get(`/${name}`, (_req, reply) => reply.type('application/json; charset=utf-8').send(bodies.get(name)));
  }
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
  for (const [name, path] of endpoints) {
    const floor = await load(`${bareBase}/${name}`);
    const ours = await load(`${base}${path}`);
    if (ours.non2xx || ours.errors) throw new Error(`${name}: ${ours.non2xx} non-2xx, ${ours.errors} errors`);
    const share = ours.rps / floor.rps;
    report({ name: `GET ${name} (${bodies.get(name)!.length} bytes), requests/s`, value: `${Math.round(ours.rps).toLocaleString('en')} req/s, p99 ${ours.p99} ms`, against: `bare Fastify ${Math.round(floor.rps).toLocaleString('en')} req/s, p99 ${floor.p99} ms`, ratio: share, goal: '≥ 0.5 of bare', met: share >= 0.5 });
  }
  await bare.close();

  // SSE fan-out: 1,000 subscribers on the public stream; 20 public entries, each stamped with its send time.
  let ready: () => void = () => undefined;
  const allReady = new Promise<void>((r) => { ready = r; });
  const result = child('./support/sse-clients.ts', [`${base}/api/worlds/bench/events`, String(SUBSCRIBERS), '20'], (line) => { if (line === 'READY') ready(); });
  await allReady;
  await new Promise((r) => setTimeout(r, 500));
  for (let i = 0; i < 20; i++) {
    await act(ledger, 'bench', { cmd: 'TableProposal', at: '2024-08-01T09:00:00Z', by: 'SG', data: { proposal: `SSE-${i}`, title: { en: String(Date.now()) }, procedure: 'meeting' } }, sg, { classification: 'PUBLIC', releasability: ['PUBLIC'] });
    await new Promise((r) => setTimeout(r, 100));
  }
  const sse = JSON.parse(await result) as { received: number; p50: number; p99: number };
  report({ name: `SSE delivery to ${SUBSCRIBERS.toLocaleString('en')} subscribers, p50`, value: `${sse.p50} ms` });
  report({ name: `SSE delivery to ${SUBSCRIBERS.toLocaleString('en')} subscribers, p99`, value: `${sse.p99} ms (${sse.received.toLocaleString('en')} deliveries)`, goal: '< 100 ms', met: sse.p99 < 100 });
  await s.close();
}
