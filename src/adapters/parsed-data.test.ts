import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataParser } from './parsed-data.js';

test('a text read again gives the value parsed the first time, frozen through', () => {
  const parse = dataParser();
  const text = '{"ally":"SWE","vote":{"for":269,"against":37},"list":["a","b"]}';
  const first = parse(text, 7) as { vote: { for: number }; list: string[] };
  assert.deepEqual(first, JSON.parse(text));
  // A different string object with the same characters, as the database hands over each time.
  assert.equal(parse(JSON.stringify(JSON.parse(text)), 7), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.vote) && Object.isFrozen(first.list));
  assert.throws(() => { first.vote.for = 1; }, TypeError);
  assert.throws(() => first.list.push('c'), TypeError);
  assert.equal(parse('null', 8), null);
  assert.equal(parse('7', 9), 7);
});

test('texts that share a hint are told apart by their characters', () => {
  const parse = dataParser();
  // Two worlds whose entries at the same sequence number wrote different rows, and a third whose
  // fork of the first wrote the same: one hint, two texts, the same value for the same text.
  const a = parse('{"ally":"SWE"}', 12) as { ally: string };
  const b = parse('{"ally":"FIN"}', 12) as { ally: string };
  assert.deepEqual([a.ally, b.ally], ['SWE', 'FIN']);
  assert.equal(parse('{"ally":"SWE"}', 12), a);
  assert.equal(parse('{"ally":"FIN"}', 12), b);
  assert.equal((parse('{"ally":"EST"}', 12) as { ally: string }).ally, 'EST');
  assert.equal(parse('{"ally":"SWE"}', 13) === a, false, 'another hint is another text as far as the memo knows');
});

test('the memo is bounded: past its characters it starts over, and a long text is parsed each time', () => {
  const parse = dataParser(40, 20);
  const a = parse('{"n":1}', 1);
  assert.equal(parse('{"n":1}', 1), a);
  for (let i = 10; i < 20; i++) parse(`{"n":${i}}`, i);
  assert.notEqual(parse('{"n":1}', 1), a, 'dropped once the memo was full');
  const long = `{"s":"${'x'.repeat(30)}"}`;
  assert.notEqual(parse(long, 2), parse(long, 2));
  assert.deepEqual(parse(long, 2), JSON.parse(long));
});
