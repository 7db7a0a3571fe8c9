/**
 * Answers the server put in the home page's HTML (src/api/web-shell.ts): the same bytes the page
 * would have fetched with the same session, in a JSON data block (never run as script). Read
 * once, into fetchCached's cache, before the first render, so the home page draws without a
 * round trip to the API; a missing or malformed block only means the page fetches as usual.
 */
import { prime } from './data.js';
import { BOOT_ELEMENT_ID } from './home-reads.js';

export function primeFromPage(doc: Document): void {
  const element = doc.getElementById(BOOT_ELEMENT_ID);
  if (!element) return;
  element.remove();
  let reads: unknown;
  try {
    reads = JSON.parse(element.textContent ?? '');
  } catch {
    return;
  }
  if (typeof reads !== 'object' || reads === null) return;
  for (const [path, data] of Object.entries(reads)) prime(path, data);
}
