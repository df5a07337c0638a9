import { afterEach, describe, expect, it, vi } from 'vitest';
import { DinerApi } from './api';
import type { TableSession } from './session';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() { return this.items.size; }
  clear() { this.items.clear(); }
  getItem(key: string) { return this.items.get(key) ?? null; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
  removeItem(key: string) { this.items.delete(key); }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

function seated(expiresIn: number): TableSession {
  return { tenant: 't', location: 'l', table: 'tb', session: 's', guest: 'g', token: 'first', expiresAt: Date.now() + expiresIn };
}

/** qr-service's answers, as the phone receives them: a new token for the one it sent, then the calls it makes. */
function server() {
  const calls: { path: string; token: string | null }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init: RequestInit) => {
    const token = new Headers(init.headers).get('Authorization')?.replace('Bearer ', '') ?? null;
    calls.push({ path, token });
    const body = path.endsWith('/current/token') ? { accessToken: `renewed-${calls.length}`, tokenType: 'Bearer', expiresIn: 10800 }
      : { lines: [], total: 0, submission: 'TABLE' };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the diner’s token', () => {
  it('is used as it is while it has time left', async () => {
    const calls = server();
    await new DinerApi(seated(60 * 60 * 1000), new MemoryStorage()).cart();
    expect(calls).toEqual([{ path: '/api/v1/orders/cart', token: 'first' }]);
  });

  it('is renewed once, for calls made together, when it is about to run out, and the renewed one is kept', async () => {
    const calls = server();
    const storage = new MemoryStorage();
    const api = new DinerApi(seated(5 * 60 * 1000), storage);
    await Promise.all([api.cart(), api.cart(), api.orders()]);
    expect(calls.filter((call) => call.path.endsWith('/current/token'))).toEqual([
      { path: '/api/v1/table-sessions/current/token', token: 'first' }]);
    expect(calls.filter((call) => !call.path.endsWith('/current/token')).map((call) => call.token))
      .toEqual(['renewed-1', 'renewed-1', 'renewed-1']);
    const kept = JSON.parse(storage.getItem('urop.table') ?? '{}') as TableSession;
    expect(kept.token).toBe('renewed-1');
    expect(kept.expiresAt).toBeGreaterThan(Date.now() + 2 * 60 * 60 * 1000);
  });
});

describe('the menu asked for before the first render', () => {
  it('is the one the app’s first read in that language takes, and only that one', async () => {
    const calls = server();
    const api = new DinerApi(seated(60 * 60 * 1000), new MemoryStorage());
    api.prefetchMenu('fr');
    await api.menu('fr');
    await api.menu('fr');
    api.prefetchMenu('de');
    await api.menu('en');
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/public/locations/l/menu?lang=fr',
      '/api/v1/public/locations/l/menu?lang=fr', '/api/v1/public/locations/l/menu?lang=de', '/api/v1/public/locations/l/menu?lang=en']);
  });
});
