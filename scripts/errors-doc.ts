/**
 * Writes the "application codes" part of docs/errors.md from the one message catalogue: every
 * code of the app, API, CLI and scenarios that the hand-written rule sections do not list.
 * Run `node --import tsx scripts/errors-doc.ts`; a test fails when a code is missing from the doc.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { allDeclaredCodes } from './declared-codes.js';
import { messageFor } from '../src/messages/index.js';

const FILE = new URL('../docs/errors.md', import.meta.url);
const START = '<!-- generated: application codes -->';
const END = '<!-- end of generated codes -->';

const doc = readFileSync(FILE, 'utf8');
const [before] = doc.split(START);
const handWritten = before!;
const codes = (await allDeclaredCodes()).filter((c) => !handWritten.includes(`\`${c}\``));
const groups = new Map<string, string[]>();
for (const code of codes) {
  const prefix = code.split('.')[0]!;
  groups.set(prefix, [...(groups.get(prefix) ?? []), code]);
}
const cell = (text: string) => text.replace(/\|/g, '\\|');
let out = `${START}\n\n## Application codes (ledger, API, CLI, scenarios)\n\nGenerated from the message catalogue by \`scripts/errors-doc.ts\`.\n`;
for (const [prefix, list] of [...groups].sort()) {
  out += `\n### \`${prefix}.*\`\n\n| code | English | Français |\n| --- | --- | --- |\n`;
  for (const code of list) {
    const m = messageFor(code)!;
    out += `| \`${code}\` | ${cell(m.en)} | ${cell(m.fr)} |\n`;
  }
}
out += `\n${END}\n`;
writeFileSync(FILE, `${handWritten.trimEnd()}\n\n${out}`);
console.log(`${codes.length} application codes written to docs/errors.md`);
