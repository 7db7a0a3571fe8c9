/**
 * Grows a world with synthetic leaves until it holds `target` entries: Council activity whose
 * index rows have the shapes the engine writes (a proposal version per position taken, a decision
 * per adopted proposal). Proof and query cost depend only on the tree and the index rows, so the
 * leaves need not be signed entries; `entryBytes` pads each to the real entries' average size.
 */
import type { AppendRecord, LedgerStore } from '../../src/app/ports.js';
import { appendLeaf, frontierNodeIds, hashLeaf, nodeKey, type Frontier } from '../../src/ledger/merkle.js';
import { concat } from '../../src/ledger/bytes.js';
import { nodeCrypto } from '../../src/adapters/crypto/node-crypto.js';
import { entryIndexHash, type DigestFact } from '../../src/app/index-digest.js';

export async function growSynthetic(store: LedgerStore, world: string, target: number, options: { entryBytes?: number; progress?: (size: number) => void } = {}): Promise<number> {
  let size = await store.size(world);
  const ids = frontierNodeIds(size);
  const found = await store.nodes(world, ids);
  let frontier: Frontier = { size, nodes: ids.map((id) => ({ level: id.level, hash: found.get(nodeKey(id))! })) };
  let proposal = Math.floor(size / 32);
  // The entry that asserted each open row, so that each leaf's index hash counts the row it closes
  // (src/app/index-digest.ts): the start-up check of a server on the grown log then passes.
  const since = new Map<string, number>();
  const resumedAt = proposal;
  const pad = options.entryBytes ? `,"pad":"${'x'.repeat(Math.max(0, options.entryBytes - 60))}"` : '';
  while (size < target) {
    const records: AppendRecord[] = [];
    for (let i = 0; i < 10_000 && size < target; i++, size++) {
      const step = size % 32;
      if (step === 0) proposal++;
      const day = new Date(Date.UTC(2025, 0, 1) + proposal * 3_600_000).toISOString();
      const key = `P-${proposal}`;
      const change: AppendRecord['facts'][number] = step === 31
        ? { op: 'assert', kind: 'decision', key, validFrom: day, data: { proposal: key, title: { en: `Decision ${proposal}` }, adoptedUnder: 'meeting', footnotes: [] } }
        : { op: 'assert', kind: 'proposal', key, validFrom: day, data: { proposal: key, status: 'draft', positions: step } };
      const slot = `${change.kind}/${key}`;
      if (!since.has(slot) && proposal === resumedAt) {
        const [open] = await store.facts(world, { kind: change.kind, key });
        if (open) since.set(slot, open.seq);
      }
      const closes = since.get(slot);
      // A proposal's last step is its decision: neither of its rows is touched again.
      if (step === 31) since.delete(`proposal/${key}`);
      else since.set(slot, size);
      const facts: DigestFact[] = [closes === undefined ? change : { ...change, closes }];
      const bytes = Buffer.from(`{"seq":${size},"synthetic":true${pad}}`);
      const leafHash = hashLeaf(nodeCrypto, bytes);
      const appended = appendLeaf(nodeCrypto, frontier, leafHash);
      frontier = appended.frontier;
      const entry = { seq: size, type: step === 31 ? 'ProposalAdopted' : 'ProposalAgreed', validTime: day, recordTime: new Date().toISOString(), classification: 'PUBLIC', releasability: ['PUBLIC'] } as unknown as AppendRecord['entry'];
      records.push({ entry, bytes, leafHash, nodes: concat(...appended.completed), facts, indexHash: entryIndexHash(nodeCrypto, entry, facts) });
    }
    await store.append(world, records[0]!.entry.seq, records);
    options.progress?.(size);
  }
  return size;
}
