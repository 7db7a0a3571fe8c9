/** Accounts, sessions, tokens and the audit trail in PostgreSQL, shared by every server instance. */
import pg from 'pg';
import type { AccountStore, StoredAccount, StoredToken } from '../../app/ports.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, info TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL);
ALTER TABLE tokens ADD COLUMN IF NOT EXISTS expires_at TEXT;
CREATE TABLE IF NOT EXISTS login_failures (username TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (n BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, account_id TEXT NOT NULL, world TEXT NOT NULL, seq BIGINT NOT NULL, classification TEXT NOT NULL, action TEXT NOT NULL);
`;

const toToken = (r: Record<string, string | null>): StoredToken => ({
  idHash: r.id_hash!, accountId: r.account_id!, name: r.name!, createdAt: r.created_at!, ...(r.expires_at ? { expiresAt: r.expires_at } : {}),
});

export async function openPostgresAccounts(url: string): Promise<AccountStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(7262291)');
    await client.query(SCHEMA);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const one = async (sql: string, params: unknown[]) => (await pool.query(sql, params)).rows[0] as Record<string, string> | undefined;
  const account = (row: Record<string, string> | undefined) => (row ? (JSON.parse(row.info!) as StoredAccount) : undefined);
  return {
    async putAccount(a) {
      await pool.query('INSERT INTO accounts (id, username, info) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET username = excluded.username, info = excluded.info', [a.id, a.username, JSON.stringify(a)]);
    },
    async accountByName(username) { return account(await one('SELECT info FROM accounts WHERE username = $1', [username])); },
    async accountById(id) { return account(await one('SELECT info FROM accounts WHERE id = $1', [id])); },
    async accounts() { return (await pool.query('SELECT info FROM accounts ORDER BY username')).rows.map((r: { info: string }) => JSON.parse(r.info) as StoredAccount); },
    async putSession(s) {
      await pool.query('INSERT INTO sessions (id_hash, account_id, csrf, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id_hash) DO UPDATE SET expires_at = excluded.expires_at', [s.idHash, s.accountId, s.csrf, s.expiresAt]);
    },
    async session(idHash) {
      const r = await one('SELECT * FROM sessions WHERE id_hash = $1', [idHash]);
      return r && { idHash: r.id_hash!, accountId: r.account_id!, csrf: r.csrf!, expiresAt: r.expires_at! };
    },
    async deleteSession(idHash) { await pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]); },
    async deleteExpiredSessions(now) { await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]); },
    async putToken(t) { await pool.query('INSERT INTO tokens (id_hash, account_id, name, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [t.idHash, t.accountId, t.name, t.createdAt, t.expiresAt ?? null]); },
    async token(idHash) {
      const r = await one('SELECT * FROM tokens WHERE id_hash = $1', [idHash]);
      return r && toToken(r);
    },
    async tokens() { return (await pool.query('SELECT * FROM tokens ORDER BY created_at, id_hash')).rows.map(toToken); },
    async deleteToken(idHash) { await pool.query('DELETE FROM tokens WHERE id_hash = $1', [idHash]); },
    async addLoginFailure(username, at, resetBefore) {
      const r = await one(`INSERT INTO login_failures AS f (username, count, last_at) VALUES ($1, 1, $2)
        ON CONFLICT (username) DO UPDATE SET count = CASE WHEN f.last_at < $3 THEN 1 ELSE f.count + 1 END, last_at = excluded.last_at RETURNING count`, [username, at, resetBefore]);
      return Number(r!.count);
    },
    async loginFailures(username) {
      const r = await one('SELECT count, last_at FROM login_failures WHERE username = $1', [username]);
      return r && { count: Number(r.count), lastAt: r.last_at! };
    },
    async clearLoginFailures(username) { await pool.query('DELETE FROM login_failures WHERE username = $1', [username]); },
    async audit(records) {
      if (!records.length) return;
      await pool.query('INSERT INTO audit (at, account_id, world, seq, classification, action) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])',
        [records.map((r) => r.at), records.map((r) => r.accountId), records.map((r) => r.world), records.map((r) => r.seq), records.map((r) => r.classification), records.map((r) => r.action)]);
    },
    async auditTrail(limit) {
      return (await pool.query('SELECT * FROM audit ORDER BY n DESC LIMIT $1', [limit])).rows.map((r: Record<string, string>) => ({
        at: r.at!, accountId: r.account_id!, world: r.world!, seq: Number(r.seq), classification: r.classification!, action: r.action!,
      }));
    },
    async close() { await pool.end(); },
  };
}
