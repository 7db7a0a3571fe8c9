/**
 * Accounts and sign-in: local accounts with scrypt hashes, sessions (an opaque id in an HttpOnly
 * cookie plus a CSRF token), bearer API tokens, and login throttling. Only hashes of session ids
 * and tokens are stored.
 */
import type { AccountStore, StoredAccount, Clock } from './ports.js';
import { ROLES, type Account, type Role } from './access.js';
import { isClassification, type Classification } from '../ledger/classification.js';
import { resolveStateCode, stateInfo } from '../domain/states.js';
import { EvereError } from './errors.js';

/** The secrets port: hashing and random tokens, implemented at the edge (node:crypto). */
export interface Secrets {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  token(bytes: number): string;
  digest(text: string): string;
}

export const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export function toAccount(stored: StoredAccount): Account {
  return {
    id: stored.id, username: stored.username, role: stored.role as Role,
    ...(stored.party ? { party: stored.party } : {}),
    clearance: stored.clearance as Classification,
    ...(stored.worlds ? { worlds: stored.worlds } : {}),
  };
}

export interface AccountInput {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly party?: string;
  readonly clearance?: string;
}

export class Accounts {
  private readonly failures = new Map<string, { count: number; until?: number }>();

  constructor(private readonly store: AccountStore, private readonly secrets: Secrets, private readonly clock: Clock) {}

  private check(input: { role?: string; party?: string; clearance?: string }): { party?: string } {
    if (input.role !== undefined && !(ROLES as readonly string[]).includes(input.role)) {
      throw new EvereError('account.invalid', { field: 'role', reason: `one of ${ROLES.join(', ')}` });
    }
    if (input.clearance !== undefined && !isClassification(input.clearance)) {
      throw new EvereError('account.invalid', { field: 'clearance', reason: 'a classification level, e.g. NATO SECRET' });
    }
    let party: string | undefined;
    if (input.party !== undefined) {
      const r = resolveStateCode(input.party);
      if (r.kind === 'ambiguous') throw new EvereError('account.invalid', { field: 'party', reason: `"${input.party}" is ambiguous, use an ISO 3166-1 alpha-3 state code` });
      party = r.kind === 'state' ? r.iso3 : undefined;
      if (!party || !stateInfo(party)) throw new EvereError('account.invalid', { field: 'party', reason: 'an ISO 3166-1 alpha-3 state code' });
    }
    if ((input.role === 'delegation' || input.role === 'partner') && !party) {
      throw new EvereError('account.invalid', { field: 'party', reason: `a ${input.role} account needs the state it belongs to` });
    }
    return party ? { party } : {};
  }

  async create(input: AccountInput): Promise<Account> {
    if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(input.username)) throw new EvereError('account.invalid', { field: 'username', reason: '2–63 lower-case letters, digits, dots, hyphens or underscores' });
    if (input.password.length < 12) throw new EvereError('account.invalid', { field: 'password', reason: 'at least 12 characters' });
    const { party } = this.check({ role: input.role, ...(input.party ? { party: input.party } : {}), clearance: input.clearance ?? 'PUBLIC' });
    if (await this.store.accountByName(input.username)) throw new EvereError('account.exists', { username: input.username });
    const stored: StoredAccount = {
      id: `acct_${this.secrets.token(12)}`, username: input.username, role: input.role,
      ...(party ? { party } : {}), clearance: input.clearance ?? 'PUBLIC',
      passwordHash: await this.secrets.hashPassword(input.password), createdAt: this.clock.now().toISOString(),
    };
    await this.store.putAccount(stored);
    return toAccount(stored);
  }

  async grant(username: string, changes: { role?: string; party?: string; clearance?: string; worlds?: readonly string[] }): Promise<Account> {
    const existing = await this.store.accountByName(username);
    if (!existing) throw new EvereError('account.not_found', { username });
    const { party } = this.check({ role: changes.role ?? existing.role, party: changes.party ?? existing.party, ...(changes.clearance ? { clearance: changes.clearance } : {}) });
    const updated: StoredAccount = {
      ...existing, ...(changes.role ? { role: changes.role } : {}), ...(party ? { party } : {}),
      ...(changes.clearance ? { clearance: changes.clearance } : {}), ...(changes.worlds ? { worlds: changes.worlds } : {}),
    };
    await this.store.putAccount(updated);
    return toAccount(updated);
  }

  async list(): Promise<Account[]> {
    return (await this.store.accounts()).map(toAccount);
  }

  /** Checks a password, with throttling: after 5 failures the account is locked for 15 minutes. */
  async login(username: string, password: string): Promise<{ account: Account; sessionId: string; csrf: string; expiresAt: string }> {
    const now = this.clock.now().getTime();
    const f = this.failures.get(username);
    if (f?.until && f.until > now) throw new EvereError('auth.throttled', { minutes: Math.ceil((f.until - now) / 60_000) });
    const stored = await this.store.accountByName(username);
    const ok = stored && !stored.disabled && (await this.secrets.verifyPassword(password, stored.passwordHash));
    if (!ok || !stored) {
      const count = (f?.until && f.until <= now ? 0 : f?.count ?? 0) + 1;
      this.failures.set(username, { count, ...(count >= MAX_FAILURES ? { until: now + LOCK_MINUTES * 60_000 } : {}) });
      throw new EvereError('auth.invalid_credentials');
    }
    this.failures.delete(username);
    const sessionId = this.secrets.token(32);
    const csrf = this.secrets.token(24);
    const expiresAt = new Date(now + SESSION_HOURS * 3_600_000).toISOString();
    await this.store.putSession({ idHash: this.secrets.digest(sessionId), accountId: stored.id, csrf, expiresAt });
    return { account: toAccount(stored), sessionId, csrf, expiresAt };
  }

  async logout(sessionId: string): Promise<void> {
    await this.store.deleteSession(this.secrets.digest(sessionId));
  }

  async fromSession(sessionId: string): Promise<{ account: Account; csrf: string } | undefined> {
    const session = await this.store.session(this.secrets.digest(sessionId));
    if (!session || session.expiresAt <= this.clock.now().toISOString()) return undefined;
    const stored = await this.store.accountById(session.accountId);
    return stored && !stored.disabled ? { account: toAccount(stored), csrf: session.csrf } : undefined;
  }

  async createToken(username: string, name: string): Promise<string> {
    const stored = await this.store.accountByName(username);
    if (!stored) throw new EvereError('account.not_found', { username });
    const token = `evere_${this.secrets.token(32)}`;
    await this.store.putToken({ idHash: this.secrets.digest(token), accountId: stored.id, name, createdAt: this.clock.now().toISOString() });
    return token;
  }

  async fromToken(token: string): Promise<Account | undefined> {
    const stored = await this.store.token(this.secrets.digest(token));
    if (!stored) return undefined;
    const account = await this.store.accountById(stored.accountId);
    return account && !account.disabled ? toAccount(account) : undefined;
  }
}
