/**
 * A server on PostgreSQL follows the appends of the other instances on the same database: each
 * is pushed to its live subscribers and clears its cached API answers (through the append bus).
 *
 * The ledger's own caches are left as they are. The log only grows and a complete subtree's hash
 * never changes, so the cached model state and the kept levels of the tree stay true: readers
 * catch up from where they are (they ask the store's size), and a writer whose cache is behind
 * is refused by the store's size check and catches up the same way. Forgetting them on every
 * notice (this instance hears its own appends too) made each command fold the whole log again.
 * Only a lost connection forgets them, since what happened meanwhile is not known; `onReconnect`
 * then runs (the server warms its worlds again).
 */
import type { AppendBus } from '../api/bus.js';
import type { LedgerService } from '../app/ledger-service.js';
import { subscribeAppends, type AppendSubscription } from '../adapters/postgres/postgres-store.js';

export function followAppends(
  url: string,
  services: { readonly ledger: LedgerService; readonly bus: AppendBus },
  options: { readonly onError: (error: Error) => void; readonly onReconnect?: () => void },
): Promise<AppendSubscription> {
  return subscribeAppends(url, (notice) => services.bus.publish(notice.world, notice.size), {
    onReconnect: () => {
      services.ledger.forgetAll();
      options.onReconnect?.();
    },
    onError: options.onError,
  });
}
