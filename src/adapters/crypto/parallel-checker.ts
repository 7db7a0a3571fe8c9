/**
 * Entry checks spread over all cores: worker threads running the same pure check as the
 * in-process one (src/app/entry-check.ts). Results come back in input order.
 */
import { Worker } from 'node:worker_threads';
import type { EntryCheck, EntryChecker, EntryKey } from '../../app/entry-check.js';
import { createWorkerPool } from './worker-pool.js';
import { packTask, taskBuffers, unpackChecks, type CheckTask, type PackedChecks } from './check-wire.js';

export interface ParallelChecker {
  readonly check: EntryChecker;
  close(): Promise<void>;
}

export function createParallelChecker(threads?: number): ParallelChecker {
  // Built, this module and the worker's entry (dist/check-worker.js) both sit directly in dist/;
  // from the TypeScript sources (tests, tsx), a small boot file registers the loader first.
  const compiled = import.meta.url.endsWith('.js');
  const script = new URL(compiled ? './check-worker.js' : './check-worker-boot.mjs', import.meta.url);
  const pool = createWorkerPool(() => new Worker(script), threads);
  return {
    async check(world, rows, keys) {
      const keyList: [string, EntryKey][] = [...keys];
      return pool.map<(typeof rows)[number], EntryCheck>(rows, (part) => packTask(world, keyList, part), {
        transfer: (body) => taskBuffers(body as CheckTask),
        decode: (out, part) => unpackChecks(out as PackedChecks, part),
      });
    },
    close: () => pool.close(),
  };
}
