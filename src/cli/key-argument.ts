/**
 * A key given on the command line: the key text itself (name+hash+base64), or a file holding it,
 * either alone or as the `verifierKey` of `evere checkpoint --json` or the `key` of
 * `evere witness init --json`.
 */
import { readFileSync } from 'node:fs';
import { withNested } from '../app/errors.js';

const KEY = /^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/;

export function readKeyArgument(argument: string, option: string): string {
  if (KEY.test(argument.trim())) return argument.trim();
  let text: string;
  try {
    text = readFileSync(argument, 'utf8');
  } catch {
    throw withNested('cli.usage', {}, 'reason', { code: 'reason.key_argument_unreadable', params: { option, argument } });
  }
  try {
    const parsed = JSON.parse(text) as { verifierKey?: unknown; key?: unknown };
    if (typeof parsed.verifierKey === 'string') return parsed.verifierKey;
    if (typeof parsed.key === 'string') return parsed.key;
  } catch {
    // not JSON: the file holds the key itself
  }
  return text.trim();
}
