/**
 * Appends as they happen, for live updates: the ledger reports its own appends here; with
 * PostgreSQL, a LISTEN subscription reports those of other server instances too.
 */
import { EventEmitter } from 'node:events';

export interface AppendBus {
  publish(world: string, size: number): void;
  subscribe(listener: (world: string, size: number) => void): () => void;
}

export function createAppendBus(): AppendBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (world, size) => emitter.emit('append', world, size),
    subscribe(listener) {
      emitter.on('append', listener);
      return () => emitter.off('append', listener);
    },
  };
}
