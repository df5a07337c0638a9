import { request } from '../shared/http';
import type { Choice, DinerMenu } from './menu';
import { keepSession, type TableSession } from './session';

export interface CartLine {
  id: string;
  guestId: string;
  guestName: string | null;
  mine: boolean;
  itemId: string;
  name: string;
  sizeId: string | null;
  sizeName: string | null;
  quantity: number;
  choices: LineChoice[];
  note: string | null;
  unitPrice: number;
  total: number;
  orderable: boolean;
  problems: { path: string; code: string; message: string }[];
}

export interface LineChoice {
  optionId: string;
  name: string;
  quantity: number;
  preModifier: string | null;
  choices: LineChoice[];
}

export interface Cart {
  lines: CartLine[];
  total: number;
  submission: 'TABLE' | 'GUEST';
}

export type OrderState =
  | 'PENDING_PAYMENT' | 'PLACED' | 'ACCEPTED' | 'PREPARING' | 'READY' | 'SERVED' | 'COMPLETED' | 'CANCELLED' | 'REJECTED';

export interface Order {
  id: string;
  state: OrderState;
  settlement: 'PAY_FIRST' | 'ON_TAB' | 'AT_COUNTER' | 'COUNTER_FIRST';
  currency: string;
  lines: { id: string; itemId: string; name: string; sizeId: string | null; sizeName: string | null; quantity: number; total: number; choices: LineChoice[]; voided: boolean }[];
  total: number;
  placedAt: string;
}

export interface Checkout {
  url: string;
  total: number;
  tip: number;
}

export interface Bill {
  currency: string;
  owed: number;
  paid: number;
  beingPaid: number;
  remaining: number;
  state: 'OPEN' | 'SETTLED' | 'MERGED';
}

export interface BillItem {
  lineId: string;
  name: string;
  amount: number;
  state: 'OPEN' | 'HELD' | 'PAID';
}

/** One way of sharing the bill: equal parts, an amount, or the lines a guest had. */
export type Share = { parts: number } | { amount: number } | { lineIds: string[] };

export interface NewLine {
  itemId: string;
  sizeId: string | null;
  quantity: number;
  choices: Choice[];
  note: string | null;
  guestName: string | null;
}

/** A token this close to its end is renewed before it is used (the socket and slow networks need the margin). */
const RENEW_BEFORE_MS = 15 * 60 * 1000;

/**
 * The calls a diner's phone makes, each with the diner's token, renewed for as long as the table session lasts: a
 * party seated longer than one token's life is never sent back to the QR code.
 */
export class DinerApi {
  private renewal: Promise<string> | null = null;
  private prefetched: { language: string; menu: Promise<DinerMenu> } | null = null;

  constructor(readonly session: TableSession, private readonly storage: Storage = localStorage) {}

  /** Asks for the menu now, for the first {@link menu} call in that language to take. */
  prefetchMenu(language: string): void {
    const menu = this.fetchMenu(language);
    menu.catch(() => {}); // the call that takes it handles its failure
    this.prefetched = { language, menu };
  }

  /** The diner's token, renewed first when it is about to run out. */
  async token(now: number = Date.now()): Promise<string> {
    if (this.session.expiresAt - now > RENEW_BEFORE_MS) {
      return this.session.token;
    }
    this.renewal ??= request<{ accessToken: string; expiresIn: number }>('/api/v1/table-sessions/current/token', {
      method: 'POST', token: this.session.token,
    }).then((fresh) => {
      Object.assign(this.session, { token: fresh.accessToken, expiresAt: Date.now() + fresh.expiresIn * 1000 });
      keepSession(this.session, this.storage);
      return fresh.accessToken;
    }).finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  menu(language: string): Promise<DinerMenu> {
    const early = this.prefetched;
    this.prefetched = null;
    return early?.language === language ? early.menu : this.fetchMenu(language);
  }

  private async fetchMenu(language: string): Promise<DinerMenu> {
    return request(`/api/v1/public/locations/${this.session.location}/menu?lang=${language}`, { token: await this.token() });
  }

  async cart(): Promise<Cart> {
    return request('/api/v1/orders/cart', { token: await this.token() });
  }

  async addLine(line: NewLine): Promise<Cart> {
    return request('/api/v1/orders/cart/lines', { method: 'POST', token: await this.token(), body: line, idempotencyKey: crypto.randomUUID() });
  }

  async removeLine(lineId: string): Promise<Cart> {
    return request(`/api/v1/orders/cart/lines/${lineId}`, { method: 'DELETE', token: await this.token() });
  }

  /** Sends the cart to the kitchen; the key is the phone's intent, reused if the answer was lost. */
  async submit(idempotencyKey: string): Promise<Order> {
    return request('/api/v1/orders/cart/submission', { method: 'POST', token: await this.token(), body: {}, idempotencyKey });
  }

  async orders(): Promise<Order[]> {
    return request('/api/v1/orders/table-session', { token: await this.token() });
  }

  async order(id: string): Promise<Order> {
    return request(`/api/v1/orders/${id}`, { token: await this.token() });
  }

  /** Asks for a member of staff to come to the table: a waiter, or to pay with them. */
  async callStaff(reason: 'WAITER' | 'BILL', guestName: string | null): Promise<unknown> {
    return request('/api/v1/table-sessions/current/assistance', { method: 'POST', token: await this.token(), body: { reason, guestName } });
  }

  async bill(): Promise<Bill> {
    return request('/api/v1/payments/table-session/bill', { token: await this.token() });
  }

  async billItems(): Promise<BillItem[]> {
    return request('/api/v1/payments/table-session/bill/items', { token: await this.token() });
  }

  /** A guest's share of the table's bill, with a tip, to pay on Stripe's page. */
  async payShare(share: Share, tipPercent: number, idempotencyKey: string): Promise<Checkout> {
    return request('/api/v1/payments/table-session/shares', {
      method: 'POST', token: await this.token(), body: { ...share, tipPercent }, idempotencyKey,
    });
  }

  async checkout(orderId: string, tipPercent: number): Promise<Checkout> {
    return request(`/api/v1/payments/orders/${orderId}/checkout`, { method: 'POST', token: await this.token(), body: { tipPercent } });
  }
}
