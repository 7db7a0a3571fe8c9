/** An in-memory store with the same contract as the SQL ones: for tests and what-if runs. */
import { nodeHome, nodeKey } from '../../ledger/merkle.js';
import { CLASSIFICATIONS } from '../../ledger/classification.js';
import {
  StaleSizeError, markingOf,
  type AccessFilter, type FactRow, type LedgerStore, type Principal, type StoredCheckpoint, type StoredEntry, type WitnessConfig, type WorldInfo,
} from '../../app/ports.js';

interface MemoryEntry extends StoredEntry {
  rank: number;
  rel: string;
  type: string;
  validTime: string;
  recordTime: string;
  indexHash: Uint8Array | null;
}

interface MemoryFact extends FactRow {
  sysTo?: number;
  rank: number;
  rel: string;
}

const visible = (access: AccessFilter | undefined, rank: number, rel: string): boolean =>
  !access || (rank <= access.maxRank && (access.releasableTo.includes('*') || access.releasableTo.some((t) => rel.includes(`,${t},`))) &&
    !(access.withheld?.some((t) => rel.includes(`,${t},`)) ?? false));

interface MemoryWorld {
  info: WorldInfo;
  principals: Map<string, Principal>;
  entries: MemoryEntry[];
  checkpoints: Map<number, StoredCheckpoint>;
  cosignatures: Map<number, Map<string, string>>;
  witnesses: WitnessConfig[];
  facts: MemoryFact[];
}

