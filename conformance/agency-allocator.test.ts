import { describe, expect, it } from 'vitest';
import { inReservation, reservedIndex } from '../simulator/directory/reserved-range.ts';
import { AllocationError, RESERVED_CAPACITY, createAgencyAllocator, isReservedCode, reservedCode, reservedQd20Form } from './agency-allocator.ts';

describe('agency allocator', () => {
  it('hands out the reservation in order and remembers each code’s case', () => {
    const allocator = createAgencyAllocator({ start: 0, count: 5 });
    const a = allocator.allocate('R-06', 3);
    const b = allocator.allocate('S-06', 2);
    expect(a).toEqual(['000.01.01.G99', '000.01.02.G99', '000.01.03.G99']);
    expect(new Set([...a, ...b]).size).toBe(5);
    for (const code of [...a, ...b]) expect(isReservedCode(code)).toBe(true);
    expect(allocator.ownerOf(b[1])).toBe('S-06');
    expect(allocator.ownerOf('000.00.00.G22')).toBeUndefined();
    expect(() => allocator.allocate('X', 1)).toThrow(AllocationError);
  });

  it('starts where the store reserved, wrapping around the range', () => {
    expect(createAgencyAllocator({ start: 99, count: 2 }).allocate('T-01', 2)).toEqual(['000.02.01.G99', '000.02.02.G99']);
    expect(createAgencyAllocator({ start: RESERVED_CAPACITY * 3 + 1, count: 1 }).allocate('T-01', 1)).toEqual(['000.01.02.G99']);
  });

  it('never produces the parent itself or malformed codes', () => {
    expect(isReservedCode('000.00.00.G99')).toBe(false);
    expect(reservedCode(RESERVED_CAPACITY - 1)).toBe('000.99.99.G99');
  });
});

describe('reserved range', () => {
  it('finds a code’s position in either form, and whether a reservation holds it', () => {
    const code = reservedCode(150);
    expect(reservedIndex(code)).toBe(150);
    expect(reservedIndex(reservedQd20Form(code)!)).toBe(150);
    expect(reservedIndex('000.00.00.H41')).toBeUndefined();
    expect(inReservation(code, 140, 20)).toBe(true);
    expect(inReservation(reservedQd20Form(code)!, 140, 20)).toBe(true);
    expect(inReservation(code, 151, 20)).toBe(false);
    // A reservation that runs past the end of the range wraps to its start.
    expect(inReservation(reservedCode(3), RESERVED_CAPACITY - 2, 10)).toBe(true);
    expect(inReservation(reservedCode(3), RESERVED_CAPACITY * 5 - 2, 5)).toBe(false);
  });
});
