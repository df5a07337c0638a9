import { describe, expect, it } from 'vitest';
import type { Ticket } from './api';
import { heldCourses } from './Board';
import { lateness } from './TicketCard';

const ticket = (orderId: string, station: string, course: number, item: string): Ticket => ({
  id: `${orderId}-${station}-${course}`, orderId, station, tableName: 'Table 2', round: 0, course, state: 'HELD',
  heldFor: 'COURSE', firedAt: null, bumpedAt: null, allergens: [],
  items: [{ lineId: item, name: item, sizeName: null, quantity: 1, choices: [], allergens: [], note: null, alsoFor: null, bumped: false, voided: false }],
});

describe('the courses a kitchen holds back', () => {
  it('are one per order and course, whatever stations make them', () => {
    const courses = heldCourses([ticket('o1', 'grill', 2, 'Steak'), ticket('o1', 'kitchen', 2, 'Gratin'), ticket('o1', 'pastry', 3, 'Tarte'),
      ticket('o2', 'grill', 2, 'Burger')]);
    expect(courses.map((c) => [c.orderId, c.course, c.items])).toEqual([
      ['o1', 2, '1× Steak, 1× Gratin'], ['o1', 3, '1× Tarte'], ['o2', 2, '1× Burger']]);
  });
});

describe('how late a ticket looks', () => {
  it('turns amber at 8 minutes and red at 15', () => {
    expect([0, 479, 480, 899, 900].map(lateness)).toEqual(['fresh', 'fresh', 'slow', 'slow', 'late']);
  });
});
