/**
 * The derived-state scenario, run on SQLite and on PostgreSQL: one edited row of the `facts`
 * index changes what queries answer; `evere verify` names it, `evere serve` refuses to start,
 * `evere reindex` repairs it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cli } from './cli.js';
import { evereCommand } from './child-script.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs SQL against the store's database (the test's hands on the file or the server). */
export type Sql = (statement: string, params?: readonly (string | number)[]) => Promise<Record<string, unknown>[]>;

/** `evere serve` as a process: its exit code and output, or a failure if it starts serving. */
export async function serveOutcome(db: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  const evere = await evereCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...evere, '--db', db, 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, ...env, EVERE_LANG: 'en' } });
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`serve neither served nor exited in 30 s: ${out}`)); }, 30_000);
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      if (/serving at/.test(out)) {
        clearTimeout(timer);
        child.kill('SIGTERM');
        resolve({ code: 0, out });
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}

const members = async (db: string, env: NodeJS.ProcessEnv) => {
  const r = await cli(db, ['members', '--as-of', '2024-01-01', '--json'], env);
  assert.equal(r.code, 0, r.err);
  return (JSON.parse(r.out) as { code: string }[]).map((m) => m.code);
};

export async function editedIndexScenario(db: string, env: NodeJS.ProcessEnv, sql: Sql): Promise<void> {
  const init = await cli(db, ['init'], env);
  assert.equal(init.code, 0, init.err);
  const clean = await cli(db, ['verify', '--json'], env);
  assert.equal(clean.code, 0, clean.err);
  const report = JSON.parse(clean.out) as { ok: boolean; indexRows: number; size: number };
  assert.equal(report.ok, true);
  assert.ok(report.indexRows > report.size / 2, `the index rows of the record were rebuilt and compared (${report.indexRows})`);
  const before = await members(db, env);
  assert.ok(before.includes('FRA'));
  const served0 = await serveOutcome(db, env);
  assert.equal(served0.code, 0, served0.out);
  assert.match(served0.out, /Indexes of 1 world\(s\) match the digests their appends kept \(\d+ rows summed, no replay\)/);

  // One row of the index edited in the database: France joins in 2099.
  const [row] = await sql("SELECT sys_from FROM facts WHERE world = 'record' AND kind = 'membership' AND key = 'FRA' AND sys_to IS NULL");
  const seq = Number(row!.sys_from);
  await sql("UPDATE facts SET valid_from = '2099-01-01T00:00:00.000Z' WHERE world = 'record' AND kind = 'membership' AND key = 'FRA'");
  assert.deepEqual(await members(db, env), before.filter((c) => c !== 'FRA'), 'the edit changes what queries answer');

  const bad = await cli(db, ['verify'], env);
  assert.equal(bad.code, 1, 'verify fails');
  assert.match(bad.out, new RegExp(`entry ${seq}: index row membership FRA: valid_from is "2099-01-01T00:00:00.000Z" in the store, "1949-08-24T00:00:00.000Z" rebuilt from the log`));
  const json = JSON.parse((await cli(db, ['verify', '--json'], env)).out) as { ok: boolean; problems: { seq: number; problem: string }[] };
  assert.equal(json.ok, false);
  assert.equal(json.problems.length, 1, JSON.stringify(json.problems));
  assert.equal(json.problems[0]!.seq, seq);

  const served = await serveOutcome(db, env);
  assert.equal(served.code, 1, `serve refuses with exit 1: ${served.out}`);
  assert.match(served.out, /The indexes of world "record" differ from its log/);
  assert.match(served.out, /index row membership FRA: valid_from/);
  assert.match(served.out, /evere --world record reindex/);

  const repaired = await cli(db, ['reindex', '--json'], env);
  assert.equal(repaired.code, 0, repaired.err);
  assert.equal(JSON.parse(repaired.out).indexRows, report.indexRows);
  assert.equal((await cli(db, ['verify'], env)).code, 0);
  assert.deepEqual(await members(db, env), before, 'reindex restores the answers');

  // Each other kind of damage, alone, also makes serve refuse: a row removed, a row added, a
  // row's end moved, an entry's marking column, the kept digest itself.
  const entryKey = (seq: number) => (env.DATABASE_URL ? `world = 'record' AND seq = ${seq}` : `key = (SELECT id FROM worlds WHERE name = 'record') * 1099511627776 + ${seq}`);
  const damages: [string, string, RegExp][] = [
    ['row removed', "DELETE FROM facts WHERE world = 'record' AND kind = 'membership' AND key = 'BEL'", /index row membership BEL is missing from the store/],
    ['row added', "INSERT INTO facts (world, kind, key, valid_from, data, class_rank, rel, sys_from) VALUES ('record', 'membership', 'RUS', '1999-01-01T00:00:00.000Z', '{}', 0, ',PUBLIC,', 5)", /index row membership RUS in the store is not derived from this entry/],
    ['end moved', "UPDATE facts SET sys_to = 600 WHERE world = 'record' AND kind = 'membership' AND key = 'USA'", /index row membership USA: superseded by entry 600 in the store/],
    ['marking column', `UPDATE entries SET rel = ',NATO,' WHERE ${entryKey(7)}`, /entry column rel is ",NATO," in the store/],
    ['kept digest', `UPDATE entries SET index_hash = substr(bytes, 1, 32) WHERE ${entryKey(9)}`, /The index digest of world "record" differs from the one its appends kept/],
  ];
  for (const [what, statement, said] of damages) {
    await sql(statement);
    const refused = await serveOutcome(db, env);
    assert.equal(refused.code, 1, `${what}: serve refuses: ${refused.out}`);
    assert.match(refused.out, said, what);
    assert.match(refused.out, /evere --world record reindex/, what);
    assert.equal((await cli(db, ['reindex'], env)).code, 0);
  }
  const again = await serveOutcome(db, env);
  assert.equal(again.code, 0, `reindex writes the digest again: ${again.out}`);

  // The kinds of damage together: verify names each one.
  await sql("DELETE FROM facts WHERE world = 'record' AND kind = 'membership' AND key = 'BEL'");
  await sql("INSERT INTO facts (world, kind, key, valid_from, data, class_rank, rel, sys_from) VALUES ('record', 'membership', 'RUS', '1999-01-01T00:00:00.000Z', '{}', 0, ',PUBLIC,', 5)");
  await sql("UPDATE facts SET sys_to = 600 WHERE world = 'record' AND kind = 'membership' AND key = 'USA'");
  await sql(env.DATABASE_URL
    ? "UPDATE entries SET rel = ',NATO,' WHERE world = 'record' AND seq = 7"
    : "UPDATE entries SET rel = ',NATO,' WHERE key = (SELECT id FROM worlds WHERE name = 'record') * 1099511627776 + 7");
  const many = JSON.parse((await cli(db, ['verify', '--json'], env)).out) as { problems: { seq: number; problem: string }[] };
  const said = many.problems.map((p) => `${p.seq}: ${p.problem}`);
  assert.ok(said.some((p) => /index row membership BEL is missing from the store/.test(p)), said.join('\n'));
  assert.ok(said.includes('5: index row membership RUS in the store is not derived from this entry'), said.join('\n'));
  assert.ok(said.some((p) => /index row membership USA: superseded by entry 600 in the store, current rebuilt from the log/.test(p)), said.join('\n'));
  assert.ok(said.includes('7: entry column rel is ",NATO," in the store, ",PUBLIC," in the entry'), said.join('\n'));
  assert.equal((await cli(db, ['reindex'], env)).code, 0);
  const fixed = await cli(db, ['verify', '--json'], env);
  assert.equal(fixed.code, 0, fixed.out);
}
