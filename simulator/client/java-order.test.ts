import { describe, expect, it } from 'vitest';
import { javaHashMapOrder } from './java-order.ts';

// Expected orders printed by OpenJDK 17: `new HashMap<>()`, put in the listed order, `keySet()`.
describe('java.util.HashMap iteration order', () => {
  it('matches OpenJDK for the sendEdoc header set', () => {
    const keys = ['systemid', 'timestamp', 'Content-Type', 'servicetype', 'messagetype', 'from', 'hash-file'].map((k) => `XroadVnpt-${k}`);
    expect(javaHashMapOrder(keys).join(',')).toBe(
      'XroadVnpt-Content-Type,XroadVnpt-timestamp,XroadVnpt-servicetype,XroadVnpt-from,XroadVnpt-hash-file,XroadVnpt-systemid,XroadVnpt-messagetype',
    );
  });

  it('matches OpenJDK past the first resize (14 keys, 32 buckets)', () => {
    const names = ['systemid', 'timestamp', 'docId', 'status', 'description', 'messagetype', 'servicetype', 'from', 'hash-file', 'to', 'AgencyCode', 'fromDate', 'toDate', 'filePath'];
    expect(javaHashMapOrder(names.map((k) => `XroadVnpt-${k}`)).join(',')).toBe(
      'XroadVnpt-status,XroadVnpt-to,XroadVnpt-description,XroadVnpt-AgencyCode,XroadVnpt-from,XroadVnpt-hash-file,XroadVnpt-systemid,' +
        'XroadVnpt-toDate,XroadVnpt-docId,XroadVnpt-filePath,XroadVnpt-timestamp,XroadVnpt-servicetype,XroadVnpt-messagetype,XroadVnpt-fromDate',
    );
  });
});
