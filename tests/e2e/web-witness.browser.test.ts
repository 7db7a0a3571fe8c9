/**
 * The ledger page checks witnesses in the browser: with a witness's verifier key (typed in, or
 * given in the address), a verification passes only when that witness's cosignature on the
 * checkpoint verifies with WebCrypto, and fails when fewer witnesses than required cosigned. The
 * page also offers the record as a data package. In Debian's Chromium, English and French.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { browserSuite, type WebServer } from '../support/browser.js';
import { generateSigner, nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { cosign, formatWitnessKey, splitNote } from '../../src/ledger/cosignature.js';

const suite = browserSuite({ seed: false });

describe('witnesses and the data package on the ledger page, in Chromium', { skip: suite.skip }, () => {
  let server: WebServer;
  let browser: Browser;
  let cosignerKey = '';
  let silentKey = '';

  before(async () => {
    ({ server, browser } = await suite.start());
    // One witness cosigns the record's newest checkpoint; another, also trusted, never does.
    const { ledger } = server.services;
    const checkpoint = await ledger.checkpoint('record');
    const cosigner = generateSigner().signer;
    cosignerKey = formatWitnessKey(nodeCrypto, 'witness.example/a', cosigner.publicKey);
    silentKey = formatWitnessKey(nodeCrypto, 'witness.example/b', generateSigner().signer.publicKey);
    const line = cosign(nodeCrypto, splitNote(checkpoint.note).text, 'witness.example/a', cosigner, Math.floor(Date.now() / 1000));
    await ledger.store.addCosignature('record', checkpoint.size, 'witness.example/a', line);
  });

  after(async () => {
    await suite.stop();
  });

  const visit = async (lang: 'en' | 'fr', query: string) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${server.url}/${lang}/ledger${query}`);
    const panel = page.locator('[data-testid="verification"]');
    await panel.locator('xpath=self::*[@data-state!="running"]').waitFor({ timeout: 20_000 });
    return { page, panel, errors };
  };

  test('a trusted witness that cosigned: verified, and the check says who', async () => {
    const { page, panel, errors } = await visit('en', `?witness=${encodeURIComponent(cosignerKey)}`);
    assert.equal(await panel.getAttribute('data-state'), 'verified');
    const check = panel.locator('[data-testid="witness-check"]');
    assert.equal(await check.getAttribute('data-cosigned'), '1');
    assert.match(await check.innerText(), /witness\.example\/a/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('two witnesses required, one cosigned: the verification fails and says so, in French', async () => {
    const q = `?witness=${encodeURIComponent(cosignerKey)}&witness=${encodeURIComponent(silentKey)}&min-witnesses=2`;
    const { page, panel } = await visit('fr', q);
    assert.equal(await panel.getAttribute('data-state'), 'failed');
    const text = await panel.locator('[data-testid="witness-check"]').innerText();
    assert.match(text, /Échec/);
    assert.match(text, /au moins 2 requis/);
    await page.close();
  });

  test('keys typed into the form re-verify under the new policy; a witness that never cosigned fails it', async () => {
    const { page, panel } = await visit('en', '');
    assert.equal(await panel.getAttribute('data-state'), 'verified');
    assert.equal(await panel.locator('[data-testid="witness-check"]').count(), 0, 'no witness asked, no witness line');
    await page.locator('details.witnesses summary').click();
    await page.locator('#witness-keys').fill(silentKey);
    await page.locator('[data-testid="verification"][data-state="failed"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('[data-testid="witness-check"]').getAttribute('data-cosigned'), '0');
    await page.close();
  });

  test('the page offers the record as a data package, and the link answers a zip', async () => {
    const { page } = await visit('en', '');
    const href = await page.locator('[data-testid="dataset-download"]').getAttribute('href');
    assert.equal(href, '/api/worlds/record/dataset.zip');
    const r = await fetch(`${server.url}${href}`);
    assert.equal(r.status, 200);
    const bytes = new Uint8Array(await r.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
    await page.close();
  });
});
