/** What every route gets: the app's services and the reader resolved by the auth hook. */
import type { FastifyRequest } from 'fastify';
import type { LedgerService } from '../app/ledger-service.js';
import type { Accounts } from '../app/accounts.js';
import type { AccountStore, AccessFilter, WorldInfo } from '../app/ports.js';
import { accessFor, type Account } from '../app/access.js';
import type { AppendBus } from './bus.js';
import { EvereError } from '../app/errors.js';

export interface ApiDeps {
  readonly ledger: LedgerService;
  readonly accounts: Accounts;
  readonly accountStore: AccountStore;
  readonly bus: AppendBus;
  readonly dataDir: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    account?: Account;
    /** How the request was authenticated: a session cookie needs a CSRF token for writes. */
    authVia?: 'session' | 'token';
    csrf?: string;
  }
}

/** The world named in the route, and what the requester may see of it. */
export async function worldAccess(deps: ApiDeps, request: FastifyRequest, name: string): Promise<{ world: WorldInfo; access: AccessFilter }> {
  const world = await deps.ledger.store.world(name);
  if (!world) throw new EvereError('world.not_found', { name });
  return { world, access: accessFor(request.account, world) };
}

export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw new EvereError('auth.required');
  return request.account;
}
