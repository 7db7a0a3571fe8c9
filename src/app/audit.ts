/**
 * The one audit point: every read of classified material by an account passes here, whatever the
 * path (entries, proofs, lists, facts, live updates, reports). The access layer marks an account's
 * filter with `auditAs` (src/app/access.ts); this decorator of the ledger store records, after each
 * filtered read, every entry and index row from AUDITED_FROM up that the read returned. Reads
 * without that mark (the public, readers cleared below it, the local operator, the service's own
 * bookkeeping) are not audited.
 *
 * Failure mode: if the audit trail cannot be written, the read fails — nothing classified is shown
 * without its record.
 */
import type { AccessFilter, AccountStore, AuditRecord, Clock, EntryFilter, FactQuery, LedgerStore } from './ports.js';
import { markingOf } from './ports.js';
import { CLASSIFICATIONS, classificationRank, type Classification } from '../ledger/classification.js';
import { fromUtf8 } from '../ledger/bytes.js';
import { AUDITED_FROM } from './access.js';

const FROM_RANK = classificationRank(AUDITED_FROM);

export function auditedStore(store: LedgerStore, accounts: AccountStore, clock: Clock): LedgerStore {
  const record = async (access: AccessFilter | undefined, world: string, action: string, rows: Iterable<{ seq: number; classification: string }>) => {
    if (!access?.auditAs) return;
    const at = clock.now().toISOString();
    const seen = new Set<number>();
    const records: AuditRecord[] = [];
    for (const row of rows) {
      if (seen.has(row.seq) || classificationRank(row.classification as Classification) < FROM_RANK) continue;
      seen.add(row.seq);
      records.push({ at, accountId: access.auditAs, world, seq: row.seq, classification: row.classification, action });
    }
    if (records.length) await accounts.audit(records);
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'findEntries') {
        return async (world: string, filter: EntryFilter) => {
          const rows = await target.findEntries(world, filter);
          if (filter.access?.auditAs) {
            await record(filter.access, world, 'read', rows.map((r) => {
              const { rank } = markingOf(JSON.parse(fromUtf8(r.bytes)) as { classification?: string });
              return { seq: r.seq, classification: CLASSIFICATIONS[rank]! };
            }));
          }
          return rows;
        };
      }
      if (prop === 'facts') {
        return async (world: string, query: FactQuery) => {
          const rows = await target.facts(world, query);
          await record(query.access, world, 'read-index', rows);
          return rows;
        };
      }
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
