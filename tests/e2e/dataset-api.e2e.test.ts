/**
 * /api/worlds/{world}/dataset: the same data package over HTTP (datapackage.json, each CSV, one
 * zip), built through the access layer: a classified row is in the package of a reader cleared for
 * it and absent, with its source, from the public's.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync, strFromU8 } from 'fflate';
import { testServer, signIn, type TestServer } from '../support/api.js';
import { validateCsv, type TableSchema } from '../support/table-schema.js';
import { act, actingPrincipal, createWorldFromRecord } from '../../src/app/acts.js';

const PASSWORD = 'a long enough password';
interface Descriptor { resources: { name: string; path: string; schema: TableSchema }[]; evere: { treeSize: number; rootHex: string } }

describe('the data package over HTTP', () => {
  let s: TestServer;
  let staff: Record<string, string>;
  before(async () => {
    s = await testServer();
    const { ledger, accounts } = s.services;
    await createWorldFromRecord(ledger, s.services.config.dataDir, 'sec', { asOf: '2024-06-01' });
    const pol = await actingPrincipal(ledger, 'sec', 'POL');
    await act(ledger, 'sec', { cmd: 'RequestConsultations', at: '2024-06-05T09:00:00Z', by: 'POL', data: { consultation: 'ART4-SECRET', requesters: ['POL'], reason: 'A classified threat' } }, pol, { classification: 'NATO SECRET', releasability: ['NATO'], source: 'https://example.org/classified-request' });
    await accounts.create({ username: 'staff', password: PASSWORD, role: 'staff', clearance: 'NATO SECRET' });
    staff = { cookie: (await signIn(s.app, 'staff', PASSWORD)).cookie };
  });
  after(async () => s?.close());

  const get = (url: string, headers: Record<string, string> = {}) => s.app.inject({ url, headers });

  test('datapackage.json and every CSV it lists, each valid against its schema', async () => {
    const r = await get('/api/worlds/record/dataset/datapackage.json');
    assert.equal(r.statusCode, 200);
    const d = r.json() as Descriptor;
    assert.equal(d.resources.length, 12);
    for (const res of d.resources) {
      const csv = await get(`/api/worlds/record/dataset/${res.path}`);
      assert.equal(csv.statusCode, 200, res.path);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.deepEqual(validateCsv(csv.body, res.schema), [], res.path);
    }
  });

  test('the zip holds the same files', async () => {
    const r = await get('/api/worlds/record/dataset.zip');
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'application/zip');
    assert.match(String(r.headers['content-disposition']), /attachment; filename="evere-record-dataset\.zip"/);
    const files = unzipSync(new Uint8Array(r.rawPayload));
    const d = JSON.parse(strFromU8(files['datapackage.json']!)) as Descriptor;
    assert.deepEqual(Object.keys(files).sort(), ['datapackage.json', ...d.resources.map((x) => x.path)].sort());
    const allies = await get('/api/worlds/record/dataset/data/allies.csv');
    assert.equal(strFromU8(files['data/allies.csv']!), allies.body);
  });

  test('what the reader may not read is absent: the classified consultation and its source', async () => {
    const publicCsv = (await get('/api/worlds/sec/dataset/data/consultations.csv')).body;
    const staffCsv = (await get('/api/worlds/sec/dataset/data/consultations.csv', staff)).body;
    assert.ok(!publicCsv.includes('ART4-SECRET') && !publicCsv.includes('classified-request'));
    assert.ok(staffCsv.includes('ART4-SECRET') && staffCsv.includes('https://example.org/classified-request'));
    const publicZip = unzipSync(new Uint8Array((await get('/api/worlds/sec/dataset.zip')).rawPayload));
    assert.ok(!strFromU8(publicZip['data/consultations.csv']!).includes('ART4-SECRET'));
    // Everything else is the same for both: the public's table is the staff's less that one row.
    assert.equal(staffCsv.split('\r\n').filter((l) => !l.startsWith('ART4-SECRET,')).join('\r\n'), publicCsv);
  });

  test('an unknown table or world is a 404 that names it', async () => {
    const table = await get('/api/worlds/record/dataset/data/nothing.csv');
    assert.equal(table.statusCode, 404);
    assert.match(table.body, /nothing\.csv/);
    assert.equal((await get('/api/worlds/nowhere/dataset/datapackage.json')).statusCode, 404);
    assert.equal((await get('/api/worlds/record/dataset/data/..%2Fsecret')).statusCode, 400);
  });
});
