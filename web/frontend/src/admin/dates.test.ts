import { describe, expect, it } from 'vitest';
import { lastDays, plusDays, startOfDay, today } from './dates';

describe('a location’s days', () => {
  it('are its own calendar’s, not the browser’s', () => {
    const lateEvening = new Date('2026-11-02T23:30:00Z');
    expect(today('Europe/Paris', lateEvening)).toBe('2026-11-03');
    expect(today('America/New_York', lateEvening)).toBe('2026-11-02');
  });

  it('count back whole days, across months', () => {
    expect(lastDays(7, 'Europe/Paris', new Date('2026-12-03T10:00:00Z'))).toEqual({ from: '2026-11-27', to: '2026-12-03' });
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('start at the zone’s midnight, summer time or not', () => {
    expect(startOfDay('2026-11-03', 'Europe/Paris').toISOString()).toBe('2026-11-02T23:00:00.000Z');
    expect(startOfDay('2026-07-01', 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfDay('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-03-30', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('2026-11-03', 'America/Sao_Paulo').toISOString()).toBe('2026-11-03T03:00:00.000Z');
  });
});
