import { storeContract } from './store-contract.js';
import { openMemoryStore } from '../../src/adapters/memory/memory-store.js';

storeContract({ name: 'memory', open: async () => openMemoryStore() });
