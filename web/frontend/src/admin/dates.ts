/** Calendar days as a location's own time zone has them, whatever the browser's zone. */

/** The date it is now in the zone, as YYYY-MM-DD. */
export function today(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The days from {@code days - 1} days ago to today, both included. */
export function lastDays(days: number, timeZone: string, now: Date = new Date()): { from: string; to: string } {
  const to = today(timeZone, now);
  return { from: plusDays(to, -(days - 1)), to };
}

export function plusDays(date: string, days: number): string {
  const noon = new Date(`${date}T12:00:00Z`);
  noon.setUTCDate(noon.getUTCDate() + days);
  return noon.toISOString().slice(0, 10);
}

/** The instant the day starts in the zone (its midnight, or the first moment after a gap in its clock). */
export function startOfDay(date: string, timeZone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let guess = midnightUtc - offsetAt(midnightUtc, timeZone);
  guess = midnightUtc - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute),
    Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}
