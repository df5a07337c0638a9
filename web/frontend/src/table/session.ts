import { claimsOf } from '../shared/http';

/** Where a scan put the phone: its table session, its guest id and the diner token it holds. */
export interface TableSession {
  tenant: string;
  location: string;
  table: string;
  session: string;
  guest: string;
  token: string;
  /** Epoch milliseconds after which the token is refused. */
  expiresAt: number;
}

const KEY = 'urop.table';

/**
 * The session a scan just handed over (query and fragment of the page's URL), kept so that a reload, Stripe's return
 * and a reopened tab find it; the token leaves the address bar at once. Otherwise the one kept, while it is valid.
 */
export function currentSession(location: Location, storage: Storage, now: number = Date.now()): TableSession | null {
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  const [sessionId, locationId, tableId, guest] = ['session', 'location', 'table', 'guest'].map((name) => query.get(name));
  if (token && sessionId && locationId && tableId && guest) {
    const claims = claimsOf(token);
    const session: TableSession = {
      tenant: String(claims.tid),
      location: locationId,
      table: tableId,
      session: sessionId,
      guest,
      token,
      expiresAt: now + Number(fragment.get('expiresIn') ?? 0) * 1000,
    };
    keepSession(session, storage);
    history.replaceState(null, '', location.pathname);
    return session;
  }
  const kept = storage.getItem(KEY);
  if (kept) {
    const session = JSON.parse(kept) as TableSession;
    if (session.expiresAt > now) {
      return session;
    }
    storage.removeItem(KEY);
  }
  return null;
}

export function keepSession(session: TableSession, storage: Storage): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function forgetSession(storage: Storage): void {
  storage.removeItem(KEY);
}
