import { request } from '../shared/http';
import { problemOf } from '../shared/problem';
import type { StaffSession } from '../shared/staff';
import { stationsOf, type Stationed } from '../shared/stations';
import type { Draft } from './draft';

export interface Location {
  id: string;
  details: LocationDetails;
}

export interface OpeningPeriod {
  day: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
  opens: string;
  closes: string;
}

/** A location as its owner describes it (tenant-service's LocationDetails). */
export interface LocationDetails {
  name: string;
  address: { line1: string; line2: string | null; postalCode: string; city: string; country: string };
  currency: string;
  timeZone: string;
  taxRateBasisPoints: number;
  pricesIncludeTax: boolean;
  serviceChargeBasisPoints: number;
  paymentMode: 'PAY_WHEN_ORDERING' | 'PAY_AT_THE_END' | 'EITHER';
  openingHours: OpeningPeriod[];
  menuAccess: 'PUBLIC' | 'TABLE_GUESTS';
  firstOrderApproval: boolean;
}

export interface Pacing {
  onlineOrderingPaused: boolean;
  maxOrdersPerSlot: number | null;
  maxPrepMinutesPerStation: Record<string, number>;
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

/** One change between two versions of a menu, as menu-service compares them. */
export interface MenuChange {
  kind: 'ADDED' | 'REMOVED' | 'CHANGED';
  part: 'MENU' | 'DAYPART' | 'CATEGORY' | 'ITEM';
  id: string | null;
  name: string;
  fields: string[];
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

export interface OrderFilter {
  from?: Date;
  to?: Date;
  state?: string;
  q?: string;
  page?: number;
}

export interface OrderDetail {
  id: string;
  state: string;
  channel: string;
  currency: string;
  subtotal: number;
  tax: number;
  taxIncluded: boolean;
  serviceCharge: number;
  total: number;
  refunded: number;
  note: string | null;
  placedAt: string;
  paidAt: string | null;
  paidWith: string | null;
  lines: { id: string; name: string; sizeName: string | null; quantity: number; total: number; voided: boolean; voidReason: string | null }[];
}

export interface Transition {
  from: string | null;
  to: string;
  byRole: string;
  reason: string | null;
  at: string;
}

export interface PaymentRecord {
  id: string;
  state: string;
  currency: string;
  amount: number;
  tip: number;
  paid: number;
  refunded: number;
  refundable: number;
  refunds: { id: string; amount: number; reason: string; automatic: boolean; state: 'PENDING' | 'SUCCEEDED' | 'FAILED'; createdAt: string }[];
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

export interface SalesReport {
  currency: string;
  timeZone: string;
  from: string;
  to: string;
  totals: { orders: number; sales: number; refunded: number; averageOrder: number };
  days: { date: string; orders: number; sales: number }[];
  hours: { hour: number; orders: number; sales: number }[];
  items: { itemId: string; name: string; quantity: number; sales: number }[];
  stations: { station: string; tickets: number; medianSeconds: number; p90Seconds: number }[];
}

export interface Paged<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
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
    const { body, etag } = await this.tagged<Draft>(await fetch(`/api/v1/menus/${menuId}/draft`, { headers: await this.headers() }));
    return { draft: body, etag };
  }

  async saveDraft(menuId: string, revision: Revision): Promise<Revision> {
    const { body, etag } = await this.tagged<Draft>(await fetch(`/api/v1/menus/${menuId}/draft`, {
      method: 'PUT',
      headers: { ...(await this.headers()), 'Content-Type': 'application/json', 'If-Match': revision.etag },
      body: JSON.stringify(revision.draft),
    }));
    return { draft: body, etag };
  }

  publish(menuId: string): Promise<{ version: number }> {
    return this.call(`/api/v1/menus/${menuId}/versions`, 'POST');
  }

  async versions(menuId: string): Promise<Version[]> {
    return (await this.call<Paged<Version>>(`/api/v1/menus/${menuId}/versions?size=20`)).items;
  }

  /** What changed from a version to another, or to the draft when {@code to} is absent. */
  changes(menuId: string, from: number, to?: number): Promise<MenuChange[]> {
    return this.call(`/api/v1/menus/${menuId}/versions/${from}/changes${to ? `?to=${to}` : ''}`);
  }

