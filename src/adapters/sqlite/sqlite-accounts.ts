/** Accounts, sessions, tokens and the audit trail in the same SQLite file as the ledger. */
import Database from 'better-sqlite3';
import type { AccountStore, AuditRecord, StoredAccount, StoredSession, StoredToken } from '../../app/ports.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, info TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, csrf TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (id_hash TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS login_failures (username TEXT PRIMARY KEY, count INTEGER NOT NULL, last_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (n INTEGER PRIMARY KEY, at TEXT NOT NULL, account_id TEXT NOT NULL, world TEXT NOT NULL, seq INTEGER NOT NULL, classification TEXT NOT NULL, action TEXT NOT NULL);
`;

interface TokenRow { id_hash: string; account_id: string; name: string; created_at: string; expires_at: string | null }
const toToken = (r: TokenRow): StoredToken => ({ idHash: r.id_hash, accountId: r.account_id, name: r.name, createdAt: r.created_at, ...(r.expires_at ? { expiresAt: r.expires_at } : {}) });

export function openSqliteAccounts(path: string): AccountStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.exec(SCHEMA);
  // Tokens made before they had an expiry keep none (an older database gains the column).
  if (!(db.prepare('PRAGMA table_info(tokens)').all() as { name: string }[]).some((c) => c.name === 'expires_at')) {
    db.exec('ALTER TABLE tokens ADD COLUMN expires_at TEXT');
  }
  const q = {
    put: db.prepare('INSERT INTO accounts (id, username, info) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET username = excluded.username, info = excluded.info'),
    byName: db.prepare<[string], { info: string }>('SELECT info FROM accounts WHERE username = ?'),
    byId: db.prepare<[string], { info: string }>('SELECT info FROM accounts WHERE id = ?'),
    all: db.prepare<[], { info: string }>('SELECT info FROM accounts ORDER BY username'),
    putSession: db.prepare('INSERT OR REPLACE INTO sessions (id_hash, account_id, csrf, expires_at) VALUES (?, ?, ?, ?)'),
    session: db.prepare<[string], { id_hash: string; account_id: string; csrf: string; expires_at: string }>('SELECT * FROM sessions WHERE id_hash = ?'),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    putToken: db.prepare('INSERT INTO tokens (id_hash, account_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    token: db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id_hash = ?'),
    tokens: db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at, id_hash'),
    deleteToken: db.prepare('DELETE FROM tokens WHERE id_hash = ?'),
    addFailure: db.prepare<[string, string, string], { count: number }>(`INSERT INTO login_failures (username, count, last_at) VALUES (?, 1, ?)
      ON CONFLICT (username) DO UPDATE SET count = CASE WHEN last_at < ? THEN 1 ELSE count + 1 END, last_at = excluded.last_at RETURNING count`),
    failures: db.prepare<[string], { count: number; last_at: string }>('SELECT count, last_at FROM login_failures WHERE username = ?'),
    clearFailures: db.prepare('DELETE FROM login_failures WHERE username = ?'),
    audit: db.prepare('INSERT INTO audit (at, account_id, world, seq, classification, action) VALUES (?, ?, ?, ?, ?, ?)'),
    trail: db.prepare<[number], { at: string; account_id: string; world: string; seq: number; classification: string; action: string }>('SELECT * FROM audit ORDER BY n DESC LIMIT ?'),
  };
  const parse = (row: { info: string } | undefined) => (row ? (JSON.parse(row.info) as StoredAccount) : undefined);
  const auditMany = db.transaction((records: readonly AuditRecord[]) => {
    for (const r of records) q.audit.run(r.at, r.accountId, r.world, r.seq, r.classification, r.action);
  });
  return {
    async putAccount(a) { q.put.run(a.id, a.username, JSON.stringify(a)); },
    async accountByName(username) { return parse(q.byName.get(username)); },
    async accountById(id) { return parse(q.byId.get(id)); },
    async accounts() { return q.all.all().map((r) => JSON.parse(r.info) as StoredAccount); },
    async putSession(s: StoredSession) { q.putSession.run(s.idHash, s.accountId, s.csrf, s.expiresAt); },
    async session(idHash) {
      const r = q.session.get(idHash);
      return r && { idHash: r.id_hash, accountId: r.account_id, csrf: r.csrf, expiresAt: r.expires_at };
    },
    async deleteSession(idHash) { q.deleteSession.run(idHash); },
    async deleteExpiredSessions(now) { q.deleteExpired.run(now); },
    async putToken(t: StoredToken) { q.putToken.run(t.idHash, t.accountId, t.name, t.createdAt, t.expiresAt ?? null); },
    async token(idHash) {
      const r = q.token.get(idHash);
      return r && toToken(r);
    },
    async tokens() { return q.tokens.all().map(toToken); },
    async deleteToken(idHash) { q.deleteToken.run(idHash); },
    async addLoginFailure(username, at, resetBefore) { return q.addFailure.get(username, at, resetBefore)!.count; },
    async loginFailures(username) {
      const r = q.failures.get(username);
      return r && { count: r.count, lastAt: r.last_at };
    },
    async clearLoginFailures(username) { q.clearFailures.run(username); },
    async audit(records) { if (records.length) auditMany(records); },
    async auditTrail(limit) {
      return q.trail.all(limit).map((r) => ({ at: r.at, accountId: r.account_id, world: r.world, seq: r.seq, classification: r.classification, action: r.action }));
    },
    async close() { db.close(); },
  };
}
