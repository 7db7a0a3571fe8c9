import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createLru } from './cache.js';

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
