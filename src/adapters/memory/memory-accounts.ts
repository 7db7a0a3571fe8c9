/** Accounts in memory, for tests. */
import type { AccountStore, AuditRecord, LoginFailures, StoredAccount, StoredSession, StoredToken } from '../../app/ports.js';

export function openMemoryAccounts(): AccountStore {
  const accounts = new Map<string, StoredAccount>();
  const sessions = new Map<string, StoredSession>();
  const tokens = new Map<string, StoredToken>();
  const audit: AuditRecord[] = [];
  const failures = new Map<string, LoginFailures>();
  return {
    async putAccount(a) { accounts.set(a.id, a); },
    async accountByName(username) { return [...accounts.values()].find((a) => a.username === username); },
    async accountById(id) { return accounts.get(id); },
    async accounts() { return [...accounts.values()].sort((a, b) => a.username.localeCompare(b.username)); },
    async putSession(s) { sessions.set(s.idHash, s); },
    async session(idHash) { return sessions.get(idHash); },
    async deleteSession(idHash) { sessions.delete(idHash); },
    async deleteExpiredSessions(now) {
      for (const [id, s] of sessions) if (s.expiresAt <= now) sessions.delete(id);
    },
    async putToken(t) { tokens.set(t.idHash, t); },
    async token(idHash) { return tokens.get(idHash); },
    async tokens() { return [...tokens.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.idHash.localeCompare(b.idHash)); },
    async deleteToken(idHash) { tokens.delete(idHash); },
    async addLoginFailure(username, at, resetBefore) {
      const f = failures.get(username);
      const count = f && f.lastAt >= resetBefore ? f.count + 1 : 1;
      failures.set(username, { count, lastAt: at });
      return count;
    },
    async loginFailures(username) { return failures.get(username); },
    async clearLoginFailures(username) { failures.delete(username); },
    async audit(records) { audit.push(...records); },
    async auditTrail(limit) { return audit.slice(-limit).reverse(); },
    async close() {},
  };
}
