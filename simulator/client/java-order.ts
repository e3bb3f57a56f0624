// The Java SDK keeps logical headers in a java.util.HashMap and signs them in its iteration order.
// Emulating that order (String.hashCode, spread, bucket index, insertion order within a bucket)
// makes our requests byte-identical in shape to the real client's.

function javaStringHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

/** Keys in the order a HashMap holding them (inserted in the given order) iterates. */
export function javaHashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  return keys
    .map((key, inserted) => {
      const h = javaStringHash(key);
      return { key, inserted, bucket: (h ^ (h >>> 16)) & (capacity - 1) };
    })
    .sort((a, b) => a.bucket - b.bucket || a.inserted - b.inserted)
    .map((e) => e.key);
}
