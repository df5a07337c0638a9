import { request } from '../shared/http';
import type { StaffSession } from '../shared/staff';
import { stationsOf, type Stationed } from '../shared/stations';

export interface TicketItem {
  lineId: string;
  name: string;
  sizeName: string | null;
  quantity: number;
  choices: string[];
  allergens: string[];
  note: string | null;
  alsoFor: string | null;
  bumped: boolean;
  voided: boolean;
}

export interface Ticket {
  id: string;
  orderId: string;
  station: string;
  tableName: string | null;
  round: number;
  course: number;
  state: 'HELD' | 'OPEN' | 'BUMPED' | 'VOIDED';
  heldFor: 'COURSE' | 'APPROVAL' | 'SCHEDULE' | null;
  firedAt: string | null;
  bumpedAt: string | null;
  allergens: string[];
  items: TicketItem[];
}

export interface ExpeditorOrder {
  orderId: string;
  tableName: string | null;
  ageSeconds: number;
  ready: boolean;
  tickets: Ticket[];
}

export interface Location {
  id: string;
  details: { name: string };
}

interface Paged<T> {
  items: T[];
}

interface Menu {
  id: string;
  locationIds: string[];
}

/** The calls a kitchen tablet makes, each with a fresh staff token. */
export class KitchenApi {
  constructor(private readonly staff: StaffSession) {}

  private async get<T>(path: string): Promise<T> {
    return request<T>(path, { token: await this.staff.token() });
  }

  async locations(): Promise<Location[]> {
    return (await this.get<Paged<Location>>(`/api/v1/tenants/${this.staff.tenant}/locations?size=200`)).items;
  }

  /** The stations the location's menus send dishes to (a station is whatever name the menu gives it). */
  async stations(locationId: string): Promise<string[]> {
    const menus = (await this.get<Paged<Menu>>('/api/v1/menus?size=200')).items.filter((menu) => menu.locationIds.includes(locationId));
    return stationsOf(await Promise.all(menus.map((menu) => this.get<Stationed>(`/api/v1/menus/${menu.id}/draft`))));
  }

  tickets(locationId: string, station: string): Promise<Ticket[]> {
    return this.get(`/api/v1/kitchen/tickets?locationId=${locationId}&station=${encodeURIComponent(station)}`);
  }

  recentlyBumped(locationId: string, station: string): Promise<Ticket[]> {
    return this.get(`/api/v1/kitchen/tickets/recently-bumped?locationId=${locationId}&station=${encodeURIComponent(station)}`);
  }

  held(locationId: string): Promise<Ticket[]> {
    return this.get(`/api/v1/kitchen/tickets/held?locationId=${locationId}`);
  }

  expeditor(locationId: string): Promise<ExpeditorOrder[]> {
    return this.get(`/api/v1/kitchen/expeditor?locationId=${locationId}`);
  }

  async fire(orderId: string, course: number): Promise<Ticket[]> {
    return request(`/api/v1/kitchen/orders/${orderId}/courses/${course}/fire`, { method: 'POST', token: await this.staff.token() });
  }

  async served(orderId: string): Promise<unknown> {
    return request(`/api/v1/orders/${orderId}/serving`, { method: 'POST', token: await this.staff.token() });
  }

  async bump(ticketId: string): Promise<Ticket> {
    return request(`/api/v1/kitchen/tickets/${ticketId}/bump`, { method: 'POST', token: await this.staff.token() });
  }

  async recall(ticketId: string): Promise<Ticket> {
    return request(`/api/v1/kitchen/tickets/${ticketId}/recall`, { method: 'POST', token: await this.staff.token() });
  }
}
