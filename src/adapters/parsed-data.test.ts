import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataParser } from './parsed-data.js';

test('a text read again gives the value parsed the first time, frozen through', () => {
  const parse = dataParser();
  const text = '{"ally":"SWE","vote":{"for":269,"against":37},"list":["a","b"]}';
  const first = parse(text) as { vote: { for: number }; list: string[] };
  assert.deepEqual(first, JSON.parse(text));
  // A different string object with the same characters, as the database hands over each time.
  assert.equal(parse(JSON.stringify(JSON.parse(text))), first);
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.vote) && Object.isFrozen(first.list));
  assert.throws(() => { first.vote.for = 1; }, TypeError);
  assert.throws(() => first.list.push('c'), TypeError);
  assert.equal(parse('null'), null);
  assert.equal(parse('7'), 7);
});

test('the memo is bounded: past its characters it starts over, and a long text is parsed each time', () => {
  const parse = dataParser(40, 20);
  const a = parse('{"n":1}');
  assert.equal(parse('{"n":1}'), a);
  for (let i = 10; i < 20; i++) parse(`{"n":${i}}`);
  assert.notEqual(parse('{"n":1}'), a, 'dropped once the memo was full');
  const long = `{"s":"${'x'.repeat(30)}"}`;
  assert.notEqual(parse(long), parse(long));
  assert.deepEqual(parse(long), JSON.parse(long));
});
