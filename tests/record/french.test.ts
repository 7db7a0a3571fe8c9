/**
 * Both languages in the record: every text a record line carries for a reader (an occasion, an
 * Article 4 reason, an Article 5 measure, a title, a name, an area, a Council decision, a place)
 * has its French, either in the line itself (`{ en, fr }` titles) or in the record's French
 * catalogue (src/messages/record-french.ts); no catalogue entry is left over for a text the record
 * no longer has; and every French text cited as official comes from an official page.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRecordLines } from '../../src/app/record-loader.js';
import { commandSpec } from '../../src/domain/command-specs.js';
import { PERSON_NAME_FIELDS, RECORD_FRENCH, UNTRANSLATED_FIELDS, recordFrench, recordText } from '../../src/messages/record-french.js';

const RECORD = join(new URL('../../data', import.meta.url).pathname, 'record');

interface Shown {
  readonly where: string;
  readonly text: string;
  /** A person's name: French only where it has English words in it. */
  readonly person: boolean;
}

/** Every reader-facing text of the record: plain texts, and the French-capable titles. */
function recordTexts(): { plain: Shown[]; titles: { where: string; value: Record<string, unknown> }[] } {
  const plain: Shown[] = [];
  const titles: { where: string; value: Record<string, unknown> }[] = [];
  for (const l of readRecordLines(RECORD).lines) {
    const value = l.value as { cmd?: unknown; data?: Record<string, unknown> };
    const spec = typeof value.cmd === 'string' ? commandSpec(value.cmd) : undefined;
    assert.ok(spec && value.data, `${l.file}:${l.line}: not a command`);
    for (const field of spec.fields) {
      const v = value.data[field.name];
      const where = `${l.file}:${l.line} data.${field.name}`;
      if (v === undefined || UNTRANSLATED_FIELDS.has(field.name)) continue;
      const person = PERSON_NAME_FIELDS.has(`${spec.cmd}.${field.name}`);
      if (field.type.kind === 'text' && typeof v === 'string') plain.push({ where, text: v, person });
      else if (field.type.kind === 'texts' && Array.isArray(v)) for (const item of v) plain.push({ where, text: String(item), person });
      else if (field.type.kind === 'title') titles.push({ where, value: v as Record<string, unknown> });
    }
  }
  return { plain, titles };
}

describe('the record in French', () => {
  const { plain, titles } = recordTexts();

  test('the record has reader-facing texts to check (the scan finds them)', () => {
    assert.ok(plain.length > 150, `only ${plain.length} texts found`);
    assert.ok(plain.some((s) => s.text === 'Madrid Summit'));
    assert.ok(titles.length > 20, `only ${titles.length} titles found`);
  });

  test('every plain record text has its French in the catalogue', () => {
    const missing = plain.filter((s) => !s.person && recordFrench(s.text) === undefined).map((s) => `${s.where}: “${s.text}”`);
    assert.deepEqual(missing, [], `record texts without French (add them to src/messages/record-french.ts):\n${missing.join('\n')}`);
  });

  test('every `{ en, fr }` title in the record carries its French', () => {
    const missing = titles.filter((t) => typeof t.value['fr'] !== 'string' || t.value['fr'].trim() === '').map((t) => `${t.where}: “${String(t.value['en'])}”`);
    assert.deepEqual(missing, [], `titles without "fr":\n${missing.join('\n')}`);
  });

  test('French titles in the record follow French typography: the typographic apostrophe, a no-break space before : ; ! ? and inside « »', () => {
    const bad = titles.map((t) => ({ where: t.where, fr: String(t.value['fr'] ?? '') }))
      .filter((t) => /'|\S [:;!?](?=\s|$)|« | »/.test(t.fr)).map((t) => `${t.where}: “${t.fr}”`);
    assert.deepEqual(bad, []);
  });

  test('a person’s name needs no French, but one with English words in it has it', () => {
    assert.ok(plain.some((s) => s.person && s.text === 'Mark Rutte'));
    assert.equal(recordText('fr', 'Hastings Ismay, 1st Baron Ismay'), 'Hastings Ismay, 1er baron Ismay');
    const english = plain.filter((s) => s.person && /\b(\d+(st|nd|rd|th)|Baron|Lord|Sir|of)\b/.test(s.text) && recordFrench(s.text) === undefined);
    assert.deepEqual(english.map((s) => `${s.where}: “${s.text}”`), []);
  });

  test('no catalogue entry is left for a text the record no longer has', () => {
    const used = new Set(plain.map((s) => s.text));
    const stale = Object.keys(RECORD_FRENCH).filter((en) => !used.has(en));
    assert.deepEqual(stale, [], `entries matching no record text (the English changed?):\n${stale.join('\n')}`);
  });

  test('French texts are French: not the English copied, unless the entry says it reads the same', () => {
    for (const [en, entry] of Object.entries(RECORD_FRENCH)) {
      assert.ok(entry.fr.trim().length > 0, en);
      // A text of more than two words that reads the same in both languages is a proper name list at most.
      if (entry.fr === en) assert.ok(en.split(/\s+/).length <= 4, `“${en}” is given as its own French`);
    }
  });

  test('an official French wording cites an official page (nato.int and its commands, a government)', () => {
    for (const [en, entry] of Object.entries(RECORD_FRENCH)) {
      if (entry.source === undefined) continue;
      assert.match(entry.source, /^https:\/\/(www\.)?(nato\.int|[a-z]+\.nato\.int)\//, `${en}: ${entry.source}`);
    }
  });

  test('recordText gives the reader’s language and leaves text it does not know as given', () => {
    assert.equal(recordText('fr', 'Madrid Summit'), 'Sommet de Madrid');
    assert.equal(recordText('en', 'Madrid Summit'), 'Madrid Summit');
    assert.equal(recordText('fr', 'A statement typed in an exercise'), 'A statement typed in an exercise');
    assert.equal(recordText('fr', undefined), undefined);
  });
});
