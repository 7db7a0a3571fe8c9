/** YAML from outside is read within limits; a breach is a coded refusal, never a crash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlLimited, YAML_MAX_DEPTH } from './yaml.js';
import { EvereError } from './errors.js';

const refused = (text: string, code: string) => assert.throws(() => parseYamlLimited(text, 'f.yaml'), (e: unknown) => e instanceof EvereError && e.code === code, `${code} for ${text.slice(0, 40)}`);

test('an ordinary document with anchors and aliases reads as before', () => {
  const { value } = parseYamlLimited('base: &b {x: 1}\nlist: [*b, *b]\nnested:\n  - a: [1, [2, {c: 3}]]\n', 'f.yaml');
  assert.deepEqual(value, { base: { x: 1 }, list: [{ x: 1 }, { x: 1 }], nested: [{ a: [1, [2, { c: 3 }]] }] });
});

test('an alias bomb is refused', () => {
  const level = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(',')}]\n`;
  refused(level('a', 'x') + level('b', '*a') + level('c', '*b') + level('d', '*c') + level('e', '*d'), 'yaml.too_many_aliases');
});

test('an alias without its anchor, or inside its own anchor, is refused with its line', () => {
  refused('a: 1\n<<: *x\n', 'yaml.alias_unknown');
  refused('a: *later\nb: &later 1\n', 'yaml.alias_unknown');
  refused('a: &a\n  b: *a\n', 'yaml.alias_recursive');
  assert.throws(() => parseYamlLimited('a: 1\n<<: *x\n', 'f.yaml'), (e: unknown) => e instanceof EvereError && e.params.line === 2);
});

test('deep nesting is refused before the parser recurses, in flow and block style', () => {
  refused('['.repeat(20_000) + ']'.repeat(20_000), 'yaml.too_deep');
  refused('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000), 'yaml.too_deep');
  refused(Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 'yaml.too_deep');
  refused(`x: ${'- '.repeat(3000)}1\n`, 'yaml.too_deep');
  // Just past the limit, where the parser itself would cope: refused by the exact count.
  refused('['.repeat(YAML_MAX_DEPTH + 1) + ']'.repeat(YAML_MAX_DEPTH + 1), 'yaml.too_deep');
  assert.doesNotThrow(() => parseYamlLimited('['.repeat(YAML_MAX_DEPTH) + ']'.repeat(YAML_MAX_DEPTH), 'f.yaml'));
});
