/**
 * The record cites no blog, aggregator, press wire, Wikipedia or mirror (DENIED_DOMAINS). The
 * citations below predate the deny list and are being replaced with official sources: the test
 * fails on any other line citing a denied domain, so the list can only shrink. Remove a URL from
 * it when its last line is re-sourced (a URL no longer cited is harmless here, so re-sourcing one
 * file never breaks this test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRecordLines } from './record-loader.js';
import { sourceDistribution } from './record-sources.js';

const TO_REPLACE: readonly string[] = [
  "https://internationalrelationsen.blogspot.com/2021/04/partnership-for-peace.html",
  "https://www.fulsoft.cz/33/19-2020-sb-m-s-sdeleni-ministerstva-zahranicnich-veci-o-sjednani-protokolu-o-pristupu-republiky-severni-makedonie-k-severoatlanticke-smlouve-uniqueidOhwOuzC33qe_hFd_-jrpTjXOeE1-2b7lyp2rJQI-2yuwj0JoeGVFeQ/?ns=1610876226",
];

test('no record line cites a denied domain beyond the citations being replaced', () => {
  const { lines } = readRecordLines(new URL('../../data/record', import.meta.url).pathname);
  const denied = sourceDistribution(lines).denied;
  const unexpected = denied.filter((d) => !TO_REPLACE.includes(d.source)).map((d) => `${d.file}:${d.line} ${d.reason} ${d.source}`);
  assert.deepEqual(unexpected, [], 'cite an official source instead (docs/record-format.md, "Source classes")');
});
