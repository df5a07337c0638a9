/** What a tablet shows: a location's stations, or the expeditor's view of every order there. */
export interface Setup {
  locationId: string;
  locationName: string;
  stations: string[];
  expeditor: boolean;
}

const KEY = 'urop.kitchen.setup';

export function keptSetup(): Setup | null {
  const kept = localStorage.getItem(KEY);
  return kept ? { expeditor: false, ...(JSON.parse(kept) as Omit<Setup, 'expeditor'>) } : null;
}

export function keepSetup(setup: Setup | null): void {
  if (setup) {
    localStorage.setItem(KEY, JSON.stringify(setup));
  } else {
    localStorage.removeItem(KEY);
  }
}
