import type { Store } from '../store/types.ts';

/** getSynchronizeUnit versions grow with every change, so a client asks only for what is newer. */
export async function nextDirectoryVersion(store: Store): Promise<number> {
  const all = await store.listAgencies({ includeDeleted: true });
  return all.reduce((max, a) => Math.max(max, a.version), 0) + 1;
}
