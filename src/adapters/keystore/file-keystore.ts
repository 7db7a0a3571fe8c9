/**
 * Private keys outside the database: one PKCS#8 PEM file per principal, `<dir>/<world>/<id>.pem`,
 * readable by the owner only. Exports never include them.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync, linkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyStore } from '../../app/ports.js';
import { randomBytes, type KeyObject } from 'node:crypto';
import { generateSigner, signerFromPem, type NodeSigner } from '../crypto/node-crypto.js';

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A key store whose private keys can also be handed to this process's signing threads. */
export interface NodeKeyStore extends KeyStore {
  privateKey(world: string, principalId: string): KeyObject | undefined;
}

export function openFileKeyStore(dir: string): NodeKeyStore {
  const cache = new Map<string, NodeSigner>();
  const path = (world: string, id: string) => {
    if (!SAFE.test(world) || !SAFE.test(id)) throw new Error(`unsafe key path: ${world}/${id}`);
    return join(dir, world, `${id}.pem`);
  };
  const load = (world: string, id: string): NodeSigner | undefined => {
    const key = `${world}/${id}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const file = path(world, id);
    if (!existsSync(file)) return undefined;
    const signer = signerFromPem(readFileSync(file, 'utf8'));
    cache.set(key, signer);
    return signer;
  };
  return {
    async signer(world, id) {
      return load(world, id);
    },
    privateKey: (world, id) => load(world, id)?.keyObject,
    async create(world, id) {
      const file = path(world, id);
      if (existsSync(file)) return signerFromPem(readFileSync(file, 'utf8'));
      mkdirSync(join(dir, world), { recursive: true, mode: 0o700 });
      const { signer, pem } = generateSigner();
      // Written aside, then linked into place: another process creating the same key at the same
      // time (two servers on one database) either wins, and its complete key is used, or loses.
      const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(aside, pem, { mode: 0o600, flag: 'wx' });
      try {
        linkSync(aside, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return load(world, id)!;
      } finally {
        unlinkSync(aside);
      }
      cache.set(`${world}/${id}`, signer);
      return signer;
    },
  };
}

/** Keys in memory only: for tests and throw-away what-if worlds. */
export function memoryKeyStore(): NodeKeyStore {
  const keys = new Map<string, NodeSigner>();
  return {
    privateKey: (world, id) => keys.get(`${world}/${id}`)?.keyObject,
    async signer(world, id) {
      return keys.get(`${world}/${id}`);
    },
    async create(world, id) {
      const key = `${world}/${id}`;
      const existing = keys.get(key);
      if (existing) return existing;
      const { signer } = generateSigner();
      keys.set(key, signer);
      return signer;
    },
  };
}