export function openMemoryStore(): LedgerStore {
  const worlds = new Map<string, MemoryWorld>();
  const get = (name: string): MemoryWorld => {
    const w = worlds.get(name);
    if (!w) throw new Error(`no world named ${name}`);
    return w;
  };
  return {
    kind: 'memory',
    async createWorld(info, principals) {
      if (worlds.has(info.name)) throw new Error(`world ${info.name} exists`);
      worlds.set(info.name, { info, principals: new Map(principals.map((p) => [p.id, p])), entries: [], checkpoints: new Map(), cosignatures: new Map(), witnesses: [], facts: [] });
    },
    async world(name) {
      return worlds.get(name)?.info;
    },
    async worlds() {
      return [...worlds.values()].map((w) => w.info).sort((a, b) => a.name.localeCompare(b.name));
    },
    async principals(world) {
      return [...get(world).principals.values()].sort((a, b) => a.id.localeCompare(b.id));
    },
    async addPrincipal(world, principal) {
      const w = get(world);
      if (w.principals.has(principal.id)) throw new Error(`principal ${principal.id} exists`);
      w.principals.set(principal.id, principal);
    },
    async size(world) {
      return get(world).entries.length;
    },
    async append(world, expectedSize, records) {
      const w = get(world);
      if (w.entries.length !== expectedSize) throw new StaleSizeError(world, expectedSize, w.entries.length);
      records.forEach((r, i) => {
        if (r.entry.seq !== expectedSize + i) throw new Error(`entry seq ${r.entry.seq} written at position ${expectedSize + i}`);
      });
      for (const r of records) {
        const seq = r.entry.seq;
        const marking = markingOf(r.entry);
        w.entries.push({ seq, bytes: r.bytes, leafHash: r.leafHash, nodes: r.nodes, type: r.entry.type, validTime: r.entry.validTime, recordTime: r.entry.recordTime, indexHash: r.indexHash, ...marking });
        for (const f of r.facts) {
          for (const old of w.facts) if (old.kind === f.kind && old.key === f.key && old.sysTo === undefined) old.sysTo = seq;
          if (f.op === 'assert') {
            const m = f.marking ? markingOf(f.marking) : marking;
            w.facts.push({ kind: f.kind, key: f.key, validFrom: f.validFrom, ...(f.validTo ? { validTo: f.validTo } : {}), data: structuredClone(f.data ?? null), seq, classification: (f.marking?.classification ?? r.entry.classification) as FactRow['classification'], ...m });
          }
        }
      }
    },
    async entries(world, from, to) {
      return get(world).entries.slice(Math.max(0, from), Math.max(0, to));
    },
    async entryBytes(world, from, to) {
      return get(world).entries.slice(Math.max(0, from), Math.max(0, to)).map((e) => e.bytes);
    },
    async findEntries(world, filter) {
      const out = get(world).entries.filter((e) =>
        visible(filter.access, e.rank, e.rel) &&
        (!filter.types?.length || filter.types.includes(e.type)) &&
        (!filter.validFrom || e.validTime >= filter.validFrom) &&
        (!filter.validTo || e.validTime <= filter.validTo) &&
        (filter.fromSeq === undefined || e.seq >= filter.fromSeq));
      return filter.limit !== undefined ? out.slice(0, filter.limit) : out;
    },
    async nodes(world, ids) {
      const w = get(world);
      const out = new Map<string, Uint8Array>();
      for (const id of ids) {
        const home = nodeHome(id);
        const e = w.entries[home.seq];
        if (!e) continue;
        if (id.level === 0) out.set(nodeKey(id), e.leafHash);
        else if (e.nodes.length >= (home.slot + 1) * 32) out.set(nodeKey(id), e.nodes.slice(home.slot * 32, home.slot * 32 + 32));
      }
      return out;
    },
    async addCheckpoint(world, cp) {
      const w = get(world);
      if (!w.checkpoints.has(cp.size)) w.checkpoints.set(cp.size, cp);
    },
    async latestCheckpoint(world) {
      const all = [...get(world).checkpoints.values()];
      return all.sort((a, b) => b.size - a.size)[0];
    },
    async checkpoints(world) {
      return [...get(world).checkpoints.values()].sort((a, b) => a.size - b.size);
    },
    async addCosignature(world, size, witness, line) {
      const w = get(world);
      const lines = w.cosignatures.get(size) ?? new Map<string, string>();
      lines.set(witness, line);
      w.cosignatures.set(size, lines);
    },
    async cosignatures(world, size) {
      return [...(get(world).cosignatures.get(size) ?? new Map<string, string>()).entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, line]) => line);
    },
    async witnesses(world) {
      return [...get(world).witnesses];
    },
    async setWitnesses(world, witnesses) {
      get(world).witnesses = [...witnesses];
    },
    async facts(world, query) {
      const size = query.knownAtSize;
      return get(world).facts
        .filter((f) => f.kind === query.kind && visible(query.access, f.rank, f.rel) &&
          (query.key === undefined || f.key === query.key) &&
          (query.keyPrefix === undefined || f.key.startsWith(query.keyPrefix)) &&
          (size === undefined ? f.sysTo === undefined : f.seq < size && (f.sysTo === undefined || f.sysTo >= size)) &&
          (query.validAt === undefined || (f.validFrom <= query.validAt && (f.validTo === undefined || f.validTo > query.validAt))) &&
          (query.startsFrom === undefined || f.validFrom >= query.startsFrom) &&
          (query.startsTo === undefined || f.validFrom <= query.startsTo))
        .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, query.limit ?? Infinity)
        .map(({ sysTo: _sysTo, rank: _rank, rel: _rel, ...row }) => row);
    },
    async *indexRows(world) {
      yield get(world).facts.map((f) => ({
        kind: f.kind, key: f.key, validFrom: f.validFrom, validTo: f.validTo ?? null, data: JSON.stringify(f.data),
        rank: f.rank, rel: f.rel, sysFrom: f.seq, sysTo: f.sysTo ?? null,
      }));
    },
    async entryColumns(world, from, to) {
      return get(world).entries.slice(Math.max(0, from), Math.max(0, to))
        .map((e) => ({ seq: e.seq, type: e.type, validTime: e.validTime, recordTime: e.recordTime, rank: e.rank, rel: e.rel }));
    },
    async replaceIndex(world, expectedSize, rows, columns) {
      const w = get(world);
      if (w.entries.length !== expectedSize) throw new StaleSizeError(world, expectedSize, w.entries.length);
      w.facts = rows.map((r) => ({
        kind: r.kind, key: r.key, validFrom: r.validFrom, ...(r.validTo === null ? {} : { validTo: r.validTo }),
        data: JSON.parse(r.data) as unknown, seq: r.sysFrom, classification: CLASSIFICATIONS[r.rank] ?? 'COSMIC TOP SECRET',
        rank: r.rank, rel: r.rel, ...(r.sysTo === null ? {} : { sysTo: r.sysTo }),
      }));
      for (const c of columns) {
        const e = w.entries[c.seq];
        if (e) Object.assign(e, { type: c.type, validTime: c.validTime, recordTime: c.recordTime, rank: c.rank, rel: c.rel }, c.indexHash ? { indexHash: c.indexHash } : {});
      }
    },
    async scanIndex(world, visit) {
      const w = get(world);
      for (const e of w.entries) visit.entry({ seq: e.seq, type: e.type, validTime: e.validTime, recordTime: e.recordTime, rank: e.rank, rel: e.rel }, e.indexHash);
      for (const f of w.facts) {
        visit.row({ kind: f.kind, key: f.key, validFrom: f.validFrom, validTo: f.validTo ?? null, data: JSON.stringify(f.data), rank: f.rank, rel: f.rel, sysFrom: f.seq, sysTo: f.sysTo ?? null });
      }
    },
    async sizeAtRecordTime(world, recordTime) {
      const entries = get(world).entries;
      let n = 0;
      while (n < entries.length && entries[n]!.recordTime <= recordTime) n++;
      return n;
    },
    async close() {},
  };
}
