import { storeContract } from './store-contract.js';
import { openMemoryStore } from '../../src/adapters/memory/memory-store.js';
import { openMemoryAccounts } from '../../src/adapters/memory/memory-accounts.js';
import { accountStoreContract } from './account-contract.js';

storeContract({ name: 'memory', open: async () => openMemoryStore() });

accountStoreContract({
  name: 'memory',
  fresh: async () => {
    const store = openMemoryAccounts();
    return { handle: async () => store };
  },
});
