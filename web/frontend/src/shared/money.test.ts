import { describe, expect, it } from 'vitest';
import { parseAmount, tipOf } from './money';

describe('an amount a person types', () => {
  it('is read in minor units, with a point or a comma', () => {
    expect(parseAmount('12', 2)).toBe(1200);
    expect(parseAmount('12.5', 2)).toBe(1250);
    expect(parseAmount(' 12,50 ', 2)).toBe(1250);
    expect(parseAmount('0.05', 2)).toBe(5);
    expect(parseAmount('1500', 0)).toBe(1500);
    expect(parseAmount('12.', 2)).toBe(1200);
  });

  it('is refused when it is not one', () => {
    for (const typed of ['', 'abc', '-3', '1.234', '1e3', '12 50']) {
      expect(parseAmount(typed, 2), typed).toBeNull();
    }
    expect(parseAmount('12.5', 0)).toBeNull();
  });
});

describe('a tip', () => {
  it('is a percentage of the amount, rounded half up to the minor unit', () => {
    expect(tipOf(4780, 10)).toBe(478);
    expect(tipOf(1890, 10)).toBe(189);
    expect(tipOf(1005, 10)).toBe(101);
    expect(tipOf(1220, 0)).toBe(0);
  });
});
