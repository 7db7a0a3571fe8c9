import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedAnswer, fetchCached } from './data.js';

/** A stand-in for the browser's fetch: each call waits until the test answers it. */
function pendingFetch() {
  const calls: { path: string; answer: (body: unknown) => void }[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = ((path: string) => new Promise<Response>((resolve) => {
    calls.push({ path, answer: (body) => resolve(new Response(JSON.stringify(body), { status: 200 })) });
  })) as typeof fetch;
  return { calls, restore: () => { globalThis.fetch = original; } };
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

test('fresh reads in one turn share a request; one asked for later sends its own, and an older answer arriving last does not replace the newer', async () => {
  const { calls, restore } = pendingFetch();
  try {
    const first = fetchCached<{ clock: string }>('/api/status', true);
    const sameTurn = fetchCached<{ clock: string }>('/api/status', true);
    assert.equal(calls.length, 1, 'readers of one change share one request');
    await nextTurn();
    // The clock was paused after the first request was sent: a fresh read must not get its answer.
    const later = fetchCached<{ clock: string }>('/api/status', true);
    assert.equal(calls.length, 2, 'a fresh read asked for in a later turn sends its own request');
    const plain = fetchCached<{ clock: string }>('/api/status');
    assert.equal(calls.length, 2, 'a plain read joins the request under way');
    calls[1]!.answer({ clock: 'paused' });
    assert.deepEqual(await later, { clock: 'paused' });
    assert.deepEqual(await plain, { clock: 'paused' });
    calls[0]!.answer({ clock: 'running' });
    assert.deepEqual(await first, { clock: 'running' });
    assert.deepEqual(await sameTurn, { clock: 'running' });
    assert.deepEqual(cachedAnswer('/api/status'), { clock: 'paused' }, 'the older answer, arriving last, does not replace the newer');
    assert.deepEqual(await fetchCached('/api/status'), { clock: 'paused' });
    assert.equal(calls.length, 2, 'a held answer is read without a request');
  } finally {
    restore();
  }
});
