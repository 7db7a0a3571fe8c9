import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptSafe } from './web-shell.js';

test('JSON put in a script data block cannot close it, and reads back the same', () => {
  const hostile = { title: '</script><script>alert(1)</script>', note: '<!-- a < b -->', path: '/api/x' };
  const text = scriptSafe(JSON.stringify(hostile));
  assert.ok(!/<\/script|<!--/i.test(text), text);
  assert.ok(!text.includes('<'), text);
  assert.deepEqual(JSON.parse(text), hostile);
});
