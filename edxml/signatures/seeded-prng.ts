// A reproducible byte stream for forge's key generation (SHA-256 in counter mode over a seed).
// Only for committed test fixtures: anyone who knows the seed knows the keys, which is the point.
import { createHash } from 'node:crypto';

export interface ForgePrng {
  getBytesSync(count: number): string;
}

export function seededPrng(seed: string): ForgePrng {
  let counter = 0;
  let pending = Buffer.alloc(0);
  return {
    getBytesSync(count: number): string {
      const blocks = [pending];
      let have = pending.length;
      while (have < count) {
        const block = createHash('sha256').update(`${seed}:${counter}`).digest();
        counter += 1;
        blocks.push(block);
        have += block.length;
      }
      const all = Buffer.concat(blocks);
      pending = all.subarray(count);
      // forge expects a "binary" string: one char per byte.
      return all.subarray(0, count).toString('binary');
    },
  };
}