  /** Publishes that version's menu again, as the next version, and makes it the draft. */
  restore(menuId: string, version: number): Promise<{ version: number }> {
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

  /** A picture for a dish, stored in the widths the menu serves; the draft names it by its key. */
  async uploadPicture(file: File): Promise<{ imageKey: string; urls: Record<string, string> }> {
    const response = await fetch('/api/v1/menus/images', {
      method: 'POST', headers: { ...(await this.headers()), 'Content-Type': file.type || 'application/octet-stream' }, body: file,
    });
    if (!response.ok) {
      throw await problemOf(response);
    }
    return (await response.json()) as { imageKey: string; urls: Record<string, string> };
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

  pastOrders(locationId: string, filter: OrderFilter, size = 25): Promise<Paged<OrderSummary>> {
    const query = new URLSearchParams({ locationId, size: String(size), page: String(filter.page ?? 0) });
    if (filter.from) query.set('from', filter.from.toISOString());
    if (filter.to) query.set('to', filter.to.toISOString());
    if (filter.state) query.set('state', filter.state);
    if (filter.q) query.set('q', filter.q);
    return this.call(`/api/v1/orders?${query}`);
  }

  order(orderId: string): Promise<OrderDetail> {
    return this.call(`/api/v1/orders/${orderId}`);
  }

  history(orderId: string): Promise<Transition[]> {
    return this.call(`/api/v1/orders/${orderId}/history`);
  }

  /** The order's online payment, or null when it was not paid online as it was placed. */
  async paymentOf(orderId: string): Promise<PaymentRecord | null> {
    try {
      return await this.call<PaymentRecord>(`/api/v1/payments/orders/${orderId}`);
    } catch (problem) {
      if ((problem as { status?: number }).status === 404) {
        return null;
      }
      throw problem;
    }
  }

  refund(paymentId: string, amount: number, reason: string, idempotencyKey: string): Promise<unknown> {
    return this.call(`/api/v1/payments/${paymentId}/refunds`, 'POST', { amount, reason }, idempotencyKey);
  }

  /** The location's details with the revision a change must name (If-Match), so that no one's change is lost. */
  async location(locationId: string): Promise<{ details: LocationDetails; etag: string }> {
    const { body, etag } = await this.tagged<Location>(await fetch(`/api/v1/tenants/${this.tenant}/locations/${locationId}`,
      { headers: await this.headers() }));
    return { details: body.details, etag };
  }

  async saveLocation(locationId: string, details: LocationDetails, etag: string): Promise<{ details: LocationDetails; etag: string }> {
    const saved = await this.tagged<Location>(await fetch(`/api/v1/tenants/${this.tenant}/locations/${locationId}`, {
      method: 'PUT',
      headers: { ...(await this.headers()), 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify(details),
    }));
    return { details: saved.body.details, etag: saved.etag };
  }

  openLocation(details: LocationDetails): Promise<Location> {
    return this.call(`/api/v1/tenants/${this.tenant}/locations`, 'POST', details);
  }

  async cartSubmission(locationId: string): Promise<'TABLE' | 'GUEST'> {
    return (await this.call<{ cartSubmission: 'TABLE' | 'GUEST' }>(`/api/v1/orders/settings?locationId=${locationId}`)).cartSubmission;
  }

  saveCartSubmission(locationId: string, cartSubmission: 'TABLE' | 'GUEST'): Promise<unknown> {
    return this.call(`/api/v1/orders/settings?locationId=${locationId}`, 'PUT', { cartSubmission });
  }

  pacing(locationId: string): Promise<Pacing> {
    return this.call(`/api/v1/kitchen/pacing?locationId=${locationId}`);
  }

  savePacing(locationId: string, pacing: Pacing): Promise<Pacing> {
    return this.call(`/api/v1/kitchen/pacing?locationId=${locationId}`, 'PUT', pacing);
  }

  /** The stations the location's menus send dishes to. */
  async stations(locationId: string): Promise<string[]> {
    const menus = await this.menus(locationId);
    return stationsOf(await Promise.all(menus.map(async (menu) => (await this.draft(menu.id)).draft as Stationed)));
  }

  report(locationId: string, from: string, to: string): Promise<SalesReport> {
    return this.call(`/api/v1/orders/report?locationId=${locationId}&from=${from}&to=${to}`);
  }

  async members(): Promise<Member[]> {
    return (await this.call<Paged<Member>>(`/api/v1/tenants/${this.tenant}/members?size=200`)).items;
  }

  /** Owners only: the member's new role, at the locations they were limited to. */
  changeAccess(member: Member, role: string): Promise<Member> {
    return this.call(`/api/v1/tenants/${this.tenant}/members/${member.id}/access`, 'PUT', { role, locationIds: member.locationIds });
  }

  deactivate(memberId: string): Promise<unknown> {
    return this.call(`/api/v1/tenants/${this.tenant}/members/${memberId}/deactivation`, 'POST');
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

  /** An answer's body with the entity tag a change to it must name (If-Match). */
  private async tagged<T>(response: Response): Promise<{ body: T; etag: string }> {
    if (!response.ok) {
      throw await problemOf(response);
    }
    return { body: (await response.json()) as T, etag: response.headers.get('ETag') ?? '' };
  }
}
