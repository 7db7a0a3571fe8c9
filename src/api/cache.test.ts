import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createAnswerCache, createLru } from './cache.js';
import type { LedgerStore } from '../app/ports.js';
import type { AppendBus } from './bus.js';

const body = (n: number, fill = 'x') => Buffer.from(fill.repeat(n));

describe('the answer cache is bounded in bytes, least recently used out first', () => {
  it('never holds more than its bound, however many distinct answers arrive', () => {
    const lru = createLru(50_000);
    for (let i = 0; i < 5_000; i++) {
      lru.set(`/api/worlds/record/members?asOf=${i}`, body(1_000));
      assert.ok(lru.bytes <= 50_000, `held ${lru.bytes} bytes after ${i + 1} answers`);
    }
    assert.ok(lru.size > 10 && lru.size < 50, `kept ${lru.size} answers`);
    assert.equal(lru.get('/api/worlds/record/members?asOf=0'), undefined);
    assert.deepEqual(lru.get('/api/worlds/record/members?asOf=4999'), body(1_000));
  });

  it('evicts the least recently read answer, not the oldest written', () => {
    const lru = createLru(3 * (1_000 + 2 * 2 + 160));
    lru.set('a1', body(1_000, 'a'));
    lru.set('b1', body(1_000, 'b'));
    lru.set('c1', body(1_000, 'c'));
    assert.ok(lru.get('a1'));
    lru.set('d1', body(1_000, 'd'));
    assert.equal(lru.get('b1'), undefined, 'b1 was the least recently used');
    assert.ok(lru.get('a1'));
    assert.ok(lru.get('c1'));
    assert.ok(lru.get('d1'));
  });

  it('replacing an answer counts its bytes once; an answer larger than the bound is not kept', () => {
    const lru = createLru(10_000);
    lru.set('k', body(2_000));
    const once = lru.bytes;
    lru.set('k', body(2_000));
    assert.equal(lru.bytes, once);
    lru.set('huge', body(20_000));
    assert.equal(lru.get('huge'), undefined);
    assert.ok(lru.get('k'));
    lru.clear();
    assert.equal(lru.bytes, 0);
    assert.equal(lru.size, 0);
  });
});

describe('the answer cache drops what another connection may have changed', () => {
  /** A store whose data version is set by the test, counting how often it is asked. */
  const versioned = () => {
    const state = { version: 1, asked: 0 };
    const store = { dataVersion: () => { state.asked++; return state.version; } } as unknown as LedgerStore;
    const bus = { subscribe: () => () => undefined } as unknown as AppendBus;
    return { state, cache: createAnswerCache(store, bus) };
  };

  it('a commit elsewhere is seen by the first question of the next turn, and answers kept before it are dropped', async () => {
    const { state, cache } = versioned();
    cache.set('a', body(10));
    assert.ok(cache.get('a'));
    await nextTurn();
    state.version = 2;
    assert.equal(cache.get('a'), undefined, 'dropped after the commit');
    cache.set('a', body(10, 'y'));
    await nextTurn();
    assert.deepEqual(cache.get('a'), body(10, 'y'), 'kept while nothing changed');
  });

  it('asks the store once a turn, however many questions the turn handles', async () => {
    const { state, cache } = versioned();
    cache.set('a', body(10));
    const before = state.asked;
    for (let i = 0; i < 100; i++) assert.ok(cache.get('a'));
    assert.equal(state.asked - before, 1);
    await nextTurn();
    cache.get('a');
    assert.equal(state.asked - before, 2);
  });
});
