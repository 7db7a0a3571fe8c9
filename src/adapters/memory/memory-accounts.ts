/** Accounts in memory, for tests. */
import type { AccountStore, AuditRecord, StoredAccount, StoredSession, StoredToken } from '../../app/ports.js';

export function openMemoryAccounts(): AccountStore {
  const accounts = new Map<string, StoredAccount>();
  const sessions = new Map<string, StoredSession>();
  const tokens = new Map<string, StoredToken>();
  const audit: AuditRecord[] = [];
  return {
    async putAccount(a) { accounts.set(a.id, a); },
    async accountByName(username) { return [...accounts.values()].find((a) => a.username === username); },
    async accountById(id) { return accounts.get(id); },
    async accounts() { return [...accounts.values()].sort((a, b) => a.username.localeCompare(b.username)); },
    async putSession(s) { sessions.set(s.idHash, s); },
    async session(idHash) { return sessions.get(idHash); },
    async deleteSession(idHash) { sessions.delete(idHash); },
    async putToken(t) { tokens.set(t.idHash, t); },
    async token(idHash) { return tokens.get(idHash); },
    async audit(records) { audit.push(...records); },
    async auditTrail(limit) { return audit.slice(-limit).reverse(); },
    async close() {},
  };
}
