/**
 * What a French page must not show: the English of every record text whose French differs
 * (src/messages/record-french.ts, and the `{ en, fr }` titles of the record lines), each with a
 * whole-word pattern ("terrorism" is not found in "terrorisme").
 */
import { join } from 'node:path';
import { readRecordLines } from '../../src/app/record-loader.js';
import { RECORD_FRENCH } from '../../src/messages/record-french.js';
import { ROOT } from './browser.js';

export interface EnglishText { readonly text: string; readonly re: RegExp }

function englishOnly(): string[] {
  const texts = new Set<string>();
  for (const [en, entry] of Object.entries(RECORD_FRENCH)) if (entry.fr !== en) texts.add(en);
  for (const l of readRecordLines(join(ROOT, 'data', 'record')).lines) {
    for (const v of Object.values((l.value as { data?: Record<string, unknown> }).data ?? {})) {
      const title = v as { en?: unknown; fr?: unknown } | null;
      if (title && typeof title === 'object' && typeof title.en === 'string' && typeof title.fr === 'string' && title.fr !== title.en) texts.add(title.en);
    }
  }
  return [...texts];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = (s: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'u');

export const ENGLISH: readonly EnglishText[] = englishOnly().map((text) => ({ text, re: pattern(text) }));

/** Evaluated in a page: what a reader sees, and what a pointer or a screen reader is told (titles, labels). */
export const VISIBLE_TEXT = `(() => {
  const hints = Array.from(document.querySelectorAll('[title], [aria-label]')).map((e) => (e.getAttribute('title') ?? '') + '\\n' + (e.getAttribute('aria-label') ?? ''));
  return document.title + '\\n' + document.body.innerText + '\\n' + hints.join('\\n');
})()`;
