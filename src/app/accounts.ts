/**
 * Accounts and sign-in: local accounts with scrypt hashes, sessions (an opaque id in an HttpOnly
 * cookie plus a CSRF token), bearer API tokens, and login throttling. Only hashes of session ids
 * and tokens are stored.
 */
import type { AccountStore, StoredAccount, Clock } from './ports.js';
import { ROLES, type Account, type Role } from './access.js';
import { isClassification, type Classification } from '../ledger/classification.js';
import { resolveStateCode, stateInfo } from '../domain/states.js';
import { EvereError, withNested } from './errors.js';

/** The secrets port: hashing and random tokens, implemented at the edge (node:crypto). */
export interface Secrets {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  token(bytes: number): string;
  digest(text: string): string;
}

export const SESSION_HOURS = 12;
/** API tokens expire after this many days unless made with another lifetime. */
export const TOKEN_DAYS = 90;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

/** A token as listed: never the token itself, only a short id made from its hash. */
export interface TokenInfo {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly createdAt: string;
  readonly expiresAt?: string;
  readonly expired: boolean;
}

const tokenId = (idHash: string) => idHash.slice(0, 12);

export function toAccount(stored: StoredAccount): Account {
  return {
    id: stored.id, username: stored.username, role: stored.role as Role,
    ...(stored.party ? { party: stored.party } : {}),
    clearance: stored.clearance as Classification,
    ...(stored.worlds ? { worlds: stored.worlds } : {}),
    ...(stored.seats && Object.keys(stored.seats).length ? { seats: stored.seats } : {}),
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
  /** A hash of a password nobody has: checked for unknown usernames, so that they cost the same work. */
  private dummyHash?: Promise<string>;

  constructor(private readonly store: AccountStore, private readonly secrets: Secrets, private readonly clock: Clock) {}

  private check(input: { role?: string; party?: string; clearance?: string }): { party?: string } {
    if (input.role !== undefined && !(ROLES as readonly string[]).includes(input.role)) {
      throw withNested('account.invalid', { field: 'role' }, 'reason', { code: 'reason.role_one_of', params: { roles: ROLES } });
    }
    if (input.clearance !== undefined && !isClassification(input.clearance)) {
      throw withNested('account.invalid', { field: 'clearance' }, 'reason', { code: 'reason.clearance_level', params: {} });
    }
    let party: string | undefined;
    if (input.party !== undefined) {
      const r = resolveStateCode(input.party);
      if (r.kind === 'ambiguous') throw withNested('account.invalid', { field: 'party' }, 'reason', { code: 'reason.party_ambiguous', params: { value: input.party } });
      party = r.kind === 'state' ? r.iso3 : undefined;
      if (!party || !stateInfo(party)) throw withNested('account.invalid', { field: 'party' }, 'reason', { code: 'reason.party_code', params: {} });
    }
    if ((input.role === 'delegation' || input.role === 'partner') && !party) {
      throw withNested('account.invalid', { field: 'party' }, 'reason', { code: 'reason.party_needed', params: { role: input.role } });
    }
    return party ? { party } : {};
  }

  async create(input: AccountInput): Promise<Account> {
    if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(input.username)) throw withNested('account.invalid', { field: 'username' }, 'reason', { code: 'reason.username_form', params: {} });
    if (input.password.length < 12) throw withNested('account.invalid', { field: 'password' }, 'reason', { code: 'reason.password_length', params: {} });
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

  async grant(username: string, changes: { role?: string; party?: string; clearance?: string; worlds?: readonly string[]; seats?: Readonly<Record<string, readonly string[]>> }): Promise<Account> {
    const existing = await this.store.accountByName(username);
    if (!existing) throw new EvereError('account.not_found', { username });
    const { party } = this.check({ role: changes.role ?? existing.role, party: changes.party ?? existing.party, ...(changes.clearance ? { clearance: changes.clearance } : {}) });
    const updated: StoredAccount = {
      ...existing, ...(changes.role ? { role: changes.role } : {}), ...(party ? { party } : {}),
      ...(changes.clearance ? { clearance: changes.clearance } : {}), ...(changes.worlds ? { worlds: changes.worlds } : {}),
      ...(changes.seats ? { seats: changes.seats } : {}),
    };
    await this.store.putAccount(updated);
    return toAccount(updated);
  }

  async list(): Promise<Account[]> {
    return (await this.store.accounts()).map(toAccount);
  }

  /**
   * Checks a password, with throttling: after 5 failures in a row a username is locked for 15
   * minutes. Failures are kept in the store, so every instance and a restart see them. An unknown
   * or disabled username costs the same scrypt work as a known one, and is throttled alike: the
   * answer and its timing do not tell who exists.
   */
  async login(username: string, password: string): Promise<{ account: Account; sessionId: string; csrf: string; expiresAt: string }> {
    const now = this.clock.now();
    const lockMs = LOCK_MINUTES * 60_000;
    const failures = await this.store.loginFailures(username);
    if (failures && failures.count >= MAX_FAILURES) {
      const until = Date.parse(failures.lastAt) + lockMs;
      if (until > now.getTime()) throw new EvereError('auth.throttled', { minutes: Math.ceil((until - now.getTime()) / 60_000) });
    }
    // The dummy hash is made on the first sign-in of a process, whoever signs in: made only for
    // an unknown name, its scrypt would make the first unknown name slower than a known one.
    const dummy = await this.dummy();
    const stored = await this.store.accountByName(username);
    const usable = stored && !stored.disabled ? stored : undefined;
    const ok = await this.secrets.verifyPassword(password, usable?.passwordHash ?? dummy);
    if (!ok || !usable) {
      await this.store.addLoginFailure(username, now.toISOString(), new Date(now.getTime() - lockMs).toISOString());
      throw new EvereError('auth.invalid_credentials');
    }
    if (failures) await this.store.clearLoginFailures(username);
    await this.store.deleteExpiredSessions(now.toISOString());
    const sessionId = this.secrets.token(32);
    const csrf = this.secrets.token(24);
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await this.store.putSession({ idHash: this.secrets.digest(sessionId), accountId: usable.id, csrf, expiresAt });
    return { account: toAccount(usable), sessionId, csrf, expiresAt };
  }

  private dummy(): Promise<string> {
    return (this.dummyHash ??= this.secrets.hashPassword(this.secrets.token(24)));
  }

  async logout(sessionId: string): Promise<void> {
    await this.store.deleteSession(this.secrets.digest(sessionId));
  }

  async fromSession(sessionId: string): Promise<{ account: Account; csrf: string } | undefined> {
    const idHash = this.secrets.digest(sessionId);
    const session = await this.store.session(idHash);
    if (!session) return undefined;
    if (session.expiresAt <= this.clock.now().toISOString()) {
      await this.store.deleteSession(idHash);
      return undefined;
    }
    const stored = await this.store.accountById(session.accountId);
    return stored && !stored.disabled ? { account: toAccount(stored), csrf: session.csrf } : undefined;
  }

  /** A new API token for the account, valid for `days` (default 90). Only its hash is kept. */
  async createToken(username: string, name: string, days = TOKEN_DAYS): Promise<string> {
    const stored = await this.store.accountByName(username);
    if (!stored) throw new EvereError('account.not_found', { username });
    if (!(Number.isFinite(days) && days > 0 && days <= 3650)) throw withNested('account.invalid', { field: 'days' }, 'reason', { code: 'reason.token_days', params: {} });
    const token = `evere_${this.secrets.token(32)}`;
    const now = this.clock.now();
    await this.store.putToken({
      idHash: this.secrets.digest(token), accountId: stored.id, name, createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
    });
    return token;
  }

  /** The account a token signs in, unless it expired (an expired token is deleted) or was revoked. */
  async fromToken(token: string): Promise<Account | undefined> {
    const idHash = this.secrets.digest(token);
    const stored = await this.store.token(idHash);
    if (!stored) return undefined;
    if (stored.expiresAt !== undefined && stored.expiresAt <= this.clock.now().toISOString()) {
      await this.store.deleteToken(idHash);
      return undefined;
    }
    const account = await this.store.accountById(stored.accountId);
    return account && !account.disabled ? toAccount(account) : undefined;
  }

  /** Every API token (never the token itself), optionally of one account. */
  async tokens(username?: string): Promise<TokenInfo[]> {
    const names = new Map((await this.store.accounts()).map((a) => [a.id, a.username]));
    const now = this.clock.now().toISOString();
    return (await this.store.tokens())
      .map((t) => ({
        id: tokenId(t.idHash), username: names.get(t.accountId) ?? t.accountId, name: t.name, createdAt: t.createdAt,
        ...(t.expiresAt ? { expiresAt: t.expiresAt } : {}), expired: t.expiresAt !== undefined && t.expiresAt <= now,
      }))
      .filter((t) => username === undefined || t.username === username);
  }

  /** Revokes the token with this id (as `tokens()` lists it); it signs nobody in from then on. */
  async revokeToken(id: string): Promise<TokenInfo> {
    const found = (await this.store.tokens()).filter((t) => tokenId(t.idHash) === id);
    if (found.length !== 1) throw new EvereError('token.not_found', { id });
    const [info] = (await this.tokens()).filter((t) => t.id === id);
    await this.store.deleteToken(found[0]!.idHash);
    return info!;
  }
}
