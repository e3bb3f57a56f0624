import { describe, expect, it } from 'vitest';
import { AllocationError, RESERVED_CAPACITY, createAgencyAllocator, isReservedCode, reservedCode } from './agency-allocator.ts';

describe('agency allocator', () => {
  it('hands out distinct codes of the reserved range and remembers their case', () => {
    const allocator = createAgencyAllocator();
    const a = allocator.allocate('R-06', 3);
    const b = allocator.allocate('S-06', 2);
    expect(a).toEqual(['000.01.01.G99', '000.01.02.G99', '000.01.03.G99']);
    expect(new Set([...a, ...b]).size).toBe(5);
    for (const code of [...a, ...b]) expect(isReservedCode(code)).toBe(true);
    expect(allocator.ownerOf(b[1])).toBe('S-06');
    expect(allocator.ownerOf('000.00.00.G22')).toBeUndefined();
  });

  it('skips codes another run already uses and starts where asked', () => {
    const allocator = createAgencyAllocator({ start: 99, isTaken: (c) => c === '000.02.01.G99' });
    expect(allocator.allocate('T-01', 2)).toEqual(['000.02.02.G99', '000.02.03.G99']);
  });

  it('covers the whole range once, then refuses with a stable error', () => {
    const allocator = createAgencyAllocator({ start: 5 });
    const all = allocator.allocate('X', RESERVED_CAPACITY);
    expect(new Set(all).size).toBe(RESERVED_CAPACITY);
    expect(all).toContain(reservedCode(RESERVED_CAPACITY - 1));
    expect(() => allocator.allocate('X', 1)).toThrow(AllocationError);
  });

  it('never produces the parent itself or malformed codes', () => {
    expect(isReservedCode('000.00.00.G99')).toBe(false);
    expect(reservedCode(RESERVED_CAPACITY - 1)).toBe('000.99.99.G99');
  });
});
