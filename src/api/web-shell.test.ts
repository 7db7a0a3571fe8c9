import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homeShell, scriptSafe } from './web-shell.js';

test('JSON put in a script data block cannot close it, and reads back the same', () => {
  const hostile = { title: '</script><script>alert(1)</script>', note: '<!-- a < b -->', path: '/api/x' };
  const text = scriptSafe(JSON.stringify(hostile));
  assert.ok(!/<\/script|<!--/i.test(text), text);
  assert.ok(!text.includes('<'), text);
  assert.deepEqual(JSON.parse(text), hostile);
});

test('the home page\'s shell carries its answers byte for byte, `$` patterns included, in the page\'s language', () => {
  const index = '<!doctype html><html lang="en"><head></head><body><div id="root"></div></body></html>';
  const answers = { '/api/worlds': [{ name: 'w', note: "costs $' and $& and $$ and $1" }] };
  const html = homeShell(index, 'fr', '<link rel="modulepreload" href="/assets/a.js">', 'evere-boot', JSON.stringify(answers));
  assert.match(html, /^<!doctype html><html lang="fr"><head><link rel="modulepreload" href="\/assets\/a\.js"><\/head>/);
  const block = html.match(/<script type="application\/json" id="evere-boot">(.*?)<\/script><\/body><\/html>$/s);
  assert.ok(block, html);
  assert.deepEqual(JSON.parse(block[1]!), answers);
});
