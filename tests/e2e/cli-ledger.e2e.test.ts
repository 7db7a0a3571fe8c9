/**
 * The ledger's CLI verbs end to end, on a real SQLite file with the real record loaded:
 * init, log, verify (and tampering), checkpoint, prove, check-proof offline, export/import.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, tempDir } from '../support/cli.js';

describe('evere ledger verbs', () => {
  const dir = tempDir();
  const db = join(dir, 'evere.db');
  let size = 0;

  before(async () => {
    const r = await cli(db, ['init', '--json']);
    assert.equal(r.code, 0, r.err);
    size = JSON.parse(r.out).size;
    assert.ok(size > 300, `the real record has ${size} entries`);
  });

  test('init twice is refused with a clear message and changes nothing', async () => {
    const r = await cli(db, ['init']);
    assert.equal(r.code, 2);
    assert.match(r.err, /already exists/);
    const again = await cli(db, ['verify', '--json']);
    assert.equal(JSON.parse(again.out).size, size);
  });

  test('log filters by type and valid time, as a table, JSON or CSV', async () => {
    const table = await cli(db, ['log', '--type', 'AccessionInstrumentDeposited', '--from', '2020-01-01']);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /MKD/);
    assert.match(table.out, /FIN/);
    assert.match(table.out, /SWE/);
    assert.doesNotMatch(table.out, /ALB/);
    const entries = JSON.parse((await cli(db, ['log', '--type', 'TreatySigned', '--json'])).out);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].validTime, '1949-04-04');
    assert.match(entries[0].source, /^https?:\/\//);
    const csv = (await cli(db, ['log', '--limit', '3', '--csv'])).out.trim().split('\r\n');
    assert.equal(csv.length, 4);
    const bad = await cli(db, ['log', '--from', '1949-13-45']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--from.*not a calendar date/);
  });

  test('verify checks every entry, signature and checkpoint', async () => {
    const r = await cli(db, ['verify', '--json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out);
    assert.equal(report.ok, true);
    assert.equal(report.signatures, size);
    assert.ok(report.checkpoints >= 1);
  });

  test('prove and check-proof: inclusion and consistency, offline with the verifier key only', async () => {
    const checkpoint = JSON.parse((await cli(db, ['checkpoint', '--json'])).out);
    assert.match(checkpoint.verifierKey, /^evere\.local\/record\+[0-9a-f]{8}\+/);
    assert.match(checkpoint.note, /^evere\.local\/record\n\d+\n[A-Za-z0-9+/]+=*\n\n\u2014 evere\.local\/record /);
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${checkpoint.verifierKey}\n`);
    const proof = JSON.parse((await cli(db, ['prove', '42', '--json'])).out);
    assert.equal(proof.leafIndex, 42);
    assert.equal(proof.treeSize, size);
    assert.ok(proof.hashes.every((h: string) => /^[0-9a-f]{64}$/.test(h)));
    const proofFile = join(dir, 'proof.json');
    writeFileSync(proofFile, JSON.stringify({ ...proof, verifierKey: undefined }));
    const entryFile = join(dir, 'entry.json');
    writeFileSync(entryFile, proof.entry);
    const ok = await cli(join(dir, 'no-such.db'), ['check-proof', proofFile, '--key', keyFile, '--entry', entryFile]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /entry 42 is in the log/);

    // A proof for another entry's bytes, or a forged hash, is refused.
    const forged = { ...proof, hashes: [...proof.hashes] };
    forged.hashes[0] = forged.hashes[0].replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    writeFileSync(proofFile, JSON.stringify(forged));
    const refused = await cli(db, ['check-proof', proofFile, '--key', keyFile]);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /does not lead to the checkpoint root/);
    // A key whose hash is not its own is refused, and says why in the reader's language.
    const wrongKey = checkpoint.verifierKey.replace(/^([^+]+)\+[0-9a-f]{8}\+/, '$1+00000000+');
    const wrongEn = await cli(db, ['check-proof', proofFile, '--key', wrongKey]);
    assert.equal(wrongEn.code, 1);
    assert.match(wrongEn.err, /The checkpoint does not verify with the log key: verifier key hash does not match its key\./);
    const wrongFr = await cli(db, ['check-proof', proofFile, '--key', wrongKey, '--lang', 'fr']);
    assert.match(wrongFr.err, /Le point de contrôle ne se vérifie pas avec la clé du journal\u00a0: l’empreinte de la clé de vérification ne correspond pas à sa clé\./);

    // Grow the log by an export/import round trip elsewhere is not needed: make a new checkpoint
    // after a new world entry is impossible in the read-only record, so prove consistency from 1.
    const consistency = JSON.parse((await cli(db, ['prove', '--from', String(size), '--json'])).out);
    assert.equal(consistency.size2, size);
    writeFileSync(proofFile, JSON.stringify(consistency));
    const same = await cli(db, ['check-proof', proofFile, '--key', keyFile]);
    assert.equal(same.code, 0, same.err);
  });

  test('export → import round trip gives the same root; a malformed line is refused with its number', async () => {
    const file = join(dir, 'record.ndjson');
    assert.equal((await cli(db, ['export', '--out', file])).code, 0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, size + 1);
    assert.doesNotMatch(lines.join('\n'), /PRIVATE KEY/);

    const broken = [...lines];
    broken[7] = broken[7]!.slice(0, -5);
    writeFileSync(join(dir, 'broken.ndjson'), `${broken.join('\n')}\n`);
    const other = join(dir, 'other.db');
    const refused = await cli(other, ['import', join(dir, 'broken.ndjson')]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /broken\.ndjson:8: not valid JSON/);
    assert.match(refused.err, /Nothing was imported/);
    // A line out of order, refused in French with its reason in French.
    const swapped = [...lines];
    [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
    writeFileSync(join(dir, 'swapped.ndjson'), `${swapped.join('\n')}\n`);
    const refusedFr = await cli(other, ['import', join(dir, 'swapped.ndjson'), '--lang', 'fr']);
    assert.equal(refusedFr.code, 2);
    assert.match(refusedFr.err, /swapped\.ndjson:4\u00a0: seq vaut 3, 2 attendu\. Rien n’a été importé\./);
    // A line whose fields break the entry's rules names each field and rule, in the reader's language.
    const odd = [...lines];
    odd[5] = JSON.stringify({ ...JSON.parse(odd[5]!), seq: -1, colour: 'red' });
    writeFileSync(join(dir, 'odd.ndjson'), `${odd.join('\n')}\n`);
    const oddEn = await cli(other, ['import', join(dir, 'odd.ndjson')]);
    assert.equal(oddEn.code, 2);
    assert.match(oddEn.err, /odd\.ndjson:6: malformed entry: seq: expected a non-negative integer; colour: unknown field\. Nothing was imported\./);
    const oddFr = await cli(other, ['import', join(dir, 'odd.ndjson'), '--lang', 'fr']);
    assert.match(oddFr.err, /odd\.ndjson:6\u00a0: entrée mal formée\u00a0: seq\u00a0: entier positif ou nul attendu\u00a0; colour\u00a0: champ inconnu\. Rien n’a été importé\./);
    assert.equal(JSON.parse((await cli(other, ['worlds', '--json'])).out).length, 0);

    const imported = await cli(other, ['import', file, '--json']);
    assert.equal(imported.code, 0, imported.err);
    const original = JSON.parse((await cli(db, ['verify', '--json'])).out);
    assert.equal(JSON.parse(imported.out).root, original.root);
    assert.equal(JSON.parse((await cli(other, ['verify', '--json'])).out).root, original.root);
  });

  test('one changed byte in the database file is caught by verify, naming the entry', async () => {
    const copy = join(dir, 'tampered.db');
    const file = join(dir, 'record.ndjson');
    await cli(copy, ['import', file]);
    const con = new Database(copy);
    con.pragma('wal_checkpoint(TRUNCATE)');
    const { id } = con.prepare("SELECT id FROM worlds WHERE name = 'record'").get() as { id: number };
    const row = con.prepare('SELECT bytes FROM entries WHERE key = ?').get(id * 2 ** 40 + 123) as { bytes: Buffer };
    con.close();
    const bytes = readFileSync(copy);
    const at = bytes.indexOf(row.bytes) + row.bytes.indexOf(Buffer.from('"payload"')) + 13;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x02, at);
    writeFileSync(copy, bytes);
    const r = await cli(copy, ['verify']);
    assert.equal(r.code, 1);
    assert.match(r.out, /entry 123: leaf hash does not match/);
    assert.match(r.err, /first: entry 123/);
    // In French, each problem and the refusal are French, and --json keeps the code beside the English text.
    const fr = await cli(copy, ['verify', '--lang', 'fr']);
    assert.equal(fr.code, 1);
    assert.match(fr.out, /entrée 123\u00a0: l’empreinte de feuille ne correspond pas aux octets de l’entrée/);
    assert.doesNotMatch(fr.out, /does not match/);
    assert.match(fr.err, /premier\u00a0: entrée 123/);
    const listed = JSON.parse((await cli(copy, ['verify', '--json'])).out) as { problems: { seq?: number; code: string; problem: string }[] };
    assert.ok(listed.problems.some((p) => p.seq === 123 && p.code === 'verify.leaf_mismatch' && p.problem === 'leaf hash does not match the entry bytes'), JSON.stringify(listed.problems));
  });

  test('a usage error, a malformed proof and an invalid account say their reason in the reader’s language', async () => {
    const usageEn = await cli(db, ['prove']);
    assert.equal(usageEn.code, 2);
    assert.match(usageEn.err, /Usage error: give SEQ or --from SIZE/);
    const usageFr = await cli(db, ['prove', '--lang', 'fr']);
    assert.equal(usageFr.code, 2);
    assert.match(usageFr.err, /Erreur d’utilisation\u00a0: indiquez SEQ ou --from SIZE/);
    assert.doesNotMatch(usageFr.err, /give/);

    const proofFile = join(dir, 'bare-proof.json');
    writeFileSync(proofFile, '{}');
    const noKey = join(dir, 'no-such-key.txt');
    const proofEn = await cli(db, ['check-proof', proofFile, '--key', noKey]);
    assert.ok(proofEn.err.includes(`The proof file is malformed: --key is neither a verifier key nor a readable file: ${noKey}.`), proofEn.err);
    const proofFr = await cli(db, ['check-proof', proofFile, '--key', noKey, '--lang', 'fr']);
    assert.match(proofFr.err, /Le fichier de preuve est mal formé\u00a0: --key n’est ni une clé de vérification ni un fichier lisible\u00a0: /);

    const accountEn = await cli(db, ['user', 'add', 'ines', '--role', 'partner', '--password', 'a long enough password']);
    assert.equal(accountEn.code, 2);
    assert.match(accountEn.err, /Invalid account party: a partner account needs the state it belongs to\./);
    const accountFr = await cli(db, ['user', 'add', 'ines', '--role', 'partner', '--password', 'a long enough password', '--lang', 'fr']);
    assert.match(accountFr.err, /Compte invalide, party\u00a0: un compte de délégation partenaire doit indiquer l’État auquel il appartient\./);
    const shortFr = await cli(db, ['user', 'add', 'ines', '--role', 'staff', '--password', 'short', '--lang', 'fr']);
    assert.match(shortFr.err, /Compte invalide, password\u00a0: au moins 12\u00a0caractères\./);
  });

  test('messages exist in French', async () => {
    const r = await cli(db, ['verify'], { EVERE_LANG: 'fr' });
    assert.match(r.out, /vérifiés\u00a0: tout est intact/);
    const missing = await cli(db, ['--world', 'nope', 'verify', '--lang', 'fr']);
    assert.equal(missing.code, 3);
    assert.match(missing.err, /Aucun monde nommé «\u00a0nope\u00a0»/);
  });
});
