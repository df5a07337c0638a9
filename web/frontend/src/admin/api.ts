import { request } from '../shared/http';
import { problemOf } from '../shared/problem';
import type { StaffSession } from '../shared/staff';
import type { Draft } from './draft';

export interface Location {
  id: string;
  details: { name: string; currency: string; timeZone: string };
}

export interface Menu {
  id: string;
  name: string;
  locationIds: string[];
}

export interface Version {
  version: number;
  publishedAt: string;
}

export interface Area {
  id: string;
  name: string;
}

export interface Table {
  id: string;
  name: string;
  areaId: string;
  seats: number;
  active: boolean;
}

export interface OrderSummary {
  id: string;
  state: string;
  tableName: string | null;
  currency: string;
  total: number;
  placedAt: string;
  items: { name: string; quantity: number; voided: boolean }[];
}

export interface Member {
  id: string;
  email: string;
  displayName: string;
  role: string;
  locationIds: string[];
  active: boolean;
}

export interface Invitation {
  id: string;
  email: string;
  role: string;
  status: 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';
  expiresAt: string;
}

export interface PaymentAccount {
  connected: boolean;
  takesPayments: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
}

interface Paged<T> {
  items: T[];
}

/** A draft as read or saved, with the revision a save must name (If-Match) so that no one's edit is lost. */
export interface Revision {
  draft: Draft;
  etag: string;
}

/** The calls the owner's dashboard makes, each with a fresh staff token. */
export class AdminApi {
  constructor(private readonly staff: StaffSession) {}

  get tenant(): string {
    return this.staff.tenant;
  }

  private async call<T>(path: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE' = 'GET', body?: unknown, idempotencyKey?: string): Promise<T> {
    return request<T>(path, { method, body, token: await this.staff.token(), ...(idempotencyKey ? { idempotencyKey } : {}) });
  }

  async locations(): Promise<Location[]> {
    return (await this.call<Paged<Location>>(`/api/v1/tenants/${this.tenant}/locations?size=200`)).items;
  }

  async menus(locationId: string): Promise<Menu[]> {
    return (await this.call<Paged<Menu>>('/api/v1/menus?size=200')).items.filter((menu) => menu.locationIds.includes(locationId));
  }

  createMenu(name: string, currency: string, defaultLanguage: string, locationId: string): Promise<Menu> {
    return this.call('/api/v1/menus', 'POST', { name, currency, defaultLanguage, locationIds: [locationId] });
  }

  async draft(menuId: string): Promise<Revision> {
    return this.revision(await fetch(`/api/v1/menus/${menuId}/draft`, { headers: await this.headers() }));
  }

  async saveDraft(menuId: string, revision: Revision): Promise<Revision> {
    return this.revision(await fetch(`/api/v1/menus/${menuId}/draft`, {
      method: 'PUT',
      headers: { ...(await this.headers()), 'Content-Type': 'application/json', 'If-Match': revision.etag },
      body: JSON.stringify(revision.draft),
    }));
  }

  publish(menuId: string): Promise<{ version: number }> {
    return this.call(`/api/v1/menus/${menuId}/versions`, 'POST');
  }

  async versions(menuId: string): Promise<Version[]> {
    return (await this.call<Paged<Version>>(`/api/v1/menus/${menuId}/versions?size=20`)).items;
  }

  restore(menuId: string, version: number): Promise<unknown> {
    return this.call(`/api/v1/menus/${menuId}/versions/${version}/restoration`, 'POST');
  }

  async unavailable(locationId: string): Promise<Set<string>> {
    const marked = await this.call<{ targetId: string }[]>(`/api/v1/menus/locations/${locationId}/unavailable`);
    return new Set(marked.map((mark) => mark.targetId));
  }

  markUnavailable(locationId: string, id: string, unavailable: boolean): Promise<unknown> {
    return this.call(`/api/v1/menus/locations/${locationId}/unavailable/${id}`, unavailable ? 'PUT' : 'DELETE');
  }

  async areas(locationId: string): Promise<Area[]> {
    return (await this.call<Paged<Area>>(`/api/v1/areas?locationId=${locationId}&size=200`)).items;
  }

  createArea(locationId: string, name: string): Promise<Area> {
    return this.call('/api/v1/areas', 'POST', { locationId, name });
  }

  async tables(locationId: string): Promise<Table[]> {
    return (await this.call<Paged<Table>>(`/api/v1/tables?locationId=${locationId}&size=200`)).items;
  }

  createTable(locationId: string, areaId: string, name: string, seats: number): Promise<Table> {
    return this.call('/api/v1/tables', 'POST', { locationId, areaId, name, seats });
  }

  /** A file the API serves to staff only (a QR code, a printable sheet), as a URL the page can show or download. */
  async file(path: string): Promise<string> {
    const response = await fetch(path, { headers: await this.headers() });
    if (!response.ok) {
      throw await problemOf(response);
    }
    return URL.createObjectURL(await response.blob());
  }

  async orders(locationId: string): Promise<OrderSummary[]> {
    return (await this.call<Paged<OrderSummary>>(`/api/v1/orders?locationId=${locationId}&size=50`)).items;
  }

  async members(): Promise<Member[]> {
    return (await this.call<Paged<Member>>(`/api/v1/tenants/${this.tenant}/members?size=200`)).items;
  }

  async invitations(): Promise<Invitation[]> {
    return (await this.call<Paged<Invitation>>(`/api/v1/tenants/${this.tenant}/invitations?size=200`)).items;
  }

  invite(email: string, role: string, locationIds: string[]): Promise<Invitation> {
    return this.call(`/api/v1/tenants/${this.tenant}/invitations`, 'POST', { email, role, locationIds });
  }

  withdraw(invitationId: string): Promise<unknown> {
    return this.call(`/api/v1/tenants/${this.tenant}/invitations/${invitationId}`, 'DELETE');
  }

  paymentAccount(): Promise<PaymentAccount> {
    return this.call('/api/v1/payments/account');
  }

  /** Where the owner completes Stripe's onboarding of the restaurant's own account (created the first time). */
  onboardingLink(): Promise<{ url: string }> {
    return this.call('/api/v1/payments/account/onboarding-links', 'POST');
  }

  token(): Promise<string> {
    return this.staff.token();
  }

  private async headers(): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.staff.token()}`, Accept: 'application/json' };
  }

  private async revision(response: Response): Promise<Revision> {
    if (!response.ok) {
      throw await problemOf(response);
    }
    return { draft: (await response.json()) as Draft, etag: response.headers.get('ETag') ?? '' };
  }
}
