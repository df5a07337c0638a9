import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from './http';

afterEach(() => vi.unstubAllGlobals());

function answering(response: () => Response) {
  vi.stubGlobal('fetch', vi.fn(async () => response()));
}

describe('a call to the API', () => {
  it('reads the JSON answered', async () => {
    answering(() => new Response('{"state":"OPEN"}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect(await request('/api/v1/x')).toEqual({ state: 'OPEN' });
  });

  it('takes an accepted or empty answer as done, without a body to read', async () => {
    answering(() => new Response(null, { status: 202 }));
    expect(await request('/api/v1/auth/password-reset', { method: 'POST', body: { email: 'a@b.example' } })).toBeUndefined();
    answering(() => new Response(null, { status: 204 }));
    expect(await request('/api/v1/x', { method: 'DELETE' })).toBeUndefined();
  });

  it('turns a problem into an error with its status and detail', async () => {
    answering(() => new Response('{"title":"Conflict","detail":"Ordering paused","status":409}',
      { status: 409, headers: { 'Content-Type': 'application/problem+json' } }));
    await expect(request('/api/v1/orders', { method: 'POST', body: {} })).rejects.toMatchObject({ status: 409, detail: 'Ordering paused' });
  });
});
