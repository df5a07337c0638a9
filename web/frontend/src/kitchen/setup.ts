import type { Translate } from '../shared/i18n';
import type { StaffSession } from '../shared/staff';
import type { KitchenApi } from './api';
import type { Messages } from './messages';

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

/** What a tablet's screen of tickets is given: where it is, how to call the API, and how to leave it. */
export interface ScreenProps {
  t: Translate<Messages>;
  api: KitchenApi;
  staff: StaffSession;
  setup: Setup;
  /** Back to choosing the location and stations. */
  onChange: () => void;
  onSignedOut: () => void;
}
